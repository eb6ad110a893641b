package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"ladder/content"
	"ladder/domain"
	"ladder/handlers"
	"ladder/labs"
	"ladder/labs/labstest"
	"ladder/store"
)

func TestMain(m *testing.M) { labstest.Main(m) }

// startPortal serves a real portal in this process on its own SQLite
// database, sharing the catalog and the grader pool, and returns its base
// URL.
func startPortal(t *testing.T, idx *content.Index, cat *labs.Catalog, pool *labs.Pool) string {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := handlers.New(handlers.Options{Options: domain.Options{Store: st, Content: idx, Labs: cat, Grader: pool,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, JWTKey: []byte("load-test-key-of-at-least-32-bytes"), BaseURL: "http://localhost", Limits: handlers.Limits{AuthPerIP: 100000}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.App().Listener(ln)
	t.Cleanup(func() { srv.App().ShutdownWithTimeout(5 * time.Second) })
	return "http://" + ln.Addr().String()
}

func loadCatalog(t *testing.T) (*content.Index, *labs.Catalog, *labs.Pool) {
	t.Helper()
	idx, err := content.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatal(err)
	}
	pool, err := labs.NewPool(labs.PoolOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.Close() })
	return idx, cat, pool
}

// checkSound fails unless a run had no server errors other than deliberate
// busy answers, no network errors, and every acknowledged submission
// stored with its verdict.
func checkSound(t *testing.T, rep *Report) {
	t.Helper()
	for code, n := range rep.Statuses {
		if code >= 500 && code != 503 {
			t.Errorf("%d answers with status %d", n, code)
		}
	}
	if rep.NetErrors > 0 {
		t.Errorf("%d network errors", rep.NetErrors)
	}
	if rep.Acked == 0 || rep.Lost > 0 || rep.Mismatched > 0 || rep.Verified != rep.Acked {
		t.Errorf("submissions: %d acknowledged, %d verified, %d lost, %d with another verdict", rep.Acked, rep.Verified, rep.Lost, rep.Mismatched)
	}
	for _, route := range []string{"signup", "login", "guide", "lab_run", "lab_submit", "dashboard"} {
		if len(rep.Routes[route]) == 0 {
			t.Errorf("no %s requests", route)
		}
	}
}

// A small load run against a real server in this process: it must finish
// with no server errors other than deliberate busy answers, and every
// acknowledged submission must be stored with its verdict.
func TestLoadRun(t *testing.T) {
	ctx := context.Background()
	idx, cat, pool := loadCatalog(t)
	base := startPortal(t, idx, cat, pool)
	rep, err := Run(ctx, options{addr: base, learners: 12, duration: 6 * time.Second, maxRequests: 5000, think: 100 * time.Millisecond, seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	checkSound(t, rep)
	if len(rep.Bases) != 1 || rep.Bases[0].URL != base || rep.Bases[0].Requests != int(rep.Requests) || rep.Bases[0].Learners != 12 {
		t.Errorf("one base: %+v, want %s with all %d requests and 12 learners", rep.Bases[0], base, rep.Requests)
	}
	var out bytes.Buffer
	rep.print(&out)
	if strings.Contains(out.String(), "per base") || strings.Contains(out.String(), "peak RSS") {
		t.Errorf("the report of one base without -pid changed:\n%s", out.String())
	}
	if _, err := Run(ctx, options{addr: "http://192.0.2.1:8080", learners: 1, duration: time.Second}); err == nil {
		t.Error("loadgen accepted a non-loopback target")
	}
}

// Two bases: the learners are split round-robin and each keeps to its
// base. The two servers have databases of their own, so a request sent to
// the other base would carry a session that base never made and get 401.
func TestLoadRunOverTwoBases(t *testing.T) {
	ctx := context.Background()
	idx, cat, pool := loadCatalog(t)
	bases := []string{startPortal(t, idx, cat, pool), startPortal(t, idx, cat, pool)}
	pid := os.Getpid()
	rep, err := Run(ctx, options{addr: bases[0] + ", " + bases[1], learners: 7, duration: 6 * time.Second, maxRequests: 5000,
		think: 100 * time.Millisecond, seed: 3, pids: []int{pid, pid}})
	if err != nil {
		t.Fatal(err)
	}
	checkSound(t, rep)
	if n := rep.Statuses[401]; n > 0 {
		t.Errorf("%d answers 401: some learner's request went to the other base", n)
	}
	if len(rep.Bases) != 2 {
		t.Fatalf("%d bases reported, want 2", len(rep.Bases))
	}
	total := 0
	routes := map[string]int{}
	for i, b := range rep.Bases {
		wantLearners := []int{4, 3}[i] // learners 0, 2, 4, 6 and 1, 3, 5
		if b.URL != bases[i] || b.Learners != wantLearners || b.Routes["signup"] != wantLearners || b.Routes["login"] != wantLearners {
			t.Errorf("base %d: %s with %d learners, %d signups, %d logins; want %s with %d of each", i, b.URL, b.Learners, b.Routes["signup"], b.Routes["login"], bases[i], wantLearners)
		}
		if len(b.Grading["lab_submit"]) == 0 || len(b.Grading["lab_run"]) == 0 {
			t.Errorf("base %d: no grading latencies: %d runs, %d submissions", i, len(b.Grading["lab_run"]), len(b.Grading["lab_submit"]))
		}
		total += b.Requests
		for r, n := range b.Routes {
			routes[r] += n
		}
	}
	if total != int(rep.Requests) {
		t.Errorf("the bases sent %d requests, the run counted %d", total, rep.Requests)
	}
	for r, d := range rep.Routes {
		if routes[r] != len(d) {
			t.Errorf("route %s: %d answers over the bases, %d in all", r, routes[r], len(d))
		}
	}
	if len(rep.Servers) != 2 || rep.Servers[0].PeakRSS <= 0 || rep.PeakRSS != rep.Servers[0].PeakRSS+rep.Servers[1].PeakRSS {
		t.Errorf("memory of two pids: %+v, sum %d", rep.Servers, rep.PeakRSS)
	}
	var out bytes.Buffer
	rep.print(&out)
	for _, w := range []string{"per base:", bases[0], bases[1], "lab_submit p50/p99 ms", "peak RSS of all 2:"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("the report lacks %q:\n%s", w, out.String())
		}
	}

	for _, addr := range []string{bases[0] + ",http://192.0.2.1:8080", bases[0] + "," + bases[0]} {
		if _, err := Run(ctx, options{addr: addr, learners: 1, duration: time.Second}); err == nil {
			t.Errorf("loadgen accepted -addr %s", addr)
		}
	}
}

func TestParsePIDs(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
		ok   bool
	}{
		{"", nil, true},
		{"123", []int{123}, true},
		{"123, 456", []int{123, 456}, true},
		{"123,x", nil, false},
		{"0", nil, false},
	} {
		got, err := parsePIDs(tt.in)
		if (err == nil) != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("parsePIDs(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
