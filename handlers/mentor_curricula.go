package handlers

import (
	"ladder/content"
	"ladder/domain"
	"ladder/store"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

func curriculumURL(id int64) string { return "/mentor/curricula/" + strconv.FormatInt(id, 10) }

func (s *Server) mentorNewCurriculum(c *fiber.Ctx) error {
	level := c.FormValue("target_level")
	if content.LevelIndex(level) < 0 {
		level = ""
	}
	id, err := s.ops.CreateCurriculum(c.UserContext(), currentUser(c), domain.CurriculumInput{
		Title: c.FormValue("title"), Description: c.FormValue("description"), TargetLevel: level})
	if err != nil {
		return flashError(c, err, "/mentor", "#curricula")
	}
	return c.Redirect(curriculumURL(id)+"?msg=saved", fiber.StatusSeeOther)
}

// mentorCopyCurriculum copies a shipped curriculum into the mentor's own.
func (s *Server) mentorCopyCurriculum(c *fiber.Ctx) error {
	id, err := s.ops.CopyCurriculum(c.UserContext(), currentUser(c), c.Params("key"), langOf(c))
	if err != nil {
		return err
	}
	return c.Redirect(curriculumURL(id)+"?msg=copied", fiber.StatusSeeOther)
}

func (s *Server) curriculumFromParam(c *fiber.Ctx) (store.Curriculum, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return store.Curriculum{}, err
	}
	return s.ops.Curriculum(c.UserContext(), currentUser(c), id)
}

type pickOption struct {
	Value, Label, Group string
}

func (s *Server) mentorCurriculum(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	lang := langOf(c)
	empty := &domain.Progress{Statuses: map[string]string{}, Read: map[string]bool{}}
	items := make([]itemStatus, len(cur.Items))
	for i, it := range cur.Items {
		items[i] = s.itemView(lang, it, empty)
	}
	var options []pickOption
	for _, g := range s.content.GuidesIn(lang) {
		options = append(options, pickOption{Value: "guide:" + g.Slug, Label: g.Title + " (" + s.msgs.T(lang, "level."+g.Level) + ")", Group: "guide"})
	}
	for _, l := range s.labs.Labs {
		options = append(options, pickOption{Value: "lab:" + l.ID, Label: l.Title + " (" + s.msgs.T(lang, "level."+l.Level) + ", " + s.msgs.T(lang, "kind."+l.Kind) + ")", Group: "lab"})
	}
	msg, errKey := flash(c)
	return c.Render("mentor_curriculum", s.view(c, "mentor", cur.Title, fiber.Map{
		"Curriculum": cur, "Items": items, "Options": options, "Levels": content.Levels, "Msg": msg, "Error": errKey,
	}))
}

func (s *Server) mentorSaveCurriculum(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	cur.Title, cur.Description = c.FormValue("title"), c.FormValue("description")
	if lv := c.FormValue("target_level"); lv == "" || content.LevelIndex(lv) >= 0 {
		cur.TargetLevel = lv
	}
	if err := s.ops.UpdateCurriculum(c.UserContext(), currentUser(c), cur); err != nil {
		return flashError(c, err, curriculumURL(cur.ID), "")
	}
	return c.Redirect(curriculumURL(cur.ID)+"?msg=saved", fiber.StatusSeeOther)
}

// mentorEditItems adds, moves or removes one item. Each action is its own
// form post, so the builder needs no JavaScript.
func (s *Server) mentorEditItems(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	switch action := c.FormValue("action"); action {
	case "add":
		kind, ref, _ := strings.Cut(c.FormValue("item"), ":")
		items, err := s.ops.CheckItems([]content.CurriculumItem{{Kind: kind, Ref: ref}})
		if err != nil {
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		cur.Items = append(cur.Items, items...)
	case "up", "down", "remove":
		pos, err := strconv.Atoi(c.FormValue("position"))
		if err != nil || pos < 0 || pos >= len(cur.Items) {
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		switch {
		case action == "remove":
			cur.Items = append(cur.Items[:pos], cur.Items[pos+1:]...)
		case action == "up" && pos > 0:
			cur.Items[pos-1], cur.Items[pos] = cur.Items[pos], cur.Items[pos-1]
		case action == "down" && pos+1 < len(cur.Items):
			cur.Items[pos+1], cur.Items[pos] = cur.Items[pos], cur.Items[pos+1]
		}
	default:
		return fiber.NewError(fiber.StatusBadRequest, "unknown action")
	}
	if err := s.ops.UpdateCurriculum(c.UserContext(), currentUser(c), cur); err != nil {
		return flashError(c, err, curriculumURL(cur.ID), "#items")
	}
	return c.Redirect(curriculumURL(cur.ID)+"#items", fiber.StatusSeeOther)
}
