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
	res, err := s.write.ExecContext(ctx, "INSERT INTO cohorts (name, mentor_id, join_code, created_at) VALUES (?, ?, ?, ?)",
		name, mentorID, c.JoinCode, s.now())
	if err != nil {
		return c, fmt.Errorf("store: create cohort %q: %w", name, err)
	}
	c.ID, err = res.LastInsertId()
	return c, err
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
	res, err := s.write.ExecContext(ctx, "INSERT INTO cohort_members (cohort_id, user_id, added_at) SELECT ?, id, ? FROM users WHERE id = ? AND role = ?",
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

// Curriculum is an ordered list of guides and labs.
type Curriculum struct {
	ID          int64
	OwnerID     int64
	Title       string
	Description string
	TargetLevel string
	CopiedFrom  string
	Items       []CurriculumItem
	UpdatedAt   time.Time
}

// CurriculumItem is one step; Ref is a guide slug or a lab id.
type CurriculumItem struct {
	Kind string
	Ref  string
}

// CreateCurriculum stores a curriculum and its items in one transaction.
func (s *Store) CreateCurriculum(ctx context.Context, c Curriculum) (int64, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var id int64
	err := s.transact(ctx, func(tx *sql.Tx) error {
		at := s.now()
		res, err := tx.ExecContext(ctx, "INSERT INTO curricula (owner_id, title, description, target_level, copied_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			c.OwnerID, c.Title, c.Description, c.TargetLevel, c.CopiedFrom, at, at)
		if err != nil {
			return fmt.Errorf("store: create curriculum %q: %w", c.Title, err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return writeItems(ctx, tx, id, c.Items)
	})
	return id, err
}

func writeItems(ctx context.Context, tx *sql.Tx, id int64, items []CurriculumItem) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM curriculum_items WHERE curriculum_id = ?", id); err != nil {
		return fmt.Errorf("store: curriculum %d items: %w", id, err)
	}
	for i, it := range items {
		if _, err := tx.ExecContext(ctx, "INSERT INTO curriculum_items (curriculum_id, position, kind, ref) VALUES (?, ?, ?, ?)", id, i, it.Kind, it.Ref); err != nil {
			return fmt.Errorf("store: curriculum %d items: %w", id, err)
		}
	}
	return nil
}

// UpdateCurriculum replaces a curriculum's fields and items.
func (s *Store) UpdateCurriculum(ctx context.Context, c Curriculum) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE curricula SET title = ?, description = ?, target_level = ?, updated_at = ? WHERE id = ?",
			c.Title, c.Description, c.TargetLevel, s.now(), c.ID)
		if err != nil {
			return fmt.Errorf("store: update curriculum %d: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return writeItems(ctx, tx, c.ID, c.Items)
	})
}

// CurriculumByID returns a curriculum with its items in order.
func (s *Store) CurriculumByID(ctx context.Context, id int64) (Curriculum, error) {
	list, err := s.listCurricula(ctx, "id = ?", id)
	if err != nil {
		return Curriculum{}, err
	}
	if len(list) == 0 {
		return Curriculum{}, ErrNotFound
	}
	return list[0], nil
}

// CurriculaOf lists the curricula a user owns; ownerID 0 lists all.
func (s *Store) CurriculaOf(ctx context.Context, ownerID int64) ([]Curriculum, error) {
	if ownerID == 0 {
		return s.listCurricula(ctx, "1 = 1")
	}
	return s.listCurricula(ctx, "owner_id = ?", ownerID)
}

// CurriculaByID returns the curricula with these ids, by id. Unknown ids
// are left out.
func (s *Store) CurriculaByID(ctx context.Context, ids []int64) (map[int64]Curriculum, error) {
	out := map[int64]Curriculum{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	list, err := s.listCurricula(ctx, "id IN ("+placeholders(len(ids))+")", args...)
	for _, c := range list {
		out[c.ID] = c
	}
	return out, err
}

// placeholders returns "?, ?, ..." for an IN list of n bound values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// listCurricula reads the curricula that match where, then all their items
// in one more query: two queries whatever the number of curricula.
func (s *Store) listCurricula(ctx context.Context, where string, args ...any) ([]Curriculum, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT id, owner_id, title, description, target_level, copied_from, updated_at FROM curricula WHERE "+where+" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: list curricula: %w", err)
	}
	var out []Curriculum
	at := map[int64]int{}
	for rows.Next() {
		var c Curriculum
		var updated string
		if err := rows.Scan(&c.ID, &c.OwnerID, &c.Title, &c.Description, &c.TargetLevel, &c.CopiedFrom, &updated); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: list curricula: %w", err)
		}
		c.UpdatedAt = parseTime(updated)
		at[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows, err = s.read.QueryContext(ctx, "SELECT curriculum_id, kind, ref FROM curriculum_items WHERE curriculum_id IN (SELECT id FROM curricula WHERE "+where+") ORDER BY curriculum_id, position", args...)
	if err != nil {
		return nil, fmt.Errorf("store: list curriculum items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var it CurriculumItem
		if err := rows.Scan(&id, &it.Kind, &it.Ref); err != nil {
			return nil, fmt.Errorf("store: list curriculum items: %w", err)
		}
		if i, ok := at[id]; ok {
			out[i].Items = append(out[i].Items, it)
		}
	}
	return out, rows.Err()
}

// Assignment gives a curriculum to a cohort or to one learner.
type Assignment struct {
	ID           int64
	CurriculumID int64
	CohortID     int64 // 0 when assigned to one learner
	UserID       int64 // 0 when assigned to a cohort
	Due          string
	AssignedBy   int64
	CreatedAt    time.Time
}

// CreateAssignment stores an assignment.
func (s *Store) CreateAssignment(ctx context.Context, a Assignment) (int64, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	res, err := s.write.ExecContext(ctx, "INSERT INTO assignments (curriculum_id, cohort_id, user_id, due, assigned_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		a.CurriculumID, nullID(a.CohortID), nullID(a.UserID), a.Due, nullID(a.AssignedBy), s.now())
	if err != nil {
		return 0, fmt.Errorf("store: create assignment: %w", err)
	}
	return res.LastInsertId()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (s *Store) listAssignments(ctx context.Context, where string, args ...any) ([]Assignment, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT id, curriculum_id, COALESCE(cohort_id, 0), COALESCE(user_id, 0), due, COALESCE(assigned_by, 0), created_at FROM assignments WHERE "+where+" ORDER BY due, id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: list assignments: %w", err)
	}
	defer rows.Close()
	var out []Assignment
	for rows.Next() {
		var a Assignment
		var created string
		if err := rows.Scan(&a.ID, &a.CurriculumID, &a.CohortID, &a.UserID, &a.Due, &a.AssignedBy, &created); err != nil {
			return nil, fmt.Errorf("store: list assignments: %w", err)
		}
		a.CreatedAt = parseTime(created)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AssignmentsOfLearner lists what a learner must do: their own assignments
// and those of every cohort they are in.
func (s *Store) AssignmentsOfLearner(ctx context.Context, userID int64) ([]Assignment, error) {
	return s.listAssignments(ctx, "user_id = ? OR cohort_id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = ? AND "+learnerMember+")", userID, userID)
}

// AssignmentsOfCohort lists a cohort's assignments, and those of its members one by one.
func (s *Store) AssignmentsOfCohort(ctx context.Context, cohortID int64) ([]Assignment, error) {
	return s.listAssignments(ctx, "cohort_id = ? OR user_id IN (SELECT m.user_id FROM cohort_members m WHERE m.cohort_id = ? AND "+learnerMember+")", cohortID, cohortID)
}

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
	ctx, cancel := s.bound(ctx)
	defer cancel()
	res, err := s.write.ExecContext(ctx, "INSERT INTO comments (submission_id, author_id, body, created_at) VALUES (?, ?, ?, ?)", submissionID, authorID, body, s.now())
	if err != nil {
		return 0, fmt.Errorf("store: add comment to submission %d: %w", submissionID, err)
	}
	return res.LastInsertId()
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
	ctx, cancel := s.bound(ctx)
	defer cancel()
	res, err := s.write.ExecContext(ctx, "INSERT INTO endorsements (user_id, competency_id, level, note, mentor_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		e.UserID, e.CompetencyID, e.Level, e.Note, nullID(e.MentorID), s.now())
	if err != nil {
		return 0, fmt.Errorf("store: endorse %s: %w", e.CompetencyID, err)
	}
	return res.LastInsertId()
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
