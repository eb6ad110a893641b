package content

import "math"

// Item is one piece of evidence the catalog offers: a lab to pass or a guide
// to read, tagged with competencies at one level.
type Item struct {
	Kind         string // "lab" or "guide"
	Ref          string // lab id, or guide translation key
	Level        string
	Competencies []string
}

// Evidence is what one learner has done.
type Evidence struct {
	PassedLabs   map[string]bool   // lab ids
	ReadGuides   map[string]bool   // guide translation keys
	Endorsements map[string]string // competency id -> highest endorsed level
}

// Requirement is one unit of evidence a level asks for: a passed lab or a
// read guide of the competency at that level, or, where the catalog has
// neither, a mentor's endorsement.
type Requirement struct {
	Level      string
	Kind       string   // "lab", "guide" or "endorsement"
	Candidates []string // refs that would meet it (labs or guides at that level)
	Met        bool
	MetBy      string // the ref, or "endorsement"
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

// Assess applies the level rule, documented in the README:
//
//   - Everyone starts at junior in every competency.
//   - Each level of a competency asks for one passed lab and one read guide
//     tagged with that competency at that level, each only where the
//     catalog has one. A level the catalog covers with neither asks for a
//     mentor's endorsement.
//   - An endorsement at a level meets that level and every level below it.
//   - You hold the highest level L (mid, senior or lead) whose requirements,
//     and those of every level below it, are all met.
//   - Progress is the share of met requirements from junior up to the next
//     level. Missing lists what is still needed for the next level.
//   - The overall level is the highest level that at least half of the
//     competencies have reached.
func Assess(fw *Framework, items []Item, ev Evidence) Assessment {
	var out Assessment
	held := make([]int, 0, len(fw.Competencies))
	for _, c := range fw.Competencies {
		reqs := requirements(c.ID, items, ev)
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

// requirements lists, per level index, what that level asks for.
func requirements(comp string, items []Item, ev Evidence) [][]Requirement {
	endorsed := LevelIndex(ev.Endorsements[comp])
	out := make([][]Requirement, len(Levels))
	for li, level := range Levels {
		var labs, guides []string
		labMet, guideMet := "", ""
		for _, it := range items {
			if it.Level != level || !hasComp(it.Competencies, comp) {
				continue
			}
			switch it.Kind {
			case "lab":
				labs = append(labs, it.Ref)
				if ev.PassedLabs[it.Ref] && labMet == "" {
					labMet = it.Ref
				}
			case "guide":
				guides = append(guides, it.Ref)
				if ev.ReadGuides[it.Ref] && guideMet == "" {
					guideMet = it.Ref
				}
			}
		}
		byEndorsement := endorsed >= li
		add := func(kind string, cands []string, metBy string) {
			r := Requirement{Level: level, Kind: kind, Candidates: cands, Met: metBy != "" || byEndorsement, MetBy: metBy}
			if r.Met && metBy == "" {
				r.MetBy = "endorsement"
			}
			out[li] = append(out[li], r)
		}
		if len(labs) > 0 {
			add("lab", labs, labMet)
		}
		if len(guides) > 0 {
			add("guide", guides, guideMet)
		}
		if len(labs) == 0 && len(guides) == 0 {
			add("endorsement", nil, "")
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
