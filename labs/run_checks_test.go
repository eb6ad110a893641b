package labs

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// Run on a quality lab reports every check, not only the last (issue 14).
func TestRunReportsEveryQualityCheck(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	lab := testLab(t, "duplicate-keys")
	sub := `-- check: orders keyed by order_id
SELECT order_id, count(*) AS copies FROM shop.orders GROUP BY order_id HAVING count(*) > 1;
-- a false alarm: every order
SELECT order_id FROM shop.orders ORDER BY order_id;
-- check: no orders at all
SELECT count(*) AS n FROM shop.orders HAVING count(*) = 0`
	res, err := e.Run(context.Background(), &lab.Spec, sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Checks) != 3 {
		t.Fatalf("%d checks reported, want 3: %+v", len(res.Checks), res.Checks)
	}
	want := []struct {
		fired     bool
		label     string
		line      int
		rows      int
		truncated bool
	}{
		{false, "orders keyed by order_id", 2, 0, false},
		{true, "", 4, CheckRowLimit, true},
		{false, "no orders at all", 6, 0, false},
	}
	for i, w := range want {
		c := res.Checks[i]
		if c.Number != i+1 || c.Fired != w.fired || c.Label != w.label || c.Line != w.line || len(c.Rows) != w.rows || c.Truncated != w.truncated {
			t.Errorf("check %d = {number %d fired %v label %q line %d rows %d truncated %v}, want %+v", i+1, c.Number, c.Fired, c.Label, c.Line, len(c.Rows), c.Truncated, w)
		}
	}
	if got := strings.Join(res.Checks[1].Columns, ","); got != "order_id" {
		t.Errorf("check 2 columns = %q", got)
	}
	if got := strings.Join(res.Columns, ","); got != "n" || len(res.Rows) != 0 {
		t.Errorf("the run's own result = %q with %d rows, want the last check's", got, len(res.Rows))
	}

	// A broken check names itself; nothing the checks did is kept.
	_, err = e.Run(context.Background(), &lab.Spec, "SELECT 1 WHERE false;\nSELECT nope FROM shop.orders")
	var sqlErr *SQLError
	if !errors.As(err, &sqlErr) || sqlErr.Statement != 2 || sqlErr.Line != 2 {
		t.Errorf("a broken second check: %v, want a SQL error in statement 2 on line 2", err)
	}
	// A query lab's run is unchanged: no checks.
	q := testLab(t, "filter-sort-orders")
	if res, err := e.Run(context.Background(), &q.Spec, "SELECT 1 AS one"); err != nil || res.Checks != nil || len(res.Rows) != 1 {
		t.Errorf("query lab run = %+v (%v), want one row and no checks", res, err)
	}
}
