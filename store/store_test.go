package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenAppliesMigrationsOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	want, err := loadMigrations(migrationFiles)
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

	// A second open must not re-run anything: re-running 001 would fail on
	// CREATE TABLE app_meta.
	s2, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	again, _ := s2.AppliedMigrations(ctx)
	if len(again) != len(want) {
		t.Fatalf("after reopen: %d migrations recorded, want %d", len(again), len(want))
	}
}

func TestPragmas(t *testing.T) {
	s := openTemp(t)
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

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	real, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, m := range real {
		files["migrations/"+m.Name] = &fstest.MapFile{Data: []byte(m.SQL)}
	}
	n := len(real)
	okName := fmt.Sprintf("%03d_ok.sql", n+1)
	badName := fmt.Sprintf("%03d_broken.sql", n+2)
	files["migrations/"+okName] = &fstest.MapFile{Data: []byte("CREATE TABLE widgets (id INTEGER PRIMARY KEY);")}
	files["migrations/"+badName] = &fstest.MapFile{Data: []byte("CREATE TABLE gadgets (id INTEGER PRIMARY KEY); INSERT INTO nowhere VALUES (1);")}
	err = s.migrate(ctx, files)
	if err == nil || !strings.Contains(err.Error(), badName) {
		t.Fatalf("migrate error = %v, want one naming %s", err, badName)
	}
	got, _ := s.AppliedMigrations(ctx)
	if len(got) != n+1 || got[n].Name != okName {
		t.Fatalf("recorded %v, want the real ones and %s only", got, okName)
	}
	var cnt int
	err = s.read.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'gadgets'").Scan(&cnt)
	if err != nil || cnt != 0 {
		t.Fatalf("table from the failed migration exists (n=%d, err=%v)", cnt, err)
	}
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
			_, err := loadMigrations(tt.files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want error containing %q", err, tt.want)
			}
		})
	}
}
