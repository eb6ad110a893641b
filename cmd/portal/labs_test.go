package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ladder/labs"
	"ladder/labs/labstest"
	"ladder/store/pgtest"
)

func TestMain(m *testing.M) { labstest.Main(m, pgtest.Stop) }

// An author's lab folder, dropped into a directory and loaded with --labs-dir.
func writeAuthorLab(t *testing.T, root string) {
	t.Helper()
	dir := filepath.Join(root, "sql", "joins-01")
	files := map[string]string{
		"lab.md": `---
title: Revenue per facility
kind: query
level: junior
competencies: [sql-querying]
hints: ["Join bookings to facilities."]
estimated_minutes: 5
prerequisites: [junior-data-engineer]
---
## Task
Return each facility name with its total revenue, highest first.
`,
		"setup.sql":    "CREATE SCHEMA cd; CREATE TABLE cd.facilities (id INT, name VARCHAR, fee DECIMAL(6,2)); INSERT INTO cd.facilities VALUES (1, 'Court', 5), (2, 'Pool', 2.5); CREATE TABLE cd.bookings (facility_id INT, slots INT); INSERT INTO cd.bookings VALUES (1, 2), (1, 1), (2, 4);",
		"hidden.sql":   "INSERT INTO cd.facilities VALUES (3, 'Gym', 1); INSERT INTO cd.bookings VALUES (3, 50);",
		"solution.sql": "SELECT f.name, sum(b.slots * f.fee) AS revenue FROM cd.bookings b JOIN cd.facilities f ON f.id = b.facility_id GROUP BY f.name ORDER BY revenue DESC, f.name;",
	}
	writeFiles(t, dir, files)
}

// writeFiles writes each file below dir, making its folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runCLI(t *testing.T, stdin string, args ...string) (stdout string, code int) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, envFrom(nil), strings.NewReader(stdin), &out, &bytes.Buffer{})
	if err != nil {
		return out.String() + "\nerror: " + err.Error(), exitCode(err)
	}
	return out.String(), 0
}

func TestLabsCheck(t *testing.T) {
	out, code := runCLI(t, "", "labs", "check")
	if code != 0 || !strings.Contains(out, "0 broken") {
		t.Fatalf("labs check on the embedded catalog: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	writeAuthorLab(t, dir)
	out, code = runCLI(t, "", "labs", "check", "--labs-dir", dir, "--json")
	var reports []labs.CheckReport
	if err := json.Unmarshal([]byte(out), &reports); err != nil || code != 0 {
		t.Fatalf("labs check --json: exit %d, %v\n%s", code, err, out)
	}
	found := false
	for _, r := range reports {
		found = found || (r.Lab == "joins-01" && r.OK)
	}
	if !found {
		t.Errorf("the author's lab is not in the report as sound")
	}
	// A broken reference makes the check fail with exit 1 and name the lab.
	if err := os.WriteFile(filepath.Join(dir, "sql", "joins-01", "solution.sql"), []byte("SELECT name FROM cd.nope"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCLI(t, "", "labs", "check", "--labs-dir", dir)
	if code != 1 || !strings.Contains(out, "FAIL joins-01") {
		t.Errorf("broken lab: exit %d, want 1 naming joins-01\n%s", code, out)
	}
	// A malformed lab stops the load with the file and key named.
	if err := os.WriteFile(filepath.Join(dir, "sql", "joins-01", "lab.md"), []byte("---\ntitle: x\nkind: query\nlevel: junior\ncompetencies: [sql-querying]\ncolour: red\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCLI(t, "", "labs", "check", "--labs-dir", dir)
	if code != 1 || !strings.Contains(out, "joins-01/lab.md") || !strings.Contains(out, `unknown key "colour"`) {
		t.Errorf("malformed lab: exit %d\n%s", code, out)
	}
}

func TestGradeCommand(t *testing.T) {
	dir := t.TempDir()
	writeAuthorLab(t, dir)
	answer := filepath.Join(dir, "answer.sql")
	os.WriteFile(answer, []byte("select f.name, sum(b.slots * f.fee) from cd.facilities f join cd.bookings b on b.facility_id = f.id group by 1 order by 2 desc, 1"), 0o644)
	runCLICases(t, []cliCase{
		{"pass from a file", "", []string{"grade", "--lab", "joins-01", "--labs-dir", dir, answer}, 0, []string{"PASS joins-01"}},
		{"pass as json from stdin", "SELECT f.name, sum(b.slots * f.fee) FROM cd.bookings b JOIN cd.facilities f ON f.id = b.facility_id GROUP BY 1 ORDER BY 2 DESC, 1", []string{"grade", "--lab", "joins-01", "--labs-dir", dir, "--json", "-"}, 0,
			[]string{`"lab":"joins-01"`, `"passed":true`, `{"name":"visible","passed":true}`, `{"name":"hidden","passed":true}`}},
		{"hard-coded answer fails on hidden", "SELECT * FROM (VALUES ('Court', 15.0), ('Pool', 10.0)) t ORDER BY 2 DESC", []string{"grade", "--lab", "joins-01", "--labs-dir", dir, "--json"}, 1,
			[]string{`"passed":false`, `{"name":"visible","passed":true}`, `{"name":"hidden","passed":false}`, "hidden dataset"}},
		{"wrong answer", "SELECT name, 0 FROM cd.facilities", []string{"grade", "--lab", "joins-01", "--labs-dir", dir}, 1, []string{"FAIL joins-01"}},
		{"sql error", "SELECT nonsense FROM cd.facilities", []string{"grade", "--lab", "joins-01", "--labs-dir", dir, "--json"}, 1, []string{`"error":"SQL error in statement 1`}},
		{"embedded lab", "SELECT 1", []string{"grade", "--lab", "filter-sort-orders"}, 1, []string{"FAIL filter-sort-orders"}},
		{"unknown lab", "SELECT 1", []string{"grade", "--lab", "nope", "--json"}, 2, []string{`"error":"unknown lab \"nope\""`}},
		{"no lab flag", "SELECT 1", []string{"grade"}, 2, nil},
		{"missing file", "", []string{"grade", "--lab", "joins-01", "--labs-dir", dir, filepath.Join(dir, "none.sql")}, 2, nil},
		{"empty submission", "  -- nothing\n", []string{"grade", "--lab", "joins-01", "--labs-dir", dir}, 2, nil},
	})
}

// cliCase is one run of the command line: its standard input, arguments,
// exit code and what its output must say.
type cliCase struct {
	name     string
	stdin    string
	args     []string
	wantCode int
	want     []string
}

func runCLICases(t *testing.T, cases []cliCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			out, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\n%s", code, tt.wantCode, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// An author's code lab, loaded with --labs-dir.
func writeAuthorCodeLab(t *testing.T, root string) string {
	t.Helper()
	dir := filepath.Join(root, "code", "sum-amounts")
	files := map[string]string{
		"lab.md": `---
title: Sum the amounts
kind: code
level: junior
competencies: [programming]
entry: total
hints: ["Skip None."]
---
## Task
Return the sum of the amounts, skipping None.
`,
		"solution.star":           "def total(xs):\n    return sum_of([x for x in xs if x != None])\n\ndef sum_of(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n",
		"tests.star":              "def test_two():\n    assert_eq(total([1, 2]), 3)\n",
		"hidden_tests.star":       "def test_none():\n    assert_eq(total([1, None, 4]), 5)\n",
		"tests/fail-no-none.star": "def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n",
	}
	writeFiles(t, dir, files)
	return dir
}

func TestLabsCheckCodeLab(t *testing.T) {
	root := t.TempDir()
	dir := writeAuthorCodeLab(t, root)
	out, code := runCLI(t, "", "labs", "check", "--labs-dir", root)
	if code != 0 || !strings.Contains(out, "ok   sum-amounts") || !strings.Contains(out, "ok   parse-csv-line") || !strings.Contains(out, "ok   test-batching-function") {
		t.Fatalf("labs check with a code lab: exit %d\n%s", code, out)
	}
	// A wrong answer that passes, and a reference that fails its hidden
	// test, both break the lab.
	if err := os.WriteFile(filepath.Join(dir, "hidden_tests.star"), []byte("def test_none():\n    assert_eq(total([1, None]), 2)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCLI(t, "", "labs", "check", "--labs-dir", root)
	if code != 1 || !strings.Contains(out, "FAIL sum-amounts") || !strings.Contains(out, "the reference solution does not pass its own lab") {
		t.Errorf("broken hidden test: exit %d\n%s", code, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "hidden_tests.star"), []byte("def test_one():\n    assert_eq(total([1]), 1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCLI(t, "", "labs", "check", "--labs-dir", root)
	if code != 1 || !strings.Contains(out, "tests/fail-no-none.star should fail but passes") {
		t.Errorf("a wrong answer that passes: exit %d\n%s", code, out)
	}
	// A syntax error in a lab file stops the load, naming the file.
	if err := os.WriteFile(filepath.Join(dir, "tests.star"), []byte("def test_two(:\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCLI(t, "", "labs", "check", "--labs-dir", root)
	if code != 1 || !strings.Contains(out, "sum-amounts/tests.star") {
		t.Errorf("syntax error in tests.star: exit %d\n%s", code, out)
	}
}

func TestGradeCodeLab(t *testing.T) {
	root := t.TempDir()
	writeAuthorCodeLab(t, root)
	answer := filepath.Join(root, "answer.star")
	os.WriteFile(answer, []byte("def total(xs):\n    return len([x for x in xs if x != None]) and sum_up(xs)\n\ndef sum_up(xs):\n    t = 0\n    for x in xs:\n        if x != None:\n            t += x\n    return t\n"), 0o644)
	runCLICases(t, []cliCase{
		{"pass from a file", "", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root, answer}, 0, []string{"PASS sum-amounts", "visible  passed", "hidden   passed"}},
		{"hidden failure as json", "def total(xs):\n    return xs[0] + xs[1]\n", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root, "--json"}, 1,
			[]string{`"passed":false`, `{"name":"visible","passed":true}`, `{"name":"hidden","passed":false}`, "a hidden test fails"}},
		{"visible failure", "def total(xs):\n    return 0\n", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root}, 1,
			[]string{"FAIL sum-amounts", "test_two: total([1, 2]) → got 0, want 3"}},
		{"endless loop", "def total(xs):\n    while True:\n        pass\n", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root, "--json"}, 1,
			[]string{`"error_kind":"refused"`, "ran out of steps"}},
		{"syntax error", "def total(xs)\n", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root, "--json"}, 1,
			[]string{`"error_kind":"refused"`, "submission.star:2:1: got newline", "does not compile"}},
		{"embedded test-writing lab", "def test_one():\n    assert_eq(batches([1, 2, 3], 2), [[1, 2], [3]])\n", []string{"grade", "--lab", "test-batching-function"}, 1,
			[]string{"FAIL test-batching-function", "survive: "}},
		{"a Python comment is not an empty submission", "# just a comment\n", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root}, 1, []string{"defines no function total"}},
		{"blank submission", "  \n\t\n", []string{"grade", "--lab", "sum-amounts", "--labs-dir", root}, 2, nil},
	})
}
