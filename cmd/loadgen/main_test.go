package main

import (
	"context"
	"io"
	"log/slog"
	"net"
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

// A small load run against a real server in this process: it must finish
// with no server errors other than deliberate busy answers, and every
// acknowledged submission must be stored with its verdict.
func TestLoadRun(t *testing.T) {
	ctx := context.Background()
	idx, err := content.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pool, err := labs.NewPool(labs.PoolOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
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
	defer srv.App().ShutdownWithTimeout(5 * time.Second)

	rep, err := Run(ctx, options{addr: "http://" + ln.Addr().String(), learners: 12, duration: 6 * time.Second, maxRequests: 5000, think: 100 * time.Millisecond, seed: 7})
	if err != nil {
		t.Fatal(err)
	}
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
	if _, err := Run(ctx, options{addr: "http://192.0.2.1:8080", learners: 1, duration: time.Second}); err == nil {
		t.Error("loadgen accepted a non-loopback target")
	}
}
