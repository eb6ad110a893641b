package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"ladder/store/pgtest"
)

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT * FROM users WHERE id = ?", "SELECT * FROM users WHERE id = $1"},
		{"INSERT INTO t (a, b, c) VALUES (?, ?, ?)", "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)"},
		{"SELECT '?' , ? FROM t WHERE x = 'it''s ?' AND y = ?", "SELECT '?' , $1 FROM t WHERE x = 'it''s ?' AND y = $2"},
		{`SELECT "odd?name" FROM t WHERE a = ?`, `SELECT "odd?name" FROM t WHERE a = $1`},
		{"SELECT ? -- why?\nFROM t WHERE a = ?", "SELECT $1 -- why?\nFROM t WHERE a = $2"},
		{"SELECT /* which? */ ? FROM t", "SELECT /* which? */ $1 FROM t"},
		{"SELECT ? -- a comment that ends the text?", "SELECT $1 -- a comment that ends the text?"},
		{"SELECT 'unterminated ?", "SELECT 'unterminated ?"},
		{"SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?", "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11"},
	}
	for _, tt := range tests {
		if got := rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://ladder:s3cret@db.example:5432/ladder", "postgres://ladder:xxxxx@db.example:5432/ladder"},
		{"postgres://ladder@db/ladder?sslmode=require", "postgres://ladder@db/ladder?sslmode=require"},
		{"postgresql://db/ladder?user=u&password=s3cret", "postgresql://db/ladder?password=xxxxx&user=u"},
		{"host=db password=s3cret", "(unparsable database URL)"},
	}
	for _, tt := range tests {
		if got := RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An unreachable server is an error that names the URL without its
// password.
func TestOpenPostgresUnreachable(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{
		"postgres://ladder:s3cret@127.0.0.1:1/ladder",
		"postgres://ladder@127.0.0.1:1/ladder?password=s3cret&connect_timeout=5",
	} {
		_, err := OpenPostgres(ctx, u, Options{})
		if err == nil {
			t.Fatalf("OpenPostgres(%s) succeeded", RedactURL(u))
		}
		if msg := err.Error(); strings.Contains(msg, "s3cret") || !strings.Contains(msg, "127.0.0.1:1") {
			t.Errorf("error %q: want the host named and the password left out", msg)
		}
	}
	if _, err := OpenPostgres(ctx, "mysql://u:s3cret@h/db", Options{}); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("a non-PostgreSQL URL: %v, want an error without the password", err)
	}
}

// Stored times are fixed-width, so the text order SQL uses (max, ORDER BY)
// is time order even within one second, on both engines.
func TestStoredTimesSortAsTimes(t *testing.T) {
	base := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	times := []time.Time{base, base.Add(500 * time.Millisecond), base.Add(time.Nanosecond), base.Add(time.Second), base.Add(-time.Nanosecond)}
	texts := make([]string, len(times))
	for i, at := range times {
		texts[i] = formatTime(at)
		if back := parseTime(texts[i]); !back.Equal(at) {
			t.Errorf("parseTime(%q) = %v, want %v", texts[i], back, at)
		}
	}
	sort.Strings(texts)
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	for i := range times {
		if texts[i] != formatTime(times[i]) {
			t.Fatalf("text order %v differs from time order", texts)
		}
	}
	eachStore(t, func(t *testing.T, s *Store) {
		u := mustUser(t, s, "t@example.com", RoleLearner)
		// The later attempt is half a second into the same second.
		subs := []Submission{{UserID: u.ID, LabID: "l", CreatedAt: base.Add(500 * time.Millisecond)}, {UserID: u.ID, LabID: "l", CreatedAt: base}}
		if err := s.SaveSubmissions(context.Background(), subs); err != nil {
			t.Fatal(err)
		}
		ev, err := s.Evidence(context.Background(), []int64{u.ID})
		if err != nil {
			t.Fatal(err)
		}
		if got := ev[u.ID].LastActivity; !got.Equal(subs[0].CreatedAt) {
			t.Errorf("last activity = %v, want %v", got, subs[0].CreatedAt)
		}
	})
}

// Text compares bytewise on PostgreSQL as on SQLite even in a database
// whose own collation does not: here ICU's English, which puts "a" before
// "B" and ignores punctuation at first.
func TestTextComparesBytewise(t *testing.T) {
	run := func(t *testing.T, db testDB) {
		ctx := context.Background()
		s := db.open(t, Options{})
		mentor := mustUser(t, s, "m@example.com", RoleMentor)
		co, err := s.CreateCohort(ctx, mentor.ID, "c")
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range []string{"b", "a", "_x", "B"} {
			u, err := s.CreateUser(ctx, User{Email: fmt.Sprintf("l%d@example.com", i), PasswordHash: "x", DisplayName: name, Role: RoleLearner}, AuditSignup, "")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.AddMember(ctx, co.ID, u.ID); err != nil {
				t.Fatal(err)
			}
		}
		members, err := s.Members(ctx, co.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range members {
			got = append(got, m.DisplayName)
		}
		if want := "B _x a b"; strings.Join(got, " ") != want {
			t.Errorf("members by name = %v, want the bytewise order %s", got, want)
		}
	}
	t.Run(EngineSQLite, func(t *testing.T) { run(t, testDB{engine: EngineSQLite, dir: t.TempDir()}) })
	t.Run(EnginePostgres, func(t *testing.T) {
		run(t, testDB{engine: EnginePostgres, url: pgtest.NewDatabase(t, "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'")})
	})
}

// What only SQLite has says so on PostgreSQL instead of half working; the
// pool is reported with its engine.
func TestPostgresOnlyOperations(t *testing.T) {
	ctx := context.Background()
	s := testDB{engine: EnginePostgres, url: pgtest.NewDatabase(t)}.open(t, Options{})
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "b.db")); !errors.Is(err, ErrUsePgTools) || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("Backup on PostgreSQL: %v, want ErrUsePgTools naming pg_dump", err)
	}
	if _, err := s.Pragma(ctx, "journal_mode"); err == nil {
		t.Error("Pragma on PostgreSQL succeeded")
	}
	if err := s.CheckIntegrity(ctx); err == nil {
		t.Error("CheckIntegrity on PostgreSQL succeeded")
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	stats := s.Stats()
	if len(stats) != 1 || stats[0].Engine != EnginePostgres || stats[0].MaxOpenConnections != PostgresMaxConns || stats[0].OpenConnections < 1 {
		t.Errorf("Stats() = %+v, want one postgres pool of at most %d connections, open", stats, PostgresMaxConns)
	}
	if s.Engine() != EnginePostgres || strings.Contains(s.Path(), "password") {
		t.Errorf("Engine %q, Path %q", s.Engine(), s.Path())
	}
}
