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

// referenceKeys reads the sort keys of a lab's reference on its visible
// dataset, whose expected result gives the column names.
func referenceKeys(ctx context.Context, spec *Spec, ds *dataset) ([]SortKey, error) {
	db, err := ds.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer ds.release(db)
	stmts := SplitStatements(spec.Solution)
	keys, ok, err := sortKeys(ctx, db, stmts[0].Text, ds.expected.Columns)
	if err != nil {
		return nil, fmt.Errorf("lab %s: solution.sql: %w", spec.ID, err)
	}
	if !ok {
		return nil, nil
	}
	return keys, nil
}

// gradeQuery runs the one statement on every dataset and compares its rows
// with the reference's.
func (e *Engine) gradeQuery(ctx context.Context, st *job, stmts []Statement, v *Verdict) error {
	opts := CompareOptions{Ordered: st.ordered, Keys: st.keys, ColumnNames: st.spec.ColumnNames, Tolerance: st.spec.Tolerance}
	p := policyFor(KindQuery)
	var messages []text
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
				return refuse("the result has more than %d rows", "결과가 %d행을 넘습니다", e.lim.MaxRows)
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
		passed := d.Equal
		if !d.Equal {
			messages = append(messages, d.describe(ds.name == "hidden"))
		}
		// Plan bounds are measured on the visible dataset, and only for a
		// right result: a wrong one fails already.
		if st.spec.Plan != nil && ds.name == "visible" && d.Equal {
			err := inTx(ctx, ds.db, func() error {
				var err error
				v.Plan, err = e.measurePlan(ctx, ds.db, stmts[0], st.spec.Plan)
				return err
			})
			if err != nil {
				return err
			}
			if !v.Plan.Passed {
				passed = false
				messages = append(messages, v.Plan.describe())
			}
		}
		v.Datasets = append(v.Datasets, DatasetResult{Name: ds.name, Passed: passed})
	}
	if msg := failureMessage(v.Datasets, messages); msg.en != "" {
		v.setMessage(msg)
	}
	return nil
}
