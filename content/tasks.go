package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Deliverables a reviewed task may ask for.
var Deliverables = []string{"markdown", "sql", "link"}

// taskMeta is a task's front matter, as authors write it.
type taskMeta struct {
	Title            string      `yaml:"title"`
	Summary          string      `yaml:"summary"`
	Level            string      `yaml:"level"`
	Competencies     []string    `yaml:"competencies"`
	Deliverable      string      `yaml:"deliverable"`
	EstimatedMinutes int         `yaml:"estimated_minutes"`
	Rubric           []Criterion `yaml:"rubric"`
}

// Criterion is one rubric line a mentor marks met or not met.
type Criterion struct {
	ID        string `yaml:"id" json:"id"`
	Criterion string `yaml:"criterion" json:"criterion"`
}

// Task is a reviewed task (content-format.md): a brief, a deliverable and a
// rubric, in English and Korean.
type Task struct {
	ID               string
	Level            string
	Competencies     []string
	Deliverable      string
	EstimatedMinutes int
	text             map[string]*TaskText // by language
}

// TaskText is a task's words in one language.
type TaskText struct {
	Title   string
	Summary string
	Brief   Rendered
	Rubric  []Criterion
}

// In returns the task's text in lang, falling back to English.
func (t *Task) In(lang string) *TaskText {
	if tt := t.text[lang]; tt != nil {
		return tt
	}
	return t.text["en"]
}

// RubricIDs lists the rubric's criterion ids in order.
func (t *Task) RubricIDs() []string {
	var ids []string
	for _, c := range t.text["en"].Rubric {
		ids = append(ids, c.ID)
	}
	return ids
}

const minCriteria = 3

// loadTasks reads tasks/<id>/task.md and task.ko.md. Tasks are optional in
// an author's content folder.
func (x *Index) loadTasks(fsys fs.FS) error {
	entries, err := fs.ReadDir(fsys, "tasks")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("content: tasks: %w", err)
	}
	x.tasks = map[string]*Task{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		t, err := x.loadTask(fsys, e.Name())
		if err != nil {
			return err
		}
		x.Tasks = append(x.Tasks, t)
		x.tasks[t.ID] = t
	}
	sort.SliceStable(x.Tasks, func(i, j int) bool {
		a, b := x.Tasks[i], x.Tasks[j]
		if a.Level != b.Level {
			return LevelIndex(a.Level) < LevelIndex(b.Level)
		}
		return a.ID < b.ID
	})
	return nil
}

func (x *Index) loadTask(fsys fs.FS, id string) (*Task, error) {
	dir := path.Join("tasks", id)
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("content: %s: folder name %q must match %s", dir, id, idPattern)
	}
	var t *Task
	for _, lang := range Langs() {
		name := "task.md"
		if lang != "en" {
			name = "task." + lang + ".md"
		}
		p := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("content: %s: %w", p, err)
		}
		meta, body, err := SplitFrontMatter(data)
		if err != nil {
			return nil, fmt.Errorf("content: %s: %w", p, err)
		}
		var m taskMeta
		if err := DecodeStrict(meta, &m); err != nil {
			return nil, fmt.Errorf("content: %s: %w", p, err)
		}
		if err := x.checkTask(&m); err != nil {
			return nil, fmt.Errorf("content: %s: %w", p, err)
		}
		brief, err := x.Renderer.Render(body)
		if err != nil {
			return nil, fmt.Errorf("content: %s: %w", p, err)
		}
		if strings.TrimSpace(string(body)) == "" {
			return nil, fmt.Errorf("content: %s: the brief is empty", p)
		}
		text := &TaskText{Title: m.Title, Summary: m.Summary, Brief: brief, Rubric: m.Rubric}
		if t == nil {
			t = &Task{ID: id, Level: m.Level, Competencies: m.Competencies, Deliverable: m.Deliverable,
				EstimatedMinutes: m.EstimatedMinutes, text: map[string]*TaskText{}}
		} else if err := sameTask(t, &m); err != nil {
			return nil, fmt.Errorf("content: %s: differs from task.md: %w", p, err)
		}
		t.text[lang] = text
	}
	return t, nil
}

func (x *Index) checkTask(m *taskMeta) error {
	switch {
	case strings.TrimSpace(m.Title) == "":
		return errors.New("front matter: title: required")
	case strings.TrimSpace(m.Summary) == "":
		return errors.New("front matter: summary: required")
	case LevelIndex(m.Level) < 0:
		return fmt.Errorf("front matter: level: %q is not one of %v", m.Level, Levels)
	case len(m.Competencies) == 0:
		return errors.New("front matter: competencies: at least one required")
	case !hasComp(Deliverables, m.Deliverable):
		return fmt.Errorf("front matter: deliverable: %q is not one of %v", m.Deliverable, Deliverables)
	case m.EstimatedMinutes < 1:
		return errors.New("front matter: estimated_minutes: required, a whole number from 1")
	case len(m.Rubric) < minCriteria:
		return fmt.Errorf("front matter: rubric: %d criteria, want at least %d", len(m.Rubric), minCriteria)
	}
	for _, c := range m.Competencies {
		if x.Framework.Competency(c) == nil {
			return fmt.Errorf("front matter: competencies: unknown competency %q", c)
		}
	}
	seen := map[string]bool{}
	for i, c := range m.Rubric {
		where := fmt.Sprintf("front matter: rubric[%d]", i)
		if err := newID(seen, where, c.ID); err != nil {
			return err
		}
		if strings.TrimSpace(c.Criterion) == "" {
			return fmt.Errorf("%s (%s): criterion: required", where, c.ID)
		}
	}
	return nil
}

// sameTask checks that a translation keeps every value that is not text.
func sameTask(t *Task, m *taskMeta) error {
	switch {
	case m.Level != t.Level:
		return fmt.Errorf("level %q, want %q", m.Level, t.Level)
	case strings.Join(m.Competencies, ",") != strings.Join(t.Competencies, ","):
		return fmt.Errorf("competencies %v, want %v", m.Competencies, t.Competencies)
	case m.Deliverable != t.Deliverable:
		return fmt.Errorf("deliverable %q, want %q", m.Deliverable, t.Deliverable)
	case m.EstimatedMinutes != t.EstimatedMinutes:
		return fmt.Errorf("estimated_minutes %d, want %d", m.EstimatedMinutes, t.EstimatedMinutes)
	}
	en := t.text["en"].Rubric
	if len(m.Rubric) != len(en) {
		return fmt.Errorf("rubric: %d criteria, want %d", len(m.Rubric), len(en))
	}
	for i := range en {
		if m.Rubric[i].ID != en[i].ID {
			return fmt.Errorf("rubric[%d]: id %q, want %q", i, m.Rubric[i].ID, en[i].ID)
		}
	}
	return nil
}

// Task returns the task with id, or nil.
func (x *Index) Task(id string) *Task { return x.tasks[id] }
