package labs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCut(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven chars", 10, "eleven ch…"},
		{"한국어 텍스트입니다", 5, "한국어 …"},
	}
	for _, tt := range tests {
		if got := cut(tt.in, tt.n); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if got := cut(tt.in, tt.n); utf8.RuneCountInString(got) > tt.n {
			t.Errorf("cut(%q, %d) has %d runes", tt.in, tt.n, utf8.RuneCountInString(got))
		}
	}
}

// verdictTexts are a verdict's message and error, English then Korean.
func verdictTexts(v *Verdict) []string {
	out := []string{v.Message, v.Error}
	if v.Korean != nil {
		out = append(out, v.Korean.Message, v.Korean.Error)
	}
	return out
}

func verdictSize(t *testing.T, v *Verdict) int {
	t.Helper()
	return len(mustJSON(t, v))
}

func TestVerdictBound(t *testing.T) {
	long := strings.Repeat("<x>", 20_000) // escapes to \u003c in JSON: 60 KB of text, more as JSON
	longKo := strings.Repeat("행", 8_000)  // three bytes a character: 24 KB
	tests := []struct {
		name string
		v    Verdict
	}{
		{"long message", Verdict{Lab: "l", Message: long}},
		{"long error", Verdict{Lab: "l", Message: "short", Error: long, ErrorKind: ErrKindSQL}},
		{"both long", Verdict{Lab: "l", Message: long, Error: long}},
		{"long Korean message", Verdict{Lab: "l", Message: "short", Korean: &VerdictText{Message: longKo, Error: "짧음"}}},
		{"long in both languages", Verdict{Lab: "l", Message: long, Error: long, Korean: &VerdictText{Message: longKo, Error: longKo}}},
		{"each language under the limit, both over it", Verdict{Lab: "l", Message: strings.Repeat("x", 9_000), Korean: &VerdictText{Message: strings.Repeat("행", 3_000)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.v
			if v.Korean != nil {
				ko := *v.Korean
				v.Korean = &ko
			}
			v.bound()
			if n := verdictSize(t, &v); n > MaxVerdictBytes-verdictRoom {
				t.Errorf("verdict is %d bytes as JSON, want at most %d", n, MaxVerdictBytes-verdictRoom)
			}
			if tt.v.Message == "short" && v.Message != "short" {
				t.Errorf("a short message was cut: %q", v.Message)
			}
			before, after := verdictTexts(&tt.v), verdictTexts(&v)
			for i := range after {
				if after[i] != before[i] && !strings.HasSuffix(after[i], cutMark) {
					t.Errorf("a cut text does not end with the cut mark: %.40q", after[i])
				}
			}
			if v.Korean != nil {
				if tt.v.Korean.Error == "짧음" && v.Korean.Error != "짧음" {
					t.Errorf("a short Korean error was cut: %q", v.Korean.Error)
				}
				if v.Korean.Message == "" || v.Message == "" {
					t.Errorf("a language lost its message entirely: %q, %q", v.Message, v.Korean.Message)
				}
			}
		})
	}
	small := Verdict{Lab: "l", Message: "fine", Error: "also fine"}
	if got := small.bound(); got.Message != "fine" || got.Error != "also fine" {
		t.Errorf("a small verdict changed: %+v", got)
	}
}

// The red team's 30 MB verdict: three 10 MB values as "extra rows".
func TestHugeValuesGiveBoundedVerdict(t *testing.T) {
	lab := testLab(t, "filter-sort-orders")
	e := NewEngine(DefaultLimits())
	defer e.Close()
	pool := newTestPool(t, PoolOptions{Workers: 1, Timeout: 20 * DefaultTimeout})
	huge := "SELECT repeat('x', 10000000) || i::VARCHAR AS a, 1, 2, 3, 4 FROM range(3) t(i)"
	badColumn := `SELECT "` + strings.Repeat("y", 60_000) + `" FROM shop.orders` // DuckDB's message quotes it
	for _, sqlText := range []string{huge, badColumn} {
		for name, grade := range map[string]func() (*Verdict, error){
			"engine": func() (*Verdict, error) { return e.Grade(context.Background(), &lab.Spec, sqlText) },
			"pool":   func() (*Verdict, error) { return pool.Grade(context.Background(), &lab.Spec, sqlText) },
		} {
			v, err := grade()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if v.Passed {
				t.Fatalf("%s: passed", name)
			}
			if n := verdictSize(t, v); n > MaxVerdictBytes-verdictRoom {
				t.Errorf("%s: verdict for %.40q is %d bytes, want at most %d", name, sqlText, n, MaxVerdictBytes-verdictRoom)
			}
			for _, text := range verdictTexts(v) {
				if strings.Contains(text, strings.Repeat("x", MaxExampleChars)) {
					t.Errorf("%s: an example value is longer than %d characters", name, MaxExampleChars)
				}
			}
			if v.Korean == nil || v.Korean.Message == "" {
				t.Errorf("%s: no Korean message", name)
			}
		}
	}
}

func TestRunResultBounded(t *testing.T) {
	lab := testLab(t, "filter-sort-orders")
	pool := newTestPool(t, PoolOptions{Workers: 1})
	ctx := context.Background()
	cols := make([]string, 10)
	for i := range cols {
		cols[i] = fmt.Sprintf("repeat('x', 5000) AS c%d", i)
	}
	res, err := pool.Run(ctx, &lab.Spec, "SELECT "+strings.Join(cols, ", ")+", [repeat('y', 3000)] AS l FROM range(200)")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(res)
	if len(b) > MaxRunBytes {
		t.Errorf("run result is %d bytes as JSON, want at most %d", len(b), MaxRunBytes)
	}
	if !res.Truncated || len(res.Rows) == 0 || len(res.Rows) >= 200 {
		t.Errorf("run result: %d rows, truncated=%v; want some rows, cut short and marked truncated", len(res.Rows), res.Truncated)
	}
	for _, cell := range res.Rows[0] {
		s, ok := cell.(string)
		if !ok || utf8.RuneCountInString(s) > MaxRunValueChars || !strings.HasSuffix(s, cutMark) {
			t.Fatalf("cell %.40q: want a string cut to %d characters", s, MaxRunValueChars)
		}
	}
	// DuckDB's message quotes the 60 KB column name.
	_, err = pool.Run(ctx, &lab.Spec, `SELECT "`+strings.Repeat("y", 60_000)+`" FROM shop.orders`)
	var sqlErr *SQLError
	if !errors.As(err, &sqlErr) || utf8.RuneCountInString(sqlErr.Msg) > MaxErrorChars {
		t.Errorf("run error: %d characters (%T), want a SQL error of at most %d", len(err.Error()), err, MaxErrorChars)
	}
}

// Column names in feedback are cut like example values.
func TestDescribeCutsColumnNames(t *testing.T) {
	long := strings.Repeat("n", 5000)
	d := Compare(res([]string{"a"}, row(1)), res([]string{long}, row(1)), CompareOptions{ColumnNames: true})
	msg := d.Describe(false)
	if strings.Contains(msg, strings.Repeat("n", MaxExampleChars)) || !strings.Contains(msg, cutMark) {
		t.Errorf("message = %.200q, want the long name cut to %d characters", msg, MaxExampleChars)
	}
}
