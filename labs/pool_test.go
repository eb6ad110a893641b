package labs

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestPoolGradesEveryKind(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2})
	ctx := context.Background()
	for _, id := range []string{"filter-sort-orders", "clean-raw-orders-feed", "duplicate-keys", "incremental-idempotent-load",
		"parse-csv-line", "test-batching-function"} {
		lab := testLab(t, id)
		v, err := pool.Grade(ctx, &lab.Spec, lab.Reference())
		if err != nil || !v.Passed {
			t.Errorf("%s reference: %+v %v", id, v, err)
		}
		for _, tc := range lab.Tests {
			v, err := pool.Grade(ctx, &lab.Spec, tc.SQL)
			if err != nil {
				t.Errorf("%s %s: %v", id, tc.Name, err)
				continue
			}
			if v.Passed != tc.WantPass {
				t.Errorf("%s %s: passed=%v, want passed=%v (%s)", id, tc.Name, v.Passed, tc.WantPass, v.Message)
			}
			if !v.Passed && v.Message == "" && v.Error == "" {
				t.Errorf("%s %s: failing verdict without feedback", id, tc.Name)
			}
		}
	}
}

// Many learners at once, each getting their own right verdict.
func TestPoolConcurrentVerdicts(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2, Queue: 64})
	lab := testLab(t, "customers-without-orders")
	var wrong string
	for _, tc := range lab.Tests {
		if !tc.WantPass {
			wrong = tc.SQL
			break
		}
	}
	if wrong == "" { // an empty submission fails as well, whatever the grader does
		t.Fatal("the lab has no failing test submission")
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sql, want := lab.Solution, true
			if i%2 == 1 {
				sql, want = wrong, false
			}
			v, err := pool.Grade(context.Background(), &lab.Spec, sql)
			if err != nil {
				errs <- err
				return
			}
			if v.Passed != want {
				errs <- errors.New("wrong verdict under concurrency: " + v.Message)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// A full queue answers busy at once instead of piling up memory.
func TestPoolBusy(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, Queue: 1, Timeout: 2 * time.Second})
	lab := testLab(t, "filter-sort-orders")
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ { // one running, one waiting
		wg.Add(1)
		go func() { defer wg.Done(); pool.Grade(context.Background(), &lab.Spec, slowSQL) }()
	}
	waitFor(t, "one job running and one waiting", func() bool { return pool.Stats().Running == 1 && pool.Stats().Waiting == 1 })
	_, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("third job: err = %v, want ErrBusy", err)
	}
	if pool.Stats().Busy != 1 {
		t.Errorf("busy count = %d, want 1", pool.Stats().Busy)
	}
	wg.Wait()
	v, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("after the queue drained: %+v %v", v, err)
	}
}

// A caller that goes away stops its job, and the pool recovers.
func TestPoolCancellation(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, Timeout: 10 * time.Second})
	lab := testLab(t, "filter-sort-orders")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := pool.Grade(ctx, &lab.Spec, slowSQL)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's deadline", err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("cancellation took %s", time.Since(start))
	}
	v, err := pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("after cancellation: %+v %v", v, err)
	}
}

// The memory cap kills a worker that DuckDB's own limit does not stop.
func TestPoolMemoryCap(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, Timeout: 20 * time.Second, MemoryLimit: 400 << 20})
	lab := testLab(t, "filter-sort-orders")
	v, err := pool.Grade(context.Background(), &lab.Spec, "SELECT length(repeat('x', 2000000000))")
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || v.ErrorKind != ErrKindMemory {
		t.Fatalf("verdict = %+v, want a memory verdict", v)
	}
	if pool.Stats().Restarts != 1 {
		t.Errorf("restarts = %d, want 1", pool.Stats().Restarts)
	}
	v, err = pool.Grade(context.Background(), &lab.Spec, lab.Solution)
	if err != nil || !v.Passed {
		t.Fatalf("after the kill: %+v %v", v, err)
	}
}

func TestPoolRunAndDescribe(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "filter-sort-orders")
	ctx := context.Background()
	res, err := pool.Run(ctx, &lab.Spec, "SELECT * FROM range(500) t(n)")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != RunRowLimit || !res.Truncated || len(res.Columns) != 1 || res.Columns[0] != "n" {
		t.Errorf("run: %d rows, truncated=%v, columns=%v", len(res.Rows), res.Truncated, res.Columns)
	}
	_, err = pool.Run(ctx, &lab.Spec, "SELECT nope FROM shop.orders")
	var sqlErr *SQLError
	if !errors.As(err, &sqlErr) || sqlErr.Statement != 1 {
		t.Errorf("run error = %v, want a SQLError at statement 1", err)
	}
	_, err = pool.Run(ctx, &lab.Spec, "ATTACH ':memory:' AS x")
	var ref *Refusal
	if !errors.As(err, &ref) {
		t.Errorf("run ATTACH: err = %v, want a refusal", err)
	}
	tables, err := pool.Describe(ctx, &lab.Spec)
	if err != nil || len(tables) == 0 {
		t.Fatalf("describe: %v %v", tables, err)
	}
	if tables[0].Name != "shop.orders" || len(tables[0].Columns) < 3 || len(tables[0].Sample) == 0 {
		t.Errorf("describe: %+v", tables[0])
	}
}

// A worker that keeps two labs warm evicts the least recently used one,
// rebuilds it when it comes back, and grades every lab right. The build
// count tells a warm lab from a rebuilt one without timing anything.
func TestPoolMaxLabs(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, MaxLabs: 2})
	ctx := context.Background()
	steps := []struct {
		lab    string
		builds int64 // LabBuilds after grading it
	}{
		{"filter-sort-orders", 1},
		{"duplicate-keys", 2},
		{"filter-sort-orders", 2},       // warm
		{"clean-raw-orders-feed", 3},    // evicts duplicate-keys, the least recently used
		{"filter-sort-orders", 3},       // still warm
		{"duplicate-keys", 4},           // rebuilt; evicts clean-raw-orders-feed
		{"clean-raw-orders-feed", 5},    // rebuilt; evicts filter-sort-orders
		{"customers-without-orders", 6}, // evicts duplicate-keys
		{"clean-raw-orders-feed", 6},    // warm
	}
	for i, step := range steps {
		lab := testLab(t, step.lab)
		v, err := pool.Grade(ctx, &lab.Spec, lab.Solution)
		if err != nil || !v.Passed {
			t.Fatalf("step %d, %s: %+v %v", i, step.lab, v, err)
		}
		if got := pool.Stats().LabBuilds; got != step.builds {
			t.Fatalf("step %d, %s: %d lab builds, want %d", i, step.lab, got, step.builds)
		}
	}
	// A restarted worker rebuilds everything, which would hide a broken
	// eviction behind the counts above.
	if got := pool.Stats().Restarts; got != 0 {
		t.Errorf("restarts = %d, want 0", got)
	}
}

func TestEngineEvictsLeastRecentlyUsed(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	e.SetMaxLabs(2)
	ctx := context.Background()
	ids := []string{"filter-sort-orders", "duplicate-keys", "filter-sort-orders", "customers-without-orders"}
	for _, id := range ids {
		lab := testLab(t, id)
		if v, err := e.Grade(ctx, &lab.Spec, lab.Solution); err != nil || !v.Passed {
			t.Fatalf("%s: %+v %v", id, v, err)
		}
	}
	if len(e.cache) != 2 {
		t.Fatalf("%d labs warm, want 2", len(e.cache))
	}
	if _, ok := e.cache[testLab(t, "filter-sort-orders").Key]; !ok {
		t.Error("the recently used lab was evicted")
	}
	if _, ok := e.cache[testLab(t, "duplicate-keys").Key]; ok {
		t.Error("the least recently used lab is still warm")
	}
}
