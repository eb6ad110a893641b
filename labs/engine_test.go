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
	held, err := e.hold(ctx, &lab.Spec)
	if err != nil {
		t.Fatal(err)
	}
	st, err := e.checkout(ctx, held, false)
	if err != nil {
		t.Fatal(err)
	}
	count := func(ds dsConn) int {
		res, err := ds.db.trustedQuery(ctx, "SELECT count(*) FROM shop.orders", 1)
		if err != nil {
			t.Fatal(err)
		}
		return int(res.Rows[0][0].N)
	}
	visible, hidden := count(st.datasets[0]), count(st.datasets[1])
	st.release()
	e.unhold(held)
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
// gets a refusal and reports its process tainted, and the shared instances
// are rebuilt with the sandbox's settings before the next job. A job that
// calls a table function is checked at once; a plain query within
// sampledSettingsCheck jobs.
func TestEngineResetsChangedSettings(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	lab := testLab(t, "filter-sort-orders")
	other := testLab(t, "customers-without-orders")
	ctx := context.Background()
	grade := func(l *Lab, text string) (*Verdict, *jobInfo) {
		t.Helper()
		info := &jobInfo{}
		v, err := e.Grade(withJobInfo(ctx, info), &l.Spec, text)
		if err != nil {
			t.Fatal(err)
		}
		return v, info
	}
	for _, l := range []*Lab{lab, other} {
		if v, info := grade(l, l.Solution); !v.Passed || info.tainted != "" {
			t.Fatalf("reference: %+v %q", v, info.tainted)
		}
	}
	// What a submission could do if a table function slipped past the
	// denylist: the change is the whole instance's, every lab's.
	change := func() *instance {
		in := e.visible
		if err := in.admin.execTrusted(ctx, "SELECT * FROM enable_logging('QueryLog')"); err != nil {
			t.Fatal(err)
		}
		return in
	}
	refused := func(v *Verdict, info *jobInfo) bool {
		return !v.Passed && v.ErrorKind == ErrKindRefused && strings.Contains(v.Error, "enable_logging") && strings.Contains(info.tainted, "enable_logging")
	}
	old := change()
	// (repeat, not a catalog function: a submission that reads the catalog
	// runs on a private copy with fresh instances.)
	if v, info := grade(lab, "SELECT * FROM shop.orders WHERE EXISTS (SELECT 1 FROM repeat(1, 1))"); !refused(v, info) {
		t.Fatalf("a job calling a table function: %+v %q, want a refusal naming the change", v, info.tainted)
	}
	for _, l := range []*Lab{lab, other} {
		if v, info := grade(l, l.Solution); !v.Passed || info.tainted != "" {
			t.Fatalf("next job on %s: %+v %q", l.ID, v, info.tainted)
		}
	}
	if e.visible == old {
		t.Fatal("the visible instance was not rebuilt")
	}
	change()
	found := false
	for i := 0; i < sampledSettingsCheck && !found; i++ {
		v, info := grade(lab, lab.Solution)
		found = refused(v, info)
		if !found && !v.Passed {
			t.Fatalf("job %d: %+v", i, v)
		}
	}
	if !found {
		t.Fatalf("a changed setting went unseen for %d plain jobs", sampledSettingsCheck)
	}
	if v, info := grade(lab, lab.Solution); !v.Passed || info.tainted != "" {
		t.Fatalf("after the second reset: %+v %q", v, info.tainted)
	}
}
