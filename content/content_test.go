package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

const testFramework = `levels: [junior, mid, senior, lead]
competencies:
  - id: sql-querying
    group: technical
    name: {en: SQL, ko: SQL}
    summary: {en: Queries, ko: 쿼리}
    levels:
      junior: {en: j, ko: j}
      mid: {en: m, ko: m}
      senior: {en: s, ko: s}
      lead: {en: l, ko: l}
`

func guideFile(slug, lang, key string, extra string) string {
	return `---
title: "Title of ` + slug + `"
summary: "Summary"
track: career
level: junior
competencies: [sql-querying]
lang: ` + lang + `
translation_key: ` + key + `
order: 1
estimated_minutes: 5
` + extra + `---
## First section

Body with a [link](/guides/other).
`
}

// testQuiz is a valid quiz; its questions are the same in both languages.
const testQuiz = `pass: 0.75
questions:
  - {id: q1, text: "One?", choices: ["a", "b"], answer: [0], explain: "Because a."}
  - {id: q2, text: "Two?", choices: ["a", "b", "c"], answer: [1, 2], explain: "Both b and c."}
  - {id: q3, text: "Three?", choices: ["a", "b"], answer: [1], explain: "Because b."}
  - {id: q4, text: "Four?", choices: ["a", "b"], answer: [0], explain: "Because a."}
`

func validFS() fstest.MapFS {
	return fstest.MapFS{
		"competencies.yaml":            {Data: []byte(testFramework)},
		"guides/en/intro.md":           {Data: []byte(guideFile("intro", "en", "intro", ""))},
		"guides/en/intro.quiz.yaml":    {Data: []byte(testQuiz)},
		"guides/ko/intro-ko.md":        {Data: []byte(guideFile("intro-ko", "ko", "intro", ""))},
		"guides/ko/intro-ko.quiz.yaml": {Data: []byte(testQuiz)},
	}
}

func TestLoadValid(t *testing.T) {
	x, err := Load(validFS())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	g := x.Guide("intro")
	if g == nil || g.Lang != "en" {
		t.Fatalf("guide intro = %+v", g)
	}
	if ko := x.Translation(g, "ko"); ko == nil || ko.Slug != "intro-ko" {
		t.Fatalf("translation = %+v, want intro-ko", ko)
	}
	if len(g.Body.TOC) != 1 || g.Body.TOC[0].Text != "First section" || g.Body.TOC[0].ID != "first-section" {
		t.Errorf("TOC = %+v", g.Body.TOC)
	}
	if !strings.Contains(string(g.Body.HTML), `<h2 id="first-section">`) {
		t.Errorf("HTML lacks heading id: %s", g.Body.HTML)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string // all must appear in the error
	}{
		{"unknown key", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte(guideFile("intro", "en", "intro", "author: me\n"))}
		}, []string{"guides/en/intro.md", `unknown key "author"`}},
		{"no front matter", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte("# Just markdown\n")}
		}, []string{"guides/en/intro.md", "must start with a line '---'"}},
		{"unclosed front matter", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n")}
		}, []string{"guides/en/intro.md", "no closing"}},
		{"bad yaml", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte("---\ntitle: [unclosed\n---\n")}
		}, []string{"guides/en/intro.md", "front matter"}},
		{"wrong type", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte(strings.Replace(guideFile("intro", "en", "intro", ""), "order: 1", "order: first", 1))}
		}, []string{"guides/en/intro.md", "first"}},
		{"missing title", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte(strings.Replace(guideFile("intro", "en", "intro", ""), `title: "Title of intro"`, "", 1))}
		}, []string{"guides/en/intro.md", "title: required"}},
		{"bad level", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte(strings.Replace(guideFile("intro", "en", "intro", ""), "level: junior", "level: expert", 1))}
		}, []string{"guides/en/intro.md", "level", "expert"}},
		{"unknown competency", func(f fstest.MapFS) {
			f["guides/en/intro.md"] = &fstest.MapFile{Data: []byte(strings.Replace(guideFile("intro", "en", "intro", ""), "[sql-querying]", "[sql-querying, juggling]", 1))}
		}, []string{"guides/en/intro.md", `unknown competency "juggling"`}},
		{"duplicate slug", func(f fstest.MapFS) {
			f["guides/other/intro.md"] = &fstest.MapFile{Data: []byte(guideFile("intro", "en", "intro2", ""))}
			f["guides/other/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(testQuiz)}
		}, []string{`duplicate slug "intro"`, "guides/en/intro.md", "guides/other/intro.md"}},
		{"missing translation", func(f fstest.MapFS) {
			delete(f, "guides/ko/intro-ko.md")
		}, []string{"guides/en/intro.md", `translation_key "intro" has no "ko" translation`}},
		{"two guides one language", func(f fstest.MapFS) {
			f["guides/en/intro-again.md"] = &fstest.MapFile{Data: []byte(guideFile("intro-again", "en", "intro", ""))}
			f["guides/en/intro-again.quiz.yaml"] = &fstest.MapFile{Data: []byte(testQuiz)}
		}, []string{`translation_key "intro" already has a "en" guide`}},
		{"quiz missing", func(f fstest.MapFS) {
			delete(f, "guides/ko/intro-ko.quiz.yaml")
		}, []string{"guides/ko/intro-ko.quiz.yaml", "needs its quiz"}},
		{"quiz unknown key", func(f fstest.MapFS) {
			f["guides/en/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(testQuiz + "author: me\n")}
		}, []string{"guides/en/intro.quiz.yaml", `unknown key "author"`}},
		{"quiz pass out of range", func(f fstest.MapFS) {
			f["guides/en/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testQuiz, "pass: 0.75", "pass: 1.5", 1))}
		}, []string{"guides/en/intro.quiz.yaml", "pass"}},
		{"quiz too short", func(f fstest.MapFS) {
			f["guides/en/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(testQuiz[:strings.Index(testQuiz, "  - {id: q4")])}
		}, []string{"guides/en/intro.quiz.yaml", "at least 4"}},
		{"quiz answer out of range", func(f fstest.MapFS) {
			f["guides/en/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testQuiz, "answer: [1, 2]", "answer: [1, 3]", 1))}
		}, []string{"guides/en/intro.quiz.yaml", "(q2)", "3 is not a choice"}},
		{"quiz duplicate id", func(f fstest.MapFS) {
			f["guides/en/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testQuiz, "id: q4", "id: q1", 1))}
		}, []string{"guides/en/intro.quiz.yaml", `"q1" is used twice`}},
		{"quiz one choice", func(f fstest.MapFS) {
			f["guides/en/intro.quiz.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testQuiz, `choices: ["a", "b"], answer: [1]`, `choices: ["a"], answer: [0]`, 1))}
		}, []string{"guides/en/intro.quiz.yaml", "choices: 1, want 2 to 6"}},
		{"quiz languages differ in answers", func(f fstest.MapFS) {
			f["guides/ko/intro-ko.quiz.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testQuiz, "answer: [1, 2]", "answer: [2]", 1))}
		}, []string{"guides/en/intro.quiz.yaml", "guides/ko/intro-ko.quiz.yaml", `question "q2"`}},
		{"quiz languages differ in ids", func(f fstest.MapFS) {
			f["guides/ko/intro-ko.quiz.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testQuiz, "id: q3", "id: q9", 1))}
		}, []string{"guides/ko/intro-ko.quiz.yaml", `"q3"`, `"q9"`}},
		{"checklists differ", func(f fstest.MapFS) {
			f["guides/ko/intro-ko.md"] = &fstest.MapFile{Data: []byte(guideFile("intro-ko", "ko", "intro", "") + "\n- [ ] one\n")}
		}, []string{"guides/en/intro.md", "guides/ko/intro-ko.md", "checklists differ", "0 items and 1"}},
		{"framework unknown key", func(f fstest.MapFS) {
			f["competencies.yaml"] = &fstest.MapFile{Data: []byte(testFramework + "colour: blue\n")}
		}, []string{"competencies.yaml", `unknown key "colour"`}},
		{"framework missing korean", func(f fstest.MapFS) {
			f["competencies.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(testFramework, "mid: {en: m, ko: m}", "mid: {en: m}", 1))}
		}, []string{"competencies.yaml", `competency "sql-querying"`, "levels.mid", `missing "ko"`}},
		{"framework missing", func(f fstest.MapFS) {
			delete(f, "competencies.yaml")
		}, []string{"competencies.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			tt.change(fsys)
			_, err := Load(fsys)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestRenderDropsRawHTML(t *testing.T) {
	r, err := NewRenderer().Render([]byte("Hello <script>alert(1)</script> <b>x</b>\n\n<div onclick=\"x()\">block</div>\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<b>", "onclick"} {
		if strings.Contains(string(r.HTML), bad) {
			t.Errorf("rendered HTML contains %q: %s", bad, r.HTML)
		}
	}
}

func TestRenderHighlightsCode(t *testing.T) {
	r, err := NewRenderer().Render([]byte("```sql\nSELECT 1;\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(r.HTML), `class="k"`) && !strings.Contains(string(r.HTML), `class="kd"`) {
		t.Errorf("no highlight classes in %s", r.HTML)
	}
	css, err := HighlightCSS()
	if err != nil || !strings.Contains(string(css), ".chroma") {
		t.Errorf("HighlightCSS = %q, %v", css, err)
	}
}

// The shipped content: every guide loads, renders and links only to guides
// that exist, and the English guides are full articles.
func TestEmbeddedContent(t *testing.T) {
	x, err := Load(Files)
	if err != nil {
		t.Fatalf("Load(embedded): %v", err)
	}
	if len(x.Guides) < 18 {
		t.Errorf("%d guides, want at least 18 (9 topics in two languages)", len(x.Guides))
	}
	for _, g := range x.Guides {
		if len(g.Body.TOC) < 3 {
			t.Errorf("%s: %d headings in the table of contents, want at least 3", g.Path, len(g.Body.TOC))
		}
		if g.Lang == "en" && g.Body.Words < 600 {
			t.Errorf("%s: %d words, want at least 600", g.Path, g.Body.Words)
		}
		if !strings.Contains(string(g.Body.HTML), `type="checkbox"`) {
			t.Errorf("%s: no checklist (GFM task list)", g.Path)
		}
		for _, link := range g.Body.Links {
			if !strings.HasPrefix(link, "/guides/") {
				continue
			}
			slug, _, _ := strings.Cut(strings.TrimPrefix(link, "/guides/"), "#")
			target := x.Guide(slug)
			if target == nil {
				t.Errorf("%s: broken link %q", g.Path, link)
			} else if target.Lang != g.Lang {
				t.Errorf("%s: link %q goes to a %s guide", g.Path, link, target.Lang)
			}
		}
	}
	// The framework covers the skills the seed article names.
	for _, id := range []string{"sql-querying", "programming", "databases", "etl-elt", "data-storage",
		"automation", "ml-basics", "big-data", "cloud", "data-security", "data-reliability",
		"architecture", "collaboration", "leadership"} {
		if x.Framework.Competency(id) == nil {
			t.Errorf("framework lacks competency %q", id)
		}
	}
}

func TestCurriculaLoad(t *testing.T) {
	x, err := Load(Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"first-30-days", "junior-to-mid", "reliability-for-seniors"} {
		c := x.Curriculum(id)
		if c == nil || len(c.Items) < 5 || c.Title.In("ko") == c.Title.In("en") {
			t.Errorf("shipped curriculum %s: %+v", id, c)
		}
	}
	tests := []struct {
		name, file, want string
	}{
		{"unknown guide", "title: {en: T, ko: T}\nitems: [{kind: guide, ref: nope}]\n", `unknown guide "nope"`},
		{"bad kind", "title: {en: T, ko: T}\nitems: [{kind: video, ref: x}]\n", "kind must be guide or lab"},
		{"no items", "title: {en: T, ko: T}\nitems: []\n", "at least one"},
		{"unknown key", "title: {en: T, ko: T}\nowner: me\nitems: [{kind: lab, ref: x}]\n", `unknown key "owner"`},
		{"bad level", "title: {en: T, ko: T}\ntarget_level: expert\nitems: [{kind: lab, ref: x}]\n", "target_level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			fsys["curricula/bad.yaml"] = &fstest.MapFile{Data: []byte(tt.file)}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), "curricula/bad.yaml") || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one naming the file and %q", err, tt.want)
			}
		})
	}
}

func TestQuizGrade(t *testing.T) {
	x, err := Load(validFS())
	if err != nil {
		t.Fatal(err)
	}
	q := x.Guide("intro").Quiz
	tests := []struct {
		name    string
		answers map[string][]int
		correct int
		passed  bool
	}{
		{"all right", map[string][]int{"q1": {0}, "q2": {2, 1}, "q3": {1}, "q4": {0}}, 4, true},
		{"three of four is the pass mark", map[string][]int{"q1": {0}, "q2": {1, 2}, "q3": {1}}, 3, true},
		{"half of a choose-all is wrong", map[string][]int{"q1": {0}, "q2": {1}, "q3": {1}}, 2, false},
		{"an extra choice is wrong", map[string][]int{"q1": {0, 1}, "q2": {1, 2}, "q3": {1}, "q4": {0}}, 3, true},
		{"the same choice twice counts once", map[string][]int{"q1": {0, 0}, "q2": {1, 2, 2}}, 2, false},
		{"nothing answered", map[string][]int{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := q.Grade(tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			if r.Correct != tt.correct || r.Passed != tt.passed || len(r.Results) != 4 {
				t.Errorf("Grade = %d correct, passed %v, %d results; want %d, %v, 4", r.Correct, r.Passed, len(r.Results), tt.correct, tt.passed)
			}
		})
	}
	for _, bad := range []map[string][]int{{"q9": {0}}, {"q1": {2}}, {"q2": {-1}}} {
		var qe *QuizError
		if _, err := q.Grade(bad); !errors.As(err, &qe) {
			t.Errorf("Grade(%v) = %v, want a QuizError", bad, err)
		}
	}
}

func taskFile(title string, rubricIDs ...string) string {
	var rubric strings.Builder
	for _, id := range rubricIDs {
		rubric.WriteString("  - id: " + id + "\n    criterion: \"Criterion " + id + "\"\n")
	}
	return `---
title: "` + title + `"
summary: "One line"
level: senior
competencies: [sql-querying]
deliverable: markdown
estimated_minutes: 60
rubric:
` + rubric.String() + `---
Write the **design**.
`
}

func withTask(f fstest.MapFS) fstest.MapFS {
	f["tasks/design-doc/task.md"] = &fstest.MapFile{Data: []byte(taskFile("Design doc", "a", "b", "c"))}
	f["tasks/design-doc/task.ko.md"] = &fstest.MapFile{Data: []byte(taskFile("설계 문서", "a", "b", "c"))}
	return f
}

func TestTasksLoad(t *testing.T) {
	x, err := Load(withTask(validFS()))
	if err != nil {
		t.Fatal(err)
	}
	task := x.Task("design-doc")
	if task == nil || len(x.Tasks) != 1 {
		t.Fatalf("tasks = %v", x.Tasks)
	}
	if task.In("ko").Title != "설계 문서" || task.In("en").Title != "Design doc" || task.In("fr").Title != "Design doc" {
		t.Errorf("titles: ko %q, en %q, fallback %q", task.In("ko").Title, task.In("en").Title, task.In("fr").Title)
	}
	if got := strings.Join(task.RubricIDs(), ","); got != "a,b,c" {
		t.Errorf("rubric ids = %s", got)
	}
	if !strings.Contains(string(task.In("en").Brief.HTML), "<strong>design</strong>") {
		t.Errorf("brief not rendered: %s", task.In("en").Brief.HTML)
	}
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   []string
	}{
		{"no korean", func(f fstest.MapFS) { delete(f, "tasks/design-doc/task.ko.md") }, []string{"tasks/design-doc/task.ko.md"}},
		{"two criteria", func(f fstest.MapFS) {
			f["tasks/design-doc/task.md"] = &fstest.MapFile{Data: []byte(taskFile("x", "a", "b"))}
		}, []string{"tasks/design-doc/task.md", "rubric: 2 criteria"}},
		{"rubric ids differ", func(f fstest.MapFS) {
			f["tasks/design-doc/task.ko.md"] = &fstest.MapFile{Data: []byte(taskFile("x", "a", "b", "d"))}
		}, []string{"tasks/design-doc/task.ko.md", `rubric[2]: id "d", want "c"`}},
		{"duplicate criterion", func(f fstest.MapFS) {
			f["tasks/design-doc/task.md"] = &fstest.MapFile{Data: []byte(taskFile("x", "a", "b", "a"))}
		}, []string{"tasks/design-doc/task.md", `"a" is used twice`}},
		{"bad deliverable", func(f fstest.MapFS) {
			f["tasks/design-doc/task.md"] = &fstest.MapFile{Data: []byte(strings.Replace(taskFile("x", "a", "b", "c"), "deliverable: markdown", "deliverable: video", 1))}
		}, []string{"tasks/design-doc/task.md", `deliverable: "video"`}},
		{"level differs", func(f fstest.MapFS) {
			f["tasks/design-doc/task.ko.md"] = &fstest.MapFile{Data: []byte(strings.Replace(taskFile("x", "a", "b", "c"), "level: senior", "level: lead", 1))}
		}, []string{"tasks/design-doc/task.ko.md", `level "lead"`}},
		{"unknown competency", func(f fstest.MapFS) {
			f["tasks/design-doc/task.md"] = &fstest.MapFile{Data: []byte(strings.Replace(taskFile("x", "a", "b", "c"), "[sql-querying]", "[juggling]", 1))}
		}, []string{"tasks/design-doc/task.md", `unknown competency "juggling"`}},
		{"unknown key", func(f fstest.MapFS) {
			f["tasks/design-doc/task.md"] = &fstest.MapFile{Data: []byte(strings.Replace(taskFile("x", "a", "b", "c"), "level: senior", "level: senior\nauthor: me", 1))}
		}, []string{"tasks/design-doc/task.md", `unknown key "author"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := withTask(validFS())
			tt.change(f)
			_, err := Load(f)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
