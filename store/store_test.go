package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"ladder/store/pgtest"
)

func TestOpenAppliesMigrationsOnce(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		s := db.open(t, Options{})
		want, err := loadMigrations(migrationFiles, s.dialect.migrations)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.AppliedMigrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("applied %d migrations, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].Version != want[i].Version || got[i].Name != want[i].Name {
				t.Errorf("migration %d: got %d %s, want %d %s", i, got[i].Version, got[i].Name, want[i].Version, want[i].Name)
			}
		}
		s.Close()

		// A second open must not re-run anything: re-running 001 would fail
		// on CREATE TABLE app_meta.
		s2 := db.open(t, Options{SkipMigrations: true})
		again, err := s2.Migrate(ctx)
		if err != nil || len(again) != 0 {
			t.Fatalf("Migrate on an up-to-date database applied %v, %v; want nothing", again, err)
		}
		recorded, _ := s2.AppliedMigrations(ctx)
		if len(recorded) != len(want) {
			t.Fatalf("after reopen: %d migrations recorded, want %d", len(recorded), len(want))
		}
	})
}

// Both engines' migration folders hold the same numbers and names, so a
// database is at the same version on either engine after the same file.
func TestMigrationSetsMatch(t *testing.T) {
	lite, err := loadMigrations(migrationFiles, sqliteDialect.migrations)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := loadMigrations(migrationFiles, postgresDialect.migrations)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []Migration) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.Name)
		}
		return out
	}
	if got, want := strings.Join(names(pg), " "), strings.Join(names(lite), " "); got != want {
		t.Errorf("migrations/postgres holds\n  %s\nbut migrations holds\n  %s\nwrite the PostgreSQL text of each SQLite migration under the same name", got, want)
	}
}

// Two migrators start at once on one empty database; each migration is
// applied exactly once and both open. On PostgreSQL the test holds the
// migration lock until both are seen waiting for it, so they truly race.
func TestConcurrentMigratorsApplyEachOnce(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		var release func()
		var holder *Store
		if db.engine == EnginePostgres {
			holder = db.open(t, Options{SkipMigrations: true})
			conn, err := holder.write.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			unlock, err := advisoryLock(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			release = unlock
		}
		type result struct {
			s   *Store
			err error
		}
		results := make(chan result, 2)
		for range 2 {
			go func() {
				s, err := db.openErr(ctx, Options{})
				results <- result{s, err}
			}()
		}
		if release != nil {
			waitFor(t, "both migrators waiting for the lock", func() bool {
				return advisoryWaiters(t, holder) == 2
			})
			release()
		}
		for range 2 {
			r := <-results
			if r.err != nil {
				t.Fatalf("a migrator failed: %v", r.err)
			}
			r.s.Close()
		}
		s := db.open(t, Options{SkipMigrations: true})
		want, _ := loadMigrations(migrationFiles, s.dialect.migrations)
		var rows, distinct int
		if err := s.read.QueryRowContext(ctx, "SELECT count(*), count(DISTINCT version) FROM schema_migrations").Scan(&rows, &distinct); err != nil {
			t.Fatal(err)
		}
		if rows != len(want) || distinct != len(want) {
			t.Errorf("schema_migrations has %d rows for %d versions, want %d of each", rows, distinct, len(want))
		}
	})
}

// advisoryWaiters counts the sessions waiting for an advisory lock in the
// store's database.
func advisoryWaiters(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	err := s.read.QueryRowContext(context.Background(), `SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
		WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitFor polls cond until it holds, and fails the test after a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// The migration lock's wait is bounded: a replica stuck holding it stops
// the start of the next with a message instead of hanging it.
func TestMigrationLockWaitIsBounded(t *testing.T) {
	ctx := context.Background()
	db := testDB{engine: EnginePostgres, url: pgtest.NewDatabase(t)}
	holder := db.open(t, Options{SkipMigrations: true})
	conn, err := holder.write.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	unlock, err := advisoryLock(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = db.openErr(ctx, Options{MigrationLockWait: 200 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "migration lock") {
		t.Fatalf("open while another holds the lock: %v, want a migration lock error", err)
	}
}

func TestPragmas(t *testing.T) {
	s := testDB{engine: EngineSQLite, dir: t.TempDir()}.open(t, Options{})
	ctx := context.Background()
	for name, want := range map[string]string{
		"journal_mode": "wal",
		"foreign_keys": "1",
		"busy_timeout": "5000",
	} {
		got, err := s.Pragma(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", name, got, want)
		}
	}
	if _, err := s.Pragma(ctx, "writable_schema"); err == nil {
		t.Error("Pragma accepted a name outside its allow-list")
	}
}

// tableExists asks the engine's catalog whether a table exists.
func tableExists(t *testing.T, s *Store, name string) bool {
	t.Helper()
	q := "SELECT count(*) FROM sqlite_master WHERE name = ?"
	if s.dialect.name == EnginePostgres {
		q = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
	}
	var n int
	if err := s.read.QueryRowContext(context.Background(), q, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		dir := s.dialect.migrations
		real, err := loadMigrations(migrationFiles, dir)
		if err != nil {
			t.Fatal(err)
		}
		files := fstest.MapFS{}
		for _, m := range real {
			files[dir+"/"+m.Name] = &fstest.MapFile{Data: []byte(m.SQL)}
		}
		n := len(real)
		okName := fmt.Sprintf("%03d_ok.sql", n+1)
		badName := fmt.Sprintf("%03d_broken.sql", n+2)
		files[dir+"/"+okName] = &fstest.MapFile{Data: []byte("CREATE TABLE widgets (id INTEGER PRIMARY KEY);")}
		files[dir+"/"+badName] = &fstest.MapFile{Data: []byte("CREATE TABLE gadgets (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);")}
		done, err := s.migrate(ctx, files)
		if err == nil || !strings.Contains(err.Error(), badName) {
			t.Fatalf("migrate error = %v, want one naming %s", err, badName)
		}
		if len(done) != 1 || done[0].Name != okName {
			t.Errorf("migrate reports %v applied, want %s only", done, okName)
		}
		got, _ := s.AppliedMigrations(ctx)
		if len(got) != n+1 || got[n].Name != okName {
			t.Fatalf("recorded %v, want the real ones and %s only", got, okName)
		}
		if !tableExists(t, s, "widgets") || tableExists(t, s, "gadgets") {
			t.Fatalf("widgets exists: %v, gadgets (from the failed migration) exists: %v; want only widgets",
				tableExists(t, s, "widgets"), tableExists(t, s, "gadgets"))
		}
	})
}

func TestMigrationNumbering(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"gap", fstest.MapFS{"migrations/001_a.sql": {}, "migrations/003_c.sql": {}}, "expected number 2"},
		{"no number", fstest.MapFS{"migrations/init.sql": {}}, "must start with a positive number"},
		{"duplicate", fstest.MapFS{"migrations/001_a.sql": {}, "migrations/001_b.sql": {}}, "expected number 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadMigrations(tt.files, "migrations")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want error containing %q", err, tt.want)
			}
		})
	}
}

// A transaction whose context ends before it commits reports the context's
// error, which callers answer with 503, not database/sql's bare
// "transaction has already been committed or rolled back".
func TestCommitAfterTheContextEndedNamesTheContext(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx, cancel := context.WithCancel(context.Background())
		err := s.runTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO app_meta (key, value) VALUES ('late', 'x')`); err != nil {
				return err
			}
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("commit after the context ended: %v, want it to wrap context.Canceled", err)
		}
		var n int
		if err := s.read.QueryRowContext(context.Background(), `SELECT count(*) FROM app_meta WHERE key = 'late'`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("the transaction's row: %d, %v; want it rolled back", n, err)
		}
	})
}
