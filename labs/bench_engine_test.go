package labs

import (
	"context"
	"testing"
)

// In-process grading, without the worker round trip: the difference to
// BenchmarkGrade* is the cost of process isolation.
func benchEngine(b *testing.B, id string) {
	lab := testLab(b, id)
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	measureGrading(b, func() (*Verdict, error) { return e.Grade(ctx, &lab.Spec, lab.Solution) })
}

func BenchmarkEngineQuerySmall(b *testing.B) { benchEngine(b, "filter-sort-orders") }
func BenchmarkEngineQuery4000(b *testing.B)  { benchEngine(b, "sessionize-clickstream") }
