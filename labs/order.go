package labs

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// SortKey is one key of the reference's outermost ORDER BY, as a column of
// its result.
type SortKey struct {
	Col        int // 0-based result column
	Desc       bool
	NullsFirst bool
}

// sortKeys reads the reference's outermost ORDER BY with DuckDB's own
// parser and maps each key to a result column. ok is false when a key is
// not one of the result's columns (ORDER BY an expression left out of the
// select list): then no one can tell which orders the key allows, and the
// grader compares the exact sequence instead.
func sortKeys(ctx context.Context, db *database, reference string, columns []string) (keys []SortKey, ok bool, err error) {
	res, err := db.trustedQuery(ctx, "SELECT json_serialize_sql("+quoteString(reference)+")::VARCHAR, current_setting('default_order'), current_setting('default_null_order')", 1)
	if err != nil {
		return nil, false, fmt.Errorf("labs: parse the reference: %w", err)
	}
	var tree struct {
		Error      bool   `json:"error"`
		Message    string `json:"error_message"`
		Statements []struct {
			Node queryNode `json:"node"`
		} `json:"statements"`
	}
	if err := json.Unmarshal([]byte(res.Rows[0][0].S), &tree); err != nil {
		return nil, false, fmt.Errorf("labs: read the reference's parse tree: %w", err)
	}
	if tree.Error || len(tree.Statements) != 1 {
		return nil, false, fmt.Errorf("labs: the reference does not parse as one statement: %s", tree.Message)
	}
	defaultDesc := strings.EqualFold(res.Rows[0][1].S, "descending")
	defaultNulls := strings.ToUpper(res.Rows[0][2].S)
	node := tree.Statements[0].Node
	for _, m := range node.Modifiers {
		if m.Type != "ORDER_MODIFIER" {
			continue
		}
		for _, o := range m.Orders {
			desc := o.Type == "DESCENDING" || (o.Type == "ORDER_DEFAULT" && defaultDesc)
			var nullsFirst bool
			switch o.NullOrder {
			case "NULLS FIRST", "NULLS_FIRST":
				nullsFirst = true
			case "NULLS LAST", "NULLS_LAST":
			default:
				nullsFirst = defaultNulls == "NULLS_FIRST" ||
					(defaultNulls == "NULLS_FIRST_ON_ASC_LAST_ON_DESC" && !desc) ||
					(defaultNulls == "NULLS_LAST_ON_ASC_FIRST_ON_DESC" && desc)
			}
			if o.Expression.isStarAll() {
				// ORDER BY ALL: every column, left to right.
				for c := range columns {
					keys = append(keys, SortKey{Col: c, Desc: desc, NullsFirst: nullsFirst})
				}
				continue
			}
			col := node.column(o.Expression, columns)
			if col < 0 {
				return nil, false, nil
			}
			keys = append(keys, SortKey{Col: col, Desc: desc, NullsFirst: nullsFirst})
		}
	}
	return keys, len(keys) > 0, nil
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// queryNode is the part of DuckDB's serialized parse tree that the sort
// keys need.
type queryNode struct {
	Type      string `json:"type"`
	Modifiers []struct {
		Type   string `json:"type"`
		Orders []struct {
			Type       string   `json:"type"`
			NullOrder  string   `json:"null_order"`
			Expression exprNode `json:"expression"`
		} `json:"orders"`
	} `json:"modifiers"`
	SelectList []exprNode `json:"select_list"`
}

// exprNode keeps an expression's whole tree for comparison, and the fields
// that name a column.
type exprNode struct {
	raw         map[string]any
	Class       string
	Alias       string
	ColumnNames []string
	Value       *struct {
		IsNull bool `json:"is_null"`
		Value  any  `json:"value"`
	}
	Columns bool // STAR: ORDER BY ALL
}

func (e *exprNode) UnmarshalJSON(b []byte) error {
	var fields struct {
		Class       string   `json:"class"`
		Alias       string   `json:"alias"`
		ColumnNames []string `json:"column_names"`
		Value       *struct {
			IsNull bool `json:"is_null"`
			Value  any  `json:"value"`
		} `json:"value"`
		Columns bool `json:"columns"`
	}
	if err := json.Unmarshal(b, &fields); err != nil {
		return err
	}
	if err := json.Unmarshal(b, &e.raw); err != nil {
		return err
	}
	e.Class, e.Alias, e.ColumnNames, e.Value, e.Columns = fields.Class, fields.Alias, fields.ColumnNames, fields.Value, fields.Columns
	return nil
}

func (e exprNode) isStarAll() bool { return e.Class == "STAR" && e.Columns }

// column maps an ORDER BY expression to a result column, or -1. It follows
// DuckDB's binding: a position, an alias of the select list, a column the
// select list names, then an expression written the same way as one in the
// select list.
func (n queryNode) column(e exprNode, columns []string) int {
	if e.Class == "CONSTANT" && e.Value != nil && !e.Value.IsNull {
		if f, ok := e.Value.Value.(float64); ok && f >= 1 && int(f) <= len(columns) && f == float64(int(f)) {
			return int(f) - 1
		}
		return -1
	}
	star := false
	for _, s := range n.SelectList {
		star = star || s.Class == "STAR"
	}
	if e.Class == "COLUMN_REF" {
		name := e.ColumnNames[len(e.ColumnNames)-1]
		if len(e.ColumnNames) == 1 && !star {
			for i, s := range n.SelectList {
				if strings.EqualFold(s.Alias, name) {
					return i
				}
			}
		}
		if !star && n.Type == "SELECT_NODE" {
			for i, s := range n.SelectList {
				if s.Class == "COLUMN_REF" && s.Alias == "" && namesEqual(s.ColumnNames, e.ColumnNames) {
					return i
				}
			}
		}
		// The result's own column names: SELECT *, set operations, and a
		// qualified key (t.b) over an unqualified column (b).
		found := -1
		for i, c := range columns {
			if strings.EqualFold(c, name) {
				if found >= 0 {
					return -1 // ambiguous
				}
				found = i
			}
		}
		if found >= 0 && (star || n.Type != "SELECT_NODE" || n.selectsColumn(found, name)) {
			return found
		}
		return -1
	}
	if star || n.Type != "SELECT_NODE" {
		return -1
	}
	want := stripped(e.raw)
	for i, s := range n.SelectList {
		if reflect.DeepEqual(stripped(s.raw), want) {
			return i
		}
	}
	return -1
}

// selectsColumn reports whether select-list item i is a plain reference to
// a column called name, so that a qualified ORDER BY t.name is that item.
func (n queryNode) selectsColumn(i int, name string) bool {
	if i >= len(n.SelectList) {
		return false
	}
	s := n.SelectList[i]
	return s.Class == "COLUMN_REF" && s.Alias == "" && strings.EqualFold(s.ColumnNames[len(s.ColumnNames)-1], name)
}

func namesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// stripped drops what differs between two spellings of one expression:
// where it stands in the text, and its alias.
func stripped(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			if k == "query_location" || k == "alias" {
				continue
			}
			out[k] = stripped(val)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = stripped(val)
		}
		return out
	}
	return v
}

// compareKeys orders two rows by the sort keys.
func compareKeys(a, b Row, keys []SortKey, tol float64) int {
	for _, k := range keys {
		x, y := a[k.Col], b[k.Col]
		var c int
		switch xn, yn := x.K == kNull, y.K == kNull; {
		case xn && yn:
			c = 0
		case xn != yn:
			// A NULL sorts before or after everything, whatever the direction.
			c = 1
			if xn == k.NullsFirst {
				c = -1
			}
		default:
			c = compareValues(x, y, tol)
			if k.Desc {
				c = -c
			}
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// describeKeys names the sort keys for feedback: "revenue descending, then
// name", in Korean "revenue 내림차순, 그다음 name".
func describeKeys(keys []SortKey, columns []string) text {
	parts := make([]text, len(keys))
	for i, k := range keys {
		name := textf("column %d", "%d번째 컬럼", k.Col+1)
		if k.Col < len(columns) && columns[k.Col] != "" {
			name = same(cut(columns[k.Col], MaxExampleChars))
		}
		if k.Desc {
			name = name.add(text{" descending", " 내림차순"})
		}
		parts[i] = name
	}
	return joinText(parts, text{", then ", ", 그다음 "})
}
