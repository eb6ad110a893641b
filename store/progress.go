package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"ladder/labs"
	"sort"
	"time"
)

// Submission is one graded attempt at a lab.
type Submission struct {
	ID         int64
	UserID     int64
	LabID      string
	SQL        string
	Passed     bool
	Verdict    labs.Verdict // stored as JSON
	DurationMS float64
	CreatedAt  time.Time
}

// SaveSubmission stores a graded attempt and returns its id.
func (s *Store) SaveSubmission(ctx context.Context, sub Submission) (int64, error) {
	verdict, err := json.Marshal(sub.Verdict)
	if err != nil {
		return 0, fmt.Errorf("store: encode the verdict for lab %q: %w", sub.LabID, err)
	}
	var id int64
	err = s.transact(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertID(ctx, tx,
			"INSERT INTO submissions (user_id, lab_id, sql_text, passed, verdict, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			sub.UserID, sub.LabID, sub.SQL, boolInt(sub.Passed), verdict, sub.DurationMS, s.now())
		if err != nil {
			return fmt.Errorf("store: save submission for lab %q: %w", sub.LabID, err)
		}
		return nil
	})
	return id, err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

const submissionColumns = "id, user_id, lab_id, sql_text, passed, verdict, duration_ms, created_at"

func scanSubmission(row interface{ Scan(...any) error }) (Submission, error) {
	var sub Submission
	var passed int
	var created, verdict string
	err := row.Scan(&sub.ID, &sub.UserID, &sub.LabID, &sub.SQL, &passed, &verdict, &sub.DurationMS, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return sub, ErrNotFound
	}
	if err != nil {
		return sub, err
	}
	sub.Passed, sub.CreatedAt = passed == 1, parseTime(created)
	if err := json.Unmarshal([]byte(verdict), &sub.Verdict); err != nil {
		return sub, fmt.Errorf("submission %d: decode its verdict: %w", sub.ID, err)
	}
	return sub, nil
}

// SubmissionByID returns one submission.
func (s *Store) SubmissionByID(ctx context.Context, id int64) (Submission, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	sub, err := scanSubmission(s.read.QueryRowContext(ctx, "SELECT "+submissionColumns+" FROM submissions WHERE id = ?", id))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return sub, fmt.Errorf("store: submission %d: %w", id, err)
	}
	return sub, err
}

// Submissions returns a user's attempts at a lab, newest first. An empty
// labID means every lab.
func (s *Store) Submissions(ctx context.Context, userID int64, labID string, limit int) ([]Submission, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	q := "SELECT " + submissionColumns + " FROM submissions WHERE user_id = ?"
	args := []any{userID}
	if labID != "" {
		q += " AND lab_id = ?"
		args = append(args, labID)
	}
	q += " ORDER BY id DESC LIMIT ?"
	args = append(args, limit)
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: submissions of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []Submission
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, fmt.Errorf("store: submissions of user %d: %w", userID, err)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// Lab statuses.
const (
	StatusNotStarted = "not_started"
	StatusAttempted  = "attempted"
	StatusPassed     = "passed"
)

// LabStatuses returns attempted or passed for every lab the user tried.
func (s *Store) LabStatuses(ctx context.Context, userID int64) (map[string]string, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT lab_id, max(passed) FROM submissions WHERE user_id = ? GROUP BY lab_id", userID)
	if err != nil {
		return nil, fmt.Errorf("store: lab statuses of user %d: %w", userID, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var lab string
		var passed int
		if err := rows.Scan(&lab, &passed); err != nil {
			return nil, fmt.Errorf("store: lab statuses of user %d: %w", userID, err)
		}
		out[lab] = StatusAttempted
		if passed == 1 {
			out[lab] = StatusPassed
		}
	}
	return out, rows.Err()
}

// MarkGuideRead records that the user read a guide. Reading it again keeps
// the first time.
func (s *Store) MarkGuideRead(ctx context.Context, userID int64, key, slug string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	_, err := s.write.ExecContext(ctx,
		"INSERT INTO guide_reads (user_id, guide_key, slug, read_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, guide_key) DO NOTHING",
		userID, key, slug, s.now())
	if err != nil {
		return fmt.Errorf("store: mark guide %q read: %w", key, err)
	}
	return nil
}

// ReadGuides returns the translation keys of the guides the user read.
func (s *Store) ReadGuides(ctx context.Context, userID int64) (map[string]bool, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT guide_key FROM guide_reads WHERE user_id = ?", userID)
	if err != nil {
		return nil, fmt.Errorf("store: guides read by user %d: %w", userID, err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("store: guides read by user %d: %w", userID, err)
		}
		out[k] = true
	}
	return out, rows.Err()
}

// RevealHint records that the user asked for hint number idx (0-based).
func (s *Store) RevealHint(ctx context.Context, userID int64, labID string, idx int) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	_, err := s.write.ExecContext(ctx,
		"INSERT INTO hint_reveals (user_id, lab_id, hint_index, revealed_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, lab_id, hint_index) DO NOTHING",
		userID, labID, idx, s.now())
	if err != nil {
		return fmt.Errorf("store: reveal hint %d of lab %q: %w", idx, labID, err)
	}
	return nil
}

// HintsRevealed returns how many hints of a lab the user has seen.
func (s *Store) HintsRevealed(ctx context.Context, userID int64, labID string) (int, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM hint_reveals WHERE user_id = ? AND lab_id = ?", userID, labID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: hints of lab %q: %w", labID, err)
	}
	return n, nil
}

// SelfAssessment is a learner's own rating of a competency, 1 to 4.
type SelfAssessment struct {
	CompetencyID string
	Rating       int
	Note         string
	UpdatedAt    time.Time
}

// SetSelfAssessments stores or replaces the learner's ratings of one form
// post in one transaction: all of them, or on any error none.
func (s *Store) SetSelfAssessments(ctx context.Context, userID int64, set []SelfAssessment) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		at := s.now()
		for _, a := range set {
			_, err := tx.ExecContext(ctx, `INSERT INTO self_assessments (user_id, competency_id, rating, note, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (user_id, competency_id) DO UPDATE SET rating = excluded.rating, note = excluded.note, updated_at = excluded.updated_at`,
				userID, a.CompetencyID, a.Rating, a.Note, at)
			if err != nil {
				return fmt.Errorf("store: self-assessment of %q: %w", a.CompetencyID, err)
			}
		}
		return nil
	})
}

// SelfAssessments returns the learner's ratings by competency id.
func (s *Store) SelfAssessments(ctx context.Context, userID int64) (map[string]SelfAssessment, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT competency_id, rating, note, updated_at FROM self_assessments WHERE user_id = ?", userID)
	if err != nil {
		return nil, fmt.Errorf("store: self-assessments of user %d: %w", userID, err)
	}
	defer rows.Close()
	out := map[string]SelfAssessment{}
	for rows.Next() {
		var a SelfAssessment
		var at string
		if err := rows.Scan(&a.CompetencyID, &a.Rating, &a.Note, &at); err != nil {
			return nil, fmt.Errorf("store: self-assessments of user %d: %w", userID, err)
		}
		a.UpdatedAt = parseTime(at)
		out[a.CompetencyID] = a
	}
	return out, rows.Err()
}

// Activity is one event in a learner's recent history.
type Activity struct {
	At     time.Time
	Kind   string // submission, guide_read, hint
	Ref    string // lab id or guide slug
	Passed bool
	ID     int64 // submission id
	Detail int   // hint number
}

// RecentActivity merges the latest submissions, guide reads and hints.
func (s *Store) RecentActivity(ctx context.Context, userID int64, limit int) ([]Activity, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, `
		SELECT created_at, 'submission', lab_id, passed, id, 0 FROM submissions WHERE user_id = ?
		UNION ALL
		SELECT read_at, 'guide_read', slug, 0, 0, 0 FROM guide_reads WHERE user_id = ?
		UNION ALL
		SELECT revealed_at, 'hint', lab_id, 0, 0, hint_index FROM hint_reveals WHERE user_id = ?
		ORDER BY 1 DESC LIMIT ?`, userID, userID, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: activity of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []Activity
	for rows.Next() {
		var a Activity
		var at string
		var passed int
		if err := rows.Scan(&at, &a.Kind, &a.Ref, &passed, &a.ID, &a.Detail); err != nil {
			return nil, fmt.Errorf("store: activity of user %d: %w", userID, err)
		}
		a.At, a.Passed = parseTime(at), passed == 1
		out = append(out, a)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, rows.Err()
}

// SaveSubmissions stores many graded attempts in one transaction, for
// imports and for seeding benchmarks.
func (s *Store) SaveSubmissions(ctx context.Context, subs []Submission) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, "INSERT INTO submissions (user_id, lab_id, sql_text, passed, verdict, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
		if err != nil {
			return fmt.Errorf("store: save submissions: %w", err)
		}
		defer stmt.Close()
		for _, sub := range subs {
			verdict, err := json.Marshal(sub.Verdict)
			if err != nil {
				return fmt.Errorf("store: encode a verdict: %w", err)
			}
			at := sub.CreatedAt
			if at.IsZero() {
				at = s.clock()
			}
			if _, err := stmt.ExecContext(ctx, sub.UserID, sub.LabID, sub.SQL, boolInt(sub.Passed), verdict, sub.DurationMS, formatTime(at)); err != nil {
				return fmt.Errorf("store: save submissions: %w", err)
			}
		}
		return nil
	})
}

// Evidence is what one learner has done, as the level rule and the
// progress tables read it.
type Evidence struct {
	Labs         map[string]string // lab id -> StatusAttempted or StatusPassed
	Guides       map[string]bool   // translation keys of the guides read (progress, not evidence)
	Quizzes      map[string]bool   // guide translation key -> passed, for every quiz attempted
	Tasks        map[string]string // task id -> the latest version's status
	Approved     map[string]bool   // task ids with an approved version
	Endorsed     []Endorsement     // competency and level only
	LastActivity time.Time         // latest submission, guide read, quiz attempt or task version; zero when none
}

// Evidence returns the evidence of each of these learners in five
// queries, whatever their number. Every id gets an entry.
func (s *Store) Evidence(ctx context.Context, userIDs []int64) (map[int64]*Evidence, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	out := make(map[int64]*Evidence, len(userIDs))
	if len(userIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(userIDs))
	for i, id := range userIDs {
		args[i] = id
		out[id] = &Evidence{Labs: map[string]string{}, Guides: map[string]bool{}, Quizzes: map[string]bool{},
			Tasks: map[string]string{}, Approved: map[string]bool{}}
	}
	in := "user_id IN (" + placeholders(len(userIDs)) + ")"
	seen := func(e *Evidence, at string) {
		if t := parseTime(at); t.After(e.LastActivity) {
			e.LastActivity = t
		}
	}
	err := s.eachRow(ctx, "SELECT user_id, lab_id, max(passed), max(created_at) FROM submissions WHERE "+in+" GROUP BY user_id, lab_id", args, func(sc func(...any) error) error {
		var id int64
		var lab, at string
		var passed int
		if err := sc(&id, &lab, &passed, &at); err != nil {
			return err
		}
		e := out[id]
		e.Labs[lab] = StatusAttempted
		if passed == 1 {
			e.Labs[lab] = StatusPassed
		}
		seen(e, at)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: lab evidence: %w", err)
	}
	err = s.eachRow(ctx, "SELECT user_id, guide_key, read_at FROM guide_reads WHERE "+in, args, func(sc func(...any) error) error {
		var id int64
		var key, at string
		if err := sc(&id, &key, &at); err != nil {
			return err
		}
		out[id].Guides[key] = true
		seen(out[id], at)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: guide evidence: %w", err)
	}
	err = s.eachRow(ctx, "SELECT user_id, guide_key, max(passed), max(created_at) FROM quiz_attempts WHERE "+in+" GROUP BY user_id, guide_key", args, func(sc func(...any) error) error {
		var id int64
		var key, at string
		var passed int
		if err := sc(&id, &key, &passed, &at); err != nil {
			return err
		}
		out[id].Quizzes[key] = passed == 1
		seen(out[id], at)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: quiz evidence: %w", err)
	}
	err = s.eachRow(ctx, `SELECT s.user_id, s.task_id, COALESCE(r.decision, 'pending'), s.created_at,
			EXISTS (SELECT 1 FROM task_submissions a JOIN task_reviews ar ON ar.submission_id = a.id
				WHERE a.user_id = s.user_id AND a.task_id = s.task_id AND ar.decision = 'approved')
		FROM task_submissions s LEFT JOIN task_reviews r ON r.submission_id = s.id
		WHERE s.`+in+" AND "+latestVersion, args, func(sc func(...any) error) error {
		var id int64
		var task, status, at string
		var approved bool // EXISTS: 0/1 from SQLite, a boolean from PostgreSQL
		if err := sc(&id, &task, &status, &at, &approved); err != nil {
			return err
		}
		out[id].Tasks[task] = status
		if approved {
			out[id].Approved[task] = true
		}
		seen(out[id], at)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: task evidence: %w", err)
	}
	err = s.eachRow(ctx, "SELECT user_id, competency_id, level FROM endorsements WHERE "+in+" ORDER BY id", args, func(sc func(...any) error) error {
		var e Endorsement
		if err := sc(&e.UserID, &e.CompetencyID, &e.Level); err != nil {
			return err
		}
		out[e.UserID].Endorsed = append(out[e.UserID].Endorsed, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: endorsement evidence: %w", err)
	}
	return out, nil
}
