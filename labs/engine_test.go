package labs

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// Infinity matched every number under the relative tolerance, so answers
// that read no data passed real labs.
func TestInfinityAnswersFail(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	tests := []struct{ lab, sql string }{
		{"checkout-funnel", "SELECT n, s, 'inf'::DOUBLE, 'inf'::DOUBLE, 'inf'::DOUBLE FROM (VALUES (1,'view'),(2,'add_to_cart'),(3,'checkout'),(4,'purchase')) v(n,s) ORDER BY n"},
		{"checkout-funnel", "SELECT n, s, '-inf'::DOUBLE, 'nan'::DOUBLE, 'inf'::DOUBLE FROM (VALUES (1,'view'),(2,'add_to_cart'),(3,'checkout'),(4,'purchase')) v(n,s) ORDER BY n"},
		{"delivery-time-percentiles", `SELECT carrier, count(*), 'inf'::DOUBLE, 'inf'::DOUBLE FROM logistics.shipments
			WHERE delivered_at IS NOT NULL AND delivered_at >= shipped_at GROUP BY carrier`},
		{"running-revenue-totals", "SELECT CAST(d AS DATE), 'inf'::DOUBLE, 'inf'::DOUBLE FROM generate_series(DATE '2024-02-20', DATE '2024-03-10', INTERVAL 1 DAY) t(d) ORDER BY 1"},
	}
	for _, tt := range tests {
		lab := testLab(t, tt.lab)
		v, err := e.Grade(context.Background(), &lab.Spec, tt.sql)
		if err != nil {
			t.Fatalf("%s: %v", tt.lab, err)
		}
		if v.Passed || v.ErrorKind != "" {
			t.Errorf("%s: an answer of infinities: passed=%v error=%q message=%q, want a plain failing comparison", tt.lab, v.Passed, v.Error, v.Message)
		}
		if ok, err := e.Grade(context.Background(), &lab.Spec, lab.Solution); err != nil || !ok.Passed {
			t.Errorf("%s reference: %+v %v", tt.lab, ok, err)
		}
	}
}

// A quality verdict must not say which check fired on the hidden dataset:
// checks with thresholds on count(*) would read its row count out.
func TestQualityFeedbackHidesHiddenDataset(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	lab := testLab(t, "duplicate-keys")
	ctx := context.Background()
	st, err := e.state(ctx, &lab.Spec)
	if err != nil {
		t.Fatal(err)
	}
	count := func(ds *dataset) int {
		res, err := ds.db.trustedQuery(ctx, "SELECT count(*) FROM shop.orders", 1)
		if err != nil {
			t.Fatal(err)
		}
		return int(res.Rows[0][0].N)
	}
	visible, hidden := count(st.datasets[0]), count(st.datasets[1])
	if hidden <= visible {
		t.Fatalf("the test needs more hidden rows than visible ones: %d, %d", visible, hidden)
	}
	probe := func(ks ...int) string {
		sqlText := lab.Solution
		for _, k := range ks {
			sqlText += fmt.Sprintf(";\nSELECT 1 FROM shop.orders HAVING count(*) > %d", k)
		}
		return sqlText
	}
	// Every probe is quiet on the visible dataset; on the hidden one, those
	// below its row count fire. One submission with 40 probes, and one
	// probe at a time, must all read the same.
	var ks []int
	for k := visible; k < visible+40; k++ {
		ks = append(ks, k)
	}
	submissions := []string{probe(ks...)}
	for k := visible; k < hidden; k++ {
		submissions = append(submissions, probe(k))
	}
	var first string
	for i, sqlText := range submissions {
		v, err := e.Grade(ctx, &lab.Spec, sqlText)
		if err != nil {
			t.Fatal(err)
		}
		if v.Passed || len(v.Datasets) != 2 || !v.Datasets[0].Passed || v.Datasets[1].Passed {
			t.Fatalf("submission %d: %+v, want a failure on the hidden dataset only", i, v)
		}
		if i == 0 {
			first = v.Message
		} else if v.Message != first {
			t.Fatalf("the message depends on which checks fire on the hidden dataset:\n%q\n%q", first, v.Message)
		}
	}
	if strings.ContainsAny(first, "0123456789") {
		t.Errorf("hidden-dataset message names checks or numbers: %q", first)
	}
	if !strings.Contains(first, "hidden dataset") {
		t.Errorf("message = %q, want it to say the hidden dataset failed", first)
	}
}

// A job that leaves a setting changed (whatever slipped past the denylist)
// gets a refusal, and the lab's databases are rebuilt with the sandbox's
// settings before the next job.
func TestEngineResetsChangedSettings(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	lab := testLab(t, "filter-sort-orders")
	ctx := context.Background()
	if v, err := e.Grade(ctx, &lab.Spec, lab.Solution); err != nil || !v.Passed {
		t.Fatalf("reference: %+v %v", v, err)
	}
	if got := e.takeTainted(); got != "" {
		t.Fatalf("a normal job tainted the engine: %s", got)
	}
	db := e.cache[lab.Key].datasets[0].db
	if err := db.execTrusted(ctx, "SELECT * FROM enable_logging('QueryLog')"); err != nil {
		t.Fatal(err)
	}
	v, err := e.Grade(ctx, &lab.Spec, lab.Solution)
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || v.ErrorKind != ErrKindRefused || !strings.Contains(v.Error, "enable_logging") {
		t.Errorf("verdict = %+v, want a refusal naming the changed settings", v)
	}
	if got := e.takeTainted(); !strings.Contains(got, "enable_logging") {
		t.Errorf("tainted = %q, want the changed settings", got)
	}
	if v, err := e.Grade(ctx, &lab.Spec, lab.Solution); err != nil || !v.Passed || e.takeTainted() != "" {
		t.Fatalf("next job: %+v %v", v, err)
	}
	fresh := e.cache[lab.Key].datasets[0].db
	now, err := fresh.readSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if changed := changedSettings(fresh.settings, now); len(changed) != 0 || fresh == db {
		t.Errorf("after the reset: changed %v, same database %v", changed, fresh == db)
	}
}
