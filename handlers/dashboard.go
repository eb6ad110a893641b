package handlers

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/store"
)

// describeMissing says in words what a requirement still needs, naming
// the labs, quizzes and tasks that would meet it.
func (s *Server) describeMissing(lang, compID string, r content.Requirement) string {
	comp := compID
	if c := s.content.Framework.Competency(compID); c != nil {
		comp = c.Name.In(lang)
	}
	level := s.msgs.T(lang, "level."+r.Level)
	var names []string
	for _, it := range r.Candidates {
		if len(names) == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, s.itemTitle(lang, it.Kind, it.Ref))
	}
	switch r.Kind {
	case content.NeedGraded:
		return s.msgs.T(lang, "missing.graded", level, comp, strings.Join(names, ", "))
	case content.NeedTask:
		return s.msgs.T(lang, "missing.task", level, comp, strings.Join(names, ", "))
	}
	return s.msgs.T(lang, "missing.endorsement", level, comp)
}

// itemTitle names a lab, a guide (by slug or translation key), a guide's
// quiz or a task in lang.
func (s *Server) itemTitle(lang, kind, ref string) string {
	retired := ref + " (" + s.msgs.T(lang, "item.retired") + ")"
	switch kind {
	case "lab":
		if l := s.labs.Lab(ref); l != nil {
			text, _ := l.In(lang)
			return text.Title
		}
		return retired
	case "task":
		if t := s.content.Task(ref); t != nil {
			return t.In(lang).Title
		}
		return retired
	}
	g := s.content.Guide(ref)
	if g == nil {
		return retired
	}
	if t := s.content.Translation(g, lang); t != nil {
		g = t
	}
	if kind == "quiz" {
		return s.msgs.T(lang, "quiz.of", g.Title)
	}
	return g.Title
}

func (s *Server) itemURL(lang, kind, ref string) string {
	switch kind {
	case "lab":
		return "/labs/" + ref
	case "task":
		return "/tasks/" + ref
	}
	url := "/guides/" + ref
	if g := s.content.Guide(ref); g != nil {
		if t := s.content.Translation(g, lang); t != nil {
			url = "/guides/" + t.Slug
		}
	}
	if kind == "quiz" {
		url += "#quiz"
	}
	return url
}

type recommendation struct {
	Kind, Title, URL, Reason string
}

// nextSteps picks three to five labs and guides that move the learner
// toward their next levels, lower levels first since they block the rest.
//
// Open items of the learner's assignments come first, soonest due first:
// a mentor asked for them by a date.
func (s *Server) nextSteps(lang string, p *domain.Progress, assigns []assignmentView) []recommendation {
	var out []recommendation
	seen := map[string]bool{}
	sorted := append([]assignmentView(nil), assigns...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Due < sorted[j].Due })
	for _, a := range sorted {
		for _, it := range a.Items {
			key := it.Kind + ":" + it.Ref
			if it.Done || it.Retired || seen[key] || len(out) == 3 {
				continue
			}
			seen[key] = true
			out = append(out, recommendation{Kind: it.Kind, Title: it.Title, URL: it.URL, Reason: s.msgs.T(lang, "next.assigned", a.Curriculum.Title, a.Due)})
		}
	}
	return append(out, s.ruleSteps(lang, p, seen, 5-len(out))...)
}

// ruleSteps picks up to n items that meet missing requirements of the level
// rule, lower levels first since they block the rest.
func (s *Server) ruleSteps(lang string, p *domain.Progress, seen map[string]bool, n int) []recommendation {
	type cand struct {
		req  content.Requirement
		comp string
		prog float64
	}
	var cands []cand
	for _, cl := range p.Assessment.Competencies {
		for _, m := range cl.Missing {
			if m.Kind != content.NeedEndorsement {
				cands = append(cands, cand{m, cl.ID, cl.Progress})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := content.LevelIndex(cands[i].req.Level), content.LevelIndex(cands[j].req.Level)
		if li != lj {
			return li < lj
		}
		return cands[i].prog > cands[j].prog
	})
	var out []recommendation
	for _, c := range cands {
		if len(out) >= n {
			break
		}
		for _, it := range c.req.Candidates {
			key := it.Kind + ":" + it.Ref
			if seen[key] || done(p, it) {
				continue
			}
			seen[key] = true
			comp := s.content.Framework.Competency(c.comp).Name.In(lang)
			out = append(out, recommendation{
				Kind: it.Kind, Title: s.itemTitle(lang, it.Kind, it.Ref), URL: s.itemURL(lang, it.Kind, it.Ref),
				Reason: s.msgs.T(lang, "next.reason", s.msgs.T(lang, "level."+c.req.Level), comp),
			})
			break
		}
	}
	return out
}

// done says whether the learner has already done an item, or sent it for
// review: it is no next step then.
func done(p *domain.Progress, it content.Item) bool {
	switch it.Kind {
	case "lab":
		return p.Statuses[it.Ref] == store.StatusPassed
	case "quiz":
		return p.Quizzes[it.Ref]
	case "task":
		st := p.Tasks[it.Ref]
		return st == store.TaskApproved || st == store.TaskPending
	}
	return false
}

type competencyRow struct {
	Competency *content.Competency
	Level      content.CompetencyLevel
	LevelIndex int
	Missing    []string
	Self       store.SelfAssessment
}

type activityView struct {
	store.Activity
	Title, URL string
}

// competencyRows pairs each competency with its level, self-rating and what
// is still needed, in the framework's order.
func (s *Server) competencyRows(lang string, p *domain.Progress) []competencyRow {
	rows := make([]competencyRow, 0, len(p.Assessment.Competencies))
	for i, cl := range p.Assessment.Competencies {
		r := competencyRow{Competency: s.content.Framework.Competencies[i], Level: cl, LevelIndex: content.LevelIndex(cl.Level), Self: p.Self[cl.ID]}
		for _, m := range cl.Missing {
			r.Missing = append(r.Missing, s.describeMissing(lang, cl.ID, m))
		}
		rows = append(rows, r)
	}
	return rows
}

func (s *Server) dashboard(c *fiber.Ctx) error {
	u := currentUser(c)
	lang := langOf(c)
	p, err := s.ops.Progress(c.UserContext(), u.ID)
	if err != nil {
		return err
	}
	rows := s.competencyRows(lang, p)
	acts, err := s.store.RecentActivity(c.UserContext(), u.ID, 10)
	if err != nil {
		return err
	}
	var activity []activityView
	for _, a := range acts {
		kind := "lab"
		ref := a.Ref
		if a.Kind == "guide_read" {
			kind = "guide"
			if g := s.content.Guide(a.Ref); g != nil {
				ref = g.TranslationKey
			}
		}
		activity = append(activity, activityView{Activity: a, Title: s.itemTitle(lang, kind, ref), URL: s.itemURL(lang, kind, ref)})
	}
	passed := 0
	for _, st := range p.Statuses {
		if st == store.StatusPassed {
			passed++
		}
	}
	extra, err := s.dashboardExtras(c, u, p)
	if err != nil {
		return err
	}
	switch c.Query("join") {
	case "ok":
		extra["Msg"] = "dash.joined"
	case "unknown":
		extra["Error"] = "dash.join_unknown"
	case "not_learner":
		extra["Error"] = "dash.join_not_learner"
	}
	return c.Render("dashboard", s.view(c, "dashboard", s.msgs.T(lang, "dash.title"), fiber.Map{
		"Overall": p.Assessment.Overall, "Rows": rows, "Levels": content.Levels,
		"Radar": radarSVG(s, lang, p.Assessment), "Next": s.nextSteps(lang, p, extra["Assignments"].([]assignmentView)), "Activity": activity,
		"Passed": passed, "LabCount": len(s.labs.Labs), "Read": len(p.Read), "GuideCount": len(s.content.Guides) / 2,
		"Quizzes": countTrue(p.Quizzes), "Tasks": countApproved(p.Tasks), "TaskCount": len(s.content.Tasks), "Extra": extra,
	}))
}

// selfAssessmentPage shows the learner's own ratings, apart from the
// dashboard: they never change the evidence-based levels.
func (s *Server) selfAssessmentPage(c *fiber.Ctx) error {
	return s.renderSelfAssessment(c, fiber.StatusOK, "")
}

func (s *Server) renderSelfAssessment(c *fiber.Ctx, status int, errMsg string) error {
	u := currentUser(c)
	lang := langOf(c)
	p, err := s.ops.Progress(c.UserContext(), u.ID)
	if err != nil {
		return err
	}
	rows := s.competencyRows(lang, p)
	return c.Status(status).Render("self_assessment", s.view(c, "dashboard", s.msgs.T(lang, "dash.self_title"), fiber.Map{
		"Rows": rows, "Levels": content.Levels, "Saved": c.Query("saved") == "1", "SelfError": errMsg,
	}))
}

// selfAssessmentSubmit saves the learner's own ratings. Every field is
// checked before anything is saved, and the set is saved in one
// transaction, so a post with one bad field changes nothing.
func (s *Server) selfAssessmentSubmit(c *fiber.Ctx) error {
	u := currentUser(c)
	lang := langOf(c)
	var set []store.SelfAssessment
	for _, comp := range s.content.Framework.Competencies {
		note := strings.TrimSpace(c.FormValue("note_" + comp.ID))
		if utf8.RuneCountInString(note) > 500 {
			return s.renderSelfAssessment(c, fiber.StatusBadRequest, s.msgs.T(lang, "dash.self_note_long", comp.Name.In(lang)))
		}
		raw := strings.TrimSpace(c.FormValue("rating_" + comp.ID))
		if raw == "" {
			continue
		}
		rating, err := strconv.Atoi(raw)
		if err != nil || rating < 1 || rating > 4 {
			return s.renderSelfAssessment(c, fiber.StatusBadRequest, s.msgs.T(lang, "dash.self_bad_rating", comp.Name.In(lang)))
		}
		set = append(set, store.SelfAssessment{CompetencyID: comp.ID, Rating: rating, Note: note})
	}
	if err := s.store.SetSelfAssessments(c.UserContext(), u.ID, set); err != nil {
		return err
	}
	return c.Redirect("/me/self-assessment?saved=1", fiber.StatusSeeOther)
}

func countTrue(m map[string]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}

func countApproved(m map[string]string) int {
	n := 0
	for _, v := range m {
		if v == store.TaskApproved {
			n++
		}
	}
	return n
}

// markReadSubmit is the guide page's "mark as read" button.
func (s *Server) markReadSubmit(c *fiber.Ctx) error {
	g := s.content.Guide(c.Params("slug"))
	if g == nil {
		return fiber.ErrNotFound
	}
	if err := s.store.MarkGuideRead(c.UserContext(), currentUser(c).ID, g.TranslationKey, g.Slug); err != nil {
		return err
	}
	return c.Redirect("/guides/"+g.Slug+"#read", fiber.StatusSeeOther)
}

// radarSVG draws the competency levels as a radar chart on the server.
// Rings mark junior, mid, senior and lead; a competency's point sits on the
// ring of its held level plus its progress toward the next ring. Labels are escaped here
// because the result is trusted HTML.
func radarSVG(s *Server, lang string, a content.Assessment) template.HTML {
	const width, height, cx, cy, r = 860.0, 540.0, 430.0, 270.0, 180.0
	n := len(a.Competencies)
	if n == 0 {
		return ""
	}
	point := func(i int, frac float64) (float64, float64) {
		ang := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*frac*math.Cos(ang), cy + r*frac*math.Sin(ang)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="radar" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="radar-title radar-desc" xmlns="http://www.w3.org/2000/svg">`, width, height)
	fmt.Fprintf(&b, `<title id="radar-title">%s</title>`, html.EscapeString(s.msgs.T(lang, "dash.radar")))
	var desc []string
	for _, cl := range a.Competencies {
		desc = append(desc, s.content.Framework.Competency(cl.ID).Name.In(lang)+": "+s.msgs.T(lang, "level."+cl.Level))
	}
	fmt.Fprintf(&b, `<desc id="radar-desc">%s</desc>`, html.EscapeString(strings.Join(desc, "; ")))
	rings := float64(len(content.Levels))
	for ring := 1; ring <= len(content.Levels); ring++ {
		var pts []string
		for i := 0; i < n; i++ {
			x, y := point(i, float64(ring)/rings)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="#c8cdd3" stroke-width="1"/>`, strings.Join(pts, " "))
		x, y := point(0, float64(ring)/rings)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="11" fill="#6b7280">%s</text>`, x+4, y+12, html.EscapeString(s.msgs.T(lang, "level."+content.Levels[ring-1])))
	}
	var pts []string
	for i, cl := range a.Competencies {
		x, y := point(i, 1)
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.1f" y2="%.1f" stroke="#e2e5e9"/>`, cx, cy, x, y)
		v := (float64(content.LevelIndex(cl.Level)+1) + cl.Progress) / rings
		if v > 1 {
			v = 1
		}
		px, py := point(i, v)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", px, py))
		lx, ly := point(i, 1.1)
		anchor := "middle"
		switch {
		case lx < cx-10:
			anchor = "end"
		case lx > cx+10:
			anchor = "start"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="13" text-anchor="%s" fill="#374151">%s</text>`, lx, ly+4, anchor, html.EscapeString(s.content.Framework.Competency(cl.ID).Name.In(lang)))
	}
	fmt.Fprintf(&b, `<polygon points="%s" fill="#1565c0" fill-opacity="0.25" stroke="#1565c0" stroke-width="2" data-testid="radar-shape"/>`, strings.Join(pts, " "))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
