package labs

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

func row(vals ...any) Row {
	r := make(Row, len(vals))
	for i, v := range vals {
		r[i] = toValue(v)
	}
	return r
}

func res(cols []string, rows ...Row) Result { return Result{Columns: cols, Rows: rows} }

func TestCompare(t *testing.T) {
	ab := []string{"a", "b"}
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		expected  Result
		got       Result
		opt       CompareOptions
		wantEqual bool
		wantMsg   string // in the description; "" only for equal results
	}{
		{"same rows", res(ab, row(1, "x")), res(ab, row(1, "x")), CompareOptions{}, true, ""},
		{"unordered accepts another order", res(ab, row(1, "x"), row(2, "y")), res(ab, row(2, "y"), row(1, "x")), CompareOptions{}, true, ""},
		{"ordered rejects another order", res(ab, row(1, "x"), row(2, "y")), res(ab, row(2, "y"), row(1, "x")), CompareOptions{Ordered: true}, false, "first difference is at row 1"},
		{"ordered finds the first position", res(ab, row(1, "x"), row(2, "y"), row(3, "z")), res(ab, row(1, "x"), row(3, "z"), row(2, "y")), CompareOptions{Ordered: true}, false, "row 2"},
		{"multiset counts duplicates", res(ab, row(1, "x"), row(1, "x")), res(ab, row(1, "x")), CompareOptions{}, false, "1 expected row is missing"},
		{"extra row", res(ab, row(1, "x")), res(ab, row(1, "x"), row(9, "z")), CompareOptions{}, false, "(9, z)"},
		{"column count", res(ab, row(1, "x")), res([]string{"a"}, row(1)), CompareOptions{}, false, "has 1 column; the expected result has 2"},
		{"names ignored by default", res(ab, row(1, "x")), res([]string{"c", "d"}, row(1, "x")), CompareOptions{}, true, ""},
		{"names compared when asked", res(ab, row(1, "x")), res([]string{"a", "c"}, row(1, "x")), CompareOptions{ColumnNames: true}, false, "Column names differ"},
		{"names case-insensitive", res(ab, row(1, "x")), res([]string{"A", "B"}, row(1, "x")), CompareOptions{ColumnNames: true}, true, ""},
		{"int equals bigint equals double equals decimal", res([]string{"n"}, row(int32(3)), row(int64(3)), row(3.0)),
			res([]string{"n"}, row(duckdb.Decimal{Width: 10, Scale: 2, Value: big.NewInt(300)}), row(uint8(3)), row(big.NewInt(3))), CompareOptions{Tolerance: 1e-6}, true, ""},
		{"within tolerance", res([]string{"n"}, row(100.0)), res([]string{"n"}, row(100.00005)), CompareOptions{Tolerance: 1e-6}, true, ""},
		{"outside tolerance", res([]string{"n"}, row(100.0)), res([]string{"n"}, row(100.001)), CompareOptions{Tolerance: 1e-6}, false, "missing"},
		{"tolerance near zero uses 1", res([]string{"n"}, row(0.0)), res([]string{"n"}, row(0.0000005)), CompareOptions{Tolerance: 1e-6}, true, ""},
		{"zero tolerance is exact", res([]string{"n"}, row(1.0)), res([]string{"n"}, row(1.0000001)), CompareOptions{}, false, "should not be there, for example: (1.0000001)"},
		{"null equals null", res(ab, row(nil, "x")), res(ab, row(nil, "x")), CompareOptions{}, true, ""},
		{"null is not zero", res(ab, row(nil, "x")), res(ab, row(0, "x")), CompareOptions{}, false, "NULL"},
		{"null is not empty string", res(ab, row(1, nil)), res(ab, row(1, "")), CompareOptions{}, false, "should not be there, for example: (1, )"},
		{"strings exact", res([]string{"s"}, row("Seoul")), res([]string{"s"}, row("seoul")), CompareOptions{}, false, "should not be there, for example: (seoul)"},
		{"string is not a number", res([]string{"s"}, row("3")), res([]string{"s"}, row(3)), CompareOptions{}, false, "1 row should not be there"},
		{"date equals midnight timestamp", res([]string{"d"}, row(day)), res([]string{"d"}, row(day.In(time.FixedZone("KST", 9*3600)))), CompareOptions{}, true, ""},
		{"timestamps as instants", res([]string{"d"}, row(day)), res([]string{"d"}, row(day.Add(time.Second))), CompareOptions{}, false, "should not be there, for example: (2024-03-01 00:00:01)"},
		{"lists element by element", res([]string{"l"}, row([]any{1, 2.0})), res([]string{"l"}, row([]any{int64(1), 2})), CompareOptions{}, true, ""},
		{"lists differ in length", res([]string{"l"}, row([]any{1, 2})), res([]string{"l"}, row([]any{1, 2, 3})), CompareOptions{}, false, "should not be there, for example: ([1, 2, 3])"},
		{"list order matters", res([]string{"l"}, row([]any{1, 2})), res([]string{"l"}, row([]any{2, 1})), CompareOptions{}, false, "should not be there, for example: ([2, 1])"},
		{"structs by field", res([]string{"s"}, row(map[string]any{"a": 1, "b": "x"})), res([]string{"s"}, row(map[string]any{"B": "x", "A": 1.0})), CompareOptions{}, true, ""},
		{"structs with other fields", res([]string{"s"}, row(map[string]any{"a": 1})), res([]string{"s"}, row(map[string]any{"c": 1})), CompareOptions{}, false, "should not be there, for example: ({'c': 1})"},
		{"nested null in list", res([]string{"l"}, row([]any{nil, 1})), res([]string{"l"}, row([]any{nil, 1})), CompareOptions{}, true, ""},
		{"both empty", res(ab), res(ab), CompareOptions{}, true, ""},
		{"empty but expected rows", res(ab, row(1, "x")), res(ab), CompareOptions{}, false, "Expected 1 row, got 0"},
		{"rows but expected none", res(ab), res(ab, row(1, "x")), CompareOptions{}, false, "should not be there"},
		{"infinity is not a finite number", res([]string{"n"}, row(100.0)), res([]string{"n"}, row(math.Inf(1))), CompareOptions{Tolerance: 1e-6}, false, "missing"},
		{"finite number is not infinity", res([]string{"n"}, row(math.Inf(1))), res([]string{"n"}, row(100.0)), CompareOptions{Tolerance: 1e-6}, false, "missing"},
		{"infinity is not the largest double", res([]string{"n"}, row(math.MaxFloat64)), res([]string{"n"}, row(math.Inf(1))), CompareOptions{Tolerance: 1e-6}, false, "should not be there, for example: (+Inf)"},
		{"minus infinity is not a number", res([]string{"n"}, row(-5.0)), res([]string{"n"}, row(math.Inf(-1))), CompareOptions{Tolerance: 1e-6}, false, "should not be there, for example: (-Inf)"},
		{"infinity equals infinity", res([]string{"n"}, row(math.Inf(1))), res([]string{"n"}, row(float32(math.Inf(1)))), CompareOptions{Tolerance: 1e-6}, true, ""},
		{"infinities of other signs differ", res([]string{"n"}, row(math.Inf(1))), res([]string{"n"}, row(math.Inf(-1))), CompareOptions{Tolerance: 1e-6}, false, "should not be there, for example: (-Inf)"},
		{"nan equals nan", res([]string{"n"}, row(math.NaN())), res([]string{"n"}, row(math.NaN())), CompareOptions{Tolerance: 1e-6}, true, ""},
		{"nan is not a number", res([]string{"n"}, row(1.0)), res([]string{"n"}, row(math.NaN())), CompareOptions{Tolerance: 1e-6}, false, "should not be there, for example: (NaN)"},
		{"nan is not infinity", res([]string{"n"}, row(math.Inf(1))), res([]string{"n"}, row(math.NaN())), CompareOptions{Tolerance: 1e-6}, false, "should not be there, for example: (NaN)"},
		{"special numbers as a multiset", res([]string{"n"}, row(math.NaN()), row(math.Inf(1)), row(1.0), row(math.Inf(-1)), row(math.NaN())),
			res([]string{"n"}, row(1.0), row(math.NaN()), row(math.Inf(-1)), row(math.NaN()), row(math.Inf(1))), CompareOptions{Tolerance: 1e-6}, true, ""},
		{"infinities replacing numbers in a multiset", res([]string{"n"}, row(1.0), row(2.0), row(math.Inf(1))),
			res([]string{"n"}, row(math.Inf(1)), row(math.Inf(1)), row(math.Inf(1))), CompareOptions{Tolerance: 1e-6}, false, "2 expected rows are missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(tt.expected, tt.got, tt.opt)
			if d.Equal != tt.wantEqual {
				t.Fatalf("Equal = %v, want %v (%+v)", d.Equal, tt.wantEqual, d)
			}
			msg := d.Describe(false)
			switch {
			case tt.wantEqual && msg != "":
				t.Errorf("Describe = %q for equal results, want nothing", msg)
			case !tt.wantEqual && tt.wantMsg == "":
				t.Fatal("a row for unequal results must say what the description contains")
			case !strings.Contains(msg, tt.wantMsg):
				t.Errorf("Describe = %q, want it to contain %q", msg, tt.wantMsg)
			}
		})
	}
}

// On the hidden dataset the description never shows rows.
func TestDescribeHiddenShowsNoRows(t *testing.T) {
	d := Compare(res([]string{"a"}, row("secret-value-1")), res([]string{"a"}, row("secret-value-2")), CompareOptions{})
	msg := d.Describe(true)
	if strings.Contains(msg, "secret-value") || !strings.Contains(msg, "hidden dataset") {
		t.Errorf("hidden description = %q", msg)
	}
}

// FuzzCompare checks the comparator's invariants on arbitrary numbers and
// strings: a result equals itself and any reordering of itself.
func FuzzCompare(f *testing.F) {
	f.Add(1.5, "a", int64(3), 2.25, "b", int64(-1))
	f.Add(0.0, "", int64(0), -0.0, "", int64(0))
	f.Fuzz(func(t *testing.T, f1 float64, s1 string, i1 int64, f2 float64, s2 string, i2 int64) {
		cols := []string{"f", "s", "i"}
		a := res(cols, row(f1, s1, i1), row(f2, s2, i2))
		b := res(cols, row(f2, s2, i2), row(f1, s1, i1))
		opt := CompareOptions{Tolerance: DefaultTolerance}
		if d := Compare(a, a, CompareOptions{Ordered: true, Tolerance: DefaultTolerance}); !d.Equal {
			t.Fatalf("a result differs from itself: %+v", d)
		}
		if d := Compare(a, b, opt); !d.Equal {
			t.Fatalf("unordered comparison depends on order: %+v", d)
		}
		d := Compare(a, res(cols, row(f1, s1, i1)), opt)
		if d.Equal {
			t.Fatalf("dropping a row still compares equal")
		}
		_ = d.Describe(false)
	})
}

// compareValues is a total order on numbers, with the special values in
// fixed places, so the sort before the multiset merge is well defined.
func TestNumberOrderIsTotal(t *testing.T) {
	nums := []float64{math.Inf(-1), -math.MaxFloat64, -1e300, -1, 0, 1e-9, 1, 1e300, math.MaxFloat64, math.Inf(1), math.NaN()}
	for i, a := range nums {
		for j, b := range nums {
			got := compareValues(floatValue(a), floatValue(b), DefaultTolerance)
			want := cmpInt(int64(i), int64(j))
			if (a == 0 && b == 1e-9) || (a == 1e-9 && b == 0) {
				want = 0 // finite and within the tolerance
			}
			if got != want {
				t.Errorf("compareValues(%v, %v) = %d, want %d", a, b, got, want)
			}
		}
	}
}
