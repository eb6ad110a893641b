package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"ladder/labs"
)

// SubmissionsAfter returns up to limit submissions with ids above afterID,
// in id order, for one lab or (labID "") every lab: rejudging pages
// through every stored submission this way.
func (s *Store) SubmissionsAfter(ctx context.Context, labID string, afterID int64, limit int) ([]Submission, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	q := "SELECT " + submissionColumns + " FROM submissions WHERE id > ?"
	args := []any{afterID}
	if labID != "" {
		q += " AND lab_id = ?"
		args = append(args, labID)
	}
	q += " ORDER BY id LIMIT ?"
	args = append(args, limit)
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: submissions after %d: %w", afterID, err)
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("store: submissions after %d: %w", afterID, err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// Rejudged records a new verdict for a submission: the verdict it had is
// kept in its history (with the submission's time when it is the first),
// the new one is added, and the submission carries the new one from now
// on. It returns the verdict the submission had before.
func (s *Store) Rejudged(ctx context.Context, id int64, v labs.Verdict) (previous Submission, err error) {
	verdict, err := json.Marshal(v)
	if err != nil {
		return previous, fmt.Errorf("store: encode the new verdict of submission %d: %w", id, err)
	}
	err = s.transact(ctx, func(tx *sql.Tx) error {
		previous, err = scanSubmission(tx.QueryRowContext(ctx, "SELECT "+submissionColumns+" FROM submissions WHERE id = ?"+s.dialect.forUpdate, id))
		if err != nil {
			return err
		}
		var kept int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM verdict_history WHERE submission_id = ?", id).Scan(&kept); err != nil {
			return err
		}
		if kept == 0 {
			old, err := json.Marshal(previous.Verdict)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO verdict_history (submission_id, passed, verdict, graded_at, cause) VALUES (?, ?, ?, ?, 'submitted')",
				id, boolInt(previous.Passed), old, formatTime(previous.CreatedAt)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO verdict_history (submission_id, passed, verdict, graded_at, cause) VALUES (?, ?, ?, ?, 'rejudged')",
			id, boolInt(v.Passed), verdict, s.now()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE submissions SET passed = ?, verdict = ? WHERE id = ?", boolInt(v.Passed), verdict, id)
		return err
	})
	if err != nil {
		return previous, fmt.Errorf("store: record the new verdict of submission %d: %w", id, err)
	}
	return previous, nil
}

// VerdictRecord is one verdict in a submission's history.
type VerdictRecord struct {
	Passed   bool
	Verdict  labs.Verdict
	GradedAt time.Time
	Cause    string // "submitted" or "rejudged"
}

// VerdictHistory returns every verdict a submission has had, oldest first.
// A submission never rejudged has one: the verdict it was given.
func (s *Store) VerdictHistory(ctx context.Context, id int64) ([]VerdictRecord, error) {
	sub, err := s.SubmissionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT passed, verdict, graded_at, cause FROM verdict_history WHERE submission_id = ? ORDER BY id", id)
	if err != nil {
		return nil, fmt.Errorf("store: verdict history of submission %d: %w", id, err)
	}
	defer rows.Close()
	var out []VerdictRecord
	for rows.Next() {
		var r VerdictRecord
		var passed int
		var verdict, at string
		if err := rows.Scan(&passed, &verdict, &at, &r.Cause); err != nil {
			return nil, fmt.Errorf("store: verdict history of submission %d: %w", id, err)
		}
		if err := json.Unmarshal([]byte(verdict), &r.Verdict); err != nil {
			return nil, fmt.Errorf("store: verdict history of submission %d: %w", id, err)
		}
		r.Passed, r.GradedAt = passed == 1, parseTime(at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		out = []VerdictRecord{{Passed: sub.Passed, Verdict: sub.Verdict, GradedAt: sub.CreatedAt, Cause: "submitted"}}
	}
	return out, nil
}
