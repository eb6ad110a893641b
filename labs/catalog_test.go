package labs

import (
	"context"
	"strings"
	"testing"
)

// Every shipped lab self-tests: the reference passes on every dataset, each
// realistic wrong answer in tests/ fails, each alternative answer passes.
func TestCatalogSelfTest(t *testing.T) {
	cat := testCatalog(t)
	kinds := map[string]int{}
	levels := map[string]int{}
	e := NewEngine(DefaultLimits())
	defer e.Close()
	known := func(ref string) bool { return cat.Lab(ref) != nil || contentIdx.Guide(ref) != nil }
	for _, lab := range cat.Labs {
		kinds[lab.Kind]++
		levels[lab.Level]++
		t.Run(lab.ID, func(t *testing.T) {
			r := SelfTest(context.Background(), e, lab, known)
			for _, p := range r.Problems {
				t.Error(p)
			}
			for _, w := range r.Warnings {
				t.Errorf("warning: %s", w)
			}
			if len(lab.Hints) == 0 {
				t.Error("no hints")
			}
			if lab.Kind != KindQuality && strings.TrimSpace(lab.Hidden) == "" {
				t.Error("no hidden.sql")
			}
			if lab.Kind == KindQuality && len(lab.Incidents) < 2 {
				t.Errorf("%d incidents, want at least 2", len(lab.Incidents))
			}
			if len(lab.Instructions.TOC) == 0 {
				t.Error("instructions have no sections")
			}
		})
	}
	for kind, want := range map[string]int{KindQuery: 12, KindETL: 6, KindQuality: 6} {
		if kinds[kind] < want {
			t.Errorf("%d %s labs, want at least %d", kinds[kind], kind, want)
		}
	}
	for _, lv := range []string{"junior", "mid", "senior", "lead"} {
		if levels[lv] == 0 {
			t.Errorf("no %s lab", lv)
		}
	}
}
