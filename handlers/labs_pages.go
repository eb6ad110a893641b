package handlers

import (
	"encoding/json"
	"errors"
	"html/template"
	"sort"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

type labCard struct {
	Lab    *labs.Lab
	Text   labs.Text // in the reader's language where the lab has it
	Status string
}

// labList is the catalog, filtered by level, competency, kind and, for a
// signed-in learner, status.
func (s *Server) labList(c *fiber.Ctx) error {
	level, comp, kind, status := c.Query("level"), c.Query("competency"), c.Query("kind"), c.Query("status")
	statuses := map[string]string{}
	if u := currentUser(c); u != nil {
		var err error
		if statuses, err = s.store.LabStatuses(c.UserContext(), u.ID); err != nil {
			return err
		}
	}
	var cards []labCard
	for _, l := range s.labs.Labs {
		st := statuses[l.ID]
		if st == "" {
			st = store.StatusNotStarted
		}
		if (level != "" && l.Level != level) || (kind != "" && l.Kind != kind) || (comp != "" && !hasString(l.Competencies, comp)) || (status != "" && st != status) {
			continue
		}
		text, _ := l.In(langOf(c))
		cards = append(cards, labCard{Lab: l, Text: text, Status: st})
	}
	return c.Render("labs", s.view(c, "labs", s.msgs.T(langOf(c), "labs.title"), fiber.Map{
		"Cards": cards, "Level": level, "Competency": comp, "Kind": kind, "Status": status,
		"Levels": content.Levels, "Competencies": s.content.Framework.Competencies,
		"Kinds":    []string{labs.KindQuery, labs.KindETL, labs.KindQuality, labs.KindCode},
		"Statuses": []string{store.StatusNotStarted, store.StatusAttempted, store.StatusPassed},
	}))
}

// attempt is a stored submission as the lab page shows it, with its
// verdict (store.Submission's).
type attempt struct {
	store.Submission
	Comments []store.Comment
}

// labView is everything the lab page and its result fragment show.
type labView struct {
	Lab         *labs.Lab
	Tables      []labs.Table
	Schema      string // JSON {table: [columns]} for the editor's completion
	Editor      string // the editor's language: "sql", or "python" for code labs
	Tests       string // a code lab's visible tests, shown beside the editor
	SQL         string // the submission's text, whatever the lab's kind
	Run         *labs.RunResult
	RunError    string
	ErrorLine   int
	Verdict     *labs.Verdict
	Submitted   bool
	Hints       []string
	HintsTotal  int
	Attempts    []attempt
	Passed      bool
	Status      string
	Solution    template.HTML // the reference, highlighted
	Explanation template.HTML
	Guides      []*content.Guide
	Anonymous   bool
	TooLarge    bool
	Text        labs.Text // title, instructions and hints in the reader's language
	English     bool      // the reader asked for another language the lab lacks

	// The learner's own text (lab_pages.go): where the editor's text came
	// from, the attempt loaded into it, a draft just saved by the form.
	From       string
	Loaded     *store.Submission
	NoAttempt  bool // "load my last attempt" found none
	DraftSaved bool
	Pass       *passView // after a pass: what it moved and the next lab
}

func (s *Server) findLab(c *fiber.Ctx) (*labs.Lab, error) {
	lab := s.labs.Lab(c.Params("id"))
	if lab == nil {
		return nil, fiber.ErrNotFound
	}
	return lab, nil
}

// buildLabView loads what the page needs around the learner's action.
func (s *Server) buildLabView(c *fiber.Ctx, lab *labs.Lab, sqlText string) (*labView, error) {
	ctx := c.UserContext()
	v := &labView{Lab: lab, SQL: sqlText, HintsTotal: len(lab.Hints), Status: store.StatusNotStarted, Editor: "sql"}
	var translated bool
	v.Text, translated = lab.In(langOf(c))
	v.English = !translated
	if lab.Kind == labs.KindCode {
		// Starlark is a Python dialect. A test-writing lab's tests are its
		// answer, so only the other code labs show theirs.
		v.Editor = "python"
		if !lab.TestsRequired {
			v.Tests = lab.VisibleTests
		}
	}
	tables, err := s.schemas.get(ctx, s.grader, lab)
	if err != nil && !errors.Is(err, labs.ErrBusy) {
		return nil, err
	}
	v.Tables = tables
	schema := map[string][]string{}
	for _, t := range tables {
		for _, col := range t.Columns {
			schema[t.Name] = append(schema[t.Name], col.Name)
		}
	}
	b, _ := json.Marshal(schema)
	v.Schema = string(b)
	revealed := 0
	if u := currentUser(c); u != nil {
		if revealed, err = s.store.HintsRevealed(ctx, u.ID, lab.ID); err != nil {
			return nil, err
		}
		subs, err := s.store.Submissions(ctx, u.ID, lab.ID, 20)
		if err != nil {
			return nil, err
		}
		comments, err := s.store.CommentsForLearner(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		bySub := map[int64][]store.Comment{}
		for _, cm := range comments {
			bySub[cm.SubmissionID] = append(bySub[cm.SubmissionID], cm)
		}
		for _, sub := range subs {
			a := attempt{Submission: sub, Comments: bySub[sub.ID]}
			v.Attempts = append(v.Attempts, a)
			if sub.Passed {
				v.Passed = true
			}
		}
		if len(subs) > 0 {
			v.Status = store.StatusAttempted
		}
		if !v.Passed && len(subs) == 20 { // older attempts may hold the pass
			st, err := s.store.LabStatuses(ctx, u.ID)
			if err != nil {
				return nil, err
			}
			v.Passed = st[lab.ID] == store.StatusPassed
		}
		if v.Passed {
			v.Status = store.StatusPassed
		}
	} else {
		v.Anonymous = true
		revealed, _ = strconv.Atoi(c.Query("hints", c.FormValue("hints")))
	}
	if revealed > len(lab.Hints) {
		revealed = len(lab.Hints)
	}
	if revealed < 0 {
		revealed = 0
	}
	v.Hints = v.Text.Hints[:revealed]
	v.Guides = s.labGuides(lab, langOf(c))
	return v, nil
}

// revealSolution shows the reference, highlighted, and its explanation
// after a pass: in a test-writing code lab, the reference tests.
func (v *labView) revealSolution() {
	if v.Passed || (v.Verdict != nil && v.Verdict.Passed) {
		v.Passed = true
		v.Solution = highlighted(v.Lab.Reference(), v.Editor)
		v.Explanation = v.Text.Explanation.HTML
	}
}

// labGuides links a lab to guides: its prerequisites first, then guides
// that share a competency at the same level.
func (s *Server) labGuides(lab *labs.Lab, lang string) []*content.Guide {
	var out []*content.Guide
	seen := map[string]bool{}
	add := func(g *content.Guide) {
		if g == nil {
			return
		}
		if t := s.content.Translation(g, lang); t != nil {
			g = t
		}
		if !seen[g.TranslationKey] {
			seen[g.TranslationKey] = true
			out = append(out, g)
		}
	}
	for _, p := range lab.Prerequisites {
		add(s.content.Guide(p))
	}
	for _, g := range s.content.GuidesIn(lang) {
		if g.Level == lab.Level && sharesAny(g.Competencies, lab.Competencies) && len(out) < 4 {
			add(g)
		}
	}
	return out
}

// guideLabs links a guide to labs: labs that name it as a prerequisite,
// then labs that share a competency at the same level.
func (s *Server) guideLabs(g *content.Guide) []*labs.Lab {
	var first, rest []*labs.Lab
	for _, l := range s.labs.Labs {
		switch {
		case hasString(l.Prerequisites, g.TranslationKey) || hasString(l.Prerequisites, g.Slug):
			first = append(first, l)
		case l.Level == g.Level && sharesAny(l.Competencies, g.Competencies):
			rest = append(rest, l)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].ID < rest[j].ID })
	out := append(first, rest...)
	if len(out) > 6 {
		out = out[:6]
	}
	return out
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		if hasString(b, x) {
			return true
		}
	}
	return false
}

func (s *Server) labPage(c *fiber.Ctx) error {
	lab, err := s.findLab(c)
	if err != nil {
		return err
	}
	v, err := s.buildLabView(c, lab, "")
	if err != nil {
		return err
	}
	if err := s.startEditor(c, lab, v); err != nil {
		return err
	}
	v.revealSolution()
	if err := s.addPass(c, v); err != nil {
		return err
	}
	if u := currentUser(c); u != nil {
		// The learner now sees their mentors' comments beside the attempts;
		// this view still marks them new.
		if err := s.store.MarkCommentsRead(c.UserContext(), u.ID, lab.ID); err != nil {
			return err
		}
	}
	return s.renderLab(c, v, fiber.StatusOK)
}

// renderLab renders the whole page, or only the result regions when our
// script asked for a fragment.
func (s *Server) renderLab(c *fiber.Ctx, v *labView, status int) error {
	c.Status(status)
	if c.Get("X-Fragment") == "1" {
		return c.Render("lab_fragment", s.view(c, "labs", v.Text.Title, v), "")
	}
	return c.Render("lab", s.view(c, "labs", v.Text.Title, v))
}
