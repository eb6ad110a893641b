package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Draft is what a learner last had in a lab's editor.
type Draft struct {
	Body      string
	UpdatedAt time.Time
}

// SaveDraft keeps the editor's text for one learner and lab, replacing
// the one before.
func (s *Store) SaveDraft(ctx context.Context, userID int64, labID, body string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	_, err := s.write.ExecContext(ctx,
		`INSERT INTO lab_drafts (user_id, lab_id, body, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT (user_id, lab_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
		userID, labID, body, s.now())
	if err != nil {
		return fmt.Errorf("store: save the draft of lab %q: %w", labID, err)
	}
	return nil
}

// Draft returns a learner's draft of a lab, or ErrNotFound.
func (s *Store) Draft(ctx context.Context, userID int64, labID string) (Draft, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var d Draft
	var updated string
	err := s.read.QueryRowContext(ctx, "SELECT body, updated_at FROM lab_drafts WHERE user_id = ? AND lab_id = ?", userID, labID).Scan(&d.Body, &updated)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return d, ErrNotFound
	case err != nil:
		return d, fmt.Errorf("store: the draft of lab %q: %w", labID, err)
	}
	d.UpdatedAt = parseTime(updated)
	return d, nil
}

// LatestSubmission returns a learner's newest attempt at a lab, or their
// newest passing one with passedOnly; ErrNotFound when there is none.
func (s *Store) LatestSubmission(ctx context.Context, userID int64, labID string, passedOnly bool) (Submission, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	q := "SELECT " + submissionColumns + " FROM submissions WHERE user_id = ? AND lab_id = ?"
	if passedOnly {
		q += " AND passed = 1"
	}
	sub, err := scanSubmission(s.read.QueryRowContext(ctx, q+" ORDER BY id DESC LIMIT 1", userID, labID))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return sub, fmt.Errorf("store: latest submission of lab %q: %w", labID, err)
	}
	return sub, err
}

// ChecklistTicks returns the items of a guide's checklist a user ticked.
func (s *Store) ChecklistTicks(ctx context.Context, userID int64, guideKey string) (map[int]bool, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT item FROM guide_checks WHERE user_id = ? AND guide_key = ?", userID, guideKey)
	if err != nil {
		return nil, fmt.Errorf("store: checklist of guide %q: %w", guideKey, err)
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var i int
		if err := rows.Scan(&i); err != nil {
			return nil, fmt.Errorf("store: checklist of guide %q: %w", guideKey, err)
		}
		out[i] = true
	}
	return out, rows.Err()
}

// SetChecklistTicks makes items exactly the ticked items of a guide's
// checklist for a user, in one transaction. An item ticked before keeps
// the time it was first ticked.
func (s *Store) SetChecklistTicks(ctx context.Context, userID int64, guideKey string, items []int) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		keep := make([]any, 0, len(items)+2)
		keep = append(keep, userID, guideKey)
		marks := ""
		for i, it := range items {
			if i > 0 {
				marks += ", "
			}
			marks += "?"
			keep = append(keep, it)
		}
		del := "DELETE FROM guide_checks WHERE user_id = ? AND guide_key = ?"
		if len(items) > 0 {
			del += " AND item NOT IN (" + marks + ")"
		}
		if _, err := tx.ExecContext(ctx, del, keep...); err != nil {
			return fmt.Errorf("store: checklist of guide %q: %w", guideKey, err)
		}
		now := s.now()
		for _, it := range items {
			if _, err := tx.ExecContext(ctx, "INSERT INTO guide_checks (user_id, guide_key, item, checked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", userID, guideKey, it, now); err != nil {
				return fmt.Errorf("store: checklist of guide %q: %w", guideKey, err)
			}
		}
		return nil
	})
}
