package labs

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// etlReference runs the lab's solution script inside a transaction that is
// rolled back, and keeps what it left in the target tables.
func (e *Engine) etlReference(ctx context.Context, spec *Spec, db *database) ([]Result, error) {
	if err := db.begin(ctx); err != nil {
		return nil, err
	}
	err := db.execTrusted(ctx, spec.Solution)
	var targets []Result
	if err == nil {
		targets, err = db.snapshot(ctx, spec.Targets, e.lim.MaxRows)
	}
	if rerr := db.rollback(); err == nil {
		err = rerr
	}
	return targets, err
}

// snapshot reads the contents of each target table.
func (db *database) snapshot(ctx context.Context, targets []string, maxRows int) ([]Result, error) {
	out := make([]Result, len(targets))
	for i, t := range targets {
		res, err := db.trustedQuery(ctx, "SELECT * FROM "+t, maxRows)
		if err != nil {
			return nil, &missingTarget{table: t, err: err}
		}
		out[i] = res
	}
	return out, nil
}

type missingTarget struct {
	table string
	err   error
}

func (m *missingTarget) Error() string { return fmt.Sprintf("target %s: %v", m.table, m.err) }

// gradeETL runs the script on every dataset (twice for an idempotent lab),
// compares the target tables with the reference's and runs checks.sql.
func (e *Engine) gradeETL(ctx context.Context, st *job, stmts []Statement, v *Verdict) error {
	p := policyFor(KindETL)
	checks := SplitStatements(st.spec.Checks)
	var messages []string
	for _, ds := range st.datasets {
		hidden := ds.name == "hidden"
		var problems []string
		err := inTx(ctx, ds.db, func() error {
			runs := 1
			if st.spec.Idempotent {
				runs = 2
			}
			for run := 1; run <= runs; run++ {
				if _, _, err := ds.db.runScript(ctx, stmts, p, e.lim, e.lim.MaxRows); err != nil {
					if run == 2 {
						return refuse("your script works once but fails when it runs a second time (this lab must be idempotent): %v", errText(err, hidden))
					}
					return err
				}
			}
			got, err := ds.db.snapshot(ctx, st.spec.Targets, e.lim.MaxRows)
			var mt *missingTarget
			if errors.As(err, &mt) {
				problems = append(problems, fmt.Sprintf("the target table %s does not exist or cannot be read after your script", mt.table))
				return nil
			}
			if err != nil {
				return err
			}
			for i, t := range st.spec.Targets {
				d := Compare(ds.targets[i], got[i], CompareOptions{ColumnNames: st.spec.ColumnNames, Tolerance: st.spec.Tolerance})
				if !d.Equal {
					msg := d.Describe(hidden)
					if st.spec.Idempotent && !hidden {
						msg += " (your script ran twice, as an idempotent load must survive)"
					}
					problems = append(problems, fmt.Sprintf("table %s: %s", t, msg))
				}
			}
			for i, c := range checks {
				res, err := ds.db.trustedQuery(ctx, c.Text, 1)
				if err != nil {
					problems = append(problems, fmt.Sprintf("check %d could not run on your tables: %s", i+1, errText(err, hidden)))
					continue
				}
				if len(res.Rows) > 0 {
					msg := c.Comment
					if msg == "" {
						msg = fmt.Sprintf("check %d of checks.sql returned rows", i+1)
					}
					problems = append(problems, "check failed: "+msg)
				}
			}
			return nil
		})
		if err != nil {
			if hidden {
				return hiddenError(err)
			}
			return err
		}
		v.Datasets = append(v.Datasets, DatasetResult{Name: ds.name, Passed: len(problems) == 0})
		if len(problems) > 0 {
			if hidden {
				messages = append(messages, "fails only on the hidden dataset: "+strings.Join(problems, "; "))
			} else {
				messages = append(messages, strings.Join(problems, "; "))
			}
		}
	}
	v.Message = failureMessage(v.Datasets, messages)
	return nil
}

func errText(err error, hidden bool) string {
	if hidden {
		return "an error on the hidden dataset"
	}
	return err.Error()
}
