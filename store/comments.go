package store

import (
	"context"
	"fmt"
	"time"
)

// Comment is a mentor's note on a submission.
type Comment struct {
	ID           int64
	SubmissionID int64
	AuthorID     int64
	Author       string
	Body         string
	CreatedAt    time.Time
	Read         bool
	LabID        string
}

// AddComment stores a comment on a submission.
func (s *Store) AddComment(ctx context.Context, submissionID, authorID int64, body string) (int64, error) {
	return s.insert(ctx, fmt.Sprintf("add comment to submission %d", submissionID),
		"INSERT INTO comments (submission_id, author_id, body, created_at) VALUES (?, ?, ?, ?)", submissionID, authorID, body, s.now())
}

func (s *Store) listComments(ctx context.Context, where string, args ...any) ([]Comment, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.submission_id, c.author_id, u.display_name, c.body, c.created_at, c.read_at IS NOT NULL, s.lab_id
		FROM comments c JOIN users u ON u.id = c.author_id JOIN submissions s ON s.id = c.submission_id
		WHERE `+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list comments: %w", err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var at string
		if err := rows.Scan(&c.ID, &c.SubmissionID, &c.AuthorID, &c.Author, &c.Body, &at, &c.Read, &c.LabID); err != nil {
			return nil, fmt.Errorf("store: list comments: %w", err)
		}
		c.CreatedAt = parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// CommentsOn lists the comments on one submission.
func (s *Store) CommentsOn(ctx context.Context, submissionID int64) ([]Comment, error) {
	return s.listComments(ctx, "c.submission_id = ?", submissionID)
}

// CommentsForLearner lists every comment on a learner's submissions.
func (s *Store) CommentsForLearner(ctx context.Context, userID int64) ([]Comment, error) {
	return s.listComments(ctx, "s.user_id = ?", userID)
}

// MarkCommentsRead marks the comments on a learner's submissions of a lab
// as read; the learner has seen them beside their attempts.
func (s *Store) MarkCommentsRead(ctx context.Context, userID int64, labID string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	_, err := s.write.ExecContext(ctx, `UPDATE comments SET read_at = ? WHERE read_at IS NULL AND submission_id IN
		(SELECT id FROM submissions WHERE user_id = ? AND lab_id = ?)`, s.now(), userID, labID)
	if err != nil {
		return fmt.Errorf("store: mark comments read: %w", err)
	}
	return nil
}
