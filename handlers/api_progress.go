package handlers

import (
	"encoding/csv"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/store"
)

// apiSubmission shows one submission to its author, the author's mentors
// and admins; everyone else gets 404.
func (s *Server) apiSubmission(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	sub, err := s.ops.Submission(c.UserContext(), currentUser(c), id)
	if err != nil {
		return err
	}
	comments, err := s.submissionComments(c, sub.ID)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{
		"id": sub.ID, "lab": sub.LabID, "user_id": sub.UserID, "sql": sub.SQL, "passed": sub.Passed,
		"created_at": sub.CreatedAt.UTC().Format(time.RFC3339), "comments": comments, "verdict": sub.Verdict,
		"retired": s.labs.Lab(sub.LabID) == nil,
	})
}

func (s *Server) apiMarkRead(c *fiber.Ctx) error {
	g := s.content.Guide(c.Params("slug"))
	if g == nil {
		return fiber.ErrNotFound
	}
	if err := s.store.MarkGuideRead(c.UserContext(), currentUser(c).ID, g.TranslationKey, g.Slug); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

type apiCompetency struct {
	ID       string   `json:"id"`
	Level    string   `json:"level"`
	Progress float64  `json:"progress"`
	Next     string   `json:"next,omitempty"`
	Missing  []string `json:"missing"`
	Self     int      `json:"self_assessment,omitempty"`
	Endorsed string   `json:"endorsed,omitempty"`
}

// apiProgress is the learner's progress as JSON, or CSV with ?format=csv.
func (s *Server) apiProgress(c *fiber.Ctx) error {
	u := currentUser(c)
	p, err := s.ops.Progress(c.UserContext(), u.ID)
	if err != nil {
		return err
	}
	comps := make([]apiCompetency, 0, len(p.Assessment.Competencies))
	for _, cl := range p.Assessment.Competencies {
		ac := apiCompetency{ID: cl.ID, Level: cl.Level, Progress: round3(cl.Progress), Next: cl.Next, Missing: []string{}, Self: p.Self[cl.ID].Rating, Endorsed: cl.Endorsed}
		for _, m := range cl.Missing {
			ac.Missing = append(ac.Missing, s.describeMissing(langOf(c), cl.ID, m))
		}
		comps = append(comps, ac)
	}
	labsOut := make([]idStatus, 0, len(s.labs.Labs))
	for _, l := range s.labs.Labs {
		labsOut = append(labsOut, idStatus{ID: l.ID, Status: orNotStarted(p.Statuses[l.ID])})
	}
	type guideRead struct {
		Slug string `json:"slug"`
		Lang string `json:"lang"`
		Read bool   `json:"read"`
	}
	guidesOut := make([]guideRead, 0, len(s.content.Guides))
	for _, g := range s.content.Guides {
		guidesOut = append(guidesOut, guideRead{Slug: g.Slug, Lang: g.Lang, Read: p.Read[g.TranslationKey]})
	}
	type quizStatus struct {
		Slug      string `json:"slug"`
		Lang      string `json:"lang"`
		Passed    bool   `json:"passed"`
		Attempted bool   `json:"attempted"`
	}
	quizzesOut := make([]quizStatus, 0, len(s.content.Guides))
	for _, g := range s.content.Guides {
		passed, attempted := p.Quizzes[g.TranslationKey]
		quizzesOut = append(quizzesOut, quizStatus{Slug: g.Slug, Lang: g.Lang, Passed: passed, Attempted: attempted})
	}
	tasksOut := make([]idStatus, 0, len(s.content.Tasks))
	for _, t := range s.content.Tasks {
		tasksOut = append(tasksOut, idStatus{ID: t.ID, Status: orNotStarted(p.Tasks[t.ID])})
	}
	if c.Query("format") == "csv" {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		c.Set(fiber.HeaderContentDisposition, `attachment; filename="ladder-progress.csv"`)
		w := csv.NewWriter(c.Response().BodyWriter())
		writeCSVRow(w, []string{"type", "id", "level", "progress", "status"})
		writeCSVRow(w, []string{"overall", "", p.Assessment.Overall, "", ""})
		for _, ac := range comps {
			writeCSVRow(w, []string{"competency", ac.ID, ac.Level, strconv.FormatFloat(ac.Progress, 'f', 3, 64), ""})
		}
		for _, l := range labsOut {
			writeCSVRow(w, []string{"lab", l.ID, "", "", l.Status})
		}
		for _, g := range guidesOut {
			st := "unread"
			if g.Read {
				st = "read"
			}
			writeCSVRow(w, []string{"guide", g.Slug, "", "", st})
		}
		for _, q := range quizzesOut {
			st := store.StatusNotStarted
			switch {
			case q.Passed:
				st = store.StatusPassed
			case q.Attempted:
				st = store.StatusAttempted
			}
			writeCSVRow(w, []string{"quiz", q.Slug, "", "", st})
		}
		for _, t := range tasksOut {
			writeCSVRow(w, []string{"task", t.ID, "", "", t.Status})
		}
		w.Flush()
		return w.Error()
	}
	return c.JSON(fiber.Map{"level": p.Assessment.Overall, "competencies": comps, "labs": labsOut, "guides": guidesOut,
		"quizzes": quizzesOut, "tasks": tasksOut})
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// idStatus is a lab's or a task's status in the progress API.
type idStatus struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// orNotStarted is a status, or not_started for an item never tried.
func orNotStarted(st string) string {
	if st == "" {
		return store.StatusNotStarted
	}
	return st
}
