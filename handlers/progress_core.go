package handlers

import (
	"context"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// evidenceItems lists every lab and guide (once per translation key) for
// the level rule. It is built once at start.
func evidenceItems(idx *content.Index, cat *labs.Catalog) []content.Item {
	var items []content.Item
	for _, l := range cat.Labs {
		items = append(items, content.Item{Kind: "lab", Ref: l.ID, Level: l.Level, Competencies: l.Competencies})
	}
	for _, g := range idx.Guides {
		if g.Lang == "en" {
			items = append(items, content.Item{Kind: "guide", Ref: g.TranslationKey, Level: g.Level, Competencies: g.Competencies})
		}
	}
	return items
}

// progress is everything known about one learner's evidence.
type progress struct {
	Assessment content.Assessment
	Statuses   map[string]string // lab id -> status
	Read       map[string]bool   // guide translation key -> read
	Self       map[string]store.SelfAssessment
	Endorsed   map[string]string
}

func (s *Server) loadProgress(ctx context.Context, userID int64) (*progress, error) {
	evs, err := s.store.Evidence(ctx, []int64{userID})
	if err != nil {
		return nil, err
	}
	self, err := s.store.SelfAssessments(ctx, userID)
	if err != nil {
		return nil, err
	}
	p := s.assess(evs[userID])
	p.Self = self
	return p, nil
}

// assess applies the level rule to stored evidence; it reads nothing, so
// a table of many learners costs no query per learner.
func (s *Server) assess(ev *store.Evidence) *progress {
	passed := map[string]bool{}
	for id, st := range ev.Labs {
		if st == store.StatusPassed {
			passed[id] = true
		}
	}
	endorsed := highestEndorsed(ev.Endorsed)
	a := content.Assess(s.content.Framework, s.items, content.Evidence{PassedLabs: passed, ReadGuides: ev.Guides, Endorsements: endorsed})
	return &progress{Assessment: a, Statuses: ev.Labs, Read: ev.Guides, Endorsed: endorsed}
}

// gradeAndStore grades a submission and, for a signed-in learner, stores it
// before answering. It returns the stored id (0 when anonymous).
func (s *Server) gradeAndStore(c *fiber.Ctx, lab *labs.Lab, sqlText string) (*labs.Verdict, int64, error) {
	v, err := s.grader.Grade(c.UserContext(), &lab.Spec, sqlText)
	if err != nil {
		return nil, 0, err
	}
	u := currentUser(c)
	if u == nil {
		return v, 0, nil
	}
	verdict, err := json.Marshal(v)
	if err != nil {
		return nil, 0, err
	}
	id, err := s.store.SaveSubmission(c.UserContext(), store.Submission{
		UserID: u.ID, LabID: lab.ID, SQL: sqlText, Passed: v.Passed, Verdict: string(verdict), DurationMS: v.DurationMS,
	})
	return v, id, err
}

// maxSQL is the largest submission the handlers pass on: 64 KB.
var maxSQL = labs.DefaultLimits.MaxSQLBytes

// highestEndorsed returns the highest endorsed level per competency.
func highestEndorsed(list []store.Endorsement) map[string]string {
	out := map[string]string{}
	for _, e := range list {
		if content.LevelIndex(e.Level) > content.LevelIndex(out[e.CompetencyID]) {
			out[e.CompetencyID] = e.Level
		}
	}
	return out
}

// submissionComments returns the mentors' comments on a submission.
func (s *Server) submissionComments(c *fiber.Ctx, id int64) ([]apiComment, error) {
	list, err := s.store.CommentsOn(c.UserContext(), id)
	if err != nil {
		return nil, err
	}
	out := make([]apiComment, 0, len(list))
	for _, cm := range list {
		out = append(out, apiComment{ID: cm.ID, AuthorID: cm.AuthorID, Author: cm.Author, Body: cm.Body, CreatedAt: cm.CreatedAt.UTC().Format(time.RFC3339)})
	}
	return out, nil
}
