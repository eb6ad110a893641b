package content_test

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"

	"ladder/content"
	"ladder/labs"
)

// catalog is the shipped content and labs as the level rule sees them.
func catalog(t *testing.T) (*content.Index, *labs.Catalog, []content.Item) {
	t.Helper()
	idx, err := content.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatal(err)
	}
	var items []content.Item
	for _, l := range cat.Labs {
		items = append(items, content.Item{Kind: "lab", Ref: l.ID, Level: l.Level, Competencies: l.Competencies})
	}
	for _, g := range idx.Guides {
		if g.Lang == "en" {
			items = append(items, content.Item{Kind: "quiz", Ref: g.TranslationKey, Level: g.Level, Competencies: g.Competencies})
		}
	}
	for _, tk := range idx.Tasks {
		items = append(items, content.Item{Kind: "task", Ref: tk.ID, Level: tk.Level, Competencies: tk.Competencies})
	}
	return idx, cat, items
}

// TestCatalogCoverage fails when a cell of the competency ladder lacks the
// evidence the level rule needs: a lab or quiz in every cell from junior to
// senior (tasks in the people-judged competencies), and a task at senior and
// lead everywhere, and at mid too where only people judge.
func TestCatalogCoverage(t *testing.T) {
	idx, _, items := catalog(t)
	has := func(comp, level string, kinds ...string) bool {
		for _, it := range items {
			if it.Level != level {
				continue
			}
			for _, k := range kinds {
				if it.Kind == k && contains(it.Competencies, comp) {
					return true
				}
			}
		}
		return false
	}
	var missing []string
	for _, c := range idx.Framework.Competencies {
		for _, level := range []string{"junior", "mid", "senior"} {
			if !c.PeopleJudged() && !has(c.ID, level, "lab", "quiz") {
				missing = append(missing, fmt.Sprintf("%s/%s: no lab or quiz", c.ID, level))
			}
		}
		taskLevels := []string{"senior", "lead"}
		if c.PeopleJudged() {
			taskLevels = []string{"mid", "senior", "lead"}
		}
		for _, level := range taskLevels {
			if !has(c.ID, level, "task") {
				missing = append(missing, fmt.Sprintf("%s/%s: no task", c.ID, level))
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d cells lack evidence:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestEveryLabHasKorean fails when a lab lacks its Korean text.
func TestEveryLabHasKorean(t *testing.T) {
	var missing []string
	err := fs.WalkDir(labs.Embedded().FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "lab.md" {
			return err
		}
		if _, err := fs.Stat(labs.Embedded().FS, path.Join(path.Dir(p), "lab.ko.md")); err != nil {
			missing = append(missing, path.Dir(p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("labs without lab.ko.md: %v", missing)
	}
}

// TestEveryLabAndQuizReachesSenior checks the promise the catalog and the
// rule make together: every lab and quiz passed is senior everywhere but in
// the people-judged competencies, and senior overall; every task approved
// as well is lead in every competency. Quizzes are passed with their own
// answers; labs with their references, which labs check grades.
func TestEveryLabAndQuizReachesSenior(t *testing.T) {
	idx, cat, items := catalog(t)
	ev := content.Evidence{PassedLabs: map[string]bool{}, PassedQuizzes: map[string]bool{}, ApprovedTasks: map[string]bool{}}
	for _, l := range cat.Labs {
		ev.PassedLabs[l.ID] = true
	}
	for _, g := range idx.Guides {
		answers := map[string][]int{}
		for _, q := range g.Quiz.Questions {
			answers[q.ID] = q.Answer
		}
		r, err := g.Quiz.Grade(answers)
		if err != nil || !r.Passed {
			t.Fatalf("%s: its own answers do not pass its quiz: %v", g.Slug, err)
		}
		ev.PassedQuizzes[g.TranslationKey] = true
	}
	a := content.Assess(idx.Framework, items, ev)
	for _, cl := range a.Competencies {
		c := idx.Framework.Competency(cl.ID)
		if !c.PeopleJudged() && content.LevelIndex(cl.Level) < content.LevelIndex("senior") {
			t.Errorf("%s: %s with every lab and quiz, want at least senior (missing %v)", cl.ID, cl.Level, describe(cl.Missing))
		}
	}
	if a.Overall != "senior" {
		t.Errorf("overall with every lab and quiz = %s, want senior", a.Overall)
	}
	for _, tk := range idx.Tasks {
		ev.ApprovedTasks[tk.ID] = true
	}
	a = content.Assess(idx.Framework, items, ev)
	for _, cl := range a.Competencies {
		if cl.Level != "lead" {
			t.Errorf("%s: %s with every task approved too, want lead (missing %v)", cl.ID, cl.Level, describe(cl.Missing))
		}
	}
}

func describe(reqs []content.Requirement) []string {
	var out []string
	for _, r := range reqs {
		out = append(out, r.Level+"/"+r.Kind)
	}
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
