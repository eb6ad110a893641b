package labs

import (
	"context"
	"strings"
	"testing"
)

// qualityLab builds a small quality lab: a visible day and a hidden day of
// orders, and the incidents given.
func qualityLab(t *testing.T, incidents map[string]string) *Lab {
	t.Helper()
	files := map[string]string{
		"x/joins-01/lab.md": "---\ntitle: Orders checks\nkind: quality\nlevel: junior\ncompetencies: [data-reliability]\n---\n## Task\nCheck it.\n",
		"x/joins-01/setup.sql": `CREATE TABLE orders (id INT, day DATE, amount DECIMAL(10,2));
			INSERT INTO orders VALUES (1, DATE '2026-03-01', 10), (2, DATE '2026-03-01', 20), (3, DATE '2026-03-02', 30);`,
		"x/joins-01/hidden.sql":   `DELETE FROM orders; INSERT INTO orders VALUES (7, DATE '2026-05-09', 11), (8, DATE '2026-05-10', 12), (9, DATE '2026-05-10', 13), (10, DATE '2026-05-11', 14);`,
		"x/joins-01/solution.sql": "SELECT id FROM orders GROUP BY id HAVING count(*) > 1;\nSELECT 1 FROM orders WHERE amount IS NULL",
	}
	for name, sql := range incidents {
		files["x/joins-01/incidents/"+name+".sql"] = sql
	}
	idx := testCatalogContent(t)
	cat, err := Load([]Source{{Name: "x", FS: labFS("", files)}}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cat.Lab("joins-01")
}

// Incidents run on the hidden dataset too: a check that compares the data
// with the visible rows catches every incident there and nothing on the
// hidden dataset, so it must fail.
func TestQualityIncidentsRunOnEveryDataset(t *testing.T) {
	lab := qualityLab(t, map[string]string{
		"duplicated-order": "INSERT INTO orders SELECT * FROM orders WHERE id = (SELECT max(id) FROM orders)",
		"null-amount":      "UPDATE orders SET amount = NULL WHERE id = (SELECT min(id) FROM orders)",
	})
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	v, err := e.Grade(ctx, &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("reference: %+v, %v", v, err)
	}
	// Fires whenever the visible data is not exactly as shipped, but only
	// on the visible day: healthy on hidden data, blind to hidden incidents.
	overfit := `SELECT 1 WHERE (SELECT count(*) FROM orders WHERE day = DATE '2026-03-01') > 0
		AND ((SELECT count(*) FROM orders) <> 3 OR (SELECT count(amount) FROM orders) <> 3)`
	v, err = e.Grade(ctx, &lab.Spec, overfit)
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed {
		t.Fatalf("an overfitted check passed: %+v", v)
	}
	if len(v.Datasets) != 2 || !v.Datasets[0].Passed || v.Datasets[1].Passed {
		t.Errorf("datasets = %+v, want visible passed and hidden failed", v.Datasets)
	}
	for _, leak := range []string{"duplicated-order", "null-amount", "check 1"} {
		if strings.Contains(v.Message, leak) {
			t.Errorf("the hidden failure names %q: %s", leak, v.Message)
		}
	}
	if !strings.Contains(v.Message, "hidden dataset") {
		t.Errorf("message = %q, want it to say the hidden dataset went wrong", v.Message)
	}
}

// labs check fails an incident that changes nothing on a dataset, and a
// reference that misses an incident on one of them, naming both.
func TestQualityAudit(t *testing.T) {
	lab := qualityLab(t, map[string]string{
		// Hard-coded to a visible id: on the hidden dataset it does nothing.
		"literal-row": "INSERT INTO orders SELECT * FROM orders WHERE id = 2",
		// Changes both datasets, but no reference check looks at amounts.
		"negative-amount": "UPDATE orders SET amount = -amount WHERE id = (SELECT max(id) FROM orders)",
		"null-amount":     "UPDATE orders SET amount = NULL WHERE id = (SELECT min(id) FROM orders)",
		// Changes no row, only a column's name: that is a change too.
		"column-renamed": "ALTER TABLE orders RENAME COLUMN day TO order_day",
	})
	e := NewEngine(DefaultLimits())
	defer e.Close()
	r := SelfTest(context.Background(), e, lab, nil)
	if r.OK {
		t.Fatalf("labs check passed a lab with a dead incident: %+v", r)
	}
	report := strings.Join(r.Problems, "\n")
	for _, want := range []string{
		"incidents/literal-row.sql changes nothing on the hidden dataset",
		"the reference misses incidents/literal-row.sql on the hidden dataset",
		"the reference misses incidents/negative-amount.sql on the visible dataset",
		"the reference misses incidents/negative-amount.sql on the hidden dataset",
		"the reference misses incidents/column-renamed.sql on the visible dataset",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	for _, unwanted := range []string{"literal-row.sql changes nothing on the visible", "null-amount", "column-renamed.sql changes nothing"} {
		if strings.Contains(report, unwanted) {
			t.Errorf("report has %q:\n%s", unwanted, report)
		}
	}
}
