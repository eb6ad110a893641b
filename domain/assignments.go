package domain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"ladder/store"
)

// ParseDue reads a due date: a calendar day, or an RFC 3339 time whose UTC
// day counts.
func ParseDue(v string) (string, error) {
	v = strings.TrimSpace(v)
	if t, err := time.Parse("2006-01-02", v); err == nil {
		return t.Format("2006-01-02"), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC().Format("2006-01-02"), nil
	}
	return "", invalid("flash.bad_due", "due must be an RFC 3339 date such as 2026-12-31")
}

// IsOverdue says whether an unfinished assignment is past its due day,
// which ends at midnight UTC.
func IsOverdue(due string, complete bool, now time.Time) bool {
	if complete {
		return false
	}
	d, err := time.Parse("2006-01-02", due)
	if err != nil {
		return false
	}
	return now.UTC().After(d.Add(24 * time.Hour))
}

// StuckAfter is how long a learner with unfinished assigned work may go
// without activity before their mentor's table calls them stuck.
const StuckAfter = 7 * 24 * time.Hour

// IsStuck says whether a learner has stalled on an unfinished assignment:
// no activity for StuckAfter, counted from the latest of their last
// activity, when they were added to the cohort and when the work was
// assigned. A learner who has done nothing yet has been idle only since
// they were given the work, so a newcomer is never stuck on day one.
func IsStuck(now, lastActivity, joined, assigned time.Time) bool {
	since := lastActivity
	for _, t := range []time.Time{joined, assigned} {
		if t.After(since) {
			since = t
		}
	}
	return now.Sub(since) > StuckAfter
}

// AssignInput names what to assign, to whom, and by when. UserID 0 assigns
// to the whole cohort.
type AssignInput struct {
	CohortID     int64
	CurriculumID int64
	Due          string
	UserID       int64
}

// Assign gives one of actor's curricula to a cohort of theirs, or to one of
// its learners.
func (s *Service) Assign(ctx context.Context, actor *store.User, in AssignInput) (int64, error) {
	co, err := s.Cohort(ctx, actor, in.CohortID)
	if err != nil {
		return 0, err
	}
	if in.CurriculumID <= 0 {
		return 0, invalid("", "curriculum_id is required")
	}
	cur, err := s.Curriculum(ctx, actor, in.CurriculumID)
	if errors.Is(err, ErrNotFound) {
		return 0, ErrNoCurriculum
	}
	if err != nil {
		return 0, err
	}
	day, err := s.dueDay(in.Due)
	if err != nil {
		return 0, err
	}
	a := store.Assignment{CurriculumID: cur.ID, CohortID: co.ID, Due: day, AssignedBy: actor.ID}
	if in.UserID != 0 {
		if err := s.member(ctx, co, in.UserID); err != nil {
			return 0, err
		}
		a.CohortID, a.UserID = 0, in.UserID
	}
	id, err := s.store.CreateAssignment(ctx, a, co.ID)
	if errors.Is(err, store.ErrAlreadyAssigned) {
		return 0, ErrAlreadyAssigned
	}
	return id, err
}

// dueDay reads a due date for a new or changed assignment: a day in the
// past is refused by the portal's clock, whatever the browser checked. The
// due day ends at midnight UTC, so today is still accepted.
func (s *Service) dueDay(v string) (string, error) {
	day, err := ParseDue(v)
	if err != nil {
		return "", err
	}
	if today := s.Now().UTC().Format("2006-01-02"); day < today {
		return "", &Error{Kind: Invalid, Msg: fmt.Sprintf("due must be today (%s in UTC) or later", today), Key: "flash.due_past"}
	}
	return day, nil
}

// ChangeDue moves an assignment's due date, with the same rule as a new
// one's.
func (s *Service) ChangeDue(ctx context.Context, actor *store.User, cohortID, id int64, due string) (store.Assignment, error) {
	a, err := s.CohortAssignment(ctx, actor, cohortID, id)
	if err != nil {
		return a, err
	}
	day, err := s.dueDay(due)
	if err != nil {
		return a, err
	}
	if err := s.store.SetAssignmentDue(ctx, a.ID, day); err != nil {
		return a, notFound(err)
	}
	a.Due = day
	return a, nil
}

// DeleteAssignment takes an assignment back. Only the assignment goes: the
// learners' submissions, quiz attempts and tasks are their own, and count
// as before.
func (s *Service) DeleteAssignment(ctx context.Context, actor *store.User, cohortID, id int64) (store.Assignment, error) {
	a, err := s.CohortAssignment(ctx, actor, cohortID, id)
	if err != nil {
		return a, err
	}
	return a, notFound(s.store.DeleteAssignment(ctx, a.ID))
}
