package content

import (
	"reflect"
	"testing"
)

func smallFramework(ids ...string) *Framework {
	fw := &Framework{Levels: Levels, byID: map[string]*Competency{}}
	for _, id := range ids {
		c := &Competency{ID: id}
		fw.Competencies = append(fw.Competencies, c)
		fw.byID[id] = c
	}
	return fw
}

var testItems = []Item{
	{Kind: "lab", Ref: "select-basics", Level: "junior", Competencies: []string{"sql"}},
	{Kind: "guide", Ref: "junior-guide", Level: "junior", Competencies: []string{"sql", "people"}},
	{Kind: "lab", Ref: "windows", Level: "mid", Competencies: []string{"sql"}},
	{Kind: "lab", Ref: "windows-2", Level: "mid", Competencies: []string{"sql"}},
	{Kind: "guide", Ref: "mid-guide", Level: "mid", Competencies: []string{"sql"}},
	{Kind: "lab", Ref: "gaps", Level: "senior", Competencies: []string{"sql"}},
	// nothing for sql at lead, nothing for people above junior
}

func set(refs ...string) map[string]bool {
	m := map[string]bool{}
	for _, r := range refs {
		m[r] = true
	}
	return m
}

func TestAssess(t *testing.T) {
	fw := smallFramework("sql", "people")
	tests := []struct {
		name         string
		ev           Evidence
		wantSQL      string
		wantProgress float64
		wantMissing  []string // "level/kind"
		wantPeople   string
		wantOverall  string
	}{
		{name: "nothing done", ev: Evidence{},
			wantSQL: "junior", wantProgress: 0, wantMissing: []string{"junior/lab", "junior/guide", "mid/lab", "mid/guide"}, wantPeople: "junior", wantOverall: "junior"},
		{name: "a junior lab moves progress", ev: Evidence{PassedLabs: set("select-basics")},
			wantSQL: "junior", wantProgress: 0.25, wantMissing: []string{"junior/guide", "mid/lab", "mid/guide"}, wantPeople: "junior", wantOverall: "junior"},
		{name: "mid work without the junior guide stays junior", ev: Evidence{PassedLabs: set("select-basics", "windows"), ReadGuides: set("mid-guide")},
			wantSQL: "junior", wantProgress: 0.75, wantMissing: []string{"junior/guide"}, wantPeople: "junior", wantOverall: "junior"},
		{name: "junior and mid evidence make mid", ev: Evidence{PassedLabs: set("select-basics", "windows-2"), ReadGuides: set("junior-guide", "mid-guide")},
			wantSQL: "mid", wantProgress: 0.8, wantMissing: []string{"senior/lab"}, wantPeople: "junior", wantOverall: "mid"},
		{name: "senior needs only what exists at senior", ev: Evidence{PassedLabs: set("select-basics", "windows", "gaps"), ReadGuides: set("junior-guide", "mid-guide")},
			wantSQL: "senior", wantProgress: 5.0 / 6.0, wantMissing: []string{"lead/endorsement"}, wantPeople: "junior", wantOverall: "senior"},
		{name: "an endorsement meets its level and those below", ev: Evidence{Endorsements: map[string]string{"sql": "lead", "people": "mid"}},
			wantSQL: "lead", wantProgress: 1, wantMissing: nil, wantPeople: "mid", wantOverall: "lead"},
		{name: "an endorsement does not skip a level", ev: Evidence{Endorsements: map[string]string{"people": "junior"}},
			wantSQL: "junior", wantProgress: 0, wantMissing: []string{"junior/lab", "junior/guide", "mid/lab", "mid/guide"}, wantPeople: "junior", wantOverall: "junior"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(fw, testItems, tt.ev)
			sql, people := a.Competencies[0], a.Competencies[1]
			if sql.Level != tt.wantSQL {
				t.Errorf("sql level = %s, want %s", sql.Level, tt.wantSQL)
			}
			if diff := sql.Progress - tt.wantProgress; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("sql progress = %v, want %v", sql.Progress, tt.wantProgress)
			}
			var missing []string
			for _, m := range sql.Missing {
				missing = append(missing, m.Level+"/"+m.Kind)
			}
			if !reflect.DeepEqual(missing, tt.wantMissing) {
				t.Errorf("sql missing = %v, want %v", missing, tt.wantMissing)
			}
			if people.Level != tt.wantPeople {
				t.Errorf("people level = %s, want %s", people.Level, tt.wantPeople)
			}
			if a.Overall != tt.wantOverall {
				t.Errorf("overall = %s, want %s", a.Overall, tt.wantOverall)
			}
		})
	}
}

func TestAssessMissingNamesCandidates(t *testing.T) {
	a := Assess(smallFramework("sql"), testItems, Evidence{PassedLabs: set("select-basics")})
	var midLab *Requirement
	for i, m := range a.Competencies[0].Missing {
		if m.Level == "mid" && m.Kind == "lab" {
			midLab = &a.Competencies[0].Missing[i]
		}
	}
	if midLab == nil || !reflect.DeepEqual(midLab.Candidates, []string{"windows", "windows-2"}) {
		t.Fatalf("missing mid lab = %+v, want candidates windows and windows-2", midLab)
	}
}

func TestOverallNeedsHalf(t *testing.T) {
	tests := []struct {
		held []int
		want int
	}{
		{[]int{0, 0, 0, 0}, 0},
		{[]int{1, 1, 0, 0}, 1},
		{[]int{3, 1, 0, 0}, 1},
		{[]int{3, 3, 0, 0}, 3},
		{[]int{3, 2, 1, 0, 0}, 1},
		{[]int{3, 3, 3, 0, 0}, 3},
	}
	for _, tt := range tests {
		if got := overall(tt.held); got != tt.want {
			t.Errorf("overall(%v) = %d, want %d", tt.held, got, tt.want)
		}
	}
}
