package labs

import (
	"context"
	"errors"
	"flag"
	"os"
	"sort"
	"strings"
	"testing"
)

var updateFunctions = flag.Bool("update-functions", false, "rewrite testdata/duckdb_functions.txt from the linked DuckDB")

const functionListFile = "testdata/duckdb_functions.txt"

// The denylist was built by classifying every function of the linked
// DuckDB. A DuckDB that adds or drops functions fails here until someone
// reviews the new names for side effects, updates denylist.go, and
// rewrites the list with -update-functions.
func TestDuckDBFunctionListReviewed(t *testing.T) {
	ctx := context.Background()
	db := testDatabase(t)
	res, err := db.trustedQuery(ctx, "SELECT DISTINCT function_type || ' ' || function_name FROM duckdb_functions() ORDER BY 1", 10_000)
	if err != nil {
		t.Fatal(err)
	}
	var live []string
	names := map[string]bool{}
	for _, r := range res.Rows {
		live = append(live, r[0].S)
		names[strings.SplitN(r[0].S, " ", 2)[1]] = true
	}
	views, err := db.trustedQuery(ctx, "SELECT view_name FROM duckdb_views()", 10_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range views.Rows {
		names[r[0].S] = true
	}
	if *updateFunctions {
		if err := os.WriteFile(functionListFile, []byte(strings.Join(live, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(functionListFile)
	if err != nil {
		t.Fatal(err)
	}
	reviewed := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		reviewed[l] = true
	}
	var added, dropped []string
	for _, l := range live {
		if !reviewed[l] {
			added = append(added, l)
		}
		delete(reviewed, l)
	}
	for l := range reviewed {
		dropped = append(dropped, l)
	}
	sort.Strings(dropped)
	if len(added) > 0 || len(dropped) > 0 {
		t.Errorf("DuckDB's functions changed since the denylist was reviewed.\nnew (classify each in denylist.go): %v\ngone: %v\nthen run: go test ./labs -run TestDuckDBFunctionListReviewed -update-functions", added, dropped)
	}
	for name := range deniedFunctions {
		if !names[name] {
			t.Errorf("denylist names %q, which this DuckDB does not have", name)
		}
	}
}

func TestDeniedUse(t *testing.T) {
	tests := []struct {
		sql  string
		want string // the denied name, "" when the text is fine
	}{
		{"SELECT * FROM enable_logging('QueryLog')", "enable_logging"},
		{"SELECT * FROM ENABLE_LOGGING('QueryLog')", "enable_logging"},
		{`SELECT * FROM "enable_logging"('QueryLog')`, "enable_logging"},
		{`SELECT * FROM "Enable_Logging"('QueryLog')`, "enable_logging"},
		{"SELECT * FROM main.enable_logging('QueryLog')", "enable_logging"},
		{"SELECT * FROM system.main.enable_logging('QueryLog')", "enable_logging"},
		{"SELECT * FROM enable_logging /* x */ ('QueryLog')", "enable_logging"},
		{"SELECT * FROM enable_logging -- x\n('QueryLog')", "enable_logging"},
		{"SELECT * FROM enable_logging\u3000('QueryLog')", "enable_logging"},
		{"SELECT * FROM enable_logging\u200b('QueryLog')", "enable_logging"},
		{"SELECT message FROM duckdb_logs", "duckdb_logs"},
		{"SELECT message FROM system.main.duckdb_logs", "duckdb_logs"},
		{"SELECT * FROM duckdb_logs_parsed('QueryLog')", "duckdb_logs_parsed"},
		{"SELECT * FROM pg_prepared_statements", "pg_prepared_statements"},
		{"SELECT s.write_log() FROM (SELECT 'a' AS s) t", "write_log"},
		{"SELECT setseed(0.5)", "setseed"},
		{"SELECT __internal_compress_string_utinyint('a')", "__internal_compress_string_utinyint"},
		{"CREATE VIEW v AS SELECT * FROM enable_profiling()", "enable_profiling"},
		{"CREATE MACRO m() AS TABLE SELECT * FROM disable_peg_parser()", "disable_peg_parser"},
		{"INSERT INTO t SELECT * FROM force_checkpoint()", "force_checkpoint"},
		{"SELECT * FROM query('SELECT 1')", "query"},
		{`SELECT * FROM "QUERY" ('SELECT 1')`, "query"},
		{"SELECT * FROM main.query/**/('SELECT 1')", "query"},
		{"SELECT * FROM checkpoint()", "checkpoint"},
		{"SELECT * FROM main . checkpoint\n(\n)", "checkpoint"},
		// DuckDB's lexer: nested comments, E'' strings, dollar quotes
		{"SELECT 1 /* a /* b */ ' */, query('SELECT 1') --'", "query"},
		{"SELECT E'\\'', query('SELECT 1') --'", "query"},
		{"SELECT a$x$ FROM t, query('SELECT 1') AS b$x$", "query"},
		{"SELECT 1 -- c\r, query('SELECT 1')", "query"},
		// ordinary words stay fine
		{"SELECT query FROM searches", ""},
		{"SELECT 1 AS checkpoint", ""},
		{"WITH query AS (SELECT 1) SELECT * FROM query", ""},
		{"-- this query (the first one) counts rows\nSELECT count(*) FROM t", ""},
		{"SELECT 'query (x)' AS s", ""},
		{"SELECT $$ query(1) $$", ""},
		{"SELECT * FROM range(3)", ""},
		{"SELECT logged_at FROM shop.enable_logs", ""},
	}
	for _, tt := range tests {
		got, _ := deniedUse(tt.sql)
		if got != tt.want {
			t.Errorf("deniedUse(%q) = %q, want %q", tt.sql, got, tt.want)
		}
	}
}

// DuckDB's parser sees what the text check might not.
func TestRefuseParsed(t *testing.T) {
	ctx := context.Background()
	db := testDatabase(t)
	tests := []struct {
		sql    string
		refuse bool
	}{
		{"SELECT * FROM query('SELECT 1')", true},
		{"SELECT (SELECT count(*) FROM main.query('SELECT 1')) AS n", true},
		{"WITH x AS (SELECT * FROM checkpoint()) SELECT * FROM x", true},
		{"SELECT * FROM duckdb_logs", true},
		{"SELECT s.write_log() FROM (SELECT 'a' AS s) t", true},
		{"WITH query AS (SELECT 1 AS a) SELECT * FROM query", false},
		{"SELECT * FROM range(3)", false},
		{"SELEC nonsense", false}, // prepare reports the syntax error
		{"INSERT INTO t VALUES (1)", false},
	}
	for _, tt := range tests {
		_, err := db.refuseParsed(ctx, 1, Statement{Text: tt.sql})
		var ref *Refusal
		if (err != nil) != tt.refuse || (err != nil && !errors.As(err, &ref)) {
			t.Errorf("refuseParsed(%q) = %v, want refusal %v", tt.sql, err, tt.refuse)
		}
	}
}

// Only a job that calls a table function other than the pure ones, or
// that the parser cannot read, may have changed a setting: the others skip
// the settings comparison (Engine.checkSandbox).
func TestRefuseParsedReportsTableFunctions(t *testing.T) {
	db := testDatabase(t)
	ctx := context.Background()
	if err := db.execTrusted(ctx, "CREATE TABLE t (a INT)"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sql   string
		calls bool
	}{
		{"SELECT a FROM t", false},
		{"SELECT * FROM range(3)", false},
		{"SELECT * FROM generate_series(1, 3) g(x) JOIN t ON t.a = g.x", false},
		{"SELECT unnest([1, 2])", false},
		{"WITH x AS (SELECT * FROM range(2)) SELECT * FROM x", false},
		{"SELECT * FROM duckdb_settings()", true},
		{"SELECT a FROM t WHERE EXISTS (SELECT 1 FROM pragma_version())", true},
		{"SELECT a FROM t WHERE EXISTS (SELECT 1 FROM repeat(1, 1))", true},
		{"SELECT * FROM (SELECT * FROM (SELECT * FROM duckdb_types()))", true},
		{"INSERT INTO t VALUES (1)", true},
		{"SELEC nonsense", true},
	}
	for _, tt := range tests {
		calls, err := db.refuseParsed(ctx, 1, Statement{Text: tt.sql})
		if err != nil {
			t.Errorf("refuseParsed(%q): %v", tt.sql, err)
			continue
		}
		if calls != tt.calls {
			t.Errorf("refuseParsed(%q) calls a table function = %v, want %v", tt.sql, calls, tt.calls)
		}
	}
}
