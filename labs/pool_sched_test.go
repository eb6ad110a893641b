package labs

import (
	"context"
	"errors"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// liveWorkers are the pool's running worker processes.
func liveWorkers(p *Pool) []*worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []*worker
	for _, pr := range p.procs {
		if pr.w != nil {
			out = append(out, pr.w)
		}
	}
	return out
}

// A worker that dies while idle is replaced at once, and the next job is
// graded normally instead of meeting a dead worker.
func TestPoolReplacesDeadIdleWorker(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "filter-sort-orders")
	idle := liveWorkers(pool)
	if len(idle) != 1 {
		t.Fatalf("%d idle workers, want 1", len(idle))
	}
	dead := idle[0].pid
	if err := syscall.Kill(dead, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the dead worker to be replaced", func() bool {
		w := liveWorkers(pool)
		return pool.Stats().Restarts == 1 && len(w) == 1 && w[0].pid != dead
	})
	v, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("after the restart: %+v %v", v, err)
	}
	if got := pool.Stats().Restarts; got != 1 {
		t.Errorf("restarts = %d, want 1", got)
	}
}

// A job whose worker dies under it, or answers with an internal error, is
// tried again on a fresh worker and graded; the learner never sees it.
func TestPoolRetriesOnFreshWorker(t *testing.T) {
	for _, fault := range []string{"die", "internal"} {
		t.Run(fault, func(t *testing.T) {
			pool := newTestPool(t, PoolOptions{Workers: 1, Command: faultyCommand(t, fault, 1)})
			lab := testLab(t, "filter-sort-orders")
			v, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution)
			if err != nil || !v.Passed {
				t.Fatalf("grade on a worker that fails (%s): %+v %v, want a pass from the retry", fault, v, err)
			}
			if got := pool.Stats().Restarts; got != 1 {
				t.Errorf("restarts = %d, want 1", got)
			}
		})
	}
}

// A job that loses its worker twice is an error, not a verdict that could
// be stored against the learner.
func TestPoolWorkerLostTwiceIsAnError(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, Command: faultyCommand(t, "die", 2)})
	lab := testLab(t, "filter-sort-orders")
	v, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if !errors.Is(err, ErrWorkerLost) || v != nil {
		t.Fatalf("grade = %+v, %v; want no verdict and ErrWorkerLost", v, err)
	}
	if _, err := pool.Run(context.Background(), &lab.Spec, "SELECT 1"); err != nil {
		t.Fatalf("the third worker is healthy: %v", err)
	}
	if got := pool.Stats().Restarts; got != 2 {
		t.Errorf("restarts = %d, want 2", got)
	}
}

// Whatever the worker prints on stdout (DuckDB's stdout logging, say) is
// not read as an answer: the protocol has pipes of its own.
func TestPoolIgnoresWorkerStdout(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, Command: faultyCommand(t, "stdout", 100)})
	lab := testLab(t, "filter-sort-orders")
	v, err := pool.Grade(context.Background(), &lab.Spec, "SELECT 1, 2, 3, 4, 5")
	if err != nil || v.Passed || strings.Contains(v.Message, "forged") || v.ErrorKind != "" {
		t.Fatalf("wrong answer on a worker that prints: %+v %v", v, err)
	}
	v, err = pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("reference on a worker that prints: %+v %v", v, err)
	}
	if got := pool.Stats().Restarts; got != 0 {
		t.Errorf("restarts = %d, want 0", got)
	}
}

// A job that changes a setting anyway (here a lab's own incident, which
// the denylist does not screen) gets its worker replaced, and the next
// job sees the sandbox's settings.
func TestPoolReplacesWorkerWithChangedSettings(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "duplicate-keys")
	ctx := context.Background()
	settings := "SELECT name, value FROM duckdb_settings() ORDER BY name"
	before, err := pool.Run(ctx, &lab.Spec, settings)
	if err != nil {
		t.Fatal(err)
	}
	spec := lab.Spec
	spec.Key += "-logging"
	spec.Incidents = append(append([]Incident(nil), spec.Incidents...), Incident{Name: "logging", SQL: "SELECT * FROM enable_logging('QueryLog')"})
	v, err := pool.Grade(ctx, &spec, lab.Solution)
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || v.ErrorKind != ErrKindRefused || !strings.Contains(v.Error, "enable_logging") {
		t.Errorf("verdict = %+v, want a refusal naming the changed setting", v)
	}
	waitFor(t, "the worker to be replaced", func() bool { return pool.Stats().Restarts == 1 && len(liveWorkers(pool)) == 1 })
	after, err := pool.Run(ctx, &lab.Spec, settings)
	if err != nil {
		t.Fatal(err)
	}
	if !sameRows(before.Rows, after.Rows) {
		t.Errorf("settings after the replacement differ from the sandbox's")
	}
	if ok, err := pool.Grade(ctx, &lab.Spec, lab.Solution); err != nil || !ok.Passed {
		t.Errorf("next grading: %+v %v", ok, err)
	}
}

func sameRows(a, b [][]any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// Waiting jobs are served one caller after another: a caller with a burst
// of jobs cannot push another caller's job to the back of the queue.
func TestPoolServesCallersRoundRobin(t *testing.T) {
	var mu sync.Mutex
	var order []string
	pool := newTestPool(t, PoolOptions{Workers: 1, Queue: 16, Timeout: 30 * time.Second, dispatched: func(c Caller) {
		mu.Lock()
		order = append(order, c.Key)
		mu.Unlock()
	}})
	lab := testLab(t, "filter-sort-orders")
	a := Caller{Key: "user:1", SignedIn: true}
	b := Caller{Key: "user:2", SignedIn: true}
	slow, stop := context.WithCancel(WithCaller(context.Background(), a))
	defer stop()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	grade := func(ctx context.Context, sqlText string, wantPass bool) {
		defer wg.Done()
		v, err := pool.Grade(ctx, &lab.Spec, sqlText)
		switch {
		case !wantPass:
		case err != nil:
			errs <- err
		case !v.Passed:
			errs <- errors.New("a queued job failed: " + v.Message)
		}
	}
	wg.Add(1)
	go grade(slow, slowSQL, false)
	waitFor(t, "the slow job to run", func() bool { return pool.Stats().Running == 1 })
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go grade(WithCaller(context.Background(), a), lab.Solution, true)
	}
	waitFor(t, "four jobs of caller a to wait", func() bool { return pool.Stats().Waiting == 4 })
	wg.Add(1)
	go grade(WithCaller(context.Background(), b), lab.Solution, true)
	waitFor(t, "caller b's job to wait", func() bool { return pool.Stats().Waiting == 5 })
	stop() // frees the worker: the waiting jobs run one at a time
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{"user:1", "user:1", "user:2", "user:1", "user:1", "user:1"}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("dispatch order = %v, want %v (b's job second, not last)", order, want)
	}
}

// Anonymous jobs never hold the workers kept for signed-in learners, nor
// more than their share of the queue.
func TestPoolKeepsWorkersForSignedIn(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2, Queue: 4, Timeout: 30 * time.Second})
	if got := pool.Stats().Reserved; got != 1 {
		t.Fatalf("reserved = %d, want 1 of 2 workers", got)
	}
	lab := testLab(t, "filter-sort-orders")
	anon, stop := context.WithCancel(context.Background())
	defer stop()
	var wg sync.WaitGroup
	for _, ip := range []string{"ip:10.0.0.1", "ip:10.0.0.2", "ip:10.0.0.2"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pool.Grade(WithCaller(anon, Caller{Key: ip}), &lab.Spec, slowSQL)
		}()
	}
	waitFor(t, "one anonymous job running and two waiting", func() bool {
		s := pool.Stats()
		return s.RunningAnonymous == 1 && s.Running == 1 && s.Waiting == 2
	})
	// The anonymous share of the queue is full; a signed-in learner is
	// still admitted and graded on the kept worker.
	if _, err := pool.Grade(WithCaller(context.Background(), Caller{Key: "ip:10.0.0.3"}), &lab.Spec, lab.Solution); !errors.Is(err, ErrBusy) {
		t.Errorf("a fourth anonymous job: err = %v, want ErrBusy", err)
	}
	for i := 0; i < 2; i++ {
		v, err := pool.Grade(WithCaller(context.Background(), Caller{Key: "user:7", SignedIn: true}), &lab.Spec, lab.Solution)
		if err != nil || !v.Passed {
			t.Fatalf("signed-in learner while anonymous jobs wait: %+v %v", v, err)
		}
	}
	if s := pool.Stats(); s.RunningAnonymous != 1 || s.Waiting != 2 {
		t.Errorf("stats = %+v, want the anonymous jobs still held to one worker", s)
	}
	stop()
	wg.Wait()
}

// With one worker nothing can be kept: anonymous callers share it.
func TestPoolSingleWorkerServesAnonymous(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "filter-sort-orders")
	if got := pool.Stats().Reserved; got != 0 {
		t.Fatalf("reserved = %d, want 0", got)
	}
	v, err := pool.Grade(WithCaller(context.Background(), Caller{Key: "ip:10.0.0.1"}), &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("anonymous on a single worker: %+v %v", v, err)
	}
}
