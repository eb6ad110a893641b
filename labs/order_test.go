package labs

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestSortKeys(t *testing.T) {
	db := testDatabase(t)
	ctx := context.Background()
	if err := db.execTrusted(ctx, `CREATE TABLE t (id INT, name VARCHAR, city VARCHAR, amount DOUBLE);
		CREATE TABLE u (id INT, name VARCHAR);`); err != nil {
		t.Fatal(err)
	}
	asc := func(c int) SortKey { return SortKey{Col: c} }
	desc := func(c int) SortKey { return SortKey{Col: c, Desc: true} }
	tests := []struct {
		name   string
		sql    string
		want   []SortKey
		wantOK bool
	}{
		{"alias descending then position", "SELECT city, sum(amount) AS total FROM t GROUP BY city ORDER BY total DESC, 1", []SortKey{desc(1), asc(0)}, true},
		{"column of the select list", "SELECT name, city FROM t ORDER BY city, name", []SortKey{asc(1), asc(0)}, true},
		{"qualified column", "SELECT t.name, u.id FROM t JOIN u ON t.id = u.id ORDER BY t.name, u.id DESC", []SortKey{asc(0), desc(1)}, true},
		{"qualified key over an unqualified column", "SELECT name FROM t ORDER BY t.name", []SortKey{asc(0)}, true},
		{"expression written as in the select list", "SELECT lower(name), count(*) FROM t GROUP BY lower(name) ORDER BY lower(name)", []SortKey{asc(0)}, true},
		{"nulls first", "SELECT name FROM t ORDER BY name NULLS FIRST", []SortKey{{Col: 0, NullsFirst: true}}, true},
		{"order by all", "SELECT city, name FROM t ORDER BY ALL DESC", []SortKey{desc(0), desc(1)}, true},
		{"select star", "SELECT * FROM t ORDER BY amount DESC", []SortKey{desc(3)}, true},
		{"union", "SELECT name FROM t UNION SELECT name FROM u ORDER BY name", []SortKey{asc(0)}, true},
		{"cte", "WITH x AS (SELECT name, amount FROM t) SELECT name AS who FROM x ORDER BY who DESC", []SortKey{desc(0)}, true},
		{"key not in the result", "SELECT name FROM t ORDER BY amount", nil, false},
		{"expression not in the result", "SELECT name FROM t ORDER BY length(name)", nil, false},
		{"no order by", "SELECT name FROM t", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := db.trustedQuery(ctx, tt.sql, 0)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := sortKeys(ctx, db, tt.sql, res.Columns)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.wantOK || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sortKeys = %+v, %v; want %+v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestCompareBySortKeys(t *testing.T) {
	cols := []string{"city", "total"}
	// Sorted by total descending; Busan and Daegu tie.
	expected := res(cols, row("Seoul", 9), row("Busan", 5), row("Daegu", 5), row("Jeju", 1))
	byTotal := []SortKey{{Col: 1, Desc: true}}
	nullsFirst := []SortKey{{Col: 1, NullsFirst: true}}
	tests := []struct {
		name      string
		expected  Result
		got       Result
		keys      []SortKey
		wantEqual bool
		wantMsg   string
	}{
		{"ties in another order", expected, res(cols, row("Seoul", 9), row("Daegu", 5), row("Busan", 5), row("Jeju", 1)), byTotal, true, ""},
		{"the same sequence", expected, expected, byTotal, true, ""},
		{"out of order names the row and the keys", expected, res(cols, row("Seoul", 9), row("Jeju", 1), row("Busan", 5), row("Daegu", 5)), byTotal, false,
			"row 3 should come before row 2 (the rows are sorted by total descending)"},
		{"ascending where descending is asked", expected, res(cols, row("Jeju", 1), row("Busan", 5), row("Daegu", 5), row("Seoul", 9)), byTotal, false, "row 2 should come before row 1"},
		{"nulls first", res(cols, row("a", nil), row("b", 1)), res(cols, row("a", nil), row("b", 1)), nullsFirst, true, ""},
		{"nulls last where first is asked", res(cols, row("a", nil), row("b", 1)), res(cols, row("b", 1), row("a", nil)), nullsFirst, false, "row 2 should come before row 1"},
		{"numbers by value across types", res(cols, row("a", 1), row("b", 2.5)), res(cols, row("a", int64(1)), row("b", 2.5)), []SortKey{{Col: 1}}, true, ""},
		{"strict sequence without keys", expected, res(cols, row("Seoul", 9), row("Daegu", 5), row("Busan", 5), row("Jeju", 1)), nil, false, "the first difference is at row 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(tt.expected, tt.got, CompareOptions{Ordered: true, Keys: tt.keys, Tolerance: DefaultTolerance})
			if d.Equal != tt.wantEqual {
				t.Fatalf("Equal = %v, want %v (%+v)", d.Equal, tt.wantEqual, d)
			}
			if msg := d.Describe(false); !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message %q lacks %q", msg, tt.wantMsg)
			}
		})
	}
}

// orderLab is a query lab whose reference sorts by a key with ties.
func orderLab(t *testing.T, front string) *Lab {
	t.Helper()
	files := map[string]string{
		"x/joins-01/lab.md": "---\ntitle: Spend per city\nkind: query\nlevel: junior\ncompetencies: [sql-querying]\n" + front + "---\n## Task\nDo it.\n",
		"x/joins-01/setup.sql": `CREATE TABLE spend (city VARCHAR, total INT);
			INSERT INTO spend VALUES ('Seoul', 9), ('Busan', 5), ('Daegu', 5), ('Jeju', 1);`,
		"x/joins-01/hidden.sql":   `INSERT INTO spend VALUES ('Ulsan', 5), ('Suwon', 7);`,
		"x/joins-01/solution.sql": "SELECT city, total FROM spend ORDER BY total DESC, city",
	}
	idx := testCatalogContent(t)
	cat, err := Load([]Source{{Name: "x", FS: labFS("", files)}}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cat.Lab("joins-01")
}

// ordered: true accepts any order among rows that tie on every key, and
// ordered: strict keeps the exact sequence.
func TestGradeSemanticOrder(t *testing.T) {
	e := NewEngine(DefaultLimits())
	defer e.Close()
	ctx := context.Background()
	// The reference breaks ties on total by city, so city is a key too.
	tiesByCityDesc := "SELECT city, total FROM spend ORDER BY total DESC, city DESC"
	wrong := "SELECT city, total FROM spend ORDER BY total"
	tests := []struct {
		front string
		sql   string
		want  bool
		msg   string
	}{
		{"", tiesByCityDesc, false, "should come before"},
		{"", wrong, false, "sorted by total descending, then city"},
		{"", "SELECT city, total FROM spend ORDER BY 2 DESC, 1", true, ""},
		{"ordered: false\n", wrong, true, ""},
		{"ordered: strict\n", wrong, false, "the first difference is at row 1"},
	}
	for _, tt := range tests {
		lab := orderLab(t, tt.front)
		v, err := e.Grade(ctx, &lab.Spec, tt.sql)
		if err != nil {
			t.Fatal(err)
		}
		if v.Passed != tt.want || !strings.Contains(v.Message, tt.msg) {
			t.Errorf("%q %q: passed=%v %q; want %v and %q", tt.front, tt.sql, v.Passed, v.Message, tt.want, tt.msg)
		}
	}
	// Ties on every key: a reference sorted by total alone lets Busan and
	// Daegu come either way, where strict would fail one of them.
	tieLab := orderLab(t, "")
	tieLab.Spec.Solution = "SELECT city, total FROM spend ORDER BY total DESC"
	tieLab.Spec.Key += "-ties"
	for _, sql := range []string{
		"SELECT city, total FROM spend ORDER BY total DESC, city",
		"SELECT city, total FROM spend ORDER BY total DESC, city DESC",
	} {
		v, err := e.Grade(ctx, &tieLab.Spec, sql)
		if err != nil || !v.Passed {
			t.Errorf("%q on a tie: %+v, %v; want a pass", sql, v, err)
		}
	}
	strict := tieLab.Spec
	strict.Ordered, strict.Key = OrderStrict, strict.Key+"-strict"
	passes := 0
	for _, sql := range []string{
		"SELECT city, total FROM spend ORDER BY total DESC, city",
		"SELECT city, total FROM spend ORDER BY total DESC, city DESC",
	} {
		v, err := e.Grade(ctx, &strict, sql)
		if err != nil {
			t.Fatal(err)
		}
		if v.Passed {
			passes++
		}
	}
	if passes != 1 {
		t.Errorf("ordered: strict passed %d of two tie-breaks, want exactly the reference's one", passes)
	}
}
