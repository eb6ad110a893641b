package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ladder/store"
	"ladder/store/pgtest"
)

// PostgreSQL unreachable at start: a message naming the URL without its
// password, exit status 1, and quickly, before any grader starts.
func TestServeWithUnreachablePostgres(t *testing.T) {
	const secret = "s3cret-pw"
	for _, tt := range []struct {
		name string
		args []string
		env  map[string]string
	}{
		{"flag", []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", t.TempDir(), "--database-url", "postgres://ladder:" + secret + "@127.0.0.1:1/ladder"}, nil},
		{"environment", []string{"--addr", "127.0.0.1:0", "--data-dir", t.TempDir()}, map[string]string{"PORTAL_DATABASE_URL": "postgres://ladder@127.0.0.1:1/ladder?password=" + secret}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			err := run(ctx, tt.args, envFrom(tt.env), nil, io.Discard, &stderr)
			if err == nil {
				t.Fatal("serve started without its database")
			}
			if code := exitCode(err); code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			msg := err.Error() + stderr.String()
			if strings.Contains(msg, secret) {
				t.Errorf("the message shows the password: %s", msg)
			}
			for _, w := range []string{"PostgreSQL", "postgres://ladder", "127.0.0.1:1/ladder"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestMigrateCommand(t *testing.T) {
	for _, tt := range []struct {
		engine string
		args   func(t *testing.T) []string
	}{
		{store.EngineSQLite, func(t *testing.T) []string { return []string{"--data-dir", t.TempDir()} }},
		{store.EnginePostgres, func(t *testing.T) []string { return []string{"--database-url", pgtest.NewDatabase(t)} }},
	} {
		t.Run(tt.engine, func(t *testing.T) {
			args := append([]string{"migrate"}, tt.args(t)...)
			out, code := runCLI(t, "", args...)
			if code != 0 || !strings.Contains(out, "applied 001_app_meta.sql") || !strings.Contains(out, tt.engine+" database") || !strings.Contains(out, "now at version") {
				t.Fatalf("first migrate: exit %d\n%s", code, out)
			}
			out, code = runCLI(t, "", args...)
			if code != 0 || strings.Contains(out, "applied ") || !strings.Contains(out, "up to date at version") {
				t.Fatalf("second migrate: exit %d\n%s", code, out)
			}
		})
	}
}

// With PostgreSQL, backup and restore name the tools that do the job.
func TestBackupRestoreWithPostgresNameThePgTools(t *testing.T) {
	url := "postgres://ladder:pw@127.0.0.1:1/ladder"
	for _, args := range [][]string{
		{"backup", "--database-url", url, filepath.Join(t.TempDir(), "b.db")},
		{"restore", "--database-url", url, filepath.Join(t.TempDir(), "b.db")},
	} {
		out, code := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(out, "pg_dump") || !strings.Contains(out, "pg_restore") {
			t.Errorf("%s: exit %d, want 2 naming pg_dump and pg_restore\n%s", args[0], code, out)
		}
	}
}

// serve on PostgreSQL: it migrates, is ready, reports its pool, and answers
// 503 on /readyz while the database refuses connections, then 200 again.
func TestServeOnPostgres(t *testing.T) {
	dbURL := pgtest.NewDatabase(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var logs bytes.Buffer
	dataDir := t.TempDir()
	srv := serveHere(t, []string{"--addr", addr, "--data-dir", dataDir}, map[string]string{"PORTAL_DATABASE_URL": dbURL}, &syncWriter{w: &logs})
	base := "http://" + addr
	status := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitStatus := func(path string, want int) {
		t.Helper()
		srv.waitFor(fmt.Sprintf("%s %d", path, want), 30*time.Second, func() bool { code, _ := status(path); return code == want })
	}
	waitStatus("/readyz", 200)
	if _, body := status("/metrics"); !strings.Contains(body, `ladder_db_open_connections{engine="postgres",pool="main"}`) ||
		!strings.Contains(body, `ladder_db_max_open_connections{engine="postgres",pool="main"} 10`) {
		t.Errorf("metrics lack the PostgreSQL pool:\n%s", grepLines(body, "ladder_db_"))
	}

	// The database refuses connections and ends the server's sessions.
	pgtest.SetReachable(t, dbURL, false)
	waitStatus("/readyz", 503)
	pgtest.SetReachable(t, dbURL, true)
	waitStatus("/readyz", 200)

	srv.stop()
	// The signing key is the database's, shared by every replica on it, not
	// a file only this one has.
	if _, err := os.Stat(filepath.Join(dataDir, jwtKeyFile)); err == nil {
		t.Errorf("serve on PostgreSQL wrote %s", jwtKeyFile)
	}
	st, err := store.OpenPostgres(context.Background(), dbURL, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if key, err := st.SigningKey(context.Background(), bytes.Repeat([]byte{9}, 32)); err != nil || bytes.Equal(key, bytes.Repeat([]byte{9}, 32)) {
		t.Errorf("no signing key kept in the database: %x, %v", key, err)
	}
	if !strings.Contains(logs.String(), "migration applied") || !strings.Contains(logs.String(), "database=postgres") {
		t.Errorf("the log does not show the migrations applied on PostgreSQL:\n%s", logs.String())
	}
}

func grepLines(text, word string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
