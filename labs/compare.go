package labs

import (
	"fmt"
	"sort"
	"strings"
)

// Result is what one query returned.
type Result struct {
	Columns []string
	Rows    []Row
}

// CompareOptions are the lab's grading settings that shape a comparison.
type CompareOptions struct {
	// Ordered compares the order of rows: by Keys when there are any (rows
	// that tie on every key may come in any order), else as the exact
	// sequence of the expected rows (ordered: strict).
	Ordered     bool
	Keys        []SortKey
	ColumnNames bool
	Tolerance   float64
}

// Diff says how an actual result differs from the expected one. A zero
// Diff with Equal set means they match.
type Diff struct {
	Equal          bool
	ColumnCount    [2]int // expected, got; set when they differ
	ColumnNames    [2][]string
	Missing        [][]string // expected rows not returned (a few examples)
	Extra          [][]string // returned rows not expected (a few examples)
	MissingCount   int
	ExtraCount     int
	OrderMismatch  int    // 1-based row where the order first breaks, 0 if none
	OrderKeys      string // the sort keys, named, when the order was judged by them
	ExpectedRowCnt int
	GotRowCnt      int
}

const maxExamples = 3

// Compare applies the contract's rules: same column count (and names when
// asked), then the rows as a multiset, or as a sequence when ordered.
func Compare(expected, got Result, opt CompareOptions) Diff {
	d := Diff{ExpectedRowCnt: len(expected.Rows), GotRowCnt: len(got.Rows)}
	if len(expected.Columns) != len(got.Columns) {
		d.ColumnCount = [2]int{len(expected.Columns), len(got.Columns)}
		return d
	}
	if opt.ColumnNames {
		for i := range expected.Columns {
			if !strings.EqualFold(expected.Columns[i], got.Columns[i]) {
				d.ColumnNames = [2][]string{expected.Columns, got.Columns}
				return d
			}
		}
	}
	tol := opt.Tolerance
	// Fast path: same rows in the same order.
	if len(expected.Rows) == len(got.Rows) {
		same := true
		for i := range expected.Rows {
			if compareRows(expected.Rows[i], got.Rows[i], tol) != 0 {
				same = false
				break
			}
		}
		if same {
			d.Equal = true
			return d
		}
	}
	exp := sortedCopy(expected.Rows, tol)
	act := sortedCopy(got.Rows, tol)
	// Merge the two sorted lists: what only one side has is missing or extra.
	i, j := 0, 0
	for i < len(exp) || j < len(act) {
		var c int
		switch {
		case i == len(exp):
			c = 1
		case j == len(act):
			c = -1
		default:
			c = compareRows(exp[i], act[j], tol)
		}
		switch {
		case c == 0:
			i++
			j++
		case c < 0:
			d.MissingCount++
			if len(d.Missing) < maxExamples {
				d.Missing = append(d.Missing, exp[i].examples())
			}
			i++
		default:
			d.ExtraCount++
			if len(d.Extra) < maxExamples {
				d.Extra = append(d.Extra, act[j].examples())
			}
			j++
		}
	}
	if d.MissingCount > 0 || d.ExtraCount > 0 {
		return d
	}
	if !opt.Ordered {
		d.Equal = true
		return d
	}
	if len(opt.Keys) > 0 {
		for k := 1; k < len(got.Rows); k++ {
			if compareKeys(got.Rows[k-1], got.Rows[k], opt.Keys, tol) > 0 {
				d.OrderMismatch = k + 1
				d.OrderKeys = describeKeys(opt.Keys, expected.Columns)
				return d
			}
		}
		d.Equal = true
		return d
	}
	for k := range expected.Rows {
		if compareRows(expected.Rows[k], got.Rows[k], tol) != 0 {
			d.OrderMismatch = k + 1
			break
		}
	}
	return d
}

func sortedCopy(rows []Row, tol float64) []Row {
	out := append([]Row(nil), rows...)
	sort.SliceStable(out, func(a, b int) bool { return compareRows(out[a], out[b], tol) < 0 })
	return out
}

// Describe writes the difference for the learner. Examples come only from
// the visible dataset; for the hidden one the caller passes hidden=true and
// gets no rows back.
func (d Diff) Describe(hidden bool) string {
	if d.Equal {
		return ""
	}
	if hidden {
		return "fails only on the hidden dataset: your answer matches the visible data but not a second dataset with other rows. Look for cases the visible data does not show (NULLs, ties, duplicates, empty groups, boundaries)."
	}
	var b strings.Builder
	switch {
	case d.ColumnCount != [2]int{}:
		fmt.Fprintf(&b, "The result has %d columns; the expected result has %d.", d.ColumnCount[1], d.ColumnCount[0])
		return b.String()
	case d.ColumnNames[0] != nil:
		fmt.Fprintf(&b, "Column names differ: expected %s, got %s.", joinNames(d.ColumnNames[0]), joinNames(d.ColumnNames[1]))
		return b.String()
	case d.OrderMismatch > 0 && d.OrderKeys != "":
		fmt.Fprintf(&b, "The rows are right but their order is not: row %d should come before row %d (the rows are sorted by %s).", d.OrderMismatch, d.OrderMismatch-1, d.OrderKeys)
		return b.String()
	case d.OrderMismatch > 0:
		fmt.Fprintf(&b, "The rows are right but their order is not: the first difference is at row %d.", d.OrderMismatch)
		return b.String()
	}
	fmt.Fprintf(&b, "Expected %d rows, got %d.", d.ExpectedRowCnt, d.GotRowCnt)
	if d.MissingCount > 0 {
		fmt.Fprintf(&b, " %d expected rows are missing, for example: %s.", d.MissingCount, formatRows(d.Missing))
	}
	if d.ExtraCount > 0 {
		fmt.Fprintf(&b, " %d rows should not be there, for example: %s.", d.ExtraCount, formatRows(d.Extra))
	}
	return b.String()
}

func formatRows(rows [][]string) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = "(" + strings.Join(r, ", ") + ")"
	}
	return strings.Join(parts, "; ")
}

// joinNames lists column names for feedback, each cut like an example value.
func joinNames(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = cut(n, MaxExampleChars)
	}
	return strings.Join(out, ", ")
}
