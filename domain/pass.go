package domain

import (
	"context"
	"sort"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// PassMove is what one competency of a lab owes to the lab's pass: its level
// and progress without the pass and with it.
type PassMove struct {
	Competency string
	Before     content.CompetencyLevel
	After      content.CompetencyLevel
}

// LevelChanged reports whether the pass lifted the level.
func (m PassMove) LevelChanged() bool { return m.Before.Level != m.After.Level }

// ProgressChanged reports whether the pass moved the progress toward the
// next level (a level change moves it too).
func (m PassMove) ProgressChanged() bool {
	return m.LevelChanged() || m.Before.Progress != m.After.Progress
}

// NextLab is the lab to go to after a pass, and why that one: the next
// open lab of one of the learner's assignments, else of the catalog.
type NextLab struct {
	Lab        *labs.Lab
	Assignment string // the curriculum's title when an assignment names it
	Due        string
}

// PassOutcome is what a pass gives a learner: what it moved, and where to
// go next.
type PassOutcome struct {
	Moves []PassMove // one per competency of the lab, in the lab's order; none for anonymous visitors
	Next  *NextLab
}

// LabPass says what passing lab did for actor. Moves compare the level rule
// on the actor's evidence with and without this lab's pass, so they say
// what this lab counts for however long ago it was passed: nothing moves
// when other work already met the same requirement. Anonymous visitors get
// only a next lab from the catalog.
func (s *Service) LabPass(ctx context.Context, actor *store.User, lab *labs.Lab) (*PassOutcome, error) {
	out := &PassOutcome{}
	statuses := map[string]string{lab.ID: store.StatusPassed}
	if actor != nil {
		evs, err := s.store.Evidence(ctx, []int64{actor.ID})
		if err != nil {
			return nil, err
		}
		ev := evs[actor.ID]
		statuses = ev.Labs
		after := s.Assess(ev)
		without := *ev
		without.Labs = make(map[string]string, len(ev.Labs))
		for id, st := range ev.Labs {
			without.Labs[id] = st
		}
		without.Labs[lab.ID] = store.StatusAttempted
		before := s.Assess(&without)
		for _, c := range lab.Competencies {
			m := PassMove{Competency: c}
			for _, cl := range before.Assessment.Competencies {
				if cl.ID == c {
					m.Before = cl
				}
			}
			for _, cl := range after.Assessment.Competencies {
				if cl.ID == c {
					m.After = cl
				}
			}
			out.Moves = append(out.Moves, m)
		}
		next, err := s.assignedNext(ctx, actor.ID, lab, statuses)
		if err != nil {
			return nil, err
		}
		out.Next = next
	}
	if out.Next == nil {
		if l := s.catalogNext(lab, statuses); l != nil {
			out.Next = &NextLab{Lab: l}
		}
	}
	return out, nil
}

// assignedNext is the next open lab of the learner's assignments, soonest
// due first: in an assignment that holds this lab, the first open lab after
// it, then before it; failing those, the first open lab of any assignment.
func (s *Service) assignedNext(ctx context.Context, userID int64, lab *labs.Lab, statuses map[string]string) (*NextLab, error) {
	list, err := s.store.AssignmentsOfLearner(ctx, userID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(list))
	for _, a := range list {
		ids = append(ids, a.CurriculumID)
	}
	curricula, err := s.store.CurriculaByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Due < list[j].Due })
	open := func(it store.CurriculumItem) *labs.Lab {
		if it.Kind != "lab" || it.Ref == lab.ID || statuses[it.Ref] == store.StatusPassed {
			return nil
		}
		return s.labs.Lab(it.Ref) // nil for a retired lab
	}
	for _, holding := range []bool{true, false} {
		for _, a := range list {
			cur := curricula[a.CurriculumID]
			at := -1
			for i, it := range cur.Items {
				if it.Kind == "lab" && it.Ref == lab.ID {
					at = i
					break
				}
			}
			if (at >= 0) != holding {
				continue
			}
			// After this lab first, then from the start.
			order := append(append([]store.CurriculumItem(nil), cur.Items[at+1:]...), cur.Items[:at+1]...)
			for _, it := range order {
				if l := open(it); l != nil {
					return &NextLab{Lab: l, Assignment: cur.Title, Due: a.Due}, nil
				}
			}
		}
	}
	return nil, nil
}

// catalogNext is the next lab of the catalog the learner has not passed:
// at this lab's level sharing a competency, then at this level, then at
// the next levels up, each time in catalog order from this lab on.
func (s *Service) catalogNext(lab *labs.Lab, statuses map[string]string) *labs.Lab {
	all := s.labs.Labs
	at := 0
	for i, l := range all {
		if l.ID == lab.ID {
			at = i
		}
	}
	ordered := append(append([]*labs.Lab(nil), all[at+1:]...), all[:at]...)
	shares := func(l *labs.Lab) bool {
		for _, c := range l.Competencies {
			for _, d := range lab.Competencies {
				if c == d {
					return true
				}
			}
		}
		return false
	}
	for li := content.LevelIndex(lab.Level); li < len(content.Levels); li++ {
		for _, needShare := range []bool{true, false} {
			for _, l := range ordered {
				if content.LevelIndex(l.Level) == li && statuses[l.ID] != store.StatusPassed && (!needShare || shares(l)) {
					return l
				}
			}
		}
	}
	return nil
}
