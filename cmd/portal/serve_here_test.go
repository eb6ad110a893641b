package main

import (
	"context"
	"io"
	"testing"
	"time"
)

// served is `portal serve` running inside the test's own process.
type served struct {
	t      *testing.T
	cancel context.CancelFunc
	done   chan error
}

// serveHere runs serve with args and env until stop or the test's end.
func serveHere(t *testing.T, args []string, env map[string]string, stderr io.Writer) *served {
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{t: t, cancel: cancel, done: make(chan error, 1)}
	go func() { s.done <- run(ctx, append([]string{"serve"}, args...), envFrom(env), nil, io.Discard, stderr) }()
	t.Cleanup(cancel)
	return s
}

// waitFor polls cond until it holds, failing the test when the wait runs
// out or serve returns first.
func (s *served) waitFor(what string, within time.Duration, cond func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		select {
		case err := <-s.done:
			s.t.Fatalf("serve returned %v while waiting for %s", err, what)
		default:
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%s: not within %s", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// running fails the test if serve has returned.
func (s *served) running(when string) {
	s.t.Helper()
	select {
	case err := <-s.done:
		s.t.Fatalf("serve returned %s: %v", when, err)
	default:
	}
}

// stop cancels serve, as SIGINT and SIGTERM do, and waits for it to
// return; an error or a hang fails the test.
func (s *served) stop() {
	s.t.Helper()
	s.cancel()
	select {
	case err := <-s.done:
		if err != nil {
			s.t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		s.t.Fatal("serve did not stop within 30s")
	}
}
