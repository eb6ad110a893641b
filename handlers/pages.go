package handlers

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/store"
)

// view is what every page template receives. Data is the page's own part.
type view struct {
	User      *store.User
	CSRF      string
	Lang      string
	OtherLang string
	Title     string
	Section   string // highlighted navigation entry
	SwitchURL string
	Data      any
}

// view builds a page's data. The language switch links to the same page in
// the other language unless the page sets altPath (a guide's translation).
func (s *Server) view(c *fiber.Ctx, section, title string, data any) view {
	lang := langOf(c)
	other := "ko"
	if lang == "ko" {
		other = "en"
	}
	alt, _ := c.Locals("altPath").(string)
	if alt == "" {
		alt = c.OriginalURL()
	}
	token, _ := c.Locals("csrf").(string)
	return view{
		User: currentUser(c), CSRF: token,
		Lang: lang, OtherLang: other, Title: title, Section: section, Data: data,
		SwitchURL: "/lang/" + other + "?next=" + url.QueryEscape(alt),
	}
}

type levelGroup struct {
	Level  string
	Guides []*content.Guide
}

type trackGroup struct {
	Track  string
	Levels []levelGroup
}

// guideList shows the guides of the current language grouped by track and
// level. Unknown filter values simply match nothing.
func (s *Server) guideList(c *fiber.Ctx) error {
	lang := langOf(c)
	level, comp := c.Query("level"), c.Query("competency")
	var groups []trackGroup
	count := 0
	for _, track := range content.Tracks {
		tg := trackGroup{Track: track}
		for _, lv := range content.Levels {
			lg := levelGroup{Level: lv}
			for _, g := range s.content.GuidesIn(lang) {
				if g.Track != track || g.Level != lv || (level != "" && level != lv) || (comp != "" && !hasString(g.Competencies, comp)) {
					continue
				}
				lg.Guides = append(lg.Guides, g)
			}
			if len(lg.Guides) > 0 {
				tg.Levels = append(tg.Levels, lg)
				count += len(lg.Guides)
			}
		}
		if len(tg.Levels) > 0 {
			groups = append(groups, tg)
		}
	}
	return c.Render("guides", s.view(c, "guides", s.msgs.T(lang, "guides.title"), fiber.Map{
		"Groups": groups, "Count": count, "Level": level, "Competency": comp,
		"Levels": content.Levels, "Competencies": s.content.Framework.Competencies,
	}))
}

// guidePage shows one guide. A guide in the other language is still shown
// as asked: links are shared between people, and the switch goes to its pair.
func (s *Server) guidePage(c *fiber.Ctx) error {
	g := s.content.Guide(c.Params("slug"))
	if g == nil {
		return fiber.ErrNotFound
	}
	other := "ko"
	if g.Lang == "ko" {
		other = "en"
	}
	if langOf(c) != g.Lang {
		// Reading a guide sets the page language to the guide's, so the
		// interface and <html lang> match the text.
		c.Locals(langCookie, g.Lang)
	}
	if t := s.content.Translation(g, other); t != nil {
		c.Locals("altPath", "/guides/"+t.Slug)
	}
	prev, next := s.content.Neighbours(g)
	outcome, _ := c.Locals("quizOutcome").(*domain.QuizOutcome)
	if outcome == nil && anonymousCacheable(c) {
		// The page depends only on the guide for anonymous readers.
		return s.serveCached(c, "guide:"+g.Slug, "guide", func() view {
			return s.view(c, "guides", g.Title, fiber.Map{"Guide": g, "Prev": prev, "Next": next, "Labs": s.guideLabs(g),
				"Quiz": newQuizView(g.Quiz, nil)})
		})
	}
	data := fiber.Map{"Guide": g, "Prev": prev, "Next": next, "Labs": s.guideLabs(g), "Quiz": newQuizView(g.Quiz, outcome)}
	if u := currentUser(c); u != nil {
		keys, err := s.store.ReadGuides(c.UserContext(), u.ID)
		if err != nil {
			return err
		}
		data["Read"] = keys[g.TranslationKey]
		tried, passed, err := s.store.QuizStatus(c.UserContext(), u.ID, g.TranslationKey)
		if err != nil {
			return err
		}
		data["QuizTried"], data["QuizPassed"] = tried, passed
		ticks, err := s.ops.Checklist(c.UserContext(), u, g)
		if err != nil {
			return err
		}
		data["Body"] = g.Body.WithChecks(ticks, true)
		data["ChecklistSaved"] = c.Query("checklist") == "saved"
	}
	return c.Render("guide", s.view(c, "guides", g.Title, data))
}

// catalogCell lists the evidence one competency offers at one level.
type catalogCell struct {
	Items []recommendation // Kind, Title and URL
}

// career shows the competency matrix, the level rule, and the catalog by
// cell: the labs, quizzes and tasks that count at each level, so a mentor
// sees what each rung asks for.
func (s *Server) career(c *fiber.Ctx) error {
	lang := langOf(c)
	cells := map[string]map[string]*catalogCell{}
	add := func(kind, ref, level string, comps []string) {
		for _, comp := range comps {
			if cells[comp] == nil {
				cells[comp] = map[string]*catalogCell{}
			}
			if cells[comp][level] == nil {
				cells[comp][level] = &catalogCell{}
			}
			cells[comp][level].Items = append(cells[comp][level].Items, recommendation{Kind: kind, Title: s.itemTitle(lang, kind, ref), URL: s.itemURL(lang, kind, ref)})
		}
	}
	for _, l := range s.labs.Labs {
		add("lab", l.ID, l.Level, l.Competencies)
	}
	for _, g := range s.content.GuidesIn("en") {
		add("quiz", g.TranslationKey, g.Level, g.Competencies)
	}
	for _, t := range s.content.Tasks {
		add("task", t.ID, t.Level, t.Competencies)
	}
	return c.Render("career", s.view(c, "career", s.msgs.T(lang, "career.title"), fiber.Map{
		"Levels": content.Levels, "Competencies": s.content.Framework.Competencies, "Cells": cells,
	}))
}

// switchLanguage remembers the choice for a year and goes back to a local
// page. next must be a path on this site, never another host.
func (s *Server) switchLanguage(c *fiber.Ctx) error {
	lang := c.Params("lang")
	if lang != "en" && lang != "ko" {
		return fiber.ErrNotFound
	}
	c.Cookie(&fiber.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: "Lax", HTTPOnly: true})
	return c.Redirect(safeNext(c.Query("next")), fiber.StatusSeeOther)
}

func (s *Server) asset(c *fiber.Ctx) error {
	f := s.assets.ByURL(c.Path())
	if f == nil {
		return fiber.ErrNotFound
	}
	c.Set(fiber.HeaderContentType, f.ContentType)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	return c.Send(f.Body)
}

func hasString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
