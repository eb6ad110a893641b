package store

import (
	"context"
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

// CreateAssignment stores an assignment.
func (s *Store) CreateAssignment(ctx context.Context, a Assignment) (int64, error) {
	return s.insert(ctx, "create assignment",
		"INSERT INTO assignments (curriculum_id, cohort_id, user_id, due, assigned_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		a.CurriculumID, nullID(a.CohortID), nullID(a.UserID), a.Due, nullID(a.AssignedBy), s.now())
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
