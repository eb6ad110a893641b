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

// Code labs use ErrKindRefused for a program that does not compile, raises
// an error in a visible test, or passes its step or memory limit, and
// ErrKindTimeout for one stopped at its deadline (code.go).

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

// RunResult is a learner's statement run on the visible dataset. For a
// code lab it is one row per visible test (test, result, detail), what the
// program printed, and a summary.
type RunResult struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"`
	Output    string   `json:"output,omitempty"`
	Message   string   `json:"message,omitempty"`

	Checks []CheckRun `json:"checks,omitempty"` // quality labs: every check on its own (run_checks.go)
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
// This file holds what every kind shares; each kind's reference and
// grading live in query.go, etl.go, quality.go and code.go.
type Engine struct {
	lim     Limits
	cache   map[string]*labState // by Spec.Key
	maxLabs int                  // 0: keep every lab warm
	clock   int64                // use counter for least-recently-used eviction
	tainted string               // why the last job left the process suspect; see takeTainted
	builds  int                  // labs whose datasets were built, counting rebuilds
}

type labState struct {
	lastUsed int64
	spec     Spec
	ordered  bool
	datasets []*dataset // SQL labs
	code     *codeLab   // code labs
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
	st := &labState{spec: *spec, lastUsed: e.clock}
	if spec.Kind == KindCode {
		c, err := e.buildCodeLab(ctx, spec)
		if err != nil {
			return nil, err
		}
		st.code = c
		e.cache[spec.Key] = st
		e.builds++
		return st, nil
	}
	st.ordered = spec.OrderedResult()
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
	e.builds++
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
	// Quality labs have no reference result: their incidents run per
	// submission (quality.go).
	switch spec.Kind {
	case KindQuery:
		ds.expected, err = e.queryReference(ctx, spec, db)
	case KindETL:
		ds.targets, err = e.etlReference(ctx, spec, db)
	}
	if err != nil {
		return fail("solution.sql", err)
	}
	return ds, nil
}

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

func (e *Engine) grade(ctx context.Context, spec *Spec, text string) (*Verdict, error) {
	start := time.Now()
	v := &Verdict{Lab: spec.ID}
	defer func() { v.DurationMS = float64(time.Since(start).Microseconds()) / 1000 }()
	var st *labState
	var stmts []Statement
	var err error
	if spec.Kind == KindCode {
		// A program, not SQL: nothing to split or screen.
		if err := precheck(text, e.lim); err != nil {
			return v.fail(err), nil
		}
		if st, err = e.state(ctx, spec); err != nil {
			return nil, err
		}
	} else {
		if stmts, err = parseSubmission(text, policyFor(spec.Kind), e.lim); err != nil {
			return v.fail(err), nil
		}
		if st, err = e.state(ctx, spec); err != nil {
			return nil, err
		}
		if err := refuseParsedAll(ctx, st.datasets[0].db, stmts); err != nil {
			var ref *Refusal
			if errors.As(err, &ref) {
				return v.fail(err), nil
			}
			return nil, err
		}
	}
	// Each kind grades in a file of its own; a new kind adds its case here.
	switch spec.Kind {
	case KindQuery:
		err = e.gradeQuery(ctx, st, stmts, v)
	case KindETL:
		err = e.gradeETL(ctx, st, stmts, v)
	case KindQuality:
		err = e.gradeQuality(ctx, st, stmts, v)
	case KindCode:
		err = e.gradeCode(ctx, st, text, v)
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
		v.Message = passMessage(spec)
	}
	return v, nil
}

func passMessage(spec *Spec) string {
	switch {
	case spec.Kind == KindCode && spec.TestsRequired:
		return "Correct: your tests pass against the reference implementation and catch every mutant."
	case spec.Kind == KindCode:
		return "Correct: your function passes every visible and hidden test."
	}
	return "Correct: your submission matches the reference on every dataset."
}

// internalError marks a failure of the lab's own SQL, not the learner's.
type internalError struct{ err error }

func (i *internalError) Error() string { return i.err.Error() }

// fail fills an error verdict from a learner-side error.
func (v *Verdict) fail(err error) *Verdict {
	v.Passed = false
	var sqlErr *SQLError
	var ref *Refusal
	var code *codeError
	switch {
	case errors.As(err, &code):
		v.fillCodeError(code.stop)
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

func failureMessage(results []DatasetResult, messages []string) string {
	if len(messages) == 0 {
		return ""
	}
	if len(results) > 1 && results[0].Passed && !results[1].Passed {
		return "Your answer passes on the visible dataset but " + messages[0]
	}
	return messages[0]
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
	if spec.Kind == KindCode {
		if err := precheck(sqlText, e.lim); err != nil {
			return nil, err
		}
		st, err := e.state(ctx, spec)
		if err != nil {
			return nil, &internalError{err}
		}
		return e.runCode(ctx, st, sqlText)
	}
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
	if spec.Kind == KindQuality {
		return e.runChecks(ctx, st.datasets[0].db, stmts, p) // every check's result (run_checks.go)
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
	if spec.Kind == KindCode {
		return nil, nil // no tables: the tests are the data
	}
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
