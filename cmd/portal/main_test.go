package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestHelpListsCommands(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--help"}, envFrom(nil), nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"serve", "help", "the default"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("help lacks %q:\n%s", w, out.String())
		}
	}
	err := run(context.Background(), []string{"frobnicate"}, envFrom(nil), nil, io.Discard, io.Discard)
	if err == nil || exitCode(err) != 2 {
		t.Errorf("unknown command: err=%v code=%d, want exit 2", err, exitCode(err))
	}
}

func TestServeConfig(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		check   func(config) string
		wantErr string
	}{
		{name: "defaults", check: func(c config) string {
			if c.Addr != ":8080" || c.DataDir != "./data" || c.LogFormat != "text" || c.ContentDir != "" || len(c.LabsDirs) != 0 {
				return "unexpected defaults"
			}
			return ""
		}},
		{name: "environment", env: map[string]string{"PORTAL_ADDR": "127.0.0.1:9000", "PORTAL_LABS_DIR": dir + ":" + dir, "PORTAL_LOG_FORMAT": "json"},
			check: func(c config) string {
				if c.Addr != "127.0.0.1:9000" || len(c.LabsDirs) != 2 || c.LogFormat != "json" {
					return "environment not applied"
				}
				return ""
			}},
		{name: "flags win over environment", args: []string{"--addr", ":9100", "--labs-dir", dir}, env: map[string]string{"PORTAL_ADDR": ":9000", "PORTAL_LABS_DIR": "/nonexistent"},
			check: func(c config) string {
				if c.Addr != ":9100" || len(c.LabsDirs) != 1 || c.LabsDirs[0] != dir {
					return "flags did not win"
				}
				return ""
			}},
		{name: "bad addr", args: []string{"--addr", "8080"}, wantErr: `addr "8080"`},
		{name: "bad log format", env: map[string]string{"PORTAL_LOG_FORMAT": "xml"}, wantErr: `log-format "xml"`},
		{name: "bad base url", args: []string{"--base-url", "localhost"}, wantErr: `base-url "localhost"`},
		{name: "missing content dir", args: []string{"--content-dir", filepath.Join(dir, "nope")}, wantErr: "content-dir"},
		{name: "missing labs dir", args: []string{"--labs-dir", filepath.Join(dir, "nope")}, wantErr: "labs-dir"},
		{name: "stray argument", args: []string{"extra"}, wantErr: "unexpected argument"},
		{name: "grader settings", env: map[string]string{"PORTAL_GRADER_QUEUE": "1", "PORTAL_GRADER_CACHE_LABS": "8", "PORTAL_AUTH_RATE": "500"},
			check: func(c config) string {
				if c.Queue != 1 || c.CacheLabs != 8 || c.AuthRate != 500 {
					return "grader settings not applied"
				}
				return ""
			}},
		{name: "bad queue", args: []string{"--grader-queue", "-2"}, wantErr: "grader-queue"},
		{name: "bad cache size", env: map[string]string{"PORTAL_GRADER_CACHE_LABS": "lots"}, wantErr: "grader-cache-labs"},
		{name: "bad auth rate", args: []string{"--auth-rate", "0"}, wantErr: "auth-rate"},
		{name: "trusted proxies", env: map[string]string{"PORTAL_TRUSTED_PROXIES": "10.0.0.5, 192.168.0.0/16,"},
			check: func(c config) string {
				if strings.Join(c.Proxies, " ") != "10.0.0.5 192.168.0.0/16" {
					return fmt.Sprintf("trusted proxies %q, want 10.0.0.5 and 192.168.0.0/16", c.Proxies)
				}
				return ""
			}},
		{name: "bad trusted proxy", args: []string{"--trusted-proxies", "10.0.0.5,lb.internal"}, wantErr: `trusted-proxies "lb.internal"`},
		{name: "database url", env: map[string]string{"PORTAL_DATABASE_URL": "postgres://ladder:pw@db:5432/ladder"},
			check: func(c config) string {
				if c.DBURL != "postgres://ladder:pw@db:5432/ladder" {
					return "database url not applied"
				}
				return ""
			}},
		{name: "database url on a unix socket", args: []string{"--database-url", "postgres://ladder@/ladder?host=/run/postgresql"},
			check: func(c config) string {
				if c.DBURL == "" {
					return "database url not applied"
				}
				return ""
			}},
		{name: "bad database url", args: []string{"--database-url", "mysql://ladder:pw@db/ladder"}, wantErr: "database-url mysql://ladder:xxxxx@db/ladder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			c, err := parseServeConfig(tt.args, envFrom(tt.env), fs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(c); msg != "" {
				t.Errorf("%s: %+v", msg, c)
			}
		})
	}
}

// Serve starts, answers, and on cancellation (what SIGINT and SIGTERM do)
// finishes a request in flight before it returns.
func TestServeShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var logs bytes.Buffer
	srv := serveHere(t, []string{"--addr", addr, "--data-dir", t.TempDir()}, nil, &syncWriter{w: &logs})
	base := "http://" + addr
	srv.waitFor("/healthz 200", 20*time.Second, func() bool {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	resp, err := http.Get(base + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	srv.stop()
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

type syncWriter struct {
	w io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) { return s.w.Write(p) }
