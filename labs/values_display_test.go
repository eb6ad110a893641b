package labs

import (
	"context"
	"testing"
)

// Values show by their DuckDB type (issue 14, bug 7): what the learner
// sees in a run, a schema sample and feedback is what DuckDB would print.
func TestValuesShowByType(t *testing.T) {
	db := testDatabase(t)
	tests := []struct {
		expr string
		want string
	}{
		{"CAST(120 AS DECIMAL(10,2))", "120.00"},
		{"CAST(75.5 AS DECIMAL(10,2))", "75.50"},
		{"CAST(-0.5 AS DECIMAL(6,3))", "-0.500"},
		{"TIMESTAMP '2024-03-01 00:00:00'", "2024-03-01 00:00:00"},
		{"TIMESTAMP '2024-03-01 09:15:00.25'", "2024-03-01 09:15:00.25"},
		{"DATE '2024-03-01'", "2024-03-01"},
		{"TIME '00:00:00'", "00:00:00"},
		{"CAST(TIMESTAMP '2024-03-01 00:00:00' AS TIMESTAMP_S)", "2024-03-01 00:00:00"},
		{"CAST(120 AS DOUBLE)", "120.0"},
		{"CAST(0.1 AS DOUBLE)", "0.1"},
		{"CAST(0.1 AS FLOAT)", "0.1"},
		{"CAST(1e20 AS DOUBLE)", "1e+20"},
		{"42", "42"},
		{"INTERVAL 90 MINUTE", "01:30:00"},
		{"INTERVAL 14 MONTH + INTERVAL 3 DAY", "1 year 2 months 3 days"},
		{"INTERVAL 0 DAY", "00:00:00"},
		{"[TIMESTAMP '2024-03-01 00:00:00', TIMESTAMP '2024-03-02 10:00:00']", "['2024-03-01 00:00:00', '2024-03-02 10:00:00']"},
		{"[DATE '2024-03-01']", "['2024-03-01']"},
		{"{'day': DATE '2024-03-01', 'at': TIMESTAMP '2024-03-01 00:00:00', 'amount': CAST(5 AS DECIMAL(8,2))}", "{'amount': 5.00, 'at': '2024-03-01 00:00:00', 'day': '2024-03-01'}"},
		{"NULL::TIMESTAMP", "NULL"},
		{"true", "true"},
	}
	for _, tt := range tests {
		res, err := db.trustedQuery(context.Background(), "SELECT "+tt.expr, 1)
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		v := res.Rows[0][0]
		if got := v.String(); got != tt.want {
			t.Errorf("%s: feedback shows %q, want %q", tt.expr, got, tt.want)
		}
		// A run result and a schema sample carry the JSON form; shown, it
		// must read the same as the feedback.
		if got := CellText(roundTrip(t, v.JSON())); got != tt.want {
			t.Errorf("%s: a run shows %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// roundTrip sends a cell to a worker and back, as the pool does.
func roundTrip(t *testing.T, cell any) any {
	t.Helper()
	var back RunResult
	if err := back.UnmarshalJSON([]byte(mustJSON(t, RunResult{Columns: []string{"c"}, Rows: [][]any{{cell}}}))); err != nil {
		t.Fatal(err)
	}
	return back.Rows[0][0]
}

// The type names the driver gives are read far enough to show nested values.
func TestParseColType(t *testing.T) {
	tests := []struct {
		in   string
		want string // the type's shape, as colType.shape prints it
	}{
		{"DATE", "DATE"},
		{"DECIMAL(10,2)", "DECIMAL"},
		{"TIMESTAMP[]", "LIST<TIMESTAMP>"},
		{"DATE[3]", "LIST<DATE>"},
		{`STRUCT("day" DATE, "a ""b""" TIMESTAMP[])`, "STRUCT{a \"b\":LIST<TIMESTAMP>,day:DATE}"},
		{"MAP(VARCHAR, DATE)", "MAP<VARCHAR,DATE>"},
		{"TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE"},
		{`STRUCT("x`, "?"},
		{"", "?"},
	}
	for _, tt := range tests {
		if got := parseColType(tt.in).shape(); got != tt.want {
			t.Errorf("parseColType(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// Through a real worker the digits survive: a pool's run keeps 120.00.
func TestRunKeepsDigitsThroughTheWorker(t *testing.T) {
	p := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "filter-sort-orders")
	res, err := p.Run(context.Background(), &lab.Spec, "SELECT total_amount, order_ts FROM shop.orders WHERE order_id = 1003")
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{CellText(res.Rows[0][0]), CellText(res.Rows[0][1])}; got[0] != "89.90" || got[1] != "2024-03-01 00:00:00" {
		t.Errorf("run through the worker shows %q, want 89.90 and 2024-03-01 00:00:00", got)
	}
	tables, err := p.Describe(context.Background(), &lab.Spec)
	if err != nil {
		t.Fatal(err)
	}
	if got := CellText(tables[0].Sample[0][4]); got != "120.00" {
		t.Errorf("schema sample shows %q, want 120.00", got)
	}
}
