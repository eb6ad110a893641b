package labs

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// wrapRunError classifies DuckDB's errors by their type, not their text: a
// run stopped under another context still reads as a time-out, so the
// interrupt is told by its type alone.
func TestRunErrorsByType(t *testing.T) {
	ctx := context.Background()
	db := testDatabase(t)
	p := policyFor(KindQuery)
	tests := []struct {
		name    string
		sql     string
		timeout time.Duration // of the run; wrapRunError sees a live context
		typ     duckdb.ErrorType
		want    string // in the learner-facing error
		sqlErr  bool   // a *SQLError rather than a refusal
	}{
		{"interrupt", slowSQL, 200 * time.Millisecond, duckdb.ErrorTypeInterrupt, "time limit exceeded", false},
		{"out of memory", "SELECT count(*) FROM range(100000000) a, range(100000000) b", 0, duckdb.ErrorTypeOutOfMemory, "memory limit exceeded", false},
		{"error()", "SELECT error('boom') FROM range(3)", 0, duckdb.ErrorTypeInvalidInput, "boom", true},
		{"conversion", "SELECT CAST(s AS INTEGER) FROM (VALUES ('1'), ('x')) t(s)", 0, duckdb.ErrorTypeConversion, "'x'", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Statement{Text: tt.sql, Line: 1}
			st, err := db.prepare(s, 1, p)
			if err != nil {
				t.Fatal(err)
			}
			runCtx, cancel := ctx, context.CancelFunc(func() {})
			if tt.timeout > 0 {
				runCtx, cancel = context.WithTimeout(ctx, tt.timeout)
			}
			_, _, err = query(runCtx, st, DefaultLimits(), 10, false)
			cancel()
			var de *duckdb.Error
			if !errors.As(err, &de) || de.Type != tt.typ {
				t.Fatalf("DuckDB error = %v (%T), want a *duckdb.Error of type %d", err, err, tt.typ)
			}
			got := wrapRunError(ctx, err, 1, s)
			var ref *Refusal
			var sqlErr *SQLError
			switch {
			case tt.sqlErr && !errors.As(got, &sqlErr):
				t.Fatalf("wrapRunError = %v (%T), want a *SQLError", got, got)
			case !tt.sqlErr && !errors.As(got, &ref):
				t.Fatalf("wrapRunError = %v (%T), want a refusal", got, got)
			}
			if !strings.Contains(got.Error(), tt.want) {
				t.Errorf("wrapRunError = %q, want it to say %q", got, tt.want)
			}
		})
	}
}

// The one text match left: the driver refuses text of several statements
// with an error that carries no DuckDB type.
func TestMultiStatementErrorHasNoType(t *testing.T) {
	db := testDatabase(t)
	text := "SELECT 1; SELECT 2"
	_, err := db.conn.Prepare(text)
	var de *duckdb.Error
	if err == nil || errors.As(err, &de) || !strings.Contains(err.Error(), "multi-statement") {
		t.Fatalf("Prepare(%q) = %v (%T), want the driver's untyped multi-statement error", text, err, err)
	}
	_, err = db.prepare(Statement{Text: text, Line: 1}, 3, policyFor(KindETL))
	var ref *Refusal
	if !errors.As(err, &ref) || ref.Msg != "statement 3 holds more than one statement" {
		t.Errorf("prepare = %v (%T), want a refusal of statement 3", err, err)
	}
	_, err = db.prepare(Statement{Text: "SELEC 1", Line: 2}, 1, policyFor(KindQuery))
	var sqlErr *SQLError
	if !errors.As(err, &sqlErr) || sqlErr.Line != 2 || !strings.Contains(sqlErr.Msg, "syntax error") {
		t.Errorf("prepare of a syntax error = %v (%T), want a SQLError on line 2", err, err)
	}
}
