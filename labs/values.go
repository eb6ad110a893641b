package labs

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// kind orders value kinds for sorting; numbers of every SQL type share one.
type kind uint8

const (
	kNull kind = iota
	kBool
	kNum
	kStr
	kTime
	kInterval
	kList
	kStruct
	kMap
)

// Value is a result cell reduced to what the grading rules compare: numbers
// by value whatever their SQL type, dates and timestamps as instants, lists
// and structs element by element.
type Value struct {
	K kind
	N float64  // kNum
	S string   // kStr; for kNum the exact text, for display
	B bool     // kBool
	T int64    // kTime: microseconds since the Unix epoch
	I [3]int64 // kInterval: months, days, microseconds
	L []Value  // kList items; kStruct field values; kMap keys and values, alternating
	F []string // kStruct field names, lower case, sorted
}

// toValue converts what the DuckDB driver returns into a Value.
func toValue(v any) Value {
	switch x := v.(type) {
	case nil:
		return Value{K: kNull}
	case bool:
		return Value{K: kBool, B: x}
	case int8:
		return intValue(int64(x))
	case int16:
		return intValue(int64(x))
	case int32:
		return intValue(int64(x))
	case int64:
		return intValue(x)
	case int:
		return intValue(int64(x))
	case uint8:
		return uintValue(uint64(x))
	case uint16:
		return uintValue(uint64(x))
	case uint32:
		return uintValue(uint64(x))
	case uint64:
		return uintValue(x)
	case float32:
		return floatValue(float64(x))
	case float64:
		return floatValue(x)
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return Value{K: kNum, N: f, S: x.String()}
	case duckdb.Decimal:
		r := new(big.Rat).SetFrac(x.Value, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(x.Scale)), nil))
		f, _ := r.Float64()
		return Value{K: kNum, N: f, S: r.FloatString(int(x.Scale))}
	case string:
		return Value{K: kStr, S: x}
	case []byte:
		return Value{K: kStr, S: "\\x" + hex.EncodeToString(x)}
	case time.Time:
		return Value{K: kTime, T: x.UnixMicro(), S: formatTime(x)}
	case duckdb.Interval:
		return Value{K: kInterval, I: [3]int64{int64(x.Months), int64(x.Days), x.Micros}}
	case []any:
		out := Value{K: kList, L: make([]Value, len(x))}
		for i, e := range x {
			out.L[i] = toValue(e)
		}
		return out
	case map[string]any:
		names := make([]string, 0, len(x))
		lower := map[string]string{}
		for k := range x {
			names = append(names, strings.ToLower(k))
			lower[strings.ToLower(k)] = k
		}
		sort.Strings(names)
		out := Value{K: kStruct, F: names, L: make([]Value, len(names))}
		for i, n := range names {
			out.L[i] = toValue(x[lower[n]])
		}
		return out
	case duckdb.OrderedMap:
		keys, vals := x.Keys(), x.Values()
		pairs := make([][2]Value, len(keys))
		for i := range keys {
			pairs[i] = [2]Value{toValue(keys[i]), toValue(vals[i])}
		}
		sort.Slice(pairs, func(i, j int) bool { return compareValues(pairs[i][0], pairs[j][0], 0) < 0 })
		out := Value{K: kMap}
		for _, p := range pairs {
			out.L = append(out.L, p[0], p[1])
		}
		return out
	case duckdb.Union:
		return toValue(x.Value)
	case duckdb.UUID:
		return Value{K: kStr, S: x.String()}
	case fmt.Stringer:
		return Value{K: kStr, S: x.String()}
	}
	return Value{K: kStr, S: fmt.Sprint(v)}
}

func intValue(i int64) Value   { return Value{K: kNum, N: float64(i), S: strconv.FormatInt(i, 10)} }
func uintValue(u uint64) Value { return Value{K: kNum, N: float64(u), S: strconv.FormatUint(u, 10)} }
func floatValue(f float64) Value {
	return Value{K: kNum, N: f, S: strconv.FormatFloat(f, 'g', -1, 64)}
}

func formatTime(t time.Time) string {
	t = t.UTC()
	switch {
	case t.Year() == 1 && t.YearDay() == 1:
		return t.Format("15:04:05.999999")
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05.999999")
}

// numbersEqual is the contract's rule: |a-b| <= tol * max(1, |a|, |b|) for
// finite numbers. The tolerance must not touch infinities, where
// tol * max(...) is itself infinite and so would match any number: an
// infinity equals only the same infinity, and NaN only NaN.
func numbersEqual(a, b, tol float64) bool {
	if numRank(a) != 1 || numRank(b) != 1 {
		return numRank(a) == numRank(b)
	}
	return a == b || math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// numRank places the special numbers in one total order, -Inf < finite <
// +Inf < NaN (NaN last, as DuckDB sorts it), so sorting for the multiset
// merge agrees with numbersEqual.
func numRank(f float64) int {
	switch {
	case math.IsNaN(f):
		return 3
	case math.IsInf(f, 1):
		return 2
	case math.IsInf(f, -1):
		return 0
	}
	return 1
}

// compareValues orders two values and returns 0 when they are equal under
// the grading rules. Values of different kinds never compare equal.
func compareValues(a, b Value, tol float64) int {
	if a.K != b.K {
		return cmpInt(int64(a.K), int64(b.K))
	}
	switch a.K {
	case kNull:
		return 0
	case kBool:
		switch {
		case a.B == b.B:
			return 0
		case !a.B:
			return -1
		}
		return 1
	case kNum:
		if ra, rb := numRank(a.N), numRank(b.N); ra != rb {
			return cmpInt(int64(ra), int64(rb))
		}
		switch {
		case numbersEqual(a.N, b.N, tol):
			return 0
		case a.N < b.N:
			return -1
		}
		return 1
	case kStr:
		return strings.Compare(a.S, b.S)
	case kTime:
		return cmpInt(a.T, b.T)
	case kInterval:
		for i := range a.I {
			if c := cmpInt(a.I[i], b.I[i]); c != 0 {
				return c
			}
		}
		return 0
	case kStruct:
		for i := 0; i < len(a.F) && i < len(b.F); i++ {
			if c := strings.Compare(a.F[i], b.F[i]); c != 0 {
				return c
			}
		}
		if c := cmpInt(int64(len(a.F)), int64(len(b.F))); c != 0 {
			return c
		}
	}
	// lists, struct values and map entries: element by element
	for i := 0; i < len(a.L) && i < len(b.L); i++ {
		if c := compareValues(a.L[i], b.L[i], tol); c != 0 {
			return c
		}
	}
	return cmpInt(int64(len(a.L)), int64(len(b.L)))
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String shows a value the way a SQL client would.
func (v Value) String() string {
	switch v.K {
	case kNull:
		return "NULL"
	case kBool:
		return strconv.FormatBool(v.B)
	case kNum, kStr, kTime:
		return v.S
	case kInterval:
		return fmt.Sprintf("%d months %d days %d us", v.I[0], v.I[1], v.I[2])
	case kList:
		parts := make([]string, len(v.L))
		for i, e := range v.L {
			parts[i] = e.quoted()
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case kStruct:
		parts := make([]string, len(v.L))
		for i, e := range v.L {
			parts[i] = "'" + v.F[i] + "': " + e.quoted()
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case kMap:
		parts := make([]string, 0, len(v.L)/2)
		for i := 0; i+1 < len(v.L); i += 2 {
			parts = append(parts, v.L[i].quoted()+"="+v.L[i+1].quoted())
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return ""
}

func (v Value) quoted() string {
	if v.K == kStr || v.K == kTime {
		return "'" + v.S + "'"
	}
	return v.String()
}

// JSON returns the value for a JSON API answer: numbers stay numbers with
// their exact digits, nested values stay nested.
func (v Value) JSON() any {
	switch v.K {
	case kNull:
		return nil
	case kBool:
		return v.B
	case kNum:
		if math.IsInf(v.N, 0) || math.IsNaN(v.N) {
			return v.S
		}
		return json.Number(v.S)
	case kList:
		out := make([]any, len(v.L))
		for i, e := range v.L {
			out[i] = e.JSON()
		}
		return out
	case kStruct:
		out := make(map[string]any, len(v.F))
		for i, f := range v.F {
			out[f] = v.L[i].JSON()
		}
		return out
	}
	return v.String()
}

// Row is one result row.
type Row []Value

func compareRows(a, b Row, tol float64) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := compareValues(a[i], b[i], tol); c != 0 {
			return c
		}
	}
	return cmpInt(int64(len(a)), int64(len(b)))
}

// examples shows a row in feedback, each value cut to MaxExampleChars.
func (r Row) examples() []string {
	out := make([]string, len(r))
	for i, v := range r {
		out[i] = cut(v.String(), MaxExampleChars)
	}
	return out
}
