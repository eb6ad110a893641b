package labs

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	hangul = regexp.MustCompile(`\p{Hangul}`)
	digits = regexp.MustCompile(`[0-9]+`)
	// words are what a message can quote from the data: values, names,
	// numbers, SQL.
	words = regexp.MustCompile(`[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*`)
)

// numbers lists the digit runs of s, in order of size: Korean may put
// them in another order ("8개 중 3개" for "3 of 8").
func numbers(s string) []string {
	out := digits.FindAllString(s, -1)
	slices.Sort(out)
	return out
}

// checkBilingual checks one text of a verdict in both languages: both
// exist and differ, the Korean is Korean and the English is not, and they
// carry the same numbers.
func checkBilingual(t *testing.T, what, en, ko string) {
	t.Helper()
	switch {
	case en == "" || ko == "":
		t.Errorf("%s: English %q, Korean %q: want both", what, en, ko)
		return
	case en == ko:
		t.Errorf("%s: the Korean is the English: %q", what, en)
	case !hangul.MatchString(ko):
		t.Errorf("%s: the Korean has no Hangul: %q", what, ko)
	case hangul.MatchString(en):
		t.Errorf("%s: the English has Hangul: %q", what, en)
	}
	if n, m := numbers(en), numbers(ko); !slices.Equal(n, m) {
		t.Errorf("%s: the numbers differ: English %v, Korean %v\n%s\n%s", what, n, m, en, ko)
	}
}

// variant is a shipped lab with other grading settings, under a key of its
// own so that workers do not mistake it for the lab.
func variant(lab *Lab, suffix string, change func(*Spec)) *Lab {
	l := *lab
	change(&l.Spec)
	l.Key = specKey(&l.Spec) + suffix
	return &l
}

// Real failing submissions on shipped labs, graded by real worker
// processes: every message and error a learner reads comes in English and
// in Korean, and both say the same thing.
func TestGraderMessagesInBothLanguages(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2})
	slow := newTestPool(t, PoolOptions{Workers: 1, Timeout: 300 * time.Millisecond})
	hung := newTestPool(t, PoolOptions{Workers: 1, Timeout: 100 * time.Millisecond, Command: faultyCommand(t, "hang", 1)})
	small := newTestPool(t, PoolOptions{Workers: 1, Timeout: 20 * time.Second, MemoryLimit: 400 << 20})

	orders := testLab(t, "filter-sort-orders")
	strict := variant(orders, "", func(s *Spec) { s.Ordered = OrderStrict })
	planned := variant(orders, "p", func(s *Spec) { s.Plan = &Plan{MaxRowsScanned: 10, Forbid: []string{"TABLE_SCAN"}} })
	load := testLab(t, "incremental-idempotent-load")
	partitions := testLab(t, "rerunnable-daily-partition-load")
	wap := testLab(t, "write-audit-publish-orders")
	nulls := testLab(t, "null-spike")
	csv := testLab(t, "parse-csv-line")
	batching := testLab(t, "test-batching-function")
	// The reference without its amount filter: right columns, extra rows.
	noAmount := strings.Replace(orders.Solution, "AND total_amount >= 50", "", 1)

	tests := []struct {
		name string
		pool *Pool
		lab  *Lab
		text string
		kind string // ErrorKind
		want string // in the English message or error
		ko   string // in the Korean message or error, when the case has a word of its own
		// starlarkError: the error is Starlark's own text, the same in both
		// languages (only the sentence around it is ours).
		starlarkError bool
	}{
		{"column count", pool, orders, "SELECT order_id FROM shop.orders", "", "The result has 1 column; the expected result has 5.", "컬럼은 1개", false},
		{"missing rows", pool, orders, labTest(t, orders, "fail-between-dates"), "", "2 expected rows are missing, for example: (1016", "빠졌습니다", false},
		{"extra rows", pool, orders, noAmount, "", "rows should not be there, for example:", "없어야 할 행", false},
		{"order with keys", pool, orders, labTest(t, orders, "fail-id-tiebreaker"), "", "row 4 should come before row 3 (the rows are sorted by total_amount descending, then order_ts, then order_id)", "total_amount 내림차순, 그다음 order_ts", false},
		{"order strict", pool, strict, labTest(t, orders, "fail-id-tiebreaker"), "", "the first difference is at row 2.", "처음 달라지는 곳은 2번째 행", false},
		{"hidden-only failure", pool, orders, labTest(t, orders, "fail-hardcoded"), "", "passes on the visible dataset but fails only on the hidden dataset", "숨겨진 데이터셋에서만", false},
		{"SQL error", pool, orders, "SELECT nope FROM shop.orders", ErrKindSQL, `SQL error in statement 1 (starting on line 1): Binder Error: Referenced column "nope" not found`, `1번째 문장(1번째 줄에서 시작)에서 SQL 오류가 났습니다: Binder Error: Referenced column "nope"`, false},
		{"refusal: denied function", pool, orders, "SELECT * FROM enable_logging('QueryLog')", ErrKindRefused, "enable_logging is not allowed in labs: it changes the grader's logging", "enable_logging 함수는", false},
		{"refusal: statement", pool, orders, "ATTACH 'x.db' AS x", ErrKindRefused, "statement 1: ATTACH is not allowed in labs", "ATTACH 문은", false},
		{"refusal: transaction control", pool, load, "BEGIN; DELETE FROM dw.orders", ErrKindRefused, "statement 1: transaction control is not allowed in labs", "트랜잭션 제어 문은", false},
		{"refusal: two statements", pool, orders, "SELECT 1; SELECT 2", ErrKindRefused, "exactly one SQL statement; this submission has 2", "", false},
		{"refusal: empty", pool, orders, "-- nothing yet\n", ErrKindRefused, "the submission is empty", "", false},
		{"refusal: too large", pool, orders, "SELECT 1 -- " + strings.Repeat("x", 70_000), ErrKindRefused, "the submission is 70012 bytes; the limit is 65536", "", false},
		{"etl target mismatch", pool, load, labTest(t, load, "fail-plain-insert"), "", "table dw.orders: Expected 9 rows, got 19. 10 rows should not be there", "테이블 dw.orders", false},
		{"etl check failure", pool, partitions, labTest(t, partitions, "fail-between-midnight"), "", "check failed: a row's sale_date is not the date of its sold_at", "검사 실패: 어떤 행의 sale_date가 sold_at의 날짜와 다릅니다", false},
		{"etl idempotency", pool, load, labTest(t, load, "fail-work-table"), ErrKindRefused, "fails when it runs a second time (this lab must be idempotent): SQL error in statement 1", "두 번째 실행에서 실패합니다", false},
		{"etl hidden-only failure", pool, wap, labTest(t, wap, "fail-no-gate"), "", "fails only on the hidden dataset: table dw.orders is not what it should be", "숨겨진 데이터셋에서만", false},
		{"quality noisy check", pool, nulls, labTest(t, nulls, "fail-double-the-baseline"), "", "check 1 fires on the clean visible dataset", "1번 검사가 발동합니다", false},
		{"quality missed incident", pool, nulls, labTest(t, nulls, "fail-whole-table-rate"), "", "no check fires on these incidents: country-nulled, emails-nulled", "country-nulled, emails-nulled", false},
		{"quality hidden", pool, nulls, labTest(t, nulls, "fail-overfit"), "", "on the hidden dataset (a second, healthy dataset with other rows)", "숨겨진 데이터셋", false},
		{"plan bound", pool, planned, orders.Solution, "", "and this lab allows at most 10; its plan uses TABLE_SCAN, which this lab forbids", "최대 10행", false},
		{"code test failure", pool, csv, labTest(t, csv, "fail-split-on-commas"), "", "3 of 8 visible tests fail:\ntest_quoted_comma: ", "공개 테스트 8개 중 3개", false},
		{"code hidden failure", pool, csv, labTest(t, csv, "fail-strips-quoted-spaces"), "", "Every visible test passes, but a hidden test fails", "숨은 테스트가 실패합니다", false},
		{"code tests fail against the reference", pool, batching, labTest(t, batching, "fail-wrong-expectation"), "", "1 of your 2 tests fail against the reference implementation", "2개 중 1개", false},
		{"code mutant survives", pool, batching, labTest(t, batching, "fail-forgets-the-input"), "", "so they survive: empties-the-callers-list.", "empties-the-callers-list", false},
		{"code does not compile", pool, csv, "def parse_line(:\n    return []\n", ErrKindRefused, "does not compile", "컴파일되지 않아", true},
		{"code raises an error", pool, csv, "def parse_line(s):\n    return [1 // 0]\n", ErrKindRefused, "visible tests fail", "", true},
		{"code defines no entry", pool, csv, "def parse(s):\n    return []\n", ErrKindRefused, "your program defines no function parse_line", "함수 parse_line", false},
		{"code step limit", pool, csv, "def parse_line(s):\n    while True:\n        pass\n", ErrKindRefused, "ran out of steps (the limits are 1000000 steps for one test", "1000000단계", false},
		{"code range limit", pool, csv, "def parse_line(s):\n    return list(range(2000000))\n", ErrKindRefused, "range(): 2000000 elements is more than the 1000000 a lab allows", "원소 2000000개", false},
		{"time limit: query stopped", slow, orders, slowSQL, ErrKindRefused, "time limit exceeded: the submission ran too long", "시간 제한 초과", false},
		{"time limit: worker killed", hung, orders, orders.Solution, ErrKindTimeout, "time limit exceeded: the submission ran longer than 100ms", "100ms보다", false},
		{"memory limit", small, orders, "SELECT length(repeat('x', 2000000000))", ErrKindMemory, "memory limit exceeded: the submission used more than 400 MB", "400 MB", false},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.pool.Grade(ctx, &tt.lab.Spec, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			ko := v.In("ko")
			t.Logf("en: %s | %s\nko: %s | %s", v.Message, v.Error, ko.Message, ko.Error)
			if v.Passed || v.ErrorKind != tt.kind || v.Korean == nil {
				t.Fatalf("passed=%v error_kind=%q Korean=%v, want a failure of kind %q with Korean\n%s\n%s", v.Passed, v.ErrorKind, v.Korean != nil, tt.kind, v.Message, v.Error)
			}
			if en := v.Message + "\n" + v.Error; !strings.Contains(en, tt.want) {
				t.Errorf("the English lacks %q:\n%s", tt.want, en)
			}
			if all := ko.Message + "\n" + ko.Error; !strings.Contains(all, tt.ko) {
				t.Errorf("the Korean lacks %q:\n%s", tt.ko, all)
			}
			checkBilingual(t, "message", v.Message, ko.Message)
			switch {
			case v.Error == "" && ko.Error != "":
				t.Errorf("a Korean error %q without an English one", ko.Error)
			case v.Error != "" && tt.starlarkError:
				if numbers(v.Error) == nil || !slices.Equal(numbers(v.Error), numbers(ko.Error)) || ko.Error == "" {
					t.Errorf("error: English %q, Korean %q: want Starlark's text in both", v.Error, ko.Error)
				}
			case v.Error != "":
				checkBilingual(t, "error", v.Error, ko.Error)
			}
			if en := v.In("en"); en.Message != v.Message || en.Error != v.Error {
				t.Errorf("In(en) = %+v, want the English", en)
			}
		})
	}
}

// What a Korean hidden-dataset message says is fixed, and quotes nothing
// its English twin does not: no value, name or number of the hidden rows,
// checks, incidents or tests.
func TestKoreanHiddenMessagesLeakNothing(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 2})
	orders := testLab(t, "filter-sort-orders")
	wap := testLab(t, "write-audit-publish-orders")
	nulls := testLab(t, "null-spike")
	csv := testLab(t, "parse-csv-line")
	type hiddenCase struct {
		lab  *Lab
		text string
	}
	cases := []hiddenCase{
		{orders, labTest(t, orders, "fail-hardcoded")},
		{wap, labTest(t, wap, "fail-no-gate")},
		{wap, labTest(t, wap, "fail-gate-inclusive")},
		{nulls, labTest(t, nulls, "fail-overfit")},
		{nulls, labTest(t, nulls, "fail-fixed-rate")},
		{csv, labTest(t, csv, "fail-strips-quoted-spaces")},
	}
	ctx := context.Background()
	byLab := map[string]string{} // the Korean hidden message of each lab
	for _, c := range cases {
		v, err := pool.Grade(ctx, &c.lab.Spec, c.text)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Datasets) < 2 || !v.Datasets[0].Passed || v.Datasets[1].Passed {
			t.Fatalf("%s: datasets %+v, want a failure on the hidden dataset only", c.lab.ID, v.Datasets)
		}
		en, ko := v.Message, v.In("ko").Message
		checkBilingual(t, c.lab.ID, en, ko)
		enWords := map[string]bool{}
		for _, w := range words.FindAllString(en, -1) {
			enWords[w] = true
		}
		for _, w := range words.FindAllString(ko, -1) {
			if !enWords[w] && !enWords[w+"s"] { // NULL for NULLs
				t.Errorf("%s: the Korean hidden message quotes %q, which the English does not:\n%s\n%s", c.lab.ID, w, en, ko)
			}
		}
		if prev, ok := byLab[c.lab.ID]; ok && prev != ko {
			t.Errorf("%s: the Korean hidden message depends on the submission:\n%s\n%s", c.lab.ID, prev, ko)
		}
		byLab[c.lab.ID] = ko
	}
	// The fixed sentences themselves, and an error on the hidden dataset,
	// which hides DuckDB's message in both languages.
	hiddenErr := errorText(hiddenError(&SQLError{Statement: 1, Line: 1, Msg: "Conversion Error: Could not convert string 'n/a' to INT32"}))
	for name, m := range map[string]text{"quality": hiddenQualityMessage, "code": hiddenCodeMessage(true), "error": hiddenErr} {
		checkBilingual(t, name, m.en, m.ko)
		if strings.Contains(m.ko, "n/a") || strings.Contains(m.ko, "INT32") {
			t.Errorf("%s: the Korean hidden error quotes DuckDB's message: %s", name, m.ko)
		}
	}
}

// A run's errors and messages, which the lab page shows, come in both
// languages too.
func TestRunMessagesInBothLanguages(t *testing.T) {
	pool := newTestPool(t, PoolOptions{Workers: 1})
	orders := testLab(t, "filter-sort-orders")
	csv := testLab(t, "parse-csv-line")
	ctx := context.Background()

	_, err := pool.Run(ctx, &orders.Spec, "SELECT nope FROM shop.orders")
	var sqlErr *SQLError
	if !errors.As(err, &sqlErr) {
		t.Fatalf("run error = %v, want a SQL error", err)
	}
	checkBilingual(t, "SQL error", sqlErr.In("en"), sqlErr.In("ko"))
	if !strings.Contains(sqlErr.In("ko"), sqlErr.Msg) {
		t.Errorf("the Korean SQL error %q does not quote DuckDB's message %q", sqlErr.In("ko"), sqlErr.Msg)
	}

	_, err = pool.Run(ctx, &orders.Spec, "SELECT * FROM duckdb_logs()")
	var ref *Refusal
	if !errors.As(err, &ref) {
		t.Fatalf("run error = %v, want a refusal", err)
	}
	checkBilingual(t, "refusal", ref.In("en"), ref.In("ko"))

	res, err := pool.Run(ctx, &csv.Spec, labTest(t, csv, "fail-split-on-commas"))
	if err != nil {
		t.Fatal(err)
	}
	checkBilingual(t, "code run message", res.Message, res.In("ko").Message)
	if res.Korean == nil || len(res.Korean.Details) != len(res.Rows) {
		t.Fatalf("Korean = %+v, want a detail per row (%d)", res.Korean, len(res.Rows))
	}
	failed := 0
	for i, row := range res.In("ko").Rows {
		if row[1] == "failed" {
			failed++
			checkBilingual(t, "detail of "+row[0].(string), res.Rows[i][2].(string), row[2].(string))
		}
	}
	if failed != 3 || res.Rows[2][2] == res.In("ko").Rows[2][2] {
		t.Errorf("%d failed rows; In(ko) must not change the result itself", failed)
	}
}
