package content

import "math"

// Item is one piece of evidence the catalog offers, tagged with
// competencies at one level: a lab to pass, a guide's quiz to pass, or a
// task a mentor approves.
type Item struct {
	Kind         string // "lab", "quiz" or "task"
	Ref          string // lab id, guide translation key, or task id
	Level        string
	Competencies []string
}

// Evidence is what one learner has done. Reading a guide is progress, not
// evidence, so it is not here.
type Evidence struct {
	PassedLabs    map[string]bool   // lab ids
	PassedQuizzes map[string]bool   // guide translation keys, either language's quiz
	ApprovedTasks map[string]bool   // task ids
	Endorsements  map[string]string // competency id -> highest endorsed level
}

func (ev Evidence) has(it Item) bool {
	switch it.Kind {
	case "lab":
		return ev.PassedLabs[it.Ref]
	case "quiz":
		return ev.PassedQuizzes[it.Ref]
	case "task":
		return ev.ApprovedTasks[it.Ref]
	}
	return false
}

// Requirement kinds.
const (
	NeedGraded      = "graded"      // a passed lab or quiz of the cell (an approved task of the cell counts too)
	NeedTask        = "task"        // an approved task of the cell
	NeedEndorsement = "endorsement" // the catalog has nothing for the cell: a mentor's judgement
)

// Requirement is one unit of evidence a level asks for, and what would meet
// it.
type Requirement struct {
	Level      string
	Kind       string // NeedGraded, NeedTask or NeedEndorsement
	Candidates []Item // the catalog items that would meet it
	Met        bool
	MetBy      Item // the item that met it; Kind "endorsement" when a mentor's endorsement did
}

// CompetencyLevel is the outcome for one competency.
type CompetencyLevel struct {
	ID       string
	Level    string  // junior, mid, senior or lead
	Next     string  // the next level, "" at lead
	Progress float64 // 0..1: share of the requirements up to Next that are met
	Missing  []Requirement
	Endorsed string // highest endorsed level, if any
}

// Assessment is a learner's levels.
type Assessment struct {
	Overall      string
	Competencies []CompetencyLevel
}

// Assess applies the level rule, documented in the README and on /career:
//
//   - Everyone starts at junior in every competency. Evidence is passed
//     labs, passed quizzes, approved tasks and endorsements; reading a guide
//     is progress only.
//   - Each level from mid up asks, for each competency, for one passed lab
//     or quiz tagged with the competency at that level (an approved task of
//     that cell counts as well), wherever the catalog has a lab or quiz
//     there. Where it has none, one approved task of the cell.
//   - Work only people can judge asks for a task: in the competencies the
//     framework marks people-judged (collaboration, leadership), senior and
//     lead ask for an approved task in place of a lab or quiz; and lead, in
//     every competency, asks for an approved task of the cell on top of its
//     lab or quiz, wherever the catalog has one.
//   - A cell the catalog covers with none of these asks for a mentor's
//     endorsement. An endorsement at a level meets that level and every
//     level below it.
//   - You hold the highest level L whose requirements, and those of every
//     level below it, are all met.
//   - Progress is the share of met requirements from junior up to the next
//     level. Missing lists what is still needed for the next level, naming
//     the items that would meet it.
//   - The overall level is the highest level that at least half of the
//     competencies have reached.
func Assess(fw *Framework, items []Item, ev Evidence) Assessment {
	var out Assessment
	held := make([]int, 0, len(fw.Competencies))
	for _, c := range fw.Competencies {
		reqs := requirements(c, items, ev)
		cl := CompetencyLevel{ID: c.ID, Endorsed: ev.Endorsements[c.ID]}
		level := 0 // junior
		for l := 1; l < len(Levels); l++ {
			if !allMet(reqs[:l+1]) {
				break
			}
			level = l
		}
		cl.Level = Levels[level]
		if level+1 < len(Levels) {
			cl.Next = Levels[level+1]
			met, total := 0, 0
			for _, lr := range reqs[:level+2] {
				for _, r := range lr {
					total++
					if r.Met {
						met++
					} else {
						cl.Missing = append(cl.Missing, r)
					}
				}
			}
			if total > 0 {
				cl.Progress = float64(met) / float64(total)
			}
		} else {
			cl.Progress = 1
		}
		held = append(held, level)
		out.Competencies = append(out.Competencies, cl)
	}
	out.Overall = Levels[overall(held)]
	return out
}

// requirements lists, per level index, what that level of c asks for.
// Everyone holds junior, but its cell's evidence is the first step to mid.
func requirements(c *Competency, items []Item, ev Evidence) [][]Requirement {
	endorsed := LevelIndex(ev.Endorsements[c.ID])
	out := make([][]Requirement, len(Levels))
	for li := range Levels {
		level := Levels[li]
		var graded, tasks []Item
		for _, it := range items {
			if it.Level != level || !hasComp(it.Competencies, c.ID) {
				continue
			}
			if it.Kind == "task" {
				tasks = append(tasks, it)
			} else {
				graded = append(graded, it)
			}
		}
		add := func(kind string, cands []Item) {
			r := Requirement{Level: level, Kind: kind, Candidates: cands}
			for _, it := range cands {
				if ev.has(it) {
					r.Met, r.MetBy = true, it
					break
				}
			}
			if !r.Met && endorsed >= li {
				r.Met, r.MetBy = true, Item{Kind: NeedEndorsement}
			}
			out[li] = append(out[li], r)
		}
		peopleOnly := c.PeopleJudged() && li >= LevelIndex("senior")
		switch {
		case len(graded) > 0 && !peopleOnly:
			add(NeedGraded, append(graded, tasks...))
		case len(tasks) > 0:
			add(NeedTask, tasks)
		default:
			add(NeedEndorsement, nil)
		}
		if Levels[li] == "lead" && len(tasks) > 0 && len(graded) > 0 && !peopleOnly {
			add(NeedTask, tasks)
		}
	}
	return out
}

func allMet(levels [][]Requirement) bool {
	for _, lr := range levels {
		for _, r := range lr {
			if !r.Met {
				return false
			}
		}
	}
	return true
}

// overall is the highest level that at least half of the competencies hold.
func overall(held []int) int {
	need := int(math.Ceil(float64(len(held)) / 2))
	best := 0
	for l := 1; l < len(Levels); l++ {
		n := 0
		for _, h := range held {
			if h >= l {
				n++
			}
		}
		if n >= need && need > 0 {
			best = l
		}
	}
	return best
}

func hasComp(list []string, c string) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}
