package labs

import (
	"context"
	"fmt"
)

// queryReference runs the lab's one-statement solution; its rows are what
// every submission is compared with.
func (e *Engine) queryReference(ctx context.Context, spec *Spec, db *database) (Result, error) {
	stmts := SplitStatements(spec.Solution)
	if len(stmts) != 1 {
		return Result{}, fmt.Errorf("a query lab's solution must be one statement, found %d", len(stmts))
	}
	return db.trustedQuery(ctx, stmts[0].Text, e.lim.MaxRows)
}

// gradeQuery runs the one statement on every dataset and compares its rows
// with the reference's.
func (e *Engine) gradeQuery(ctx context.Context, st *labState, stmts []Statement, v *Verdict) error {
	opts := CompareOptions{Ordered: st.ordered, ColumnNames: st.spec.ColumnNames, Tolerance: st.spec.Tolerance}
	p := policyFor(KindQuery)
	var messages []string
	for _, ds := range st.datasets {
		var got Result
		err := inTx(ctx, ds.db, func() error {
			prepared, err := ds.db.prepare(stmts[0], 1, p)
			if err != nil {
				return err
			}
			res, truncated, err := query(ctx, prepared, e.lim, e.lim.MaxRows, false)
			if err != nil {
				return wrapRunError(ctx, err, 1, stmts[0])
			}
			if truncated {
				return refuse("the result has more than %d rows", e.lim.MaxRows)
			}
			got = res
			return nil
		})
		if err != nil {
			if ds.name == "hidden" {
				return hiddenError(err)
			}
			return err
		}
		d := Compare(ds.expected, got, opts)
		v.Datasets = append(v.Datasets, DatasetResult{Name: ds.name, Passed: d.Equal})
		if !d.Equal {
			messages = append(messages, d.Describe(ds.name == "hidden"))
		}
	}
	v.Message = failureMessage(v.Datasets, messages)
	return nil
}
