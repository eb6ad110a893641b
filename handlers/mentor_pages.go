package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
)

// mentorFlash maps a redirect's ?msg= or ?error= key to catalog text, so no
// free text from the URL is ever shown.
var mentorFlashKeys = map[string]bool{
	"cohort_created": true, "member_added": true, "member_removed": true, "assigned": true,
	"saved": true, "commented": true, "endorsed": true, "copied": true,
	"no_learner": true, "already_member": true, "bad_due": true, "bad_input": true, "not_member": true,
	"due_past": true, "already_assigned": true, "due_changed": true, "assignment_deleted": true,
}

func flash(c *fiber.Ctx) (msg, errKey string) {
	if k := c.Query("msg"); mentorFlashKeys[k] {
		msg = "flash." + k
	}
	if k := c.Query("error"); mentorFlashKeys[k] {
		errKey = "flash." + k
	}
	return msg, errKey
}

// flashError redirects to url with the page's text for a refused
// operation, or returns err when it is not the user's to fix.
func flashError(c *fiber.Ctx, err error, url, anchor string) error {
	key, ok := messageKey(err)
	if !ok || !strings.HasPrefix(key, "flash.") || !mentorFlashKeys[strings.TrimPrefix(key, "flash.")] {
		return err
	}
	return c.Redirect(url+"?error="+strings.TrimPrefix(key, "flash.")+anchor, fiber.StatusSeeOther)
}

func (s *Server) mentorHome(c *fiber.Ctx) error {
	u := currentUser(c)
	cohorts, err := s.store.CohortsOfMentor(c.UserContext(), domain.MentorScope(u))
	if err != nil {
		return err
	}
	curricula, err := s.store.CurriculaOf(c.UserContext(), domain.MentorScope(u))
	if err != nil {
		return err
	}
	queue, err := s.ops.ReviewQueue(c.UserContext(), u)
	if err != nil {
		return err
	}
	msg, errKey := flash(c)
	return c.Render("mentor", s.view(c, "mentor", s.msgs.T(langOf(c), "mentor.title"), fiber.Map{
		"Cohorts": cohorts, "Curricula": curricula, "Shipped": s.content.Curricula, "Levels": content.Levels,
		"Msg": msg, "Error": errKey, "Queue": len(queue),
	}))
}
