package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// QuizAttempt is one answered quiz.
type QuizAttempt struct {
	ID        int64
	UserID    int64
	GuideKey  string // translation key: a pass in either language counts for the guide
	Slug      string
	Answers   map[string][]int
	Correct   int
	Total     int
	Passed    bool
	CreatedAt time.Time
}

// SaveQuizAttempt stores an attempt with the answers given.
func (s *Store) SaveQuizAttempt(ctx context.Context, a QuizAttempt) (int64, error) {
	answers, err := json.Marshal(a.Answers)
	if err != nil {
		return 0, fmt.Errorf("store: encode quiz answers: %w", err)
	}
	return s.insert(ctx, "save quiz attempt for "+a.GuideKey,
		"INSERT INTO quiz_attempts (user_id, guide_key, slug, answers, correct, total, passed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		a.UserID, a.GuideKey, a.Slug, answers, a.Correct, a.Total, boolInt(a.Passed), s.now())
}

// QuizAttempts returns a user's attempts at one guide's quiz, newest first.
func (s *Store) QuizAttempts(ctx context.Context, userID int64, guideKey string, limit int) ([]QuizAttempt, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var out []QuizAttempt
	err := s.eachRow(ctx, "SELECT id, user_id, guide_key, slug, answers, correct, total, passed, created_at FROM quiz_attempts WHERE user_id = ? AND guide_key = ? ORDER BY id DESC LIMIT ?",
		[]any{userID, guideKey, limit}, func(scan func(...any) error) error {
			var a QuizAttempt
			var answers, at string
			var passed int
			if err := scan(&a.ID, &a.UserID, &a.GuideKey, &a.Slug, &answers, &a.Correct, &a.Total, &passed, &at); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(answers), &a.Answers); err != nil {
				return fmt.Errorf("attempt %d: decode its answers: %w", a.ID, err)
			}
			a.Passed, a.CreatedAt = passed == 1, parseTime(at)
			out = append(out, a)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("store: quiz attempts of user %d: %w", userID, err)
	}
	return out, nil
}

// Task submission statuses.
const (
	TaskPending          = "pending"
	TaskApproved         = "approved"
	TaskChangesRequested = "changes_requested"
)

// TaskSubmission is one version of a learner's work on a task. It is kept
// as sent and never edited; a resubmission is a new one.
type TaskSubmission struct {
	ID          int64
	UserID      int64
	TaskID      string
	Deliverable string
	Body        string // Markdown, SQL, or a link's note
	Link        string
	CreatedAt   time.Time
	Review      *TaskReview // nil while pending
	Author      string      // the learner's display name, where listed for mentors
}

// Status is pending, approved or changes_requested.
func (t TaskSubmission) Status() string {
	if t.Review == nil {
		return TaskPending
	}
	return t.Review.Decision
}

// TaskReview is a mentor's judgement of one submission.
type TaskReview struct {
	ID           int64
	SubmissionID int64
	ReviewerID   int64
	Reviewer     string
	Decision     string
	Criteria     []CriterionMark
	Comment      string
	CreatedAt    time.Time
}

// CriterionMark is one rubric criterion, met or not, with a comment.
type CriterionMark struct {
	ID      string `json:"id"`
	Met     bool   `json:"met"`
	Comment string `json:"comment"`
}

// ErrAlreadyReviewed is returned when a submission has its review.
var ErrAlreadyReviewed = errors.New("store: this submission is already reviewed")

// SaveTaskSubmission stores a version of a learner's work.
func (s *Store) SaveTaskSubmission(ctx context.Context, t TaskSubmission) (int64, error) {
	return s.insert(ctx, "save submission for task "+t.TaskID,
		"INSERT INTO task_submissions (user_id, task_id, deliverable, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		t.UserID, t.TaskID, t.Deliverable, t.Body, t.Link, s.now())
}

// SaveTaskReview stores a review. A submission has at most one.
func (s *Store) SaveTaskReview(ctx context.Context, r TaskReview) (int64, error) {
	criteria, err := json.Marshal(r.Criteria)
	if err != nil {
		return 0, fmt.Errorf("store: encode review criteria: %w", err)
	}
	id, err := s.insert(ctx, fmt.Sprintf("review task submission %d", r.SubmissionID),
		"INSERT INTO task_reviews (submission_id, reviewer_id, decision, criteria, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		r.SubmissionID, nullID(r.ReviewerID), r.Decision, criteria, r.Comment, s.now())
	if isUnique(err) {
		return 0, ErrAlreadyReviewed
	}
	return id, err
}

const taskSubmissionColumns = `s.id, s.user_id, s.task_id, s.deliverable, s.body, s.link, s.created_at, u.display_name,
	r.id, COALESCE(r.reviewer_id, 0), COALESCE(ru.display_name, ''), r.decision, r.criteria, r.comment, r.created_at`

const taskSubmissionFrom = ` FROM task_submissions s JOIN users u ON u.id = s.user_id
	LEFT JOIN task_reviews r ON r.submission_id = s.id LEFT JOIN users ru ON ru.id = r.reviewer_id`

func scanTaskSubmission(scan func(...any) error) (TaskSubmission, error) {
	var t TaskSubmission
	var at string
	var rid sql.NullInt64
	var reviewer int64
	var reviewerName string
	var decision, criteria, comment, rat sql.NullString
	if err := scan(&t.ID, &t.UserID, &t.TaskID, &t.Deliverable, &t.Body, &t.Link, &at, &t.Author,
		&rid, &reviewer, &reviewerName, &decision, &criteria, &comment, &rat); err != nil {
		return t, err
	}
	t.CreatedAt = parseTime(at)
	if rid.Valid {
		r := &TaskReview{ID: rid.Int64, SubmissionID: t.ID, ReviewerID: reviewer, Reviewer: reviewerName,
			Decision: decision.String, Comment: comment.String, CreatedAt: parseTime(rat.String)}
		if err := json.Unmarshal([]byte(criteria.String), &r.Criteria); err != nil {
			return t, fmt.Errorf("review of task submission %d: decode its criteria: %w", t.ID, err)
		}
		t.Review = r
	}
	return t, nil
}

func (s *Store) listTaskSubmissions(ctx context.Context, where, order string, args ...any) ([]TaskSubmission, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var out []TaskSubmission
	err := s.eachRow(ctx, "SELECT "+taskSubmissionColumns+taskSubmissionFrom+" WHERE "+where+" ORDER BY "+order, args,
		func(scan func(...any) error) error {
			t, err := scanTaskSubmission(scan)
			out = append(out, t)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("store: task submissions: %w", err)
	}
	return out, nil
}

// TaskSubmissionByID returns one submission with its review.
func (s *Store) TaskSubmissionByID(ctx context.Context, id int64) (TaskSubmission, error) {
	list, err := s.listTaskSubmissions(ctx, "s.id = ?", "s.id", id)
	if err != nil {
		return TaskSubmission{}, err
	}
	if len(list) == 0 {
		return TaskSubmission{}, ErrNotFound
	}
	return list[0], nil
}

// TaskSubmissions returns every version a user sent for a task, newest
// first; an empty taskID means every task.
func (s *Store) TaskSubmissions(ctx context.Context, userID int64, taskID string) ([]TaskSubmission, error) {
	if taskID == "" {
		return s.listTaskSubmissions(ctx, "s.user_id = ?", "s.id DESC", userID)
	}
	return s.listTaskSubmissions(ctx, "s.user_id = ? AND s.task_id = ?", "s.id DESC", userID, taskID)
}

// latestVersion keeps, of each learner's versions of a task, the newest.
const latestVersion = "s.id = (SELECT max(x.id) FROM task_submissions x WHERE x.user_id = s.user_id AND x.task_id = s.task_id)"

// ReviewQueue lists the pending submissions of a mentor's learners, oldest
// first; mentorID 0 lists every learner's. An older version that a newer
// one replaced is not in it.
func (s *Store) ReviewQueue(ctx context.Context, mentorID int64) ([]TaskSubmission, error) {
	where := "r.id IS NULL AND " + latestVersion
	if mentorID == 0 {
		return s.listTaskSubmissions(ctx, where, "s.id")
	}
	return s.listTaskSubmissions(ctx, where+` AND s.user_id IN (SELECT m.user_id FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id
		WHERE c.mentor_id = ? AND `+learnerMember+`)`, "s.id", mentorID)
}

// QuizStatus says whether a user has tried a guide's quiz, and passed it in
// any attempt.
func (s *Store) QuizStatus(ctx context.Context, userID int64, guideKey string) (attempted, passed bool, err error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var n, p int
	err = s.read.QueryRowContext(ctx, "SELECT count(*), COALESCE(max(passed), 0) FROM quiz_attempts WHERE user_id = ? AND guide_key = ?", userID, guideKey).Scan(&n, &p)
	if err != nil {
		return false, false, fmt.Errorf("store: quiz status: %w", err)
	}
	return n > 0, p == 1, nil
}
