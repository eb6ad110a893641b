package labs

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// labTest returns the text of one of a lab's tests/ files.
func labTest(t *testing.T, lab *Lab, name string) string {
	t.Helper()
	for _, tc := range lab.Tests {
		if tc.Name == name {
			return tc.SQL
		}
	}
	t.Fatalf("lab %s has no tests/%s", lab.ID, name)
	return ""
}

// The verdicts of code labs, graded in real worker processes: what passes,
// what a visible failure shows, and what a hidden one does not.
func TestCodeLabVerdicts(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2})
	csv := testLab(t, "parse-csv-line")
	batching := testLab(t, "test-batching-function")
	tests := []struct {
		name     string
		lab      *Lab
		text     string
		passed   bool
		datasets []DatasetResult
		want     []string // in the message
		not      []string // nowhere in the verdict
	}{
		{"reference passes", csv, csv.Solution, true,
			[]DatasetResult{{"visible", true}, {"hidden", true}}, []string{"passes every visible and hidden test"}, nil},
		{"visible failure names the test, the call, got and want", csv, labTest(t, csv, "fail-split-on-commas"), false,
			[]DatasetResult{{"visible", false}, {"hidden", false}},
			[]string{"3 of 8 visible tests fail", "test_quoted_comma: ", `parse_line("43, \"Seoul, Korea\" ,VIP")`,
				`got ["43", "Seoul", "Korea", "VIP"], want ["43", "Seoul, Korea", "VIP"]`, "a quoted field keeps its comma", "A hidden test fails too."},
			nil},
		{"hidden-only failure says only that", csv, labTest(t, csv, "fail-strips-quoted-spaces"), false,
			[]DatasetResult{{"visible", true}, {"hidden", false}}, []string{"Every visible test passes, but a hidden test fails"},
			[]string{"test_quoted_spaces_kept", "  a  ", "got", "want", "hidden_tests.star"}},
		{"reference tests catch every mutant", batching, batching.VisibleTests, true,
			[]DatasetResult{{"visible", true}}, []string{"catch every mutant"}, nil},
		{"surviving mutant is named", batching, labTest(t, batching, "fail-forgets-the-input"), false,
			[]DatasetResult{{"visible", false}}, []string{"survive: empties-the-callers-list."},
			[]string{"drops-last-partial-batch", "accepts-size-zero", "one-too-many-per-batch"}},
		{"a test that fails against the reference", batching, labTest(t, batching, "fail-wrong-expectation"), false,
			[]DatasetResult{{"visible", false}}, []string{"1 of your 2 tests fail against the reference", "test_empty: batches([], 2) → got [], want [[]]"}, nil},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := pool.Grade(ctx, &tt.lab.Spec, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if v.Passed != tt.passed || v.ErrorKind != "" {
				t.Errorf("passed=%v error_kind=%q, want passed=%v and no error (%s %s)", v.Passed, v.ErrorKind, tt.passed, v.Message, v.Error)
			}
			if got, _ := json.Marshal(v.Datasets); string(got) != mustJSON(t, tt.datasets) {
				t.Errorf("datasets = %s, want %s", got, mustJSON(t, tt.datasets))
			}
			for _, w := range tt.want {
				if !strings.Contains(v.Message, w) {
					t.Errorf("message lacks %q:\n%s", w, v.Message)
				}
			}
			all := mustJSON(t, v)
			for _, n := range tt.not {
				if strings.Contains(all, n) {
					t.Errorf("verdict reveals %q:\n%s", n, all)
				}
			}
		})
	}
}

// Values a failing test shows are cut to MaxExampleChars, and the verdict
// stays within its bound however much the program returns or prints.
func TestCodeFeedbackIsBounded(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "parse-csv-line")
	text := `def parse_line(line):
    print("p" * 100000)
    return ["é" * 50000, list(range(100000)), {"k" * 300: "v"}]
`
	v, err := pool.Grade(context.Background(), &lab.Spec, text)
	if err != nil {
		t.Fatal(err)
	}
	if v.Passed || !strings.Contains(v.Message, "visible tests fail") {
		t.Fatalf("verdict = %+v, want failing visible tests", v)
	}
	if n := verdictSize(t, v); n > MaxVerdictBytes {
		t.Errorf("verdict is %d bytes, over %d", n, MaxVerdictBytes)
	}
	for _, line := range strings.Split(v.Message, "\n")[1:] {
		if !strings.HasPrefix(line, "test_") {
			continue
		}
		_, after, ok := strings.Cut(line, "→ got ")
		if !ok {
			t.Fatalf("line without got: %q", line)
		}
		got, _, _ := strings.Cut(after, ", want ")
		if n := utf8.RuneCountInString(got); n > MaxExampleChars || !strings.HasSuffix(got, cutMark) {
			t.Errorf("got value is %d characters (%q), want it cut to %d", n, got, MaxExampleChars)
		}
	}
	if strings.Contains(v.Message, "ppp") {
		t.Error("the grade's verdict carries printed output")
	}
}

// Run shows each visible test and what the program printed, cut.
func TestCodeRun(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	csv := testLab(t, "parse-csv-line")
	batching := testLab(t, "test-batching-function")
	ctx := context.Background()

	res, err := pool.Run(ctx, &csv.Spec, labTest(t, csv, "fail-split-on-commas")+"\nprint(\"loaded\")\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Columns, ",") != "test,result,detail" || len(res.Rows) != 8 {
		t.Fatalf("run = %+v, want 8 rows of test,result,detail", res)
	}
	if res.Rows[0][0] != "test_plain_fields" || res.Rows[0][1] != "passed" || res.Rows[2][1] != "failed" ||
		!strings.Contains(res.Rows[2][2].(string), "a quoted field keeps its comma") {
		t.Errorf("rows = %v", res.Rows)
	}
	if res.Output != "loaded\n" || res.Message != "5 of 8 tests pass." {
		t.Errorf("output = %q, message = %q", res.Output, res.Message)
	}

	// Megabytes of output are cut, and the run still answers.
	res, err = pool.Run(ctx, &csv.Spec, "for i in range(2000):\n    print(\"y\" * 10000)\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Output) > DefaultLimits().MaxOutputBytes+100 || !strings.HasSuffix(res.Output, cutMark+"\n") {
		t.Errorf("output is %d bytes, ends %q", len(res.Output), res.Output[max(0, len(res.Output)-40):])
	}
	if !strings.Contains(res.Message, "defines no function parse_line") || !strings.Contains(res.Message, "printed was cut at 64 KB") ||
		res.Korean == nil || !strings.Contains(res.Korean.Message, "64 KB에서 잘렸습니다") {
		t.Errorf("message = %q, Korean %+v", res.Message, res.Korean)
	}

	// A test-writing lab runs the learner's tests against the reference.
	res, err = pool.Run(ctx, &batching.Spec, labTest(t, batching, "fail-wrong-expectation"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 2 || res.Rows[0][1] != "passed" || res.Rows[1][1] != "failed" {
		t.Errorf("rows = %v", res.Rows)
	}

	// A syntax error is the learner's error, with its line.
	_, err = pool.Run(ctx, &csv.Spec, "def parse_line(line)\n    return []\n")
	var ref *Refusal
	if !errors.As(err, &ref) || !strings.Contains(ref.Msg, "submission.star:2:1") {
		t.Errorf("syntax error: %v, want a refusal naming submission.star:2:1", err)
	}
}

// Hostile and broken programs each get a clear verdict within the limits,
// and the next submission on the same workers is graded as usual.
func TestHostilePrograms(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1, Timeout: 3 * time.Second, MemoryLimit: 800 << 20})
	csv := testLab(t, "parse-csv-line")
	batching := testLab(t, "test-batching-function")
	fn := func(body string) string { return "def parse_line(line):\n" + body }
	tests := []struct {
		name string
		lab  *Lab
		text string
		kind string // "" when either of two limits may stop it first
		want []string
	}{
		{"infinite loop", csv, fn("    while True:\n        pass\n"), ErrKindRefused, []string{"test_plain_fields: the program ran out of steps", "1000000 steps for one test"}},
		{"infinite loop at the top level", csv, "n = 0\nwhile True:\n    n += 1\n", ErrKindRefused, []string{"ran out of steps"}},
		{"endless while with a counter", csv, fn("    n = 0\n    while n >= 0:\n        n += 1\n"), ErrKindRefused, []string{"ran out of steps"}},
		{"recursion", csv, fn("    return parse_line(line)\n"), ErrKindRefused, []string{"test_plain_fields", "called recursively", "rewrite it with a loop"}},
		{"mutual recursion", csv, "def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\n" + fn("    return a(1)\n"), ErrKindRefused, []string{"called recursively"}},
		// The heap watcher, the pool's memory cap or, on a loaded machine
		// where one huge allocation is slow, the pool's deadline: whichever
		// comes first stops these.
		{"string doubling", csv, fn("    s = 'x'\n    for i in range(40):\n        s = s + s\n    return [s]\n"), "", []string{"limit exceeded"}},
		{"one huge string", csv, fn("    return ['x' * 900000000]\n"), "", []string{"limit exceeded"}},
		{"huge list", csv, fn("    return [0] * 200000000\n"), "", []string{"limit exceeded"}},
		{"huge range", csv, fn("    return list(range(1000000000))\n"), ErrKindRefused, []string{"range(): 1000000000 elements is more than the 1000000"}},
		{"slow builtins until the deadline", csv, fn("    for i in range(100000):\n        sorted(list(range(1000000)), reverse = True)\n"), ErrKindTimeout, []string{"time limit exceeded"}},
		{"syntax error", csv, "def parse_line(line)\n    return []\n", ErrKindRefused, []string{"submission.star:2:1: got newline, want ':'"}},
		{"undefined function", csv, fn("    return split_csv(line)\n"), ErrKindRefused, []string{"submission.star:2:12: undefined: split_csv"}},
		{"load", csv, "load(\"csv.star\", \"split\")\n" + fn("    return split(line)\n"), ErrKindRefused, []string{"load() is not available"}},
		{"no entry function", csv, "def parse(line):\n    return []\n", ErrKindRefused, []string{"defines no function parse_line"}},
		{"entry is not a function", csv, "parse_line = 3\n", ErrKindRefused, []string{"defines no function parse_line"}},
		{"runtime error in a visible test", csv, fn("    return [line[1000]]\n"), ErrKindRefused, []string{"test_plain_fields: submission.star:2:17: string index 1000 out of range"}},
		{"error at the top level", csv, "x = {}['missing']\n", ErrKindRefused, []string{"submission.star:1", "missing"}},
		{"fail()", csv, fn("    fail('giving up')\n"), ErrKindRefused, []string{"giving up"}},
		{"empty program", csv, "", ErrKindRefused, []string{"defines no function parse_line"}},
		{"test that loops", batching, "def test_forever():\n    while True:\n        pass\n", ErrKindRefused, []string{"test_forever: the program ran out of steps"}},
		{"tests that crash", batching, "def test_x():\n    return {}['k']\n", ErrKindRefused, []string{"test_x", "submission.star:2", "k"}},
		{"no tests", batching, "def check():\n    assert_eq(batches([], 1), [])\n", ErrKindRefused, []string{"defines no test"}},
		{"too many tests", batching, manyTests(101), ErrKindRefused, []string{"defines 101 tests; the limit is 100"}},
		{"load in tests", batching, "load(\"x.star\", \"y\")\ndef test_a():\n    pass\n", ErrKindRefused, []string{"load() is not available"}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := pool.Grade(ctx, &tt.lab.Spec, tt.text)
			if err != nil {
				t.Fatalf("Grade returned an error instead of a verdict: %v", err)
			}
			if v.Passed || v.ErrorKind == "" || v.Error == "" || v.Message == "" {
				t.Fatalf("verdict = %+v, want an error verdict", v)
			}
			if tt.kind != "" && v.ErrorKind != tt.kind {
				t.Errorf("error kind = %q (%s), want %q", v.ErrorKind, v.Error, tt.kind)
			}
			for _, w := range tt.want {
				if !strings.Contains(v.Error, w) {
					t.Errorf("error = %q, want it to say %q", v.Error, w)
				}
			}
			if n := verdictSize(t, v); n > MaxVerdictBytes {
				t.Errorf("verdict is %d bytes", n)
			}
			// The next learner is unaffected.
			ok, err := pool.Grade(ctx, &tt.lab.Spec, tt.lab.Reference())
			if err != nil || !ok.Passed {
				t.Fatalf("reference after %q: %+v, %v", tt.name, ok, err)
			}
		})
	}
}

func manyTests(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("def test_" + strings.Repeat("a", i+1) + "():\n    pass\n")
	}
	return b.String()
}

// A program that misbehaves only on hidden tests gets the same verdict
// whatever it does there: failing, raising, looping or printing the input.
func TestHiddenCodeFailuresLookAlike(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	lab := testLab(t, "parse-csv-line")
	good := lab.Solution
	ways := map[string]string{
		"wrong answer": "return ['?']",
		"raise":        "fail('hidden input: ' + line)",
		"loop":         "while True:\n            pass",
		"print":        "print(line)\n        return ['?']",
	}
	var first string
	for name, body := range ways {
		text := strings.Replace(good, "def parse_line(line):\n", "def parse_line(line):\n    if \"김\" in line:\n        "+body+"\n", 1)
		v, err := pool.Grade(context.Background(), &lab.Spec, text)
		if err != nil {
			t.Fatal(err)
		}
		if v.Passed || v.ErrorKind != "" || len(v.Datasets) != 2 || !v.Datasets[0].Passed || v.Datasets[1].Passed {
			t.Fatalf("%s: %+v, want a plain failure on the hidden tests only", name, v)
		}
		if strings.Contains(v.Message+v.Error, "김") {
			t.Errorf("%s: the verdict quotes a hidden input: %s", name, v.Message)
		}
		if first == "" {
			first = v.Message
		} else if v.Message != first {
			t.Errorf("%s: message %q differs from %q", name, v.Message, first)
		}
	}
}
