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
//     mentoring).
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
	}
	return false, nil
}
