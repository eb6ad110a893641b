package labs

import (
	"context"
	"strings"
	"testing"
)

// A check that returns several rows shows its own message, and a failure
// on the hidden dataset says so once.
func TestETLChecksAndHiddenMessage(t *testing.T) {
	files := map[string]string{
		"x/joins-01/lab.md":       "---\ntitle: Clean orders\nkind: etl\nlevel: junior\ncompetencies: [etl-elt]\ntargets: [clean]\n---\n## Task\nCopy the positive orders.\n",
		"x/joins-01/setup.sql":    "CREATE TABLE raw (id INT, amount INT); INSERT INTO raw VALUES (1, 5), (2, -1), (3, -2), (4, 7); CREATE TABLE clean (id INT, amount INT);",
		"x/joins-01/hidden.sql":   "INSERT INTO raw VALUES (5, 0), (6, 9);",
		"x/joins-01/solution.sql": "INSERT INTO clean SELECT * FROM raw WHERE amount > 0;",
		"x/joins-01/checks.sql":   "-- check: negative amounts reached the clean table\n-- check.ko: 음수 금액이 정제 테이블에 들어갔습니다\nSELECT * FROM clean WHERE amount < 0;",
	}
	idx := testCatalogContent(t)
	cat, err := Load([]Source{{Name: "x", FS: labFS("", files)}}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	lab := cat.Lab("joins-01")
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	v, err := e.Grade(ctx, &lab.Spec, "INSERT INTO clean SELECT * FROM raw")
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || !strings.Contains(v.Message, "check failed: negative amounts reached the clean table") || strings.Contains(v.Message, "could not run") {
		t.Errorf("two negative rows: %q, want the check's own message", v.Message)
	}
	// Zero is kept only on the hidden dataset.
	v, err = e.Grade(ctx, &lab.Spec, "INSERT INTO clean SELECT * FROM raw WHERE amount >= 0")
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || strings.Count(v.Message, "hidden dataset") != 1 || !strings.Contains(v.Message, "table clean is not what it should be") {
		t.Errorf("hidden-only failure: %q, want one mention of the hidden dataset and the table", v.Message)
	}
}
