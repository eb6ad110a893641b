package labs

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// PlanResult is what a plan-bounded lab measured: the rows all table scans
// read, and the forbidden operators the query used, beside the lab's bounds.
type PlanResult struct {
	RowsScanned    int64    `json:"rows_scanned"`
	MaxRowsScanned int64    `json:"max_rows_scanned,omitempty"`
	Forbidden      []string `json:"forbidden_operators,omitempty"` // used, and forbidden
	Passed         bool     `json:"passed"`
}

// profileNode is one operator of DuckDB's EXPLAIN ANALYZE (FORMAT JSON).
type profileNode struct {
	OperatorType string        `json:"operator_type"`
	OperatorName string        `json:"operator_name"`
	RowsScanned  int64         `json:"operator_rows_scanned"`
	Children     []profileNode `json:"children"`
}

// measurePlan runs one already screened query statement under EXPLAIN
// ANALYZE and reads what its plan did. The statement ran the sandbox's
// checks as a SELECT; EXPLAIN adds nothing a learner can steer.
func (e *Engine) measurePlan(ctx context.Context, db *database, s Statement, plan *Plan) (*PlanResult, error) {
	ds, err := db.conn.Prepare("EXPLAIN (ANALYZE, FORMAT JSON) " + s.Text)
	if err != nil {
		return nil, &SQLError{Statement: 1, Line: s.Line, Msg: cleanError(err)}
	}
	res, _, err := query(ctx, asStmt(ds), e.lim, 10, false)
	if err != nil {
		return nil, wrapRunError(ctx, err, 1, s)
	}
	if len(res.Rows) == 0 || len(res.Rows[0]) < 2 {
		return nil, &internalError{fmt.Errorf("labs: EXPLAIN ANALYZE returned no profile")}
	}
	var root profileNode
	if err := json.Unmarshal([]byte(res.Rows[0][1].S), &root); err != nil {
		return nil, &internalError{fmt.Errorf("labs: read the EXPLAIN ANALYZE profile: %w", err)}
	}
	used := map[string]bool{}
	var scanned int64
	var walk func(n profileNode)
	walk = func(n profileNode) {
		used[n.OperatorType], used[n.OperatorName] = true, true
		scanned += n.RowsScanned
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(root)
	r := &PlanResult{RowsScanned: scanned, MaxRowsScanned: plan.MaxRowsScanned}
	for _, op := range plan.Forbid {
		if used[op] {
			r.Forbidden = append(r.Forbidden, op)
		}
	}
	sort.Strings(r.Forbidden)
	r.Passed = len(r.Forbidden) == 0 && (plan.MaxRowsScanned == 0 || scanned <= plan.MaxRowsScanned)
	return r, nil
}

// describe says, for a right result, what broke the bounds.
func (r *PlanResult) describe() text {
	var parts []text
	if r.MaxRowsScanned > 0 && r.RowsScanned > r.MaxRowsScanned {
		parts = append(parts, textf("its table scans read %d rows, and this lab allows at most %d",
			"테이블 스캔이 %d행을 읽었는데, 이 실습은 최대 %d행까지 허용합니다", r.RowsScanned, r.MaxRowsScanned))
	}
	if len(r.Forbidden) > 0 {
		parts = append(parts, textf("its plan uses %s, which this lab forbids",
			"실행 계획이 이 실습에서 금지한 연산자(%s)를 씁니다", strings.Join(r.Forbidden, ", ")))
	}
	return textf("Your result is right, but the query runs too expensively on the visible dataset: %s. Look at EXPLAIN ANALYZE for how it runs.",
		"결과는 맞지만, 보이는 데이터셋에서 쿼리를 실행하는 비용이 너무 큽니다: %s. EXPLAIN ANALYZE로 쿼리가 어떻게 실행되는지 확인하세요.",
		joinText(parts, same("; ")))
}
