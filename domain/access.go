package domain

import (
	"context"

	"ladder/store"
)

// Access rules live here, in one file.
//
//   - Anyone may read guides and labs, run and submit (anonymous work is not
//     stored).
//   - A learner sees only their own submissions and progress.
//   - A mentor also sees the learners of their own cohorts; a member counts
//     only while their account is a learner's.
//   - An admin sees everything.
//   - Nobody endorses themselves.
//   - A cohort's assignments are changed by its mentor; one learner's own
//     assignment by the owner of its curriculum, or an admin.
//
// A resource the actor may not see is ErrNotFound, never ErrForbidden, so
// its existence is not revealed. ErrForbidden is for a role that does not
// allow an action at all.

// RequireRole refuses an actor whose role is not one of roles.
func RequireRole(actor *store.User, roles ...string) error {
	if actor == nil {
		return &Error{Kind: Unauthenticated, Msg: "authentication required: missing, expired or revoked token", Key: "error.401.body"}
	}
	for _, r := range roles {
		if actor.Role == r {
			return nil
		}
	}
	return ErrForbidden
}

// CanSeeUser reports whether actor may see the work of the user ownerID.
func (s *Service) CanSeeUser(ctx context.Context, actor *store.User, ownerID int64) (bool, error) {
	switch {
	case actor == nil:
		return false, nil
	case actor.ID == ownerID, actor.Role == store.RoleAdmin:
		return true, nil
	case actor.Role == store.RoleMentor:
		return s.store.IsMentorOf(ctx, actor.ID, ownerID)
	}
	return false, nil
}

// Learner returns a user whose work actor may follow.
func (s *Service) Learner(ctx context.Context, actor *store.User, id int64) (store.User, error) {
	ok, err := s.CanSeeUser(ctx, actor, id)
	if err != nil {
		return store.User{}, err
	}
	if !ok {
		return store.User{}, ErrNotFound
	}
	u, err := s.store.UserByID(ctx, id)
	return u, notFound(err)
}

// Submission returns a lab submission that actor may see.
func (s *Service) Submission(ctx context.Context, actor *store.User, id int64) (store.Submission, error) {
	sub, err := s.store.SubmissionByID(ctx, id)
	if err != nil {
		return sub, notFound(err)
	}
	ok, err := s.CanSeeUser(ctx, actor, sub.UserID)
	if err != nil {
		return store.Submission{}, err
	}
	if !ok {
		return store.Submission{}, ErrNotFound
	}
	return sub, nil
}

// Cohort returns a cohort to its mentor and to admins; to anyone else it
// does not exist.
func (s *Service) Cohort(ctx context.Context, actor *store.User, id int64) (store.Cohort, error) {
	co, err := s.store.CohortByID(ctx, id)
	return ownedBy(co, err, actor, co.MentorID)
}

// Curriculum returns a curriculum to its owner and to admins.
func (s *Service) Curriculum(ctx context.Context, actor *store.User, id int64) (store.Curriculum, error) {
	cur, err := s.store.CurriculumByID(ctx, id)
	return ownedBy(cur, err, actor, cur.OwnerID)
}

// CohortAssignment returns an assignment that actor may change or delete
// from the cohort's page; any other is ErrNotFound.
func (s *Service) CohortAssignment(ctx context.Context, actor *store.User, cohortID, id int64) (store.Assignment, error) {
	co, err := s.Cohort(ctx, actor, cohortID)
	if err != nil {
		return store.Assignment{}, err
	}
	a, err := s.store.AssignmentByID(ctx, id)
	if err != nil {
		return store.Assignment{}, notFound(err)
	}
	if a.UserID != 0 {
		if err := s.member(ctx, co, a.UserID); err != nil {
			return store.Assignment{}, ErrNotFound
		}
	}
	var owner int64
	if cur, err := s.store.CurriculumByID(ctx, a.CurriculumID); err == nil {
		owner = cur.OwnerID
	}
	if !MayChangeAssignment(actor, co, a, owner) {
		return store.Assignment{}, ErrNotFound
	}
	return a, nil
}

// MayChangeAssignment says whether actor, who may see the cohort co, may
// change or delete the assignment a, whose curriculum curriculumOwner
// owns: a cohort's own assignments belong to its mentor; one learner's own
// belongs to whoever may assign that curriculum (its owner, or an admin),
// since the learner may be in other mentors' cohorts too.
func MayChangeAssignment(actor *store.User, co store.Cohort, a store.Assignment, curriculumOwner int64) bool {
	switch {
	case actor == nil:
		return false
	case a.CohortID != 0:
		return a.CohortID == co.ID
	case a.UserID != 0:
		return actor.Role == store.RoleAdmin || curriculumOwner == actor.ID
	}
	return false
}

// ownedBy passes on what the store found when actor is its owner or an
// admin; for anyone else it does not exist.
func ownedBy[T any](v T, err error, actor *store.User, owner int64) (T, error) {
	var zero T
	if err != nil {
		return zero, notFound(err)
	}
	if actor == nil || (actor.Role != store.RoleAdmin && actor.ID != owner) {
		return zero, ErrNotFound
	}
	return v, nil
}

// MentorScope is the mentor whose cohorts and curricula actor sees: 0, all
// of them, for admins.
func MentorScope(actor *store.User) int64 {
	if actor.Role == store.RoleAdmin {
		return 0
	}
	return actor.ID
}

// member checks that userID is a learner of the cohort.
func (s *Service) member(ctx context.Context, co store.Cohort, userID int64) error {
	members, err := s.store.Members(ctx, co.ID)
	if err != nil {
		return err
	}
	for _, m := range members {
		if m.ID == userID {
			return nil
		}
	}
	return ErrNotMember
}

// mayEndorse checks that actor may endorse the learner: a mentor of theirs
// or an admin, and never themselves.
func (s *Service) mayEndorse(ctx context.Context, actor *store.User, learnerID int64) (store.User, error) {
	learner, err := s.Learner(ctx, actor, learnerID)
	if err != nil {
		return learner, err
	}
	if learner.ID == actor.ID {
		return store.User{}, ErrSelfEndorse
	}
	return learner, nil
}
