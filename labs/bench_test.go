package labs

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"
)

// Run with: GOMAXPROCS=2 go test ./labs -run '^$' -bench . -benchtime 400x
// Each benchmark reports the median and p99 latency and gradings per second
// besides Go's mean ns/op.

type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) { l.mu.Lock(); l.d = append(l.d, d); l.mu.Unlock() }

func (l *latencies) report(b *testing.B, elapsed time.Duration) {
	sort.Slice(l.d, func(i, j int) bool { return l.d[i] < l.d[j] })
	if len(l.d) == 0 {
		return
	}
	pct := func(p float64) float64 {
		return float64(l.d[int(p*float64(len(l.d)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(l.d))/elapsed.Seconds(), "gradings/s")
}

func benchGrade(b *testing.B, id string) {
	lab := testLab(b, id)
	pool := newTestPool(b, PoolOptions{Workers: 1})
	ctx := context.Background()
	measureGrading(b, func() (*Verdict, error) { return pool.Grade(ctx, &lab.Spec, lab.Solution) })
}

// measureGrading warms the grader up once, then times b.N passing gradings.
func measureGrading(b *testing.B, grade func() (*Verdict, error)) {
	if v, err := grade(); err != nil || !v.Passed { // builds the cached datasets
		b.Fatalf("warm-up: %+v %v", v, err)
	}
	var lat latencies
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		v, err := grade()
		lat.add(time.Since(t0))
		if err != nil || !v.Passed {
			b.Fatalf("grade: %+v %v", v, err)
		}
	}
	lat.report(b, time.Since(start))
}

func BenchmarkGradeQuerySmall(b *testing.B)    { benchGrade(b, "filter-sort-orders") }
func BenchmarkGradeQuery4000(b *testing.B)     { benchGrade(b, "sessionize-clickstream") }
func BenchmarkGradeETL(b *testing.B)           { benchGrade(b, "clean-raw-orders-feed") }
func BenchmarkGradeQuality(b *testing.B)       { benchGrade(b, "duplicate-keys") }
func BenchmarkGradeETLIdempotent(b *testing.B) { benchGrade(b, "incremental-idempotent-load") }

// BenchmarkGradeParallel is throughput with a worker per CPU and many
// concurrent learners grading the small query lab.
func BenchmarkGradeParallel(b *testing.B) {
	lab := testLab(b, "filter-sort-orders")
	pool := newTestPool(b, PoolOptions{Queue: 256})
	ctx := context.Background()
	for i := 0; i < 4; i++ {
		pool.Grade(ctx, &lab.Spec, lab.Solution)
	}
	var lat latencies
	b.SetParallelism(4)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			t0 := time.Now()
			v, err := pool.Grade(ctx, &lab.Spec, lab.Solution)
			lat.add(time.Since(t0))
			if err != nil || !v.Passed {
				b.Errorf("grade: %+v %v", v, err)
				return
			}
		}
	})
	lat.report(b, time.Since(start))
}

// The bare cost: the reference query once on a warm connection, in process.
// Grading latency divided by this is the grader's overhead ratio.
func benchBare(b *testing.B, id string) {
	lab := testLab(b, id)
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	st, err := e.hold(ctx, &lab.Spec)
	if err != nil {
		b.Fatal(err)
	}
	defer e.unhold(st)
	j, err := e.checkout(ctx, st, false)
	if err != nil {
		b.Fatal(err)
	}
	defer j.release()
	db := j.datasets[0].db
	text := SplitStatements(lab.Solution)[0].Text
	var lat latencies
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := db.trustedQuery(ctx, text, DefaultLimits().MaxRows); err != nil {
			b.Fatal(err)
		}
		lat.add(time.Since(t0))
	}
	lat.report(b, time.Since(start))
}

func BenchmarkBareQuerySmall(b *testing.B) { benchBare(b, "filter-sort-orders") }
func BenchmarkBareQuery4000(b *testing.B)  { benchBare(b, "sessionize-clickstream") }
