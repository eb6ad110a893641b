package labs

import (
	"context"
	"fmt"
	"strings"
)

// qualityRun is what a set of checks did on one dataset: the checks that
// fired on the clean data, and the incidents that no check caught.
type qualityRun struct {
	dataset string
	noisy   []int
	missed  []string
}

func (r qualityRun) passed() bool { return len(r.noisy) == 0 && len(r.missed) == 0 }

// runQuality runs every check on each clean dataset (none may fire) and on
// each dataset after each incident (at least one must fire). Incidents run
// on every dataset: a check written against the visible rows must not pass.
func (e *Engine) runQuality(ctx context.Context, st *job, checks []Statement) ([]qualityRun, error) {
	p := policyFor(KindQuality)
	fired := func(ds dsConn) ([]int, error) {
		var out []int
		for i, c := range checks {
			prepared, err := ds.db.prepare(c, i+1, p)
			if err != nil {
				return nil, err
			}
			res, _, err := query(ctx, prepared, e.lim, 1, true)
			if err != nil {
				return nil, wrapRunError(ctx, err, i+1, c)
			}
			if len(res.Rows) > 0 {
				out = append(out, i+1)
			}
		}
		return out, nil
	}
	var runs []qualityRun
	for _, ds := range st.datasets {
		run := qualityRun{dataset: ds.name}
		err := inTx(ctx, ds.db, func() error {
			var err error
			run.noisy, err = fired(ds)
			return err
		})
		if err != nil {
			if ds.name == "hidden" {
				return runs, hiddenError(err)
			}
			return runs, err
		}
		for _, inc := range st.spec.Incidents {
			var hits []int
			err := inTx(ctx, ds.db, func() error {
				if err := ds.db.execTrusted(ctx, inc.SQL); err != nil {
					return &internalError{fmt.Errorf("lab %s: incident %s on the %s dataset: %w", st.spec.ID, inc.Name, ds.name, err)}
				}
				var err error
				hits, err = fired(ds)
				return err
			})
			if err != nil {
				if ds.name == "hidden" {
					return runs, hiddenError(err)
				}
				return runs, err
			}
			if len(hits) == 0 {
				run.missed = append(run.missed, inc.Name)
			}
		}
		runs = append(runs, run)
	}
	return runs, nil
}

// gradeQuality turns the runs into a verdict. About the visible dataset it
// names checks and incidents; about the hidden one it says only that
// something went wrong, since which check fired, or which incident went
// unseen, would read the hidden rows out one threshold at a time.
func (e *Engine) gradeQuality(ctx context.Context, st *job, checks []Statement, v *Verdict) error {
	runs, err := e.runQuality(ctx, st, checks)
	if err != nil {
		return err
	}
	var problems []text
	for _, r := range runs {
		v.Datasets = append(v.Datasets, DatasetResult{Name: r.dataset, Passed: r.passed()})
		switch {
		case r.passed():
		case r.dataset == "hidden":
			problems = append(problems, hiddenQualityMessage)
		default:
			if len(r.noisy) > 0 {
				checks, verb := checkList(r.noisy), "fire"
				if len(r.noisy) == 1 {
					verb = "fires"
				}
				problems = append(problems, text{fmt.Sprintf("%s %s on the clean visible dataset, where nothing is wrong", checks.en, verb),
					fmt.Sprintf("아무 문제 없는 보이는 데이터셋에서 %s가 발동합니다", checks.ko)})
			}
			if len(r.missed) > 0 {
				problems = append(problems, textf("no check fires on these incidents: %s", "다음 장애에서는 어떤 검사도 발동하지 않습니다: %s", strings.Join(r.missed, ", ")))
			}
		}
	}
	if len(problems) > 0 {
		v.setMessage(joinText(problems, same(". ")).add(same(".")))
	}
	return nil
}

// hiddenQualityMessage is all a quality verdict says about the hidden
// dataset, whatever went wrong there.
var hiddenQualityMessage = text{
	"on the hidden dataset (a second, healthy dataset with other rows) your checks do not behave as they should: either a check fires where nothing is wrong, or an incident goes undetected there. Look for checks that depend on the exact rows, counts or dates of the visible data",
	"숨겨진 데이터셋(행이 다른 두 번째 정상 데이터셋)에서 검사가 제대로 동작하지 않습니다. 아무 문제 없는 곳에서 검사가 발동하거나, 거기서 장애를 잡지 못합니다. 보이는 데이터의 정확한 행, 개수, 날짜에 기대는 검사가 없는지 살펴보세요",
}

// checkList names checks by number: "check 2" or "checks 1, 3", in Korean
// "2번 검사" or "1, 3번 검사".
func checkList(ns []int) text {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("%d", n)
	}
	nums := strings.Join(parts, ", ")
	if len(ns) == 1 {
		return textf("check %s", "%s번 검사", nums)
	}
	return textf("checks %s", "%s번 검사", nums)
}

// auditQuality is the author's side of a quality lab, for `labs check`:
// every incident must change every dataset, and the reference must catch
// every incident on every dataset. Authors may see the hidden dataset, so
// the problems name both.
func (e *Engine) auditQuality(ctx context.Context, lab *Lab) []string {
	held, err := e.hold(ctx, &lab.Spec)
	if err != nil {
		return []string{err.Error()}
	}
	defer e.unhold(held)
	st, err := e.checkout(ctx, held, true)
	if err != nil {
		return []string{err.Error()}
	}
	defer st.release()
	var problems []string
	for _, ds := range st.datasets {
		before, err := fingerprint(ctx, ds.db)
		if err != nil {
			return append(problems, err.Error())
		}
		for _, inc := range st.spec.Incidents {
			var after string
			err := inTx(ctx, ds.db, func() error {
				if err := ds.db.execTrusted(ctx, inc.SQL); err != nil {
					return err
				}
				var err error
				after, err = fingerprint(ctx, ds.db)
				return err
			})
			switch {
			case err != nil:
				problems = append(problems, fmt.Sprintf("incidents/%s.sql fails on the %s dataset: %v", inc.Name, ds.name, err))
			case after == before:
				problems = append(problems, fmt.Sprintf("incidents/%s.sql changes nothing on the %s dataset: write it against the data's meaning (dates from the data or ops.run_context, rows picked by a rule)", inc.Name, ds.name))
			}
		}
	}
	checks := SplitStatements(lab.Spec.Solution)
	runs, err := e.runQuality(ctx, st, checks)
	if err != nil {
		return append(problems, "the reference checks fail: "+err.Error())
	}
	for _, r := range runs {
		if len(r.noisy) > 0 {
			problems = append(problems, fmt.Sprintf("the reference's %s fire(s) on the clean %s dataset", checkList(r.noisy).en, r.dataset))
		}
		for _, m := range r.missed {
			problems = append(problems, fmt.Sprintf("the reference misses incidents/%s.sql on the %s dataset", m, r.dataset))
		}
	}
	return problems
}

// fingerprint sums a hash of every row of every table, with every
// column's name and type, so that an incident that leaves the data and its
// shape as they were can be told apart.
func fingerprint(ctx context.Context, db *database) (string, error) {
	cols, err := db.trustedQuery(ctx, `SELECT string_agg(table_schema || '.' || table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_schema, table_name, ordinal_position)
		FROM information_schema.columns WHERE table_catalog = current_database()`, 1)
	if err != nil {
		return "", fmt.Errorf("labs: list columns: %w", err)
	}
	tables, err := db.trustedQuery(ctx, `SELECT table_schema, table_name FROM information_schema.tables
		WHERE table_catalog = current_database() AND table_type = 'BASE TABLE'
		ORDER BY table_schema, table_name`, 10_000)
	if err != nil {
		return "", fmt.Errorf("labs: list tables: %w", err)
	}
	var b strings.Builder
	b.WriteString(cols.Rows[0][0].String() + ";")
	for _, t := range tables.Rows {
		name := quoteQualified(t[0].S + "." + t[1].S)
		res, err := db.trustedQuery(ctx, fmt.Sprintf(`SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM %s AS t`, name), 1)
		if err != nil {
			return "", fmt.Errorf("labs: fingerprint %s: %w", name, err)
		}
		fmt.Fprintf(&b, "%s=%s/%s;", name, res.Rows[0][0].String(), res.Rows[0][1].String())
	}
	return b.String(), nil
}
