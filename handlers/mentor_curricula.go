package handlers

import (
	"errors"
	"ladder/content"
	"ladder/domain"
	"ladder/store"
	"net/url"
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
	data := fiber.Map{"Curriculum": cur, "Items": items, "Options": options, "Levels": content.Levels}
	data["Msg"], data["Error"] = flash(c)
	// A change to the items is confirmed with the item's title, looked up
	// in the catalog: the URL names the item, never the text shown.
	// An item the catalog no longer has gets the plain text.
	title, known := s.catalogTitle(lang, c.Query("item"))
	if k := c.Query("msg"); itemFlashKeys[k] {
		data["Msg"], data["ItemMsg"] = "flash.saved", ""
		if known {
			data["Msg"], data["ItemMsg"] = "", "flash."+k
		}
	}
	if k := c.Query("error"); itemFlashKeys[k] {
		data["Error"], data["ItemError"] = "flash.bad_input", ""
		if known {
			data["Error"], data["ItemError"] = "", "flash."+k
		}
	}
	data["ItemTitle"] = title
	return c.Render("mentor_curriculum", s.view(c, "mentor", cur.Title, data))
}

// itemFlashKeys are the builder's confirmations and refusals; their text
// names the item.
var itemFlashKeys = map[string]bool{"item_added": true, "item_removed": true, "item_moved": true, "item_duplicate": true, "item_gone": true}

// catalogTitle is the title of a "kind:ref" guide or lab the catalog
// knows; ok is false for anything else.
func (s *Server) catalogTitle(lang, item string) (string, bool) {
	kind, ref, _ := strings.Cut(item, ":")
	switch {
	case kind == "lab" && s.labs.Lab(ref) != nil:
	case kind == "guide" && s.content.Guide(ref) != nil:
		ref = s.content.Guide(ref).TranslationKey
	default:
		return "", false
	}
	return s.itemTitle(lang, kind, ref), true
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
// form post, so the builder needs no JavaScript; each answers with a
// redirect that names the item, so the page confirms what changed.
func (s *Server) mentorEditItems(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	ctx, actor := c.UserContext(), currentUser(c)
	back := func(query string, it store.CurriculumItem) error {
		return c.Redirect(curriculumURL(cur.ID)+"?"+query+"&item="+url.QueryEscape(it.Kind+":"+it.Ref)+"#items", fiber.StatusSeeOther)
	}
	refused := func(err error, it store.CurriculumItem) error {
		switch key, _ := messageKey(err); {
		case itemFlashKeys[strings.TrimPrefix(key, "flash.")]:
			return back("error="+strings.TrimPrefix(key, "flash."), it)
		case key != "" && !errors.Is(err, domain.ErrNotFound):
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		return err
	}
	pos, posErr := strconv.Atoi(c.FormValue("position"))
	switch action := c.FormValue("action"); action {
	case "add":
		kind, ref, _ := strings.Cut(c.FormValue("item"), ":")
		it, err := s.ops.AddItem(ctx, actor, cur.ID, content.CurriculumItem{Kind: kind, Ref: ref})
		if err != nil {
			return refused(err, it)
		}
		return back("msg=item_added", it)
	case "up", "down":
		if posErr != nil {
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		it, err := s.ops.MoveItem(ctx, actor, cur.ID, pos, action == "up")
		if err != nil {
			return refused(err, it)
		}
		return back("msg=item_moved", it)
	case "remove":
		kind, ref, _ := strings.Cut(c.FormValue("item"), ":")
		it := store.CurriculumItem{Kind: kind, Ref: ref}
		if posErr != nil {
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		if c.FormValue("confirm") != "yes" { // a post from a page without the confirmation step asks first
			return c.Redirect(curriculumURL(cur.ID)+"/items/"+strconv.Itoa(pos)+"/remove", fiber.StatusSeeOther)
		}
		if err := s.ops.RemoveItem(ctx, actor, cur.ID, pos, it); err != nil {
			return refused(err, it)
		}
		return back("msg=item_removed", it)
	}
	return fiber.NewError(fiber.StatusBadRequest, "unknown action")
}

// mentorConfirmRemoveItem asks before an item is removed: the builder's
// remove link leads here, and only the form here removes.
func (s *Server) mentorConfirmRemoveItem(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	pos, err := strconv.Atoi(c.Params("position"))
	if err != nil || pos < 0 || pos >= len(cur.Items) {
		return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
	}
	lang := langOf(c)
	it := cur.Items[pos]
	view := s.itemView(lang, it, &domain.Progress{Statuses: map[string]string{}, Read: map[string]bool{}})
	back := curriculumURL(cur.ID) + "#items"
	return c.Render("mentor_confirm", s.view(c, "mentor", s.msgs.T(lang, "confirm.remove_item_title"), confirmPage{
		BackURL: back, BackLabel: cur.Title, Heading: s.msgs.T(lang, "confirm.remove_item_title"),
		Message: s.msgs.T(lang, "confirm.remove_item", view.Title, cur.Title),
		Note:    s.msgs.T(lang, "confirm.remove_item_note"),
		Action:  curriculumURL(cur.ID) + "/items",
		Fields:  []hiddenField{{"action", "remove"}, {"position", strconv.Itoa(pos)}, {"item", it.Kind + ":" + it.Ref}, {"confirm", "yes"}},
		Button:  s.msgs.T(lang, "confirm.remove_item_button"), CancelURL: back,
	}))
}
