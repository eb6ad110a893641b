package handlers

import (
	"github.com/gofiber/fiber/v2"

	"ladder/store"
)

// Access rules live here, in one file.
//
//   - Anyone may read guides and labs, run and submit (anonymous work is not
//     stored).
//   - A learner sees only their own submissions and progress.
//   - A mentor also sees the learners of their own cohorts (added with
//     mentoring). Only learner accounts are members: the store checks the
//     role whenever it reads a membership (store.IsMentorOf), so an account
//     later made mentor or admin, or added before that rule, gives its
//     cohort's mentor no access (the row counts again only if the account
//     becomes a learner again).
//   - An admin sees everything.
//
// A resource the caller may not see answers 404, never 403, so its
// existence is not revealed.

// canSeeUser reports whether viewer may see the work of the user ownerID.
func (s *Server) canSeeUser(c *fiber.Ctx, viewer *store.User, ownerID int64) (bool, error) {
	switch {
	case viewer == nil:
		return false, nil
	case viewer.ID == ownerID, viewer.Role == store.RoleAdmin:
		return true, nil
	case viewer.Role == store.RoleMentor:
		return s.store.IsMentorOf(c.UserContext(), viewer.ID, ownerID)
	}
	return false, nil
}

// learnerForViewer returns a learner the viewer may follow, or 404.
func (s *Server) learnerForViewer(c *fiber.Ctx, id int64) (store.User, error) {
	ok, err := s.canSeeUser(c, currentUser(c), id)
	if err != nil {
		return store.User{}, err
	}
	if !ok {
		return store.User{}, fiber.ErrNotFound
	}
	return s.store.UserByID(c.UserContext(), id)
}

// cohortForViewer returns a cohort only to its mentor and admins; to other
// mentors it does not exist.
func (s *Server) cohortForViewer(c *fiber.Ctx, id int64) (store.Cohort, error) {
	co, err := s.store.CohortByID(c.UserContext(), id)
	if err != nil {
		return co, err
	}
	if u := currentUser(c); u == nil || (u.Role != store.RoleAdmin && u.ID != co.MentorID) {
		return store.Cohort{}, fiber.ErrNotFound
	}
	return co, nil
}

// curriculumForViewer returns a curriculum only to its owner and admins.
func (s *Server) curriculumForViewer(c *fiber.Ctx, id int64) (store.Curriculum, error) {
	cur, err := s.store.CurriculumByID(c.UserContext(), id)
	if err != nil {
		return cur, err
	}
	if u := currentUser(c); u == nil || (u.Role != store.RoleAdmin && u.ID != cur.OwnerID) {
		return store.Curriculum{}, fiber.ErrNotFound
	}
	return cur, nil
}

// mentorScope is the mentor whose cohorts a viewer sees: 0 (all) for admins.
func mentorScope(u *store.User) int64 {
	if u.Role == store.RoleAdmin {
		return 0
	}
	return u.ID
}
