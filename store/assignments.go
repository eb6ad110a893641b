package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

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

// ErrAlreadyAssigned is returned when a new assignment would give a
// learner of the cohort a curriculum they already have from it.
var ErrAlreadyAssigned = errors.New("store: curriculum already assigned in this cohort")

// CreateAssignment stores an assignment made from the cohort cohortID,
// unless one of the cohort's learners already has the curriculum from it:
// a cohort-wide assignment collides with the cohort's own and with its
// learners' own, and one learner's with their own and with the cohort's.
// The check is part of the insert, so two requests at once cannot both
// pass it.
func (s *Store) CreateAssignment(ctx context.Context, a Assignment, cohortID int64) (int64, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	clash := "x.cohort_id = ? OR x.user_id IN (SELECT m.user_id FROM cohort_members m WHERE m.cohort_id = ? AND " + learnerMember + ")"
	args := []any{a.CurriculumID, nullID(a.CohortID), nullID(a.UserID), a.Due, nullID(a.AssignedBy), s.now(), a.CurriculumID, cohortID, cohortID}
	if a.UserID != 0 {
		clash = "x.user_id = ? OR x.cohort_id = ?"
		args[len(args)-2] = a.UserID
	}
	res, err := s.write.ExecContext(ctx, `INSERT INTO assignments (curriculum_id, cohort_id, user_id, due, assigned_by, created_at)
		SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM assignments x WHERE x.curriculum_id = ? AND (`+clash+`))`, args...)
	if err != nil {
		return 0, fmt.Errorf("store: create assignment: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return 0, fmt.Errorf("store: create assignment: %w", err)
		}
		return 0, ErrAlreadyAssigned
	}
	return res.LastInsertId()
}

// AssignmentByID returns one assignment.
func (s *Store) AssignmentByID(ctx context.Context, id int64) (Assignment, error) {
	list, err := s.listAssignments(ctx, "id = ?", id)
	if err != nil {
		return Assignment{}, err
	}
	if len(list) == 0 {
		return Assignment{}, ErrNotFound
	}
	return list[0], nil
}

// SetAssignmentDue changes an assignment's due day.
func (s *Store) SetAssignmentDue(ctx context.Context, id int64, due string) error {
	return s.changeAssignment(ctx, "change the due date of", "UPDATE assignments SET due = ? WHERE id = ?", due, id)
}

// DeleteAssignment deletes an assignment and nothing else: submissions,
// quiz attempts and tasks do not refer to assignments.
func (s *Store) DeleteAssignment(ctx context.Context, id int64) error {
	return s.changeAssignment(ctx, "delete", "DELETE FROM assignments WHERE id = ?", id)
}

// changeAssignment runs one statement on the assignment whose id is the
// last argument; ErrNotFound when there is none.
func (s *Store) changeAssignment(ctx context.Context, what, q string, args ...any) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	res, err := s.write.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: %s assignment %v: %w", what, args[len(args)-1], err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
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
