package labs

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Error kinds of a verdict that did not get as far as a comparison.
const (
	ErrKindSQL      = "sql"      // DuckDB rejected the learner's SQL
	ErrKindRefused  = "refused"  // the sandbox refused or stopped it
	ErrKindTimeout  = "timeout"  // the worker passed its deadline and was killed
	ErrKindMemory   = "memory"   // the worker passed its memory cap and was killed
	ErrKindCrashed  = "crashed"  // the worker died
	ErrKindInternal = "internal" // the lab itself is broken
)

// DatasetResult is the verdict on one dataset.
type DatasetResult struct {
	Name   string `json:"name"`
	Passed bool   `json:"passed"`
}

// Verdict is the outcome of grading one submission.
type Verdict struct {
	Lab            string          `json:"lab"`
	Passed         bool            `json:"passed"`
	Datasets       []DatasetResult `json:"datasets"`
	Message        string          `json:"message"`
	Error          string          `json:"error,omitempty"`
	ErrorKind      string          `json:"error_kind,omitempty"`
	ErrorStatement int             `json:"error_statement,omitempty"`
	ErrorLine      int             `json:"error_line,omitempty"`
	DurationMS     float64         `json:"duration_ms"`
}

// RunResult is a learner's statement run on the visible dataset.
type RunResult struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"`
}

// Column and Table describe the visible dataset for the schema explorer.
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Table is one table of a lab's visible dataset with its first rows.
type Table struct {
	Name    string   `json:"name"`
	Columns []Column `json:"columns"`
	Sample  [][]any  `json:"sample"`
}

// RunRowLimit is how many rows Run returns.
const RunRowLimit = 200

// Engine grades in this process. Workers run one; `labs check` runs one
// directly on trusted reference SQL. It is not safe for concurrent use.
type Engine struct {
	lim     Limits
	cache   map[string]*labState // by Spec.Key
	maxLabs int                  // 0: keep every lab warm
	clock   int64                // use counter for least-recently-used eviction
	tainted string               // why the last job left the process suspect; see takeTainted
}

type labState struct {
	lastUsed int64
	spec     Spec
	ordered  bool
	datasets []*dataset
}

type dataset struct {
	name     string
	db       *database
	expected Result   // query labs
	targets  []Result // etl labs, in the order of Spec.Targets
}

// NewEngine returns an engine with the given limits that keeps every lab's
// datasets warm.
func NewEngine(lim Limits) *Engine {
	return &Engine{lim: lim, cache: map[string]*labState{}}
}

// SetMaxLabs bounds how many labs keep warm datasets; the least recently
// used lab is closed first. Each warm lab holds two in-memory databases
// (about 9 MB), so this trades memory for an occasional rebuild.
func (e *Engine) SetMaxLabs(n int) { e.maxLabs = n }

// Close frees every cached database.
func (e *Engine) Close() {
	for k := range e.cache {
		e.drop(k)
	}
}

// state builds a lab's datasets and reference results once, then reuses
// them: setup.sql never runs per submission.
func (e *Engine) state(ctx context.Context, spec *Spec) (*labState, error) {
	e.clock++
	if st, ok := e.cache[spec.Key]; ok {
		st.lastUsed = e.clock
		return st, nil
	}
	if e.maxLabs > 0 && len(e.cache) >= e.maxLabs {
		e.evictOldest()
	}
	st := &labState{spec: *spec, ordered: spec.OrderedResult(), lastUsed: e.clock}
	names := []string{"visible"}
	if strings.TrimSpace(spec.Hidden) != "" {
		names = append(names, "hidden")
	}
	for _, name := range names {
		ds, err := e.buildDataset(ctx, spec, name)
		if err != nil {
			for _, d := range st.datasets {
				d.db.close()
			}
			return nil, err
		}
		st.datasets = append(st.datasets, ds)
	}
	e.cache[spec.Key] = st
	return st, nil
}

func (e *Engine) evictOldest() {
	oldest := ""
	for k, st := range e.cache {
		if oldest == "" || st.lastUsed < e.cache[oldest].lastUsed {
			oldest = k
		}
	}
	e.drop(oldest)
}

// drop closes a lab's databases; the next job builds them afresh.
func (e *Engine) drop(key string) {
	if st := e.cache[key]; st != nil {
		for _, ds := range st.datasets {
			ds.db.close()
		}
		delete(e.cache, key)
	}
}

// checkSandbox compares the settings of the lab's databases with the
// snapshot taken when the sandbox locked them. A job that changed one (or
// left a database that no longer answers) gets the lab's databases closed
// and rebuilt, and marks the engine tainted so a worker process is
// replaced as well. Changed settings are the submission's doing: that is
// the returned refusal.
func (e *Engine) checkSandbox(spec *Spec) error {
	st := e.cache[spec.Key]
	if st == nil {
		return nil
	}
	// The job's own context may be spent (a time-out): this check is ours.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var changed []string
	for _, ds := range st.datasets {
		now, err := ds.db.readSettings(ctx)
		if err != nil {
			e.drop(spec.Key)
			e.tainted = fmt.Sprintf("lab %s: the %s database no longer answers: %v", spec.ID, ds.name, err)
			return nil
		}
		changed = append(changed, changedSettings(ds.db.settings, now)...)
	}
	if len(changed) == 0 {
		return nil
	}
	e.drop(spec.Key)
	sort.Strings(changed)
	changed = slices.Compact(changed)
	e.tainted = fmt.Sprintf("lab %s: settings changed: %s", spec.ID, strings.Join(changed, ", "))
	return refuse("the submission changed the sandbox's settings (%s), which labs do not allow; the grader was reset", strings.Join(changed, ", "))
}

// takeTainted returns, and clears, why the last job left this engine's
// process suspect ("" when it did not).
func (e *Engine) takeTainted() string {
	t := e.tainted
	e.tainted = ""
	return t
}

func (e *Engine) buildDataset(ctx context.Context, spec *Spec, name string) (*dataset, error) {
	db, err := openDatabase(ctx)
	if err != nil {
		return nil, err
	}
	ds := &dataset{name: name, db: db}
	fail := func(file string, err error) (*dataset, error) {
		db.close()
		return nil, fmt.Errorf("lab %s: %s on the %s dataset: %w", spec.ID, file, name, err)
	}
	if err := db.execTrusted(ctx, spec.Setup); err != nil {
		return fail("setup.sql", err)
	}
	if name == "hidden" {
		if err := db.execTrusted(ctx, spec.Hidden); err != nil {
			return fail("hidden.sql", err)
		}
	}
	switch spec.Kind {
	case KindQuery:
		stmts := SplitStatements(spec.Solution)
		if len(stmts) != 1 {
			return fail("solution.sql", fmt.Errorf("a query lab's solution must be one statement, found %d", len(stmts)))
		}
		res, err := db.trustedQuery(ctx, stmts[0].Text, e.lim.MaxRows)
		if err != nil {
			return fail("solution.sql", err)
		}
		ds.expected = res
	case KindETL:
		if err := db.begin(ctx); err != nil {
			return fail("solution.sql", err)
		}
		err := db.execTrusted(ctx, spec.Solution)
		if err == nil {
			ds.targets, err = db.snapshot(ctx, spec.Targets, e.lim.MaxRows)
		}
		if rerr := db.rollback(); err == nil {
			err = rerr
		}
		if err != nil {
			return fail("solution.sql", err)
		}
	}
	return ds, nil
}

func (db *database) trustedQuery(ctx context.Context, text string, maxRows int) (Result, error) {
	ds, err := db.conn.Prepare(text)
	if err != nil {
		return Result{}, err
	}
	res, truncated, err := query(ctx, asStmt(ds), DefaultLimits, maxRows, false)
	if err == nil && truncated {
		err = fmt.Errorf("result has more than %d rows", maxRows)
	}
	return res, err
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

// Grade grades one submission. Learner mistakes come back as a failing
// verdict; an error return means the lab or the engine is broken. The
// verdict is bounded (see bounds.go).
func (e *Engine) Grade(ctx context.Context, spec *Spec, sqlText string) (*Verdict, error) {
	v, err := e.grade(ctx, spec, sqlText)
	if changed := e.checkSandbox(spec); changed != nil && err == nil {
		v = (&Verdict{Lab: spec.ID, DurationMS: v.DurationMS}).fail(changed)
	}
	return v.bound(), err
}

func (e *Engine) grade(ctx context.Context, spec *Spec, sqlText string) (*Verdict, error) {
	start := time.Now()
	v := &Verdict{Lab: spec.ID}
	defer func() { v.DurationMS = float64(time.Since(start).Microseconds()) / 1000 }()
	p := policyFor(spec.Kind)
	stmts, err := parseSubmission(sqlText, p, e.lim)
	if err != nil {
		return v.fail(err), nil
	}
	st, err := e.state(ctx, spec)
	if err != nil {
		return nil, err
	}
	if err := refuseParsedAll(ctx, st.datasets[0].db, stmts); err != nil {
		var ref *Refusal
		if errors.As(err, &ref) {
			return v.fail(err), nil
		}
		return nil, err
	}
	switch spec.Kind {
	case KindQuery:
		err = e.gradeQuery(ctx, st, stmts, v)
	case KindETL:
		err = e.gradeETL(ctx, st, stmts, v)
	case KindQuality:
		err = e.gradeQuality(ctx, st, stmts, v)
	default:
		return nil, fmt.Errorf("labs: unknown kind %q", spec.Kind)
	}
	if err != nil {
		var internal *internalError
		if errors.As(err, &internal) {
			return nil, internal.err
		}
		return v.fail(err), nil
	}
	v.Passed = true
	for _, d := range v.Datasets {
		v.Passed = v.Passed && d.Passed
	}
	if v.Passed {
		v.Message = "Correct: your submission matches the reference on every dataset."
	}
	return v, nil
}

// internalError marks a failure of the lab's own SQL, not the learner's.
type internalError struct{ err error }

func (i *internalError) Error() string { return i.err.Error() }

// fail fills an error verdict from a learner-side error.
func (v *Verdict) fail(err error) *Verdict {
	v.Passed = false
	var sqlErr *SQLError
	var ref *Refusal
	switch {
	case errors.As(err, &sqlErr):
		v.ErrorKind, v.ErrorStatement, v.ErrorLine = ErrKindSQL, sqlErr.Statement, sqlErr.Line
		v.Error = sqlErr.Error()
		v.Message = "Your SQL raised an error, so it could not be graded."
	case errors.As(err, &ref):
		v.ErrorKind, v.Error = ErrKindRefused, ref.Msg
		v.Message = "The submission was refused: " + ref.Msg
	default:
		v.ErrorKind, v.Error = ErrKindRefused, err.Error()
		v.Message = "The submission could not be graded: " + err.Error()
	}
	return v
}

// inTx runs fn inside a transaction that is always rolled back, so the
// warm dataset is unchanged for the next submission.
func inTx(ctx context.Context, db *database, fn func() error) error {
	if err := db.begin(ctx); err != nil {
		return &internalError{fmt.Errorf("labs: begin: %w", err)}
	}
	err := fn()
	if rerr := db.rollback(); rerr != nil && err == nil {
		err = &internalError{fmt.Errorf("labs: rollback: %w", rerr)}
	}
	return err
}

// hiddenError hides what an error on the hidden dataset says: its message
// may quote hidden values.
func hiddenError(err error) error {
	var ref *Refusal
	if errors.As(err, &ref) {
		return err
	}
	return refuse("your SQL runs on the visible dataset but raises an error on the hidden dataset; look for values the visible data does not have (NULLs, empty strings, zeros, unusual formats)")
}

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

func failureMessage(results []DatasetResult, messages []string) string {
	if len(messages) == 0 {
		return ""
	}
	if len(results) > 1 && results[0].Passed && !results[1].Passed {
		return "Your answer passes on the visible dataset but " + messages[0]
	}
	return messages[0]
}

func (e *Engine) gradeETL(ctx context.Context, st *labState, stmts []Statement, v *Verdict) error {
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

// gradeQuality runs every check on the clean datasets (none may fire) and
// on the visible dataset after each incident (at least one must fire).
func (e *Engine) gradeQuality(ctx context.Context, st *labState, checks []Statement, v *Verdict) error {
	p := policyFor(KindQuality)
	fired := func(ds *dataset) ([]int, error) {
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
	var problems []string
	for _, ds := range st.datasets {
		hidden := ds.name == "hidden"
		var noisy []int
		err := inTx(ctx, ds.db, func() error {
			var err error
			noisy, err = fired(ds)
			return err
		})
		if err != nil {
			if hidden {
				return hiddenError(err)
			}
			return err
		}
		// Incidents run on the visible dataset only: several shipped
		// incidents are written against the visible rows, and their
		// references miss them on the hidden one (see labs/README.md).
		incidents := st.spec.Incidents
		if hidden {
			incidents = nil
		}
		var missed []string
		for _, inc := range incidents {
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
				return err
			}
			if len(hits) == 0 {
				missed = append(missed, inc.Name)
			}
		}
		passed := len(noisy) == 0 && len(missed) == 0
		v.Datasets = append(v.Datasets, DatasetResult{Name: ds.name, Passed: passed})
		switch {
		case passed:
		case hidden:
			// Which check fired, or which incident went unseen, would read
			// the hidden rows out one threshold at a time: say only that
			// something went wrong there.
			problems = append(problems, hiddenQualityMessage)
		default:
			if len(noisy) > 0 {
				problems = append(problems, fmt.Sprintf("%s fire(s) on the clean visible dataset, where nothing is wrong", checkList(noisy)))
			}
			if len(missed) > 0 {
				problems = append(problems, "no check fires on these incidents: "+strings.Join(missed, ", "))
			}
		}
	}
	if len(problems) > 0 {
		v.Message = strings.Join(problems, ". ") + "."
	}
	return nil
}

// hiddenQualityMessage is all a quality verdict says about the hidden
// dataset, whatever went wrong there.
const hiddenQualityMessage = "on the hidden dataset (a second, healthy dataset with other rows) your checks do not behave as they should: either a check fires where nothing is wrong, or an incident goes undetected there. Look for checks that depend on the exact rows, counts or dates of the visible data"

func checkList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("%d", n)
	}
	if len(ns) == 1 {
		return "check " + parts[0]
	}
	return "checks " + strings.Join(parts, ", ")
}

// Run runs the learner's SQL on the visible dataset and returns the last
// statement's rows, at most RunRowLimit of them and bounded in size (see
// bounds.go). Nothing it changes is kept.
func (e *Engine) Run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	res, err := e.run(ctx, spec, sqlText)
	if changed := e.checkSandbox(spec); changed != nil {
		return nil, boundError(changed)
	}
	return res, boundError(err)
}

func (e *Engine) run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	p := policyFor(spec.Kind)
	stmts, err := parseSubmission(sqlText, p, e.lim)
	if err != nil {
		return nil, err
	}
	st, err := e.state(ctx, spec)
	if err != nil {
		return nil, &internalError{err}
	}
	if err := refuseParsedAll(ctx, st.datasets[0].db, stmts); err != nil {
		return nil, err
	}
	var res Result
	var truncated bool
	err = inTx(ctx, st.datasets[0].db, func() error {
		var err error
		res, truncated, err = st.datasets[0].db.runScript(ctx, stmts, p, e.lim, RunRowLimit)
		return err
	})
	if err != nil {
		return nil, err
	}
	return boundRun(res, truncated), nil
}

func rowJSON(r Row) []any {
	out := make([]any, len(r))
	for i, v := range r {
		out[i] = v.JSON()
	}
	return out
}

// Describe lists the visible dataset's tables with their columns and first
// rows, for the schema explorer.
func (e *Engine) Describe(ctx context.Context, spec *Spec, sampleRows int) ([]Table, error) {
	tables, err := e.describe(ctx, spec, sampleRows)
	e.checkSandbox(spec)
	return tables, err
}

func (e *Engine) describe(ctx context.Context, spec *Spec, sampleRows int) ([]Table, error) {
	st, err := e.state(ctx, spec)
	if err != nil {
		return nil, err
	}
	db := st.datasets[0].db
	cols, err := db.trustedQuery(ctx, `SELECT table_schema, table_name, column_name, data_type
		FROM information_schema.columns
		WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')
		ORDER BY table_schema = 'main' DESC, table_schema, table_name, ordinal_position`, 10_000)
	if err != nil {
		return nil, err
	}
	var tables []Table
	for _, r := range cols.Rows {
		name := r[1].S
		if r[0].S != "main" {
			name = r[0].S + "." + r[1].S
		}
		if len(tables) == 0 || tables[len(tables)-1].Name != name {
			tables = append(tables, Table{Name: name})
		}
		t := &tables[len(tables)-1]
		t.Columns = append(t.Columns, Column{Name: r[2].S, Type: r[3].S})
	}
	for i := range tables {
		res, err := db.trustedQuery(ctx, fmt.Sprintf("SELECT * FROM %s LIMIT %d", quoteQualified(tables[i].Name), sampleRows), sampleRows)
		if err != nil {
			return nil, err
		}
		tables[i].Sample = make([][]any, len(res.Rows))
		for j, row := range res.Rows {
			tables[i].Sample[j] = rowJSON(row)
		}
	}
	return tables, nil
}

func quoteQualified(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = `"` + strings.ReplaceAll(p, `"`, `""`) + `"`
	}
	return strings.Join(parts, ".")
}
