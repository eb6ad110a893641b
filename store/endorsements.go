package store

import (
	"context"
	"fmt"
	"time"
)

// Endorsement is a mentor's statement of a learner's level.
type Endorsement struct {
	ID           int64
	UserID       int64
	CompetencyID string
	Level        string
	Note         string
	MentorID     int64
	MentorName   string
	CreatedAt    time.Time
}

// AddEndorsement records an endorsement.
func (s *Store) AddEndorsement(ctx context.Context, e Endorsement) (int64, error) {
	return s.insert(ctx, "endorse "+e.CompetencyID,
		"INSERT INTO endorsements (user_id, competency_id, level, note, mentor_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		e.UserID, e.CompetencyID, e.Level, e.Note, nullID(e.MentorID), s.now())
}

// Endorsements lists a learner's endorsements, newest first.
func (s *Store) Endorsements(ctx context.Context, userID int64) ([]Endorsement, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, `SELECT e.id, e.user_id, e.competency_id, e.level, e.note, COALESCE(e.mentor_id, 0), COALESCE(u.display_name, ''), e.created_at
		FROM endorsements e LEFT JOIN users u ON u.id = e.mentor_id WHERE e.user_id = ? ORDER BY e.id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: endorsements of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []Endorsement
	for rows.Next() {
		var e Endorsement
		var at string
		if err := rows.Scan(&e.ID, &e.UserID, &e.CompetencyID, &e.Level, &e.Note, &e.MentorID, &e.MentorName, &at); err != nil {
			return nil, fmt.Errorf("store: endorsements of user %d: %w", userID, err)
		}
		e.CreatedAt = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
