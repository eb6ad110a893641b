package labs

import (
	"bytes"
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

// toValue converts what the DuckDB driver returns into a Value when the
// column's type is not known.
func toValue(v any) Value { return convert(v, nil) }

// convert turns what the DuckDB driver returns into a Value. The column's
// type, when known, decides how the value is shown: a DATE and a midnight
// TIMESTAMP are both a time.Time to the driver, yet DuckDB prints one as
// 2024-03-01 and the other as 2024-03-01 00:00:00. It never changes how a
// value compares.
func convert(v any, t *colType) Value {
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
		return Value{K: kNum, N: float64(x), S: formatFloat(float64(x), 32)}
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
		if t.is("UUID") && len(x) == 16 {
			return Value{K: kStr, S: fmt.Sprintf("%x-%x-%x-%x-%x", x[0:4], x[4:6], x[6:8], x[8:10], x[10:16])}
		}
		return Value{K: kStr, S: "\\x" + hex.EncodeToString(x)}
	case time.Time:
		return Value{K: kTime, T: x.UnixMicro(), S: formatTimeAs(x, t)}
	case duckdb.Interval:
		return Value{K: kInterval, I: [3]int64{int64(x.Months), int64(x.Days), x.Micros}}
	case []any:
		out := Value{K: kList, L: make([]Value, len(x))}
		for i, e := range x {
			out.L[i] = convert(e, t.element())
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
			out.L[i] = convert(x[lower[n]], t.field(n))
		}
		return out
	case duckdb.OrderedMap:
		keys, vals := x.Keys(), x.Values()
		pairs := make([][2]Value, len(keys))
		var kt, vt *colType
		if t != nil {
			kt, vt = t.key, t.val
		}
		for i := range keys {
			pairs[i] = [2]Value{convert(keys[i], kt), convert(vals[i], vt)}
		}
		sort.Slice(pairs, func(i, j int) bool { return compareValues(pairs[i][0], pairs[j][0], 0) < 0 })
		out := Value{K: kMap}
		for _, p := range pairs {
			out.L = append(out.L, p[0], p[1])
		}
		return out
	case duckdb.Union:
		return convert(x.Value, t.field(strings.ToLower(x.Tag)))
	case duckdb.UUID:
		return Value{K: kStr, S: x.String()}
	case fmt.Stringer:
		return Value{K: kStr, S: x.String()}
	}
	return Value{K: kStr, S: fmt.Sprint(v)}
}

func intValue(i int64) Value     { return Value{K: kNum, N: float64(i), S: strconv.FormatInt(i, 10)} }
func uintValue(u uint64) Value   { return Value{K: kNum, N: float64(u), S: strconv.FormatUint(u, 10)} }
func floatValue(f float64) Value { return Value{K: kNum, N: f, S: formatFloat(f, 64)} }

// formatFloat shows a DOUBLE or a FLOAT as DuckDB prints it: the shortest
// digits that read back as the same number, with a ".0" on whole numbers
// and an exponent only for very large or very small ones (120.0, 0.1,
// 1e+16). Infinities and NaN keep Go's names, which the feedback has
// always used.
func formatFloat(f float64, bits int) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, bits)
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	exp := int(math.Floor(math.Log10(math.Abs(f))))
	if exp < -4 || exp >= 16 {
		return strconv.FormatFloat(f, 'e', -1, bits)
	}
	s := strconv.FormatFloat(f, 'f', -1, bits)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// formatTimeAs shows a date or time value by its column type, as DuckDB
// prints it: a DATE as a day, a TIMESTAMP always with its time of day (a
// midnight one too), fractions of a second only when there are some. An
// unknown type falls back to guessing from the value.
func formatTimeAs(x time.Time, t *colType) string {
	if t == nil {
		return formatTime(x)
	}
	x = x.UTC()
	switch t.name {
	case "DATE":
		return x.Format("2006-01-02")
	case "TIME":
		return x.Format("15:04:05.999999")
	case "TIMETZ":
		return x.Format("15:04:05.999999-07")
	case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS":
		return x.Format("2006-01-02 15:04:05.999999")
	case "TIMESTAMP_NS":
		return x.Format("2006-01-02 15:04:05.999999999")
	case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE":
		return x.Format("2006-01-02 15:04:05.999999-07")
	}
	return formatTime(x)
}

// formatTime guesses how to show a time value whose column type is unknown.
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
		return formatInterval(v.I)
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

// formatInterval shows an INTERVAL as DuckDB prints it: years, months and
// days in words, then the time of day when there is one (1 year 2 months
// 3 days 04:05:06; 00:00:00 when it is empty).
func formatInterval(iv [3]int64) string {
	months, days, micros := iv[0], iv[1], iv[2]
	var parts []string
	unit := func(n int64, one, many string) {
		switch {
		case n == 1 || n == -1:
			parts = append(parts, strconv.FormatInt(n, 10)+" "+one)
		case n != 0:
			parts = append(parts, strconv.FormatInt(n, 10)+" "+many)
		}
	}
	unit(months/12, "year", "years")
	unit(months%12, "month", "months")
	unit(days, "day", "days")
	if micros != 0 || len(parts) == 0 {
		sign := ""
		if micros < 0 {
			sign, micros = "-", -micros
		}
		s := fmt.Sprintf("%s%02d:%02d:%02d", sign, micros/3_600_000_000, micros/60_000_000%60, micros/1_000_000%60)
		if frac := micros % 1_000_000; frac != 0 {
			s += strings.TrimRight(fmt.Sprintf(".%06d", frac), "0")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// CellText shows a cell of a run result or a schema sample (a value in its
// JSON form, see Value.JSON) exactly as Value.String shows the value in
// feedback, so a learner sees 120.00 and 2024-03-01 00:00:00 the same way
// everywhere.
func CellText(v any) string { return cellText(v, false) }

func cellText(v any, nested bool) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return string(x)
	case float64: // a cell decoded without UseNumber: keep it readable
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		if nested {
			return "'" + x + "'"
		}
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cellText(e, true)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		names := make([]string, 0, len(x))
		for k := range x {
			names = append(names, k)
		}
		sort.Strings(names)
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = "'" + n + "': " + cellText(x[n], true)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// UnmarshalJSON reads a run result back from a grader worker keeping every
// number's exact digits: decoded into float64, DECIMAL(10,2)'s 120.00
// would come back as 120.
func (r *RunResult) UnmarshalJSON(b []byte) error {
	type plain RunResult
	return decodeNumbers(b, (*plain)(r))
}

// UnmarshalJSON reads a described table keeping its sample's exact digits,
// as RunResult's does.
func (t *Table) UnmarshalJSON(b []byte) error {
	type plain Table
	return decodeNumbers(b, (*plain)(t))
}

func decodeNumbers(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}
