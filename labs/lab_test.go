package labs

import (
	"strings"
	"testing"
	"testing/fstest"
)

func labFS(frontMatter string, extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"x/joins-01/lab.md":       {Data: []byte("---\n" + frontMatter + "---\n## Task\nDo it.\n")},
		"x/joins-01/setup.sql":    {Data: []byte("CREATE TABLE t (a INT);")},
		"x/joins-01/solution.sql": {Data: []byte("SELECT a FROM t")},
	}
	for k, v := range extra {
		if v == "" {
			delete(fsys, k)
			continue
		}
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

const validFront = "title: T\nkind: query\nlevel: junior\ncompetencies: [sql-querying]\n"

func TestLoadLabErrors(t *testing.T) {
	idx := testCatalogContent(t)
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
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]Source{{Name: "authors", FS: labFS(tt.front, tt.extra)}}, idx.Framework, idx.Renderer)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestOrderedDefault(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		solution string
		ordered  *bool
		want     bool
	}{
		{"SELECT a FROM t ORDER BY a;", nil, true},
		{"SELECT a FROM t;", nil, false},
		{"SELECT a FROM t ORDER BY a", &no, false},
		{"SELECT a FROM t", &yes, true},
	}
	for _, tt := range tests {
		s := Spec{Solution: tt.solution, Ordered: tt.ordered}
		if got := s.OrderedResult(); got != tt.want {
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
