package labs

import (
	"context"
	"testing"
	"time"
)

// In-process grading, without the worker round trip: the difference to
// BenchmarkGrade* is the cost of process isolation.
func benchEngine(b *testing.B, id string) {
	lab := testLab(b, id)
	e := NewEngine(DefaultLimits)
	defer e.Close()
	ctx := context.Background()
	if v, err := e.Grade(ctx, &lab.Spec, lab.Solution); err != nil || !v.Passed {
		b.Fatalf("warm-up: %+v %v", v, err)
	}
	var lat latencies
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		v, err := e.Grade(ctx, &lab.Spec, lab.Solution)
		lat.add(time.Since(t0))
		if err != nil || !v.Passed {
			b.Fatalf("grade: %+v %v", v, err)
		}
	}
	lat.report(b, time.Since(start))
}

func BenchmarkEngineQuerySmall(b *testing.B) { benchEngine(b, "filter-sort-orders") }
func BenchmarkEngineQuery4000(b *testing.B)  { benchEngine(b, "sessionize-clickstream") }
