package domain

import (
	"context"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// evidenceItems lists what the level rule counts: every lab, every guide's
// quiz (once per translation key) and every task. It is built once at
// start.
func evidenceItems(idx *content.Index, cat *labs.Catalog) []content.Item {
	var items []content.Item
	for _, l := range cat.Labs {
		items = append(items, content.Item{Kind: "lab", Ref: l.ID, Level: l.Level, Competencies: l.Competencies})
	}
	for _, g := range idx.Guides {
		if g.Lang == "en" {
			items = append(items, content.Item{Kind: "quiz", Ref: g.TranslationKey, Level: g.Level, Competencies: g.Competencies})
		}
	}
	for _, t := range idx.Tasks {
		items = append(items, content.Item{Kind: "task", Ref: t.ID, Level: t.Level, Competencies: t.Competencies})
	}
	return items
}

// Progress is everything known about one learner's evidence, and the
// levels the rule gives it.
type Progress struct {
	Assessment content.Assessment
	Statuses   map[string]string // lab id -> status
	Read       map[string]bool   // guide translation key -> read
	Quizzes    map[string]bool   // guide translation key -> passed, for quizzes attempted
	Tasks      map[string]string // task id -> the latest version's status
	Self       map[string]store.SelfAssessment
	Endorsed   map[string]string // competency -> highest endorsed level
}

// Progress loads one learner's evidence and self-assessment and assesses
// it. The caller has checked that actor may see the learner.
func (s *Service) Progress(ctx context.Context, userID int64) (*Progress, error) {
	evs, err := s.store.Evidence(ctx, []int64{userID})
	if err != nil {
		return nil, err
	}
	self, err := s.store.SelfAssessments(ctx, userID)
	if err != nil {
		return nil, err
	}
	p := s.Assess(evs[userID])
	p.Self = self
	return p, nil
}

// Assess applies the level rule to stored evidence. It reads nothing, so
// a table of many learners costs no query per learner.
func (s *Service) Assess(ev *store.Evidence) *Progress {
	passed := map[string]bool{}
	for id, st := range ev.Labs {
		if st == store.StatusPassed {
			passed[id] = true
		}
	}
	endorsed := highestEndorsed(ev.Endorsed)
	quizzes := map[string]bool{}
	for key, ok := range ev.Quizzes {
		if ok {
			quizzes[key] = true
		}
	}
	a := content.Assess(s.content.Framework, s.items, content.Evidence{PassedLabs: passed, PassedQuizzes: quizzes, ApprovedTasks: ev.Approved, Endorsements: endorsed})
	return &Progress{Assessment: a, Statuses: ev.Labs, Read: ev.Guides, Quizzes: ev.Quizzes, Tasks: ev.Tasks, Endorsed: endorsed}
}

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
