package labs

import (
	"context"
	"encoding/json"
)

// CheckRun is one check of a quality submission, run on its own on the
// visible dataset: whether it fired (returned rows) and its first rows.
// The visible dataset is clean, so a check that fires there is a false
// alarm; Submit also runs the checks against the lab's incidents.
type CheckRun struct {
	Number    int      `json:"number"`          // 1-based, as feedback and errors count statements
	Line      int      `json:"line"`            // where the check starts in the submission
	Label     string   `json:"label,omitempty"` // its "-- check: ..." comment, if any
	Fired     bool     `json:"fired"`
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`      // at most CheckRowLimit, bounded as a run's rows are
	Truncated bool     `json:"truncated"` // it returned more rows than Rows holds
}

// CheckRowLimit is how many rows a run shows of each quality check.
const CheckRowLimit = 5

// runChecks runs each statement of a quality submission separately on the
// visible dataset, inside one transaction that is rolled back, and reports
// every check: a quality submission is a list of checks, and the last
// one's rows alone say nothing about the others. Columns and Rows stay the
// last check's result, as for every other kind. All of it fits in
// MaxRunBytes: the checks take at most a quarter, and the last result's
// rows stop where the whole would pass the bound.
//
// It takes the visible dataset's database rather than the lab's state, so
// it fits however the engine hands datasets to a job.
func (e *Engine) runChecks(ctx context.Context, db *database, stmts []Statement, p policy) (*RunResult, error) {
	var out *RunResult
	err := inTx(ctx, db, func() error {
		var checks []CheckRun
		var last Result
		var lastTruncated bool
		budget := MaxRunBytes / 4
		for i, s := range stmts {
			if err := ctx.Err(); err != nil {
				return wrapRunError(ctx, err, i+1, s)
			}
			prepared, err := db.prepare(s, i+1, p)
			if err != nil {
				return err
			}
			limit := CheckRowLimit
			if i == len(stmts)-1 {
				limit = RunRowLimit
			}
			res, truncated, err := query(ctx, prepared, e.lim, limit, false)
			if err != nil {
				return wrapRunError(ctx, err, i+1, s)
			}
			shown := res
			if len(shown.Rows) > CheckRowLimit {
				shown.Rows = shown.Rows[:CheckRowLimit]
			}
			b := boundRun(shown, truncated || len(res.Rows) > CheckRowLimit)
			c := CheckRun{Number: i + 1, Line: s.Line, Label: cut(s.Comment, MaxExampleChars), Fired: len(res.Rows) > 0,
				Columns: b.Columns, Rows: b.Rows, Truncated: b.Truncated}
			if n := jsonSize(c); n > budget {
				c.Rows, c.Truncated = [][]any{}, c.Fired
			}
			budget -= jsonSize(c)
			checks = append(checks, c)
			last, lastTruncated = res, truncated
		}
		out = boundRun(last, lastTruncated)
		out.Checks = checks
		for len(out.Rows) > 0 && jsonSize(out) > MaxRunBytes {
			out.Rows, out.Truncated = out.Rows[:len(out.Rows)/2], true
		}
		return nil
	})
	return out, err
}

func jsonSize(v any) int {
	b, err := json.Marshal(v)
	if err != nil {
		return MaxRunBytes
	}
	return len(b)
}
