package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrAlreadyMember is returned when a learner is already in the cohort.
var ErrAlreadyMember = errors.New("store: already a member of this cohort")

// ErrNotLearner is returned when a cohort would gain an account that is not
// a learner's, or one that does not exist.
var ErrNotLearner = errors.New("store: only learners can be cohort members")

// learnerMember is the condition a cohort_members row m must meet to count.
// Only learners are members, and the role is read with the row rather than
// checked once on the way in, so an account made mentor or admin later, or
// put in a cohort before this rule, gives its cohort's mentor nothing.
const learnerMember = "EXISTS (SELECT 1 FROM users lu WHERE lu.id = m.user_id AND lu.role = '" + RoleLearner + "')"

// Cohort is a group of learners that one mentor follows.
type Cohort struct {
	ID        int64
	Name      string
	MentorID  int64
	JoinCode  string
	CreatedAt time.Time
	Members   int
}

// joinCode makes an 8-letter code without look-alike characters.
func joinCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 8)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// CreateCohort makes a cohort with a fresh join code.
func (s *Store) CreateCohort(ctx context.Context, mentorID int64, name string) (Cohort, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	c := Cohort{Name: name, MentorID: mentorID, JoinCode: joinCode(), CreatedAt: s.clock().UTC()}
	var err error
	c.ID, err = insertID(ctx, s.write, "INSERT INTO cohorts (name, mentor_id, join_code, created_at) VALUES (?, ?, ?, ?)",
		name, mentorID, c.JoinCode, s.now())
	if err != nil {
		return c, fmt.Errorf("store: create cohort %q: %w", name, err)
	}
	return c, nil
}

const cohortColumns = "c.id, c.name, c.mentor_id, c.join_code, c.created_at, (SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.id AND " + learnerMember + ")"

func scanCohort(row interface{ Scan(...any) error }) (Cohort, error) {
	var c Cohort
	var created string
	err := row.Scan(&c.ID, &c.Name, &c.MentorID, &c.JoinCode, &created, &c.Members)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	c.CreatedAt = parseTime(created)
	return c, err
}

// CohortByID returns one cohort.
func (s *Store) CohortByID(ctx context.Context, id int64) (Cohort, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	c, err := scanCohort(s.read.QueryRowContext(ctx, "SELECT "+cohortColumns+" FROM cohorts c WHERE c.id = ?", id))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return c, fmt.Errorf("store: cohort %d: %w", id, err)
	}
	return c, err
}

// CohortByCode finds a cohort by its join code.
func (s *Store) CohortByCode(ctx context.Context, code string) (Cohort, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	c, err := scanCohort(s.read.QueryRowContext(ctx, "SELECT "+cohortColumns+" FROM cohorts c WHERE c.join_code = ?", strings.ToUpper(strings.TrimSpace(code))))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return c, fmt.Errorf("store: cohort by code: %w", err)
	}
	return c, err
}

func (s *Store) listCohorts(ctx context.Context, where string, arg any) ([]Cohort, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	q := "SELECT " + cohortColumns + " FROM cohorts c"
	args := []any{}
	if where != "" {
		q += " WHERE " + where
		args = append(args, arg)
	}
	rows, err := s.read.QueryContext(ctx, q+" ORDER BY c.id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: list cohorts: %w", err)
	}
	defer rows.Close()
	var out []Cohort
	for rows.Next() {
		c, err := scanCohort(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list cohorts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CohortsOfMentor lists a mentor's cohorts; mentorID 0 lists every cohort.
func (s *Store) CohortsOfMentor(ctx context.Context, mentorID int64) ([]Cohort, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if mentorID == 0 {
		return s.listCohorts(ctx, "", nil)
	}
	return s.listCohorts(ctx, "c.mentor_id = ?", mentorID)
}

// CohortsOfLearner lists the cohorts a learner is in.
func (s *Store) CohortsOfLearner(ctx context.Context, userID int64) ([]Cohort, error) {
	return s.listCohorts(ctx, "c.id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = ? AND "+learnerMember+")", userID)
}

// AddMember puts a learner in a cohort. Any other account, or none, is
// ErrNotLearner; the role is checked in the insert itself, so a role change
// at the same moment cannot slip through.
func (s *Store) AddMember(ctx context.Context, cohortID, userID int64) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	// The casts give PostgreSQL the types of values it cannot infer from a
	// SELECT list; SQLite ignores them.
	res, err := s.write.ExecContext(ctx, "INSERT INTO cohort_members (cohort_id, user_id, added_at) SELECT CAST(? AS BIGINT), id, CAST(? AS TEXT) FROM users WHERE id = ? AND role = ?",
		cohortID, s.now(), userID, RoleLearner)
	if err != nil {
		if isUnique(err) {
			return ErrAlreadyMember
		}
		return fmt.Errorf("store: add member %d to cohort %d: %w", userID, cohortID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: add member %d to cohort %d: %w", userID, cohortID, err)
	}
	if n == 0 {
		return ErrNotLearner
	}
	return nil
}

// RemoveMember takes a learner out of a cohort. Their work stays.
func (s *Store) RemoveMember(ctx context.Context, cohortID, userID int64) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	res, err := s.write.ExecContext(ctx, "DELETE FROM cohort_members WHERE cohort_id = ? AND user_id = ?", cohortID, userID)
	if err != nil {
		return fmt.Errorf("store: remove member %d from cohort %d: %w", userID, cohortID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Members lists a cohort's learners by name.
func (s *Store) Members(ctx context.Context, cohortID int64) ([]User, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT u.id, u.email, u.password_hash, u.display_name, u.role, u.created_at FROM users u JOIN cohort_members m ON m.user_id = u.id WHERE m.cohort_id = ? AND "+learnerMember+" ORDER BY u.display_name, u.id", cohortID)
	if err != nil {
		return nil, fmt.Errorf("store: members of cohort %d: %w", cohortID, err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("store: members of cohort %d: %w", cohortID, err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// JoinedAt says when each learner of a cohort was added to it, by user id.
func (s *Store) JoinedAt(ctx context.Context, cohortID int64) (map[int64]time.Time, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	out := map[int64]time.Time{}
	err := s.eachRow(ctx, "SELECT m.user_id, m.added_at FROM cohort_members m WHERE m.cohort_id = ? AND "+learnerMember, []any{cohortID}, func(sc func(...any) error) error {
		var id int64
		var at string
		if err := sc(&id, &at); err != nil {
			return err
		}
		out[id] = parseTime(at)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: when members joined cohort %d: %w", cohortID, err)
	}
	return out, nil
}

// IsMentorOf reports whether the learner is in one of the mentor's cohorts
// and is still a learner.
func (s *Store) IsMentorOf(ctx context.Context, mentorID, learnerID int64) (bool, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id
		WHERE c.mentor_id = ? AND m.user_id = ? AND `+learnerMember, mentorID, learnerID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: mentor check: %w", err)
	}
	return n > 0, nil
}
