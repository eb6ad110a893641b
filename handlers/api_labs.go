package handlers

import (
	"context"
	"sync"

	"github.com/gofiber/fiber/v2"

	"ladder/labs"
)

type apiLab struct {
	ID               string   `json:"id"`
	Title            string   `json:"title"`
	Kind             string   `json:"kind"`
	Level            string   `json:"level"`
	Competencies     []string `json:"competencies"`
	Summary          string   `json:"summary"`
	EstimatedMinutes int      `json:"estimated_minutes"`
	Prerequisites    []string `json:"prerequisites"`
}

func toAPILab(l *labs.Lab) apiLab {
	pre := l.Prerequisites
	if pre == nil {
		pre = []string{}
	}
	return apiLab{ID: l.ID, Title: l.Title, Kind: l.Kind, Level: l.Level, Competencies: l.Competencies,
		Summary: l.Summary, EstimatedMinutes: l.EstimatedMinutes, Prerequisites: pre}
}

func (s *Server) apiLabs(c *fiber.Ctx) error {
	out := make([]apiLab, 0, len(s.labs.Labs))
	for _, l := range s.labs.Labs {
		out = append(out, toAPILab(l))
	}
	return c.JSON(out)
}

type apiLabDetail struct {
	apiLab
	InstructionsHTML string       `json:"instructions_html"`
	Hints            int          `json:"hints"`
	Tables           []labs.Table `json:"tables"`
	// Code labs: the language, the function to write (or to test), and the
	// visible tests, which a test-writing lab keeps to itself.
	Language      string `json:"language,omitempty"`
	Entry         string `json:"entry,omitempty"`
	TestsRequired bool   `json:"tests_required,omitempty"`
	VisibleTests  string `json:"visible_tests,omitempty"`
}

func (s *Server) apiLab(c *fiber.Ctx) error {
	lab := s.labs.Lab(c.Params("id"))
	if lab == nil {
		return fiber.ErrNotFound
	}
	tables, err := s.schemas.get(c.UserContext(), s.grader, lab)
	if err != nil {
		return err
	}
	out := apiLabDetail{apiLab: toAPILab(lab), InstructionsHTML: string(lab.Instructions.HTML), Hints: len(lab.Hints), Tables: tables,
		Language: lab.Language, Entry: lab.Entry, TestsRequired: lab.TestsRequired}
	if lab.Kind == labs.KindCode && !lab.TestsRequired {
		out.VisibleTests = lab.VisibleTests
	}
	return c.JSON(out)
}

// schemaCache keeps each lab's visible tables once a worker described them:
// lab datasets never change while the server runs.
type schemaCache struct {
	mu     sync.Mutex
	tables map[string][]labs.Table
}

func newSchemaCache() *schemaCache { return &schemaCache{tables: map[string][]labs.Table{}} }

func (sc *schemaCache) get(ctx context.Context, pool *labs.Pool, lab *labs.Lab) ([]labs.Table, error) {
	sc.mu.Lock()
	t, ok := sc.tables[lab.Key]
	sc.mu.Unlock()
	if ok {
		return t, nil
	}
	t, err := pool.Describe(ctx, &lab.Spec)
	if err != nil {
		return nil, err
	}
	if t == nil {
		t = []labs.Table{}
	}
	sc.mu.Lock()
	sc.tables[lab.Key] = t
	sc.mu.Unlock()
	return t, nil
}
