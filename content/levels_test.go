package content

import (
	"reflect"
	"testing"
)

func smallFramework(ids ...string) *Framework {
	fw := &Framework{Levels: Levels, byID: map[string]*Competency{}}
	for _, id := range ids {
		c := &Competency{ID: id, Group: "technical"}
		if id == "people" {
			c.Group = "people"
		}
		fw.Competencies = append(fw.Competencies, c)
		fw.byID[id] = c
	}
	return fw
}

var testItems = []Item{
	{Kind: "lab", Ref: "select-basics", Level: "junior", Competencies: []string{"sql"}},
	{Kind: "quiz", Ref: "junior-guide", Level: "junior", Competencies: []string{"sql", "people"}},
	{Kind: "lab", Ref: "windows", Level: "mid", Competencies: []string{"sql"}},
	{Kind: "lab", Ref: "windows-2", Level: "mid", Competencies: []string{"sql"}},
	{Kind: "quiz", Ref: "mid-guide", Level: "mid", Competencies: []string{"sql", "people"}},
	{Kind: "lab", Ref: "gaps", Level: "senior", Competencies: []string{"sql"}},
	{Kind: "quiz", Ref: "senior-guide", Level: "senior", Competencies: []string{"sql", "people"}},
	{Kind: "task", Ref: "sql-review", Level: "senior", Competencies: []string{"sql"}},
	{Kind: "task", Ref: "mentoring-plan", Level: "senior", Competencies: []string{"people"}},
	{Kind: "quiz", Ref: "lead-guide", Level: "lead", Competencies: []string{"sql"}},
	{Kind: "task", Ref: "sql-standard", Level: "lead", Competencies: []string{"sql"}},
	// nothing for people at lead: a mentor's endorsement decides it
}

func set(refs ...string) map[string]bool {
	m := map[string]bool{}
	for _, r := range refs {
		m[r] = true
	}
	return m
}

// every returns the refs of the test items of the given kinds.
func every(kinds ...string) map[string]bool {
	m := map[string]bool{}
	for _, it := range testItems {
		for _, k := range kinds {
			if it.Kind == k {
				m[it.Ref] = true
			}
		}
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
			wantSQL: "junior", wantProgress: 0, wantMissing: []string{"junior/graded", "mid/graded"}, wantPeople: "junior", wantOverall: "junior"},
		{name: "a junior lab moves progress", ev: Evidence{PassedLabs: set("select-basics")},
			wantSQL: "junior", wantProgress: 0.5, wantMissing: []string{"mid/graded"}, wantPeople: "junior", wantOverall: "junior"},
		{name: "a quiz is evidence like a lab", ev: Evidence{PassedQuizzes: set("junior-guide", "mid-guide")},
			wantSQL: "mid", wantProgress: 2.0 / 3.0, wantMissing: []string{"senior/graded"}, wantPeople: "mid", wantOverall: "mid"},
		{name: "mid work without the junior cell stays junior", ev: Evidence{PassedLabs: set("windows", "gaps")},
			wantSQL: "junior", wantProgress: 0.5, wantMissing: []string{"junior/graded"}, wantPeople: "junior", wantOverall: "junior"},
		{name: "an approved task counts for its cell", ev: Evidence{PassedLabs: set("select-basics", "windows"), ApprovedTasks: set("sql-review")},
			wantSQL: "senior", wantProgress: 3.0 / 5.0, wantMissing: []string{"lead/graded", "lead/task"}, wantPeople: "junior", wantOverall: "senior"},
		{name: "every lab and quiz: senior, but people needs a task at senior", ev: Evidence{PassedLabs: every("lab"), PassedQuizzes: every("quiz")},
			wantSQL: "senior", wantProgress: 4.0 / 5.0, wantMissing: []string{"lead/task"}, wantPeople: "mid", wantOverall: "senior"},
		{name: "every lab, quiz and task: lead where the catalog reaches", ev: Evidence{PassedLabs: every("lab"), PassedQuizzes: every("quiz"), ApprovedTasks: every("task")},
			wantSQL: "lead", wantProgress: 1, wantMissing: nil, wantPeople: "senior", wantOverall: "lead"},
		{name: "an endorsement meets its level and those below", ev: Evidence{Endorsements: map[string]string{"sql": "lead", "people": "lead"}},
			wantSQL: "lead", wantProgress: 1, wantMissing: nil, wantPeople: "lead", wantOverall: "lead"},
		{name: "an endorsement does not skip a level", ev: Evidence{Endorsements: map[string]string{"sql": "junior"}, PassedLabs: set("gaps")},
			wantSQL: "junior", wantProgress: 0.5, wantMissing: []string{"mid/graded"}, wantPeople: "junior", wantOverall: "junior"},
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

// In a people-judged competency a quiz never opens senior: only a task
// or a mentor does.
func TestPeopleJudgedNeedTasks(t *testing.T) {
	fw := smallFramework("people")
	a := Assess(fw, testItems, Evidence{PassedQuizzes: every("quiz")})
	if got := a.Competencies[0]; got.Level != "mid" || len(got.Missing) != 1 || got.Missing[0].Kind != NeedTask || got.Missing[0].Candidates[0].Ref != "mentoring-plan" {
		t.Fatalf("people with every quiz = %s, missing %+v; want mid, missing the mentoring-plan task", got.Level, got.Missing)
	}
	a = Assess(fw, testItems, Evidence{PassedQuizzes: every("quiz"), ApprovedTasks: set("mentoring-plan")})
	if got := a.Competencies[0]; got.Level != "senior" || got.Missing[0].Kind != NeedEndorsement {
		t.Fatalf("people with the task = %s, missing %+v; want senior, lead by endorsement", got.Level, got.Missing)
	}
}

func TestAssessMissingNamesCandidates(t *testing.T) {
	a := Assess(smallFramework("sql"), testItems, Evidence{PassedLabs: set("select-basics")})
	var mid *Requirement
	for i, m := range a.Competencies[0].Missing {
		if m.Level == "mid" {
			mid = &a.Competencies[0].Missing[i]
		}
	}
	var refs []string
	if mid != nil {
		for _, c := range mid.Candidates {
			refs = append(refs, c.Kind+":"+c.Ref)
		}
	}
	if want := []string{"lab:windows", "lab:windows-2", "quiz:mid-guide"}; !reflect.DeepEqual(refs, want) {
		t.Fatalf("missing mid = %v, want candidates %v", refs, want)
	}
	if met := a.Competencies[0]; met.Level != "junior" {
		t.Fatalf("level = %s", met.Level)
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
