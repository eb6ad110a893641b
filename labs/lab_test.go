package labs

import (
	"strings"
	"testing"
	"testing/fstest"
)

func labFS(frontMatter string, extra map[string]string) fstest.MapFS {
	return withFiles(fstest.MapFS{
		"x/joins-01/lab.md":       {Data: []byte("---\n" + frontMatter + "---\n## Task\nDo it.\n")},
		"x/joins-01/setup.sql":    {Data: []byte("CREATE TABLE t (a INT);")},
		"x/joins-01/solution.sql": {Data: []byte("SELECT a FROM t")},
	}, extra)
}

// withFiles adds extra's files to fsys, and removes those whose text is "".
func withFiles(fsys fstest.MapFS, extra map[string]string) fstest.MapFS {
	for k, v := range extra {
		if v == "" {
			delete(fsys, k)
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

// checkLoad loads fsys and checks the error names everything in want, or
// that the load succeeds when want is nil.
func checkLoad(t *testing.T, fsys fstest.MapFS, want []string) {
	t.Helper()
	idx := testCatalogContent(t)
	_, err := Load([]Source{{Name: "authors", FS: fsys}}, idx.Framework, idx.Renderer)
	if want == nil {
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatal("Load succeeded, want an error")
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

const validFront = "title: T\nkind: query\nlevel: junior\ncompetencies: [sql-querying]\n"

func TestLoadLabErrors(t *testing.T) {
	tests := []struct {
		name  string
		front string
		extra map[string]string
		want  []string
	}{
		{"valid", validFront, nil, nil},
		{"unknown key", validFront + "difficulty: 3\n", nil, []string{"x/joins-01/lab.md", `unknown key "difficulty"`}},
		{"missing title", "kind: query\nlevel: junior\ncompetencies: [sql-querying]\n", nil, []string{"lab.md", "title: required"}},
		{"missing kind", "title: T\nlevel: junior\ncompetencies: [sql-querying]\n", nil, []string{"kind: required"}},
		{"missing competencies", "title: T\nkind: query\nlevel: junior\n", nil, []string{"competencies: required"}},
		{"bad kind", strings.Replace(validFront, "query", "essay", 1), nil, []string{"kind", `"essay"`}},
		{"bad level", strings.Replace(validFront, "junior", "guru", 1), nil, []string{"level", `"guru"`}},
		{"unknown competency", strings.Replace(validFront, "[sql-querying]", "[sql-querying, knitting]", 1), nil, []string{"competencies", `"knitting"`}},
		{"wrong type for hints", validFront + "hints: 3\n", nil, []string{"hints: wrong type"}},
		{"wrong type for tolerance", validFront + "tolerance: small\n", nil, []string{"tolerance: wrong type"}},
		{"wrong type for ordered", validFront + "ordered: sometimes\n", nil, []string{"ordered: wrong type"}},
		{"ordered auto", validFront + "ordered: auto\n", nil, nil},
		{"ordered strict", validFront + "ordered: strict\n", nil, nil},
		{"plan", validFront + "plan:\n  max_rows_scanned: 5000\n  forbid: [CROSS_PRODUCT]\n", nil, nil},
		{"empty plan", validFront + "plan: {}\n", nil, []string{"plan: set max_rows_scanned, forbid or both"}},
		{"negative plan bound", validFront + "plan:\n  max_rows_scanned: -1\n", nil, []string{"max_rows_scanned: must not be negative"}},
		{"bad operator name", validFront + "plan:\n  forbid: [cross product]\n", nil, []string{"not an operator name"}},
		{"unknown plan key", validFront + "plan:\n  max_rows: 5\n", nil, []string{"plan"}},
		{"negative tolerance", validFront + "tolerance: -1\n", nil, []string{"tolerance: must not be negative"}},
		{"etl without targets", strings.Replace(validFront, "query", "etl", 1), nil, []string{"targets: required"}},
		{"targets on a query lab", validFront + "targets: [t]\n", nil, []string{"targets: only etl"}},
		{"quality without incidents", strings.Replace(validFront, "query", "quality", 1), nil, []string{"incidents"}},
		{"missing setup", validFront, map[string]string{"x/joins-01/setup.sql": ""}, []string{"setup.sql: required file is missing"}},
		{"missing solution", validFront, map[string]string{"x/joins-01/solution.sql": ""}, []string{"solution.sql: required file is missing"}},
		{"bad folder name", validFront, map[string]string{"x/Joins_01/lab.md": "---\n" + validFront + "---\n"}, []string{"Joins_01", "not a valid lab id"}},
		{"duplicate id", validFront, map[string]string{"y/joins-01/lab.md": "---\n" + validFront + "---\n", "y/joins-01/setup.sql": "SELECT 1", "y/joins-01/solution.sql": "SELECT 1"}, []string{`duplicate lab id "joins-01"`, "x/joins-01", "y/joins-01"}},
		{"bad test name", validFront, map[string]string{"x/joins-01/tests/maybe.sql": "SELECT 1"}, []string{"tests/maybe.sql"}},
		{"no front matter", "", map[string]string{"x/joins-01/lab.md": "# Title\n"}, []string{"lab.md", "front matter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkLoad(t, labFS(tt.front, tt.extra), tt.want) })
	}
}

func TestOrderedDefault(t *testing.T) {
	tests := []struct {
		solution string
		ordered  string
		want     string
	}{
		{"SELECT a FROM t ORDER BY a;", OrderAuto, OrderSorted},
		{"SELECT a FROM t;", OrderAuto, OrderNone},
		{"SELECT a FROM t ORDER BY a", OrderNone, OrderNone},
		{"SELECT a FROM t", OrderSorted, OrderSorted},
		{"SELECT a FROM t ORDER BY a", OrderStrict, OrderStrict},
	}
	for _, tt := range tests {
		s := Spec{Solution: tt.solution, Ordered: tt.ordered}
		if got := s.OrderMode(); got != tt.want {
			t.Errorf("%q ordered=%v: got %v, want %v", tt.solution, tt.ordered, got, tt.want)
		}
	}
}

// FuzzLabFrontMatter feeds arbitrary front matter to the loader: it must
// either load or return an error naming the file, never panic.
func FuzzLabFrontMatter(f *testing.F) {
	idx := testCatalogContent(f)
	f.Add(validFront)
	f.Add(validFront + "ordered: true\ntolerance: 1e-6\nhints: [a, b]\n")
	f.Add("title: [unclosed\n")
	f.Add("kind: etl\ntargets: {a: 1}\n")
	f.Fuzz(func(t *testing.T, front string) {
		_, err := Load([]Source{{Name: "fuzz", FS: labFS(front, nil)}}, idx.Framework, idx.Renderer)
		if err != nil && !strings.Contains(err.Error(), "joins-01") {
			t.Fatalf("error does not name the lab: %v", err)
		}
	})
}

// codeLabFS is a valid code lab, with extra files added (or removed with "").
func codeLabFS(frontMatter string, extra map[string]string) fstest.MapFS {
	return withFiles(fstest.MapFS{
		"c/split-01/lab.md":        {Data: []byte("---\n" + frontMatter + "---\n## Task\nSplit it.\n")},
		"c/split-01/solution.star": {Data: []byte("def split(s):\n    return s.split(\",\")\n")},
		"c/split-01/tests.star":    {Data: []byte("def test_two():\n    assert_eq(split(\"a,b\"), [\"a\", \"b\"])\n")},
	}, extra)
}

const codeFront = "title: T\nkind: code\nlevel: junior\ncompetencies: [programming]\nentry: split\n"

func TestLoadCodeLabErrors(t *testing.T) {
	testsRequired := codeFront + "tests_required: true\n"
	mutant := map[string]string{"c/split-01/mutants/no-split.star": "def split(s):\n    return [s]\n"}
	with := func(m map[string]string, k, v string) map[string]string {
		out := map[string]string{k: v}
		for a, b := range m {
			out[a] = b
		}
		return out
	}
	tests := []struct {
		name  string
		front string
		extra map[string]string
		want  []string
	}{
		{"valid", codeFront, nil, nil},
		{"valid with language and hidden tests", codeFront + "language: starlark\n", map[string]string{"c/split-01/hidden_tests.star": "def test_one():\n    assert_eq(split(\"a\"), reference(\"a\"))\n"}, nil},
		{"valid test-writing lab", testsRequired, mutant, nil},
		{"valid test files", codeFront, map[string]string{"c/split-01/tests/fail-x.star": "def split(s):\n    return []\n"}, nil},
		{"missing solution", codeFront, map[string]string{"c/split-01/solution.star": ""}, []string{"c/split-01/solution.star: required file is missing"}},
		{"missing tests", codeFront, map[string]string{"c/split-01/tests.star": ""}, []string{"c/split-01/tests.star: required file is missing"}},
		{"missing entry", strings.Replace(codeFront, "entry: split\n", "", 1), nil, []string{"lab.md", "entry: required for code labs"}},
		{"entry not a name", strings.Replace(codeFront, "entry: split", "entry: split-it", 1), nil, []string{"entry", `"split-it"`}},
		{"entry shadows a builtin", strings.Replace(codeFront, "entry: split", "entry: len", 1), nil, []string{"entry", `"len"`}},
		{"wrong type for entry", strings.Replace(codeFront, "entry: split", "entry: [a]", 1), nil, []string{"entry: wrong type"}},
		{"wrong type for tests_required", codeFront + "tests_required: often\n", nil, []string{"tests_required: wrong type"}},
		{"other language", codeFront + "language: python\n", nil, []string{"language", `"python"`, "starlark"}},
		{"entry on a query lab", validFront + "entry: split\n", nil, []string{"x/joins-01/lab.md", "entry: only for code labs"}},
		{"tests_required on a query lab", validFront + "tests_required: false\n", nil, []string{"tests_required: only for code labs"}},
		{"tolerance on a code lab", codeFront + "tolerance: 0.1\n", nil, []string{"tolerance: not for code labs"}},
		{"setup.sql in a code lab", codeFront, map[string]string{"c/split-01/setup.sql": "SELECT 1"}, []string{"c/split-01/setup.sql", "code labs have no SQL files"}},
		{"star file in a query lab", validFront, map[string]string{"x/joins-01/tests.star": "def test_a():\n    pass\n"}, []string{"x/joins-01/tests.star", "only code labs"}},
		{"sql test in a code lab", codeFront, map[string]string{"c/split-01/tests/fail-x.sql": "SELECT 1"}, []string{"tests/fail-x.sql", ".star files"}},
		{"bad test name", codeFront, map[string]string{"c/split-01/tests/maybe.star": "x = 1\n"}, []string{"tests/maybe.star", "fail-*.star or pass-*.star"}},
		{"syntax error in tests", codeFront, map[string]string{"c/split-01/tests.star": "def test_a(:\n    pass\n"}, []string{"c/split-01/tests.star", "tests.star:1:13: got ':', want ')'"}},
		{"undefined name in solution", codeFront, map[string]string{"c/split-01/solution.star": "def split(s):\n    return cut(s)\n"}, []string{"solution.star", "undefined: cut"}},
		{"solution without the entry", codeFront, map[string]string{"c/split-01/solution.star": "def spilt(s):\n    return []\n"}, []string{"solution.star", "defines no function split"}},
		{"tests without a test", codeFront, map[string]string{"c/split-01/tests.star": "def check():\n    pass\n"}, []string{"tests.star", "defines no test"}},
		{"load in a lab file", codeFront, map[string]string{"c/split-01/hidden_tests.star": "load(\"x.star\", \"y\")\ndef test_a():\n    pass\n"}, []string{"hidden_tests.star", "load() is not available"}},
		{"reference in a test-writing lab", testsRequired, with(mutant, "c/split-01/tests.star", "def test_a():\n    assert_eq(split(\"a\"), reference(\"a\"))\n"), []string{"tests.star", "undefined: reference"}},
		{"mutants in a normal lab", codeFront, mutant, []string{"mutants", "only test-writing labs"}},
		{"test-writing lab without mutants", testsRequired, nil, []string{"mutants", "need at least one"}},
		{"hidden tests in a test-writing lab", testsRequired, with(mutant, "c/split-01/hidden_tests.star", "def test_a():\n    pass\n"), []string{"hidden_tests.star", "test-writing labs have no hidden tests"}},
		{"mutant without the entry", testsRequired, map[string]string{"c/split-01/mutants/bad.star": "x = 1\n"}, []string{"mutants/bad.star", "defines no function split"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := codeLabFS(tt.front, tt.extra)
			if strings.HasPrefix(tt.front, validFront) {
				fsys = labFS(tt.front, tt.extra)
			}
			checkLoad(t, fsys, tt.want)
		})
	}
}
