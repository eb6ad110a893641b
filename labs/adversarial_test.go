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
	query := testLab(t, "filter-sort-orders")
	etl := testLab(t, "clean-raw-orders-feed")
	quality := testLab(t, "duplicate-keys")
	big := strings.Repeat("-- padding to make the body large\n", 32<<10) + "SELECT 1"
	tests := []struct {
		name string
		lab  *Lab
		sql  string
		kind string // expected error kind; "" means any error kind
	}{
		{"read_csv passwd", query, "SELECT * FROM read_csv('/etc/passwd')", ErrKindSQL},
		{"read_csv_auto", query, "SELECT * FROM read_csv_auto('/etc/passwd')", ErrKindSQL},
		{"read_text", query, "SELECT * FROM read_text('/etc/passwd')", ErrKindSQL},
		{"read_blob", query, "SELECT * FROM read_blob('/etc/hostname')", ErrKindSQL},
		{"glob", query, "SELECT * FROM glob('/etc/*')", ErrKindSQL},
		{"read_parquet", query, "SELECT * FROM read_parquet('/etc/passwd')", ErrKindSQL},
		{"replacement scan", query, "SELECT * FROM '/etc/passwd'", ErrKindSQL},
		{"copy to", etl, "COPY (SELECT 1) TO '/tmp/ladder-leak.csv'", ErrKindRefused},
		{"copy from", etl, "CREATE TABLE x (a VARCHAR); COPY x FROM '/etc/passwd'", ErrKindRefused},
		{"export database", etl, "EXPORT DATABASE '/tmp/ladder-export'", ErrKindRefused},
		{"attach", etl, "ATTACH '/tmp/ladder.duckdb' AS x", ErrKindRefused},
		{"attach memory", query, "ATTACH ':memory:' AS x", ErrKindRefused},
		{"detach", etl, "DETACH memory", ErrKindRefused},
		{"install", etl, "INSTALL httpfs", ErrKindRefused},
		{"load", etl, "LOAD httpfs", ErrKindRefused},
		{"set", etl, "SET threads = 8", ErrKindRefused},
		{"set memory", query, "SET memory_limit = '100GB'", ErrKindRefused},
		{"reset", etl, "RESET memory_limit", ErrKindRefused},
		{"pragma", query, "PRAGMA version", ErrKindRefused},
		{"pragma in etl", etl, "PRAGMA enable_profiling", ErrKindRefused},
		{"call", quality, "CALL pragma_version()", ErrKindRefused},
		{"getenv", query, "SELECT getenv('HOME')", ErrKindSQL},
		{"transaction commit", etl, "COMMIT; CREATE TABLE kept (a INT)", ErrKindRefused},
		{"begin", etl, "BEGIN TRANSACTION", ErrKindRefused},
		{"checkpoint", etl, "CHECKPOINT", ErrKindRefused},
		{"persistent secret", etl, "CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')", ErrKindSQL},
		{"recursive cte forever", query, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t", ""},
		{"huge cross join", query, "SELECT count(*) FROM range(100000000) a, range(100000000) b", ""},
		{"repeat bomb", query, "SELECT length(repeat('x', 2000000000))", ""},
		{"list bomb", query, "SELECT list_sum(range(1000000000))", ""},
		{"giant result", query, "SELECT * FROM range(10000000)", ""},
		{"two statements", query, "SELECT 1; SELECT 2", ErrKindRefused},
		{"statement hidden after comment", query, "SELECT 1 -- harmless\n; ATTACH ':memory:' AS x", ErrKindRefused},
		{"empty", query, "", ErrKindRefused},
		{"comment only", query, "-- nothing here\n/* still nothing */", ErrKindRefused},
		{"whitespace only", quality, "  ;  ; ", ErrKindRefused},
		{"invalid utf8", query, "SELECT '\xff\xfe'", ErrKindRefused},
		{"1 MB body", query, big, ErrKindRefused},
		{"insert in query lab", query, "INSERT INTO shop.orders SELECT * FROM shop.orders", ErrKindRefused},
		{"ddl in quality lab", quality, "DROP TABLE shop.orders", ErrKindRefused},
		{"too many statements", etl, strings.Repeat("SELECT 1;", 60), ErrKindRefused},
	}
	if len(tests) < 30 {
		t.Fatalf("only %d hostile submissions", len(tests))
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := pool.Grade(ctx, &tt.lab.Spec, tt.sql)
			if err != nil {
				t.Fatalf("Grade returned an error instead of a verdict: %v", err)
			}
			if v.Passed || v.ErrorKind == "" || v.Error == "" {
				t.Fatalf("verdict = %+v, want an error verdict", v)
			}
			if tt.kind != "" && v.ErrorKind != tt.kind {
				t.Errorf("error kind = %q (%s), want %q", v.ErrorKind, v.Error, tt.kind)
			}
			// The next learner is unaffected.
			ok, err := pool.Grade(ctx, &tt.lab.Spec, tt.lab.Solution)
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
