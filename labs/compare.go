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

	orderKeys text // OrderKeys in both languages
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
				d.orderKeys = describeKeys(opt.Keys, expected.Columns)
				d.OrderKeys = d.orderKeys.en
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

// Describe writes the difference for the learner, in English. Examples
// come only from the visible dataset; for the hidden one the caller passes
// hidden=true and gets no rows back.
func (d Diff) Describe(hidden bool) string { return d.describe(hidden).en }

// describe is Describe in both languages.
func (d Diff) describe(hidden bool) text {
	switch {
	case d.Equal:
		return text{}
	case hidden:
		return text{"fails only on the hidden dataset: your answer matches the visible data but not a second dataset with other rows. Look for cases the visible data does not show (NULLs, ties, duplicates, empty groups, boundaries).",
			"숨겨진 데이터셋에서만 실패합니다. 보이는 데이터와는 일치하지만, 행이 다른 두 번째 데이터셋과는 일치하지 않습니다. 보이는 데이터에 없는 경우(NULL, 동점, 중복, 빈 그룹, 경계값)를 살펴보세요."}
	case d.ColumnCount != [2]int{}:
		exp, got := d.ColumnCount[0], d.ColumnCount[1]
		return text{fmt.Sprintf("The result has %s; the expected result has %d.", count(got, "column", "columns"), exp),
			fmt.Sprintf("결과의 컬럼은 %d개인데, 기대 결과는 %d개입니다.", got, exp)}
	case d.ColumnNames[0] != nil:
		return textf("Column names differ: expected %s, got %s.", "컬럼 이름이 다릅니다. 기대한 이름은 %s, 결과의 이름은 %s입니다.",
			joinNames(d.ColumnNames[0]), joinNames(d.ColumnNames[1]))
	case d.OrderMismatch > 0 && d.OrderKeys != "":
		return textf("The rows are right but their order is not: row %d should come before row %d (the rows are sorted by %s).",
			"행은 맞지만 순서가 틀립니다. %d번째 행이 %d번째 행보다 앞에 와야 합니다(정렬 기준: %s).", d.OrderMismatch, d.OrderMismatch-1, d.orderKeys)
	case d.OrderMismatch > 0:
		return textf("The rows are right but their order is not: the first difference is at row %d.",
			"행은 맞지만 순서가 틀립니다. 처음 달라지는 곳은 %d번째 행입니다.", d.OrderMismatch)
	}
	msg := text{fmt.Sprintf("Expected %s, got %d.", count(d.ExpectedRowCnt, "row", "rows"), d.GotRowCnt),
		fmt.Sprintf("기대한 행은 %d개인데, 결과는 %d개입니다.", d.ExpectedRowCnt, d.GotRowCnt)}
	if d.MissingCount > 0 {
		rows := formatRows(d.Missing)
		msg = msg.add(text{fmt.Sprintf(" %s missing, for example: %s.", count(d.MissingCount, "expected row is", "expected rows are"), rows),
			fmt.Sprintf(" 기대한 행 중 %d개가 빠졌습니다. 예: %s.", d.MissingCount, rows)})
	}
	if d.ExtraCount > 0 {
		rows := formatRows(d.Extra)
		msg = msg.add(text{fmt.Sprintf(" %s not be there, for example: %s.", count(d.ExtraCount, "row should", "rows should"), rows),
			fmt.Sprintf(" 없어야 할 행이 %d개 있습니다. 예: %s.", d.ExtraCount, rows)})
	}
	return msg
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
