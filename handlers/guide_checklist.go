package handlers

import (
	"bytes"

	"github.com/gofiber/fiber/v2"
)

// guideChecklistSubmit keeps the reader's ticks of a guide's checklist: the
// whole list at once, from the form's button without JavaScript or from
// guide.js on every change (which asks with X-Fragment and gets JSON).
func (s *Server) guideChecklistSubmit(c *fiber.Ctx) error {
	g := s.content.Guide(c.Params("slug"))
	if g == nil {
		return fiber.ErrNotFound
	}
	items, err := s.ops.SaveChecklist(c.UserContext(), currentUser(c), g, multiFormValues(c, "done"))
	if err != nil {
		return err
	}
	if c.Get("X-Fragment") == "1" {
		return c.JSON(fiber.Map{"done": items, "total": g.Body.Checks()})
	}
	return c.Redirect("/guides/"+g.Slug+"?checklist=saved#my-checklist", fiber.StatusSeeOther)
}

// multiFormValues is every value of a form field, urlencoded or multipart.
func multiFormValues(c *fiber.Ctx, name string) []string {
	var out []string
	if bytes.HasPrefix(c.Request().Header.ContentType(), []byte(fiber.MIMEMultipartForm)) {
		if f, err := c.MultipartForm(); err == nil {
			return f.Value[name]
		}
		return nil
	}
	for _, v := range c.Request().PostArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}
