package handlers

import (
	"errors"
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/labs"
)

// The learner's own text on a lab page (issue 14): the editor opens on
// their draft, or their passing answer, or their last attempt; Run,
// Submit, a hint and the script's autosave keep the draft; a hint shows in
// place and, without JavaScript, its post carries the editor's text back.

// startEditor fills the editor for a signed-in learner opening the page:
// ?load=last brings their last attempt, otherwise what domain.StartText
// picks.
func (s *Server) startEditor(c *fiber.Ctx, lab *labs.Lab, v *labView) error {
	u := currentUser(c)
	if u == nil {
		return nil
	}
	ctx := c.UserContext()
	v.DraftSaved = c.Query("draft") == "saved"
	if c.Query("load") == "last" {
		sub, err := s.ops.LastAttempt(ctx, u, lab)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			v.NoAttempt = true
		case err != nil:
			return err
		default:
			v.SQL, v.Loaded = sub.SQL, &sub
			return nil
		}
	}
	start, err := s.ops.StartText(ctx, u, lab)
	if err != nil {
		return err
	}
	v.SQL, v.From = start.Text, start.From
	return nil
}

// saveDraft keeps the text a form post carries as the signed-in learner's
// draft. A post without the field (an old form, a script) keeps the draft
// as it is; text over the limit is the caller's to refuse.
func (s *Server) saveDraft(c *fiber.Ctx, lab *labs.Lab, text string) error {
	u := currentUser(c)
	if u == nil || (len(multiFormValues(c, "sql")) == 0 && len(multiFormValues(c, "code")) == 0) || len(text) > maxSQL {
		return nil
	}
	return s.ops.SaveDraft(c.UserContext(), u, lab, text)
}

// labDraft saves the editor's text: the script's autosave (X-Fragment, 204)
// or the form's "Save draft" button without JavaScript (back to the page).
// It is a normal form post, CSRF-checked, and bounded like a submission.
func (s *Server) labDraft(c *fiber.Ctx) error {
	lab, err := s.findLab(c)
	if err != nil {
		return err
	}
	if len(multiFormValues(c, "sql")) == 0 && len(multiFormValues(c, "code")) == 0 {
		return fiber.NewError(fiber.StatusBadRequest, s.text(c, "lab.draft_missing"))
	}
	text := formText(c)
	if len(text) > maxSQL {
		if c.Get("X-Fragment") == "1" {
			return fiber.NewError(fiber.StatusRequestEntityTooLarge, s.text(c, "lab.too_large"))
		}
		v, err := s.buildLabView(c, lab, text)
		if err != nil {
			return err
		}
		v.TooLarge = true
		return s.renderLab(c, v, fiber.StatusRequestEntityTooLarge)
	}
	if err := s.ops.SaveDraft(c.UserContext(), currentUser(c), lab, text); err != nil {
		return err
	}
	if c.Get("X-Fragment") == "1" {
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.Redirect("/labs/"+lab.ID+"?draft=saved#lab-form", fiber.StatusSeeOther)
}

// labHint reveals the next hint. It is a button of the lab's form, so its
// post carries the editor's text: our script asks for the hints region
// alone and swaps it in place; without the script, a signed-in learner's
// text is kept as their draft and the page comes back with it (post,
// redirect, get), and a visitor's comes back in the page itself. A
// signed-in learner's reveals are recorded; a visitor's count travels in
// the form.
func (s *Server) labHint(c *fiber.Ctx) error {
	lab, err := s.findLab(c)
	if err != nil {
		return err
	}
	text := formText(c)
	if len(text) > maxSQL {
		v, err := s.buildLabView(c, lab, text)
		if err != nil {
			return err
		}
		v.TooLarge = true
		return s.renderLab(c, v, fiber.StatusRequestEntityTooLarge)
	}
	u := currentUser(c)
	if u != nil {
		n, err := s.store.HintsRevealed(c.UserContext(), u.ID, lab.ID)
		if err != nil {
			return err
		}
		if n < len(lab.Hints) {
			if err := s.store.RevealHint(c.UserContext(), u.ID, lab.ID, n); err != nil {
				return err
			}
		}
		if err := s.saveDraft(c, lab, text); err != nil {
			return err
		}
		if c.Get("X-Fragment") != "1" {
			return c.Redirect("/labs/"+lab.ID+"#hints", fiber.StatusSeeOther)
		}
	}
	v, err := s.buildLabView(c, lab, text)
	if err != nil {
		return err
	}
	if u == nil {
		n, _ := strconv.Atoi(c.FormValue("hints"))
		n = min(max(n+1, 0), len(lab.Hints))
		v.Hints = v.Text.Hints[:n]
	}
	v.revealSolution()
	return s.renderLab(c, v, fiber.StatusOK)
}

// highlighted is a lab's code as the guides' code blocks look.
func highlighted(code, editor string) template.HTML {
	h, err := content.Highlight(code, editor)
	if err != nil {
		return template.HTML("<pre><code>" + template.HTMLEscapeString(code) + "</code></pre>")
	}
	return h
}

// passView is what the page says after a pass: what it moved, by
// competency, and the next lab.
type passView struct {
	Moves []moveView
	Next  *domain.NextLab
	Title string // the next lab's title in the reader's language
}

type moveView struct {
	Name                        string
	Before, After, Next         string // level names in the reader's language
	BeforePct, AfterPct         int
	LevelChanged, ProgressMoved bool
}

// addPass computes the pass panel for a passed lab.
func (s *Server) addPass(c *fiber.Ctx, v *labView) error {
	if !v.Passed {
		return nil
	}
	out, err := s.ops.LabPass(c.UserContext(), currentUser(c), v.Lab)
	if err != nil {
		return err
	}
	lang := langOf(c)
	level := func(l string) string {
		if l == "" {
			return ""
		}
		return s.msgs.T(lang, "level."+l)
	}
	pv := &passView{Next: out.Next}
	for _, m := range out.Moves {
		name := m.Competency
		if comp := s.content.Framework.Competency(m.Competency); comp != nil {
			name = comp.Name.In(lang)
		}
		pv.Moves = append(pv.Moves, moveView{Name: name, Before: level(m.Before.Level), After: level(m.After.Level), Next: level(m.Before.Next),
			BeforePct: pctOf(m.Before.Progress), AfterPct: pctOf(m.After.Progress), LevelChanged: m.LevelChanged(), ProgressMoved: m.ProgressChanged()})
	}
	if out.Next != nil {
		text, _ := out.Next.Lab.In(lang)
		pv.Title = text.Title
	}
	v.Pass = pv
	return nil
}

func pctOf(f float64) int { return int(f*100 + 0.5) }
