package labs

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

// Every hostile submission gets an error verdict, the grader stays healthy,
// and a valid submission right after it is graded correctly.
func TestAdversarialSubmissions(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2, Timeout: 3 * time.Second, MemoryLimit: 700 << 20})
	// The memory bombs get a deadline far beyond what reaching the cap
	// takes, so a slow or busy machine cannot turn them into time-outs.
	memPool := newTestPool(t, PoolOptions{Workers: 1, Timeout: 2 * time.Minute, MemoryLimit: 700 << 20})
	query := testLab(t, "filter-sort-orders")
	etl := testLab(t, "clean-raw-orders-feed")
	quality := testLab(t, "duplicate-keys")
	big := strings.Repeat("-- padding to make the body large\n", 32<<10) + "SELECT 1"
	tests := []struct {
		name string
		lab  *Lab
		sql  string
		kind string // expected error kind; "" when either limit may stop it first
		want string // in the error, when which limit stopped it matters
	}{
		{"read_csv passwd", query, "SELECT * FROM read_csv('/etc/passwd')", ErrKindSQL, ""},
		{"read_csv_auto", query, "SELECT * FROM read_csv_auto('/etc/passwd')", ErrKindSQL, ""},
		{"read_text", query, "SELECT * FROM read_text('/etc/passwd')", ErrKindSQL, ""},
		{"read_blob", query, "SELECT * FROM read_blob('/etc/hostname')", ErrKindSQL, ""},
		{"glob", query, "SELECT * FROM glob('/etc/*')", ErrKindSQL, ""},
		{"read_parquet", query, "SELECT * FROM read_parquet('/etc/passwd')", ErrKindSQL, ""},
		{"replacement scan", query, "SELECT * FROM '/etc/passwd'", ErrKindSQL, ""},
		{"copy to", etl, "COPY (SELECT 1) TO '/tmp/ladder-leak.csv'", ErrKindRefused, ""},
		{"copy from", etl, "CREATE TABLE x (a VARCHAR); COPY x FROM '/etc/passwd'", ErrKindRefused, ""},
		{"export database", etl, "EXPORT DATABASE '/tmp/ladder-export'", ErrKindRefused, ""},
		{"attach", etl, "ATTACH '/tmp/ladder.duckdb' AS x", ErrKindRefused, ""},
		{"attach memory", query, "ATTACH ':memory:' AS x", ErrKindRefused, ""},
		{"detach", etl, "DETACH memory", ErrKindRefused, ""},
		{"install", etl, "INSTALL httpfs", ErrKindRefused, ""},
		{"load", etl, "LOAD httpfs", ErrKindRefused, ""},
		{"set", etl, "SET threads = 8", ErrKindRefused, ""},
		{"set memory", query, "SET memory_limit = '100GB'", ErrKindRefused, ""},
		{"reset", etl, "RESET memory_limit", ErrKindRefused, ""},
		{"pragma", query, "PRAGMA version", ErrKindRefused, ""},
		{"pragma in etl", etl, "PRAGMA enable_profiling", ErrKindRefused, ""},
		{"call", quality, "CALL pragma_version()", ErrKindRefused, ""},
		{"getenv", query, "SELECT getenv('HOME')", ErrKindSQL, ""},
		{"transaction commit", etl, "COMMIT; CREATE TABLE kept (a INT)", ErrKindRefused, ""},
		{"begin", etl, "BEGIN TRANSACTION", ErrKindRefused, ""},
		{"checkpoint", etl, "CHECKPOINT", ErrKindRefused, ""},
		{"persistent secret", etl, "CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')", ErrKindSQL, ""},
		// DuckDB's time or memory limit, whichever comes first.
		{"recursive cte forever", query, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t", ErrKindRefused, "limit exceeded"},
		// DuckDB's memory limit refuses the cross join, the deadline stops
		// a job slow by CPU alone.
		{"huge cross join", query, "SELECT count(*) FROM range(100000000) a, range(100000000) b", ErrKindRefused, "memory limit"},
		{"slow by cpu", query, slowSQL, ErrKindRefused, "time limit"},
		// DuckDB's memory limit does not count a single huge value: the
		// pool's memory cap kills the worker. Either may stop the list.
		{"repeat bomb", query, "SELECT length(repeat('x', 2000000000))", ErrKindMemory, "memory limit"},
		{"list bomb", query, "SELECT list_sum(range(1000000000))", "", "memory limit"},
		{"giant result", query, "SELECT * FROM range(10000000)", ErrKindRefused, "more than 100000 rows"},
		{"two statements", query, "SELECT 1; SELECT 2", ErrKindRefused, ""},
		{"statement hidden after comment", query, "SELECT 1 -- harmless\n; ATTACH ':memory:' AS x", ErrKindRefused, ""},
		{"empty", query, "", ErrKindRefused, ""},
		{"comment only", query, "-- nothing here\n/* still nothing */", ErrKindRefused, ""},
		{"whitespace only", quality, "  ;  ; ", ErrKindRefused, ""},
		{"invalid utf8", query, "SELECT '\xff\xfe'", ErrKindRefused, ""},
		{"1 MB body", query, big, ErrKindRefused, ""},
		{"insert in query lab", query, "INSERT INTO shop.orders SELECT * FROM shop.orders", ErrKindRefused, ""},
		{"ddl in quality lab", quality, "DROP TABLE shop.orders", ErrKindRefused, ""},
		{"too many statements", etl, strings.Repeat("SELECT 1;", 60), ErrKindRefused, ""},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d hostile submissions", len(tests))
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.kind == "" && tt.want == "" {
				t.Fatal("the row expects nothing: give it an error kind or a text")
			}
			p := pool
			if tt.want == "memory limit" && tt.kind != ErrKindRefused {
				p = memPool // the pool's cap, not DuckDB's limit, stops these
			}
			v, err := p.Grade(ctx, &tt.lab.Spec, tt.sql)
			if err != nil {
				t.Fatalf("Grade returned an error instead of a verdict: %v", err)
			}
			if v.Passed || v.ErrorKind == "" || v.Error == "" {
				t.Fatalf("verdict = %+v, want an error verdict", v)
			}
			if tt.kind != "" && v.ErrorKind != tt.kind {
				t.Errorf("error kind = %q (%s), want %q", v.ErrorKind, v.Error, tt.kind)
			}
			if !strings.Contains(v.Error, tt.want) {
				t.Errorf("error = %q, want it to say %q", v.Error, tt.want)
			}
			// The next learner is unaffected.
			ok, err := p.Grade(ctx, &tt.lab.Spec, tt.lab.Solution)
			if err != nil || !ok.Passed {
				t.Fatalf("valid submission after %q: %+v, %v", tt.name, ok, err)
			}
		})
	}
	// Nothing escaped to the file system.
	for _, p := range []string{"/tmp/ladder-leak.csv", "/tmp/ladder-export", "/tmp/ladder.duckdb"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s exists: a submission wrote a file", p)
		}
	}
}

// Table and scalar functions with side effects that outlive the
// submission (logging, profiling, checkpoints, parser switches, ...) are
// refused however they are spelled, and leave the worker as it was: the
// next submission is graded and sees the sandbox's own settings.
func TestSideEffectingFunctionsRefused(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1}) // every job on the same worker
	query := testLab(t, "filter-sort-orders")
	etl := testLab(t, "clean-raw-orders-feed")
	quality := testLab(t, "duplicate-keys")
	ctx := context.Background()
	settings := "SELECT name, value FROM duckdb_settings() ORDER BY name"
	before, err := pool.Run(ctx, &query.Spec, settings)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		lab  *Lab
		sql  string
	}{
		{"enable_logging", query, "SELECT * FROM enable_logging('QueryLog')"},
		{"enable_logging to stdout", query, "SELECT * FROM enable_logging('QueryLog', storage='stdout')"},
		{"enable_logging to a file", query, "SELECT * FROM enable_logging('QueryLog', storage='file', storage_path='/tmp/ladder-log')"},
		{"enable_logging quoted", query, `SELECT * FROM "enable_logging"('QueryLog')`},
		{"enable_logging qualified", query, "SELECT * FROM system.main.ENABLE_LOGGING ('QueryLog')"},
		{"enable_logging commented", query, "SELECT * FROM enable_logging/* call */\n('QueryLog')"},
		{"enable_logging in a cte", query, "WITH x AS (SELECT * FROM enable_logging('QueryLog')) SELECT * FROM x"},
		{"enable_logging in a subquery", quality, "SELECT 1 WHERE EXISTS (SELECT * FROM main.enable_logging('QueryLog'))"},
		{"enable_logging in an etl view", etl, "CREATE VIEW v AS SELECT * FROM enable_logging('QueryLog'); SELECT * FROM v"},
		{"enable_logging in an etl macro", etl, "CREATE MACRO m() AS TABLE SELECT * FROM enable_logging('QueryLog'); SELECT * FROM m()"},
		{"enable_logging in an insert", etl, "CREATE TABLE t AS SELECT 1 AS a; INSERT INTO t SELECT count(*) FROM enable_logging('QueryLog')"},
		{"disable_logging", query, "SELECT * FROM disable_logging()"},
		{"truncate_duckdb_logs", query, "SELECT * FROM truncate_duckdb_logs()"},
		{"write_log", query, "SELECT write_log('forged entry')"},
		{"duckdb_logs view", query, "SELECT message FROM duckdb_logs"},
		{"duckdb_logs function", query, "SELECT message FROM duckdb_logs()"},
		{"duckdb_logs_parsed", query, "SELECT * FROM duckdb_logs_parsed('QueryLog')"},
		{"duckdb_log_contexts", query, "SELECT * FROM duckdb_log_contexts()"},
		{"enable_profiling", query, "SELECT * FROM enable_profiling()"},
		{"disable_profiling", query, "SELECT * FROM disable_profiling()"},
		{"duckdb_profiling_settings", query, "SELECT * FROM duckdb_profiling_settings()"},
		{"checkpoint", etl, "SELECT * FROM checkpoint()"},
		{"force_checkpoint", etl, "SELECT * FROM force_checkpoint()"},
		{"enable_peg_parser", query, "SELECT * FROM enable_peg_parser()"},
		{"disable_peg_parser", query, "SELECT * FROM disable_peg_parser()"},
		{"check_peg_parser", query, "SELECT * FROM check_peg_parser('SELECT 1')"},
		{"query", query, "SELECT * FROM query('SELECT * FROM enable_' || 'logging(''QueryLog'')')"},
		{"query_table", query, "SELECT * FROM query_table('duckdb_' || 'logs')"},
		{"json_execute_serialized_sql", query, "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))"},
		{"json_serialize_plan", query, "SELECT json_serialize_plan('SELECT 1')"},
		{"setseed", query, "SELECT setseed(0.5)"},
		{"duckdb_prepared_statements", query, "SELECT * FROM duckdb_prepared_statements()"},
		{"pg_prepared_statements", query, "SELECT * FROM pg_catalog.pg_prepared_statements"},
		{"arrow_scan", query, "SELECT * FROM arrow_scan(1, 2, 3)"},
		{"sleep_ms", query, "SELECT sleep_ms(10)"},
		{"internal function", query, "SELECT __internal_compress_string_utinyint('a')"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := pool.Grade(ctx, &tt.lab.Spec, tt.sql)
			if err != nil {
				t.Fatalf("Grade returned an error instead of a verdict: %v", err)
			}
			if v.Passed || v.ErrorKind != ErrKindRefused || !strings.Contains(v.Error, "not allowed in labs") {
				t.Fatalf("verdict = %+v, want a refusal", v)
			}
			if _, err := pool.Run(ctx, &tt.lab.Spec, tt.sql); err == nil {
				t.Errorf("run: no error, want a refusal")
			}
			ok, err := pool.Grade(ctx, &tt.lab.Spec, tt.lab.Solution)
			if err != nil || !ok.Passed {
				t.Fatalf("valid submission after %q: %+v, %v", tt.name, ok, err)
			}
			after, err := pool.Run(ctx, &query.Spec, settings)
			if err != nil {
				t.Fatal(err)
			}
			if !sameRows(before.Rows, after.Rows) {
				t.Errorf("the worker's settings changed")
			}
		})
	}
	if got := pool.Stats().Restarts; got != 0 {
		t.Errorf("restarts = %d, want 0: every call was refused before it ran", got)
	}
	if _, err := os.Stat("/tmp/ladder-log"); err == nil {
		t.Errorf("/tmp/ladder-log exists: a submission wrote a log file")
	}
}
