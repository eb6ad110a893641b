package labs

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a log sink the pool's goroutines may write to at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testLogger() (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewTextHandler(buf, nil)), buf
}

// Jobs on one lab share its warm datasets, whichever process and however
// many at once: after many concurrent gradings every lab was built once,
// and every verdict is what the lab's own tests say.
func TestPoolBuildsEachLabOnce(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 4, Processes: 2, Queue: 64})
	ids := []string{"filter-sort-orders", "clean-raw-orders-feed", "duplicate-keys", "customers-without-orders", "incremental-idempotent-load"}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan string, 200)
	callers := make(chan struct{}, 32) // fewer than the pool admits at once
	for round := 0; round < 4; round++ {
		for _, id := range ids {
			lab := testLab(t, id)
			cases := map[string]bool{lab.Solution: true}
			for _, tc := range lab.Tests {
				cases[tc.SQL] = tc.WantPass
			}
			for text, want := range cases {
				wg.Add(1)
				callers <- struct{}{}
				go func() {
					defer func() { <-callers; wg.Done() }()
					v, err := pool.Grade(ctx, &lab.Spec, text)
					if err != nil || v.Passed != want {
						errs <- id + ": " + mustJSON(t, v) + " " + errString(err)
					}
				}()
			}
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if got := pool.Stats().LabBuilds; got != int64(len(ids)) {
		t.Errorf("lab builds = %d, want %d: one per lab, not per worker or job", got, len(ids))
	}
	if got := pool.Stats().Restarts; got != 0 {
		t.Errorf("restarts = %d, want 0", got)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// Close waits for the jobs in flight: their callers get verdicts, not
// ErrClosed, and only then do the workers stop.
func TestPoolCloseWaitsForJobsInFlight(t *testing.T) {
	pool, err := NewPool(PoolOptions{Workers: 1, Timeout: 300 * time.Millisecond, Command: faultyCommand(t, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	lab := testLab(t, "filter-sort-orders")
	type result struct {
		v   *Verdict
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := pool.Grade(context.Background(), &lab.Spec, slowSQL)
		done <- result{v, err}
	}()
	waitFor(t, "the job to run", func() bool { return pool.Stats().Running == 1 })
	pool.Close()
	select {
	case r := <-done:
		if r.err != nil || r.v == nil || r.v.Passed || !strings.Contains(r.v.Error, "time limit") {
			t.Fatalf("the job in flight got %+v, %v; want its own time-out verdict", r.v, r.err)
		}
	default:
		t.Fatal("Close returned before the job in flight answered")
	}
	if _, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution); err != ErrClosed {
		t.Errorf("after Close: %v, want ErrClosed", err)
	}
}

// A worker lost while the pool closes is not replaced: no start after
// Close, and no worker process outlives it.
func TestPoolCloseDoesNotRestart(t *testing.T) {
	for i := 0; i < 5; i++ {
		pool := newTestPool(t, PoolOptions{Workers: 2, Processes: 2})
		var pids []int
		for _, w := range liveWorkers(pool) {
			pids = append(pids, w.pid)
		}
		syscall.Kill(pids[0], syscall.SIGKILL) // lost as Close runs
		pool.Close()
		restarts := pool.Stats().Restarts
		if live := liveWorkers(pool); len(live) > 0 && restarts > 0 {
			for _, w := range live {
				select {
				case <-w.exited:
				default:
					t.Fatalf("worker %d started after Close and still runs", w.pid)
				}
			}
		}
		for _, pid := range pids {
			if err := syscall.Kill(pid, 0); err == nil {
				if b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); !strings.Contains(string(b), ") Z ") {
					t.Fatalf("worker %d outlived Close", pid)
				}
			}
		}
	}
}

// Each answer decodes into a value of its own: fields of one answer never
// reach the next.
func TestPoolAnswersDecodeIntoTheirOwnValues(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	jobsR, jobsW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer jobsR.Close()
	p := &Pool{opts: PoolOptions{Logger: slog.Default()}}
	wk := &worker{answers: r, jobs: jobsW, lostCh: make(chan struct{}), pending: map[uint64]chan response{}, known: map[string]bool{}}
	first, second := make(chan response, 1), make(chan response, 1)
	wk.pending[1], wk.pending[2] = first, second
	go p.read(wk)
	w.WriteString(`{"id":1,"internal":"boom","tainted":"settings","builds":3,"refused":"no"}` + "\n")
	w.WriteString(`{"id":2,"verdict":{"lab":"x","passed":true}}` + "\n")
	if got := <-first; got.Internal != "boom" || got.Builds != 3 {
		t.Fatalf("first answer = %+v", got)
	}
	got := <-second
	if got.Internal != "" || got.Tainted != "" || got.Builds != 0 || got.Refused != "" || got.Verdict == nil || !got.Verdict.Passed {
		t.Errorf("second answer carries the first's fields: %+v", got)
	}
}

// Killing a worker is logged with the reason, and what a worker writes to
// stderr reaches the pool's log line by line.
func TestPoolLogsKillsAndWorkerStderr(t *testing.T) {
	log, buf := testLogger()
	newTestPool(t, PoolOptions{Workers: 1, Logger: log, Command: faultyCommand(t, "stderr", 1)})
	lab := testLab(t, "filter-sort-orders")
	waitFor(t, "the worker's stderr in the log", func() bool { return strings.Contains(buf.String(), "worker stderr line") })
	if !strings.Contains(buf.String(), `msg="grader worker says"`) {
		t.Errorf("stderr not logged through slog:\n%s", buf.String())
	}
	// A worker that never answers is killed at the deadline.
	hungLog, hungBuf := testLogger()
	hung := newTestPool(t, PoolOptions{Workers: 1, Timeout: 100 * time.Millisecond, Logger: hungLog, Command: faultyCommand(t, "hang", 1)})
	v, err := hung.Grade(context.Background(), &lab.Spec, lab.Solution)
	if err != nil || v.ErrorKind != ErrKindTimeout {
		t.Fatalf("verdict = %+v %v, want a time-out", v, err)
	}
	if !strings.Contains(hungBuf.String(), `msg="grader worker killed"`) || !strings.Contains(hungBuf.String(), "reason=deadline") {
		t.Errorf("the deadline kill is not logged:\n%s", hungBuf.String())
	}
	mem, memBuf := testLogger()
	small := newTestPool(t, PoolOptions{Workers: 1, Timeout: 20 * time.Second, MemoryLimit: 400 << 20, Logger: mem})
	if v, err := small.Grade(context.Background(), &lab.Spec, "SELECT length(repeat('x', 2000000000))"); err != nil || v.ErrorKind != ErrKindMemory {
		t.Fatalf("memory verdict = %+v %v", v, err)
	}
	if !strings.Contains(memBuf.String(), `msg="grader worker killed"`) || !strings.Contains(memBuf.String(), "reason=memory") {
		t.Errorf("the memory kill is not logged:\n%s", memBuf.String())
	}
}

// Labs share two instances, but a submission that reads catalog metadata
// sees its own lab's tables only, and nothing on the visible side can name
// a hidden dataset: the hidden catalogs live in the other instance.
func TestSharedInstancesKeepLabsApart(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	a, b := testLab(t, "duplicate-keys"), testLab(t, "filter-sort-orders")
	for _, l := range []*Lab{a, b} {
		if v, err := e.Grade(ctx, &l.Spec, l.Solution); err != nil || !v.Passed {
			t.Fatalf("%s: %+v %v", l.ID, v, err)
		}
	}
	tables, err := e.Describe(ctx, &a.Spec, 1)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, tb := range tables {
		want = append(want, tb.Name)
	}
	res, err := e.Run(ctx, &a.Spec, "SELECT CASE WHEN table_schema = 'main' THEN table_name ELSE table_schema || '.' || table_name END AS t FROM information_schema.tables ORDER BY table_schema = 'main' DESC, table_schema, table_name")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Rows {
		got = append(got, r[0].(string))
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("information_schema in lab %s lists %v, want its own tables %v", a.ID, got, want)
	}
	// The lab's catalog name, qualified, is its visible dataset.
	visibleCount, err := e.Run(ctx, &a.Spec, "SELECT count(*) FROM shop.orders")
	if err != nil {
		t.Fatal(err)
	}
	qualified, err := e.Run(ctx, &a.Spec, "SELECT count(*) FROM "+catalogName(a.Key)+".shop.orders")
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, qualified.Rows) != mustJSON(t, visibleCount.Rows) {
		t.Errorf("the qualified catalog reads %v, the visible dataset %v", qualified.Rows, visibleCount.Rows)
	}
	// Still one build per lab: the metadata query used a private copy.
	if got := e.builds.Load(); got != 2 {
		t.Errorf("cached builds = %d, want 2", got)
	}
}
