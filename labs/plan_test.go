package labs

import (
	"context"
	"strings"
	"testing"
)

// planLab is a query lab with plan bounds over a 3,000-row table and a
// 50-row one.
func planLab(t *testing.T, plan, solution string) *Lab {
	t.Helper()
	files := map[string]string{
		"x/joins-01/lab.md": "---\ntitle: Events per kind\nkind: query\nlevel: senior\ncompetencies: [sql-querying]\n" + plan + "---\n## Task\nDo it.\n",
		"x/joins-01/setup.sql": `CREATE TABLE t AS SELECT range AS a, range % 7 AS b FROM range(3000);
			CREATE TABLE u AS SELECT range AS a FROM range(50);`,
		"x/joins-01/hidden.sql":   `INSERT INTO t SELECT range, range % 5 FROM range(40);`,
		"x/joins-01/solution.sql": solution,
	}
	idx := testCatalogContent(t)
	cat, err := Load([]Source{{Name: "x", FS: labFS("", files)}}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cat.Lab("joins-01")
}

func TestPlanBounds(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	scans := planLab(t, "plan:\n  max_rows_scanned: 3000\n", "SELECT b, count(*) AS n FROM t GROUP BY b ORDER BY b")
	cross := planLab(t, "plan:\n  forbid: [CROSS_PRODUCT, BLOCKWISE_NL_JOIN, NESTED_LOOP_JOIN]\n", "SELECT count(*) FROM t JOIN u ON t.a = u.a")
	tests := []struct {
		name    string
		lab     *Lab
		sql     string
		pass    bool
		scanned int64
		msg     []string
	}{
		{"one scan", scans, "SELECT b, count(*) FROM t GROUP BY ALL ORDER BY b", true, 3000, nil},
		{"a scan per group", scans, "SELECT DISTINCT b, (SELECT count(*) FROM t AS t2 WHERE t2.b = t.b) FROM t ORDER BY b", false, 6000,
			[]string{"Your result is right", "read 6000 rows", "at most 3000"}},
		{"a wrong result is judged on its rows first", scans, "SELECT b, count(*) - 1 FROM t GROUP BY b ORDER BY b", false, 0, []string{"missing"}},
		{"an equi-join", cross, "SELECT count(*) FROM u, t WHERE u.a = t.a", true, 3050, nil},
		{"a join on an expression", cross, "SELECT count(*) FROM t, u WHERE t.a - u.a = 0", false, 3050, []string{"which this lab forbids"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := e.Grade(ctx, &tt.lab.Spec, tt.sql)
			if err != nil {
				t.Fatal(err)
			}
			if v.Passed != tt.pass {
				t.Fatalf("passed = %v, want %v: %s", v.Passed, tt.pass, v.Message)
			}
			for _, m := range tt.msg {
				if !strings.Contains(v.Message, m) {
					t.Errorf("message %q lacks %q", v.Message, m)
				}
			}
			if tt.scanned == 0 {
				if v.Plan != nil {
					t.Errorf("a wrong result was measured: %+v", v.Plan)
				}
				return
			}
			if v.Plan == nil || v.Plan.RowsScanned != tt.scanned {
				t.Errorf("plan = %+v, want %d rows scanned", v.Plan, tt.scanned)
			}
		})
	}
}
