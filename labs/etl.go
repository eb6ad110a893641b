package labs

import (
	"context"
	"errors"
	"fmt"
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
	var messages []text
	for _, ds := range st.datasets {
		hidden := ds.name == "hidden"
		var problems []text
		err := inTx(ctx, ds.db, func() error {
			runs := 1
			if st.spec.Idempotent {
				runs = 2
			}
			for run := 1; run <= runs; run++ {
				if _, _, err := ds.db.runScript(ctx, stmts, p, e.lim, e.lim.MaxRows); err != nil {
					if run == 2 {
						return refuse("your script works once but fails when it runs a second time (this lab must be idempotent): %s",
							"스크립트가 한 번은 실행되지만 두 번째 실행에서 실패합니다(이 실습은 멱등이어야 합니다): %s", errText(err, hidden))
					}
					return err
				}
			}
			got, err := ds.db.snapshot(ctx, st.spec.Targets, e.lim.MaxRows)
			var mt *missingTarget
			if errors.As(err, &mt) {
				problems = append(problems, textf("the target table %s does not exist or cannot be read after your script",
					"대상 테이블 %s: 스크립트를 실행한 뒤 테이블이 없거나 읽을 수 없습니다", mt.table))
				return nil
			}
			if err != nil {
				return err
			}
			for i, t := range st.spec.Targets {
				d := Compare(ds.targets[i], got[i], CompareOptions{ColumnNames: st.spec.ColumnNames, Tolerance: st.spec.Tolerance})
				if !d.Equal && hidden {
					// The hidden rows stay hidden; the advice comes once, below.
					problems = append(problems, textf("table %s is not what it should be", "테이블 %s의 결과가 기대와 다릅니다", t))
				} else if !d.Equal {
					msg := d.describe(hidden)
					if st.spec.Idempotent && !hidden {
						msg = msg.add(text{" (your script ran twice, as an idempotent load must survive)", " (멱등 적재는 두 번 실행해도 결과가 같아야 하므로 스크립트를 두 번 실행했습니다)"})
					}
					problems = append(problems, textf("table %s: %s", "테이블 %s: %s", t, msg))
				}
			}
			for i, c := range checks {
				res, err := ds.db.firstRow(ctx, c.Text)
				if err != nil {
					problems = append(problems, textf("check %d could not run on your tables: %s", "%d번 검사를 테이블에서 실행하지 못했습니다: %s", i+1, errText(err, hidden)))
					continue
				}
				if len(res.Rows) > 0 {
					problems = append(problems, textf("check failed: %s", "검사 실패: %s", checkMessage(c, i+1)))
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
			msg := joinText(problems, same("; "))
			if hidden {
				msg = textf("fails only on the hidden dataset: %s. Your script matches the visible data but not a second dataset with other rows; look for cases the visible data does not show (NULLs, ties, duplicates, empty groups, boundaries).",
					"숨겨진 데이터셋에서만 실패합니다: %s. 스크립트가 보이는 데이터에서는 맞지만 다른 행을 가진 두 번째 데이터셋에서는 맞지 않습니다. 보이는 데이터에 없는 경우(NULL, 동점, 중복, 빈 그룹, 경계값)를 살펴보세요.", msg)
			}
			messages = append(messages, msg)
		}
	}
	if msg := failureMessage(v.Datasets, messages); msg.en != "" {
		v.setMessage(msg)
	}
	return nil
}

// checkMessage is what a failed check of checks.sql says: its "-- check:"
// comment, in Korean its "-- check.ko:" one (the English where the lab has
// none), or its number.
func checkMessage(c Statement, n int) text {
	switch {
	case c.Comment == "":
		return textf("check %d of checks.sql returned rows", "checks.sql의 %d번 검사가 행을 반환했습니다", n)
	case c.CommentKo == "":
		return same(c.Comment)
	}
	return text{c.Comment, c.CommentKo}
}

// errText is an error of the learner's script in both languages; on the
// hidden dataset it says only where, since DuckDB's message could quote
// hidden values.
func errText(err error, hidden bool) text {
	if hidden {
		return text{"an error on the hidden dataset", "숨겨진 데이터셋에서 난 오류"}
	}
	return errorText(err)
}
