package labs

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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

// Verdict is the outcome of grading one submission. Message and Error are
// English; Korean holds the same text in Korean (text.go). A verdict
// stored before grader messages had Korean has none.
type Verdict struct {
	Lab            string          `json:"lab"`
	Passed         bool            `json:"passed"`
	Datasets       []DatasetResult `json:"datasets"`
	Message        string          `json:"message"`
	Error          string          `json:"error,omitempty"`
	Korean         *VerdictText    `json:"ko,omitempty"`
	ErrorKind      string          `json:"error_kind,omitempty"`
	ErrorStatement int             `json:"error_statement,omitempty"`
	ErrorLine      int             `json:"error_line,omitempty"`
	Plan           *PlanResult     `json:"plan,omitempty"` // plan-bounded query labs
	DurationMS     float64         `json:"duration_ms"`
}

// VerdictText is a verdict's message and error in one language.
type VerdictText struct {
	Message string `json:"message,omitempty"`
	Error   string `json:"error,omitempty"`
}

// In returns the verdict's message and error in lang ("ko" or "en"): the
// Korean where the verdict has it, else the English.
func (v Verdict) In(lang string) VerdictText {
	out := VerdictText{Message: v.Message, Error: v.Error}
	if lang == "ko" && v.Korean != nil {
		out.Message = text{v.Message, v.Korean.Message}.in(lang)
		out.Error = text{v.Error, v.Korean.Error}.in(lang)
	}
	return out
}

// setMessage sets the message in both languages.
func (v *Verdict) setMessage(t text) {
	v.Message = t.en
	v.korean().Message = t.ko
}

// setError sets the error in both languages.
func (v *Verdict) setError(t text) {
	v.Error = t.en
	v.korean().Error = t.ko
}

func (v *Verdict) korean() *VerdictText {
	if v.Korean == nil {
		v.Korean = &VerdictText{}
	}
	return v.Korean
}

// RunResult is a learner's statement run on the visible dataset. For a
// code lab it is one row per visible test (test, result, detail), what the
// program printed, and a summary. Message and the details are English;
// Korean holds them in Korean.
type RunResult struct {
	Columns   []string `json:"columns"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated"`
	Output    string   `json:"output,omitempty"`
	Message   string   `json:"message,omitempty"`

	Checks []CheckRun `json:"checks,omitempty"` // quality labs: every check on its own (run_checks.go)
	Korean *RunText   `json:"ko,omitempty"`
}

// RunText is a run result's text in one language: its message and, for a
// code lab, each row's detail, in the order of the rows.
type RunText struct {
	Message string   `json:"message,omitempty"`
	Details []string `json:"details,omitempty"`
}

// In returns the run result with its message and details in lang ("ko"
// or "en"), the English where it has no Korean. The result itself is not
// changed.
func (r *RunResult) In(lang string) *RunResult {
	if r == nil || lang != "ko" || r.Korean == nil {
		return r
	}
	out := *r
	out.Message = text{r.Message, r.Korean.Message}.in(lang)
	if len(r.Korean.Details) == len(r.Rows) {
		out.Rows = make([][]any, len(r.Rows))
		for i, row := range r.Rows {
			out.Rows[i] = slices.Clone(row)
			if len(row) == 3 && r.Korean.Details[i] != "" {
				out.Rows[i][2] = r.Korean.Details[i]
			}
		}
	}
	return &out
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
// directly on trusted reference SQL. It is safe for concurrent use: jobs on
// one lab share its warm datasets, each on a connection of its own, so a
// lab's data is in memory once per process however many jobs use it.
//
// Every lab's visible dataset is a catalog in one shared DuckDB instance,
// and every hidden dataset a catalog in a second one. An instance costs
// about 3 MB before any data, a catalog of a small lab about 0.3 MB, so
// this is what lets memory grow with the number of labs alone. The split
// by kind keeps the hidden datasets out of reach of anything shown to a
// learner: Run and the visible feedback come from the visible instance,
// which holds no hidden rows; what a hidden run could read of another
// lab's hidden catalog it could learn as well by grading against that lab.
//
// This file holds what every kind shares; each kind's reference and
// grading live in query.go, etl.go, quality.go and code.go.
type Engine struct {
	lim Limits

	mu       sync.Mutex
	visible  *instance
	hidden   *instance
	cache    map[string]*labState // by Spec.Key
	building map[string]chan struct{}
	maxLabs  int    // 0: keep every lab warm
	clock    int64  // use counter for least-recently-used eviction
	active   int    // jobs holding a lab
	poisoned string // why the instances must be rebuilt once no job holds them
	builds   atomic.Int64
}

// instance is one shared, locked in-memory DuckDB.
type instance struct {
	name  string
	admin *database // attaches and detaches the labs' catalogs
}

type labState struct {
	lastUsed  int64
	users     int // jobs holding it (under Engine.mu)
	spec      Spec
	ordered   bool
	keys      []SortKey   // query labs with ordered: true; nil compares the exact sequence
	datasets  []*dataset  // SQL labs
	code      *codeLab    // code labs
	own       []*instance // instances of its own, for a lab that reads the catalog
	transient bool        // built for one job that reads the catalog; closed after it
}

// catalogWords name DuckDB's views of a whole instance. A lab whose SQL
// reads them, or a submission that does, would see every lab's catalog in
// the shared instances, so it gets instances of its own: the lab for good,
// the submission for its one job.
var catalogWords = regexp.MustCompile(`(?i)\b(information_schema|pg_catalog|duckdb_[a-z_]+|pragma_[a-z_]+|table_info|current_database|current_catalog|current_schema|sqlite_master|show_tables|show_databases)\b`)

// labReadsCatalog reports whether the lab's own SQL reads catalog metadata.
func labReadsCatalog(spec *Spec) bool {
	texts := []string{spec.Setup, spec.Hidden, spec.Solution, spec.Checks}
	for _, inc := range spec.Incidents {
		texts = append(texts, inc.SQL)
	}
	for _, t := range texts {
		if catalogWords.MatchString(t) {
			return true
		}
	}
	return false
}

// dataset is one of a lab's datasets: a catalog in a shared instance, the
// reference's results on it, and idle connections that USE it.
type dataset struct {
	name     string // visible or hidden
	inst     *instance
	catalog  string
	expected Result   // query labs
	targets  []Result // etl labs, in the order of Spec.Targets

	mu   sync.Mutex
	idle []*database
	// write is held by jobs that change tables inside their transaction
	// (etl and quality labs): DuckDB would answer a second writer of the
	// same rows with a conflict, which is no learner's fault.
	write sync.Mutex
}

// maxIdleConns bounds the idle connections kept per dataset.
const maxIdleConns = 4

// dsConn is a dataset checked out for one job, on its own connection.
type dsConn struct {
	*dataset
	db *database
}

// job is a lab held by one job: its state, and its datasets on the job's
// own connections.
type job struct {
	*labState
	datasets  []dsConn
	writes    bool
	mayChange bool // the submission calls something that could change a setting
}

// NewEngine returns an engine with the given limits that keeps every lab's
// datasets warm.
func NewEngine(lim Limits) *Engine {
	return &Engine{lim: lim, cache: map[string]*labState{}, building: map[string]chan struct{}{}}
}

// SetMaxLabs bounds how many labs keep warm datasets; the least recently
// used lab no job holds is dropped first. This trades memory for an
// occasional rebuild.
func (e *Engine) SetMaxLabs(n int) {
	e.mu.Lock()
	e.maxLabs = n
	e.mu.Unlock()
}

// Close frees every cached database. No job may be running.
func (e *Engine) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closeAll()
}

// closeAll drops every lab and both instances. It runs under e.mu with no
// job holding a lab.
func (e *Engine) closeAll() {
	for k := range e.cache {
		e.dropLocked(k)
	}
	for _, in := range []*instance{e.visible, e.hidden} {
		if in != nil {
			in.admin.close()
		}
	}
	e.visible, e.hidden = nil, nil
}

// jobInfo is what one job tells its worker besides its answer.
type jobInfo struct {
	builds  int    // labs this job had to build: a cold or evicted cache
	tainted string // why the job left the process suspect
}

type jobInfoKey struct{}

// withJobInfo returns a context whose jobs report into info.
func withJobInfo(ctx context.Context, info *jobInfo) context.Context {
	return context.WithValue(ctx, jobInfoKey{}, info)
}

func infoOf(ctx context.Context) *jobInfo {
	if i, ok := ctx.Value(jobInfoKey{}).(*jobInfo); ok {
		return i
	}
	return &jobInfo{}
}

// holdFor is hold for a job that runs text: a submission that reads
// catalog metadata in a lab that shares the instances gets a private copy
// of the lab for its one job.
func (e *Engine) holdFor(ctx context.Context, spec *Spec, text string) (*labState, error) {
	if spec.Kind == KindCode || !catalogWords.MatchString(text) || labReadsCatalog(spec) {
		return e.hold(ctx, spec)
	}
	own, err := ownInstances(ctx)
	if err != nil {
		return nil, err
	}
	st, err := e.build(ctx, spec, own[0], own[1])
	if err != nil {
		closeInstances(own)
		return nil, err
	}
	st.own, st.transient, st.users = own, true, 1
	e.mu.Lock()
	e.active++
	e.mu.Unlock()
	infoOf(ctx).builds++
	return st, nil
}

// ownInstances opens a visible and a hidden instance for one lab.
func ownInstances(ctx context.Context) ([]*instance, error) {
	var out []*instance
	for _, name := range []string{"visible", "hidden"} {
		db, err := openDatabase(ctx)
		if err != nil {
			closeInstances(out)
			return nil, err
		}
		out = append(out, &instance{name: name, admin: db})
	}
	return out, nil
}

func closeInstances(ins []*instance) {
	for _, in := range ins {
		in.admin.close()
	}
}

// hold returns a lab's state, building its datasets and reference results
// the first time; setup.sql never runs per submission. The caller must
// call e.unhold(st) when its job ends.
func (e *Engine) hold(ctx context.Context, spec *Spec) (*labState, error) {
	e.mu.Lock()
	for {
		e.resetIfPoisoned()
		if st, ok := e.cache[spec.Key]; ok {
			e.clock++
			st.lastUsed = e.clock
			st.users++
			e.active++
			e.mu.Unlock()
			return st, nil
		}
		wait, ok := e.building[spec.Key]
		if !ok {
			break
		}
		e.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		e.mu.Lock()
	}
	done := make(chan struct{})
	e.building[spec.Key] = done
	visible, hidden, err := e.instances(ctx)
	e.mu.Unlock()

	var st *labState
	var own []*instance
	if err == nil && spec.Kind != KindCode && labReadsCatalog(spec) {
		if own, err = ownInstances(ctx); err == nil {
			visible, hidden = own[0], own[1]
		}
	}
	if err == nil {
		st, err = e.build(ctx, spec, visible, hidden)
	}
	if err != nil {
		closeInstances(own)
	} else {
		st.own = own
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.building, spec.Key)
	close(done)
	if err != nil {
		e.resetIfPoisoned()
		return nil, err
	}
	if e.maxLabs > 0 {
		for len(e.cache) >= e.maxLabs && e.evictOldest() {
		}
	}
	e.clock++
	st.lastUsed, st.users = e.clock, 1
	e.active++
	e.cache[spec.Key] = st
	e.builds.Add(1)
	infoOf(ctx).builds++
	return st, nil
}

// unhold ends a job's hold on a lab.
func (e *Engine) unhold(st *labState) {
	if st.transient {
		st.close()
	}
	e.mu.Lock()
	st.users--
	e.active--
	e.resetIfPoisoned()
	e.mu.Unlock()
}

// resetIfPoisoned rebuilds nothing itself: it drops every lab and both
// instances once no job holds or builds one, and the next job starts from
// fresh instances. It runs under e.mu.
func (e *Engine) resetIfPoisoned() {
	if e.poisoned != "" && e.active == 0 && len(e.building) == 0 {
		e.closeAll()
		e.poisoned = ""
	}
}

// instances opens the shared instances the first time. It runs under e.mu.
func (e *Engine) instances(ctx context.Context) (*instance, *instance, error) {
	for _, p := range []struct {
		in   **instance
		name string
	}{{&e.visible, "visible"}, {&e.hidden, "hidden"}} {
		if *p.in != nil {
			continue
		}
		db, err := openDatabase(ctx)
		if err != nil {
			return nil, nil, err
		}
		*p.in = &instance{name: p.name, admin: db}
	}
	return e.visible, e.hidden, nil
}

// build builds a lab's datasets (or compiles a code lab) outside e.mu, so
// other labs' jobs go on meanwhile.
func (e *Engine) build(ctx context.Context, spec *Spec, visible, hidden *instance) (*labState, error) {
	st := &labState{spec: *spec}
	if spec.Kind == KindCode {
		c, err := e.buildCodeLab(ctx, spec)
		if err != nil {
			return nil, err
		}
		st.code = c
		return st, nil
	}
	st.ordered = spec.OrderedResult()
	insts := []*instance{visible}
	if strings.TrimSpace(spec.Hidden) != "" {
		insts = append(insts, hidden)
	}
	for _, in := range insts {
		ds, err := e.buildDataset(ctx, spec, in)
		if err != nil {
			st.close()
			return nil, err
		}
		st.datasets = append(st.datasets, ds)
	}
	if spec.Kind == KindQuery && spec.OrderMode() == OrderSorted {
		keys, err := referenceKeys(ctx, spec, st.datasets[0])
		if err != nil {
			st.close()
			return nil, err
		}
		st.keys = keys
	}
	return st, nil
}

// close detaches the lab's catalogs, and closes its own instances; no job
// may hold the lab.
func (st *labState) close() {
	for _, ds := range st.datasets {
		ds.close()
	}
	st.datasets = nil
	closeInstances(st.own)
	st.own = nil
}

// evictOldest drops the least recently used lab that no job holds, and
// reports whether there was one. It runs under e.mu.
func (e *Engine) evictOldest() bool {
	oldest := ""
	for k, st := range e.cache {
		if st.users == 0 && (oldest == "" || st.lastUsed < e.cache[oldest].lastUsed) {
			oldest = k
		}
	}
	if oldest == "" {
		return false
	}
	e.dropLocked(oldest)
	return true
}

// dropLocked closes a lab's datasets; the next job builds them afresh.
func (e *Engine) dropLocked(key string) {
	if st := e.cache[key]; st != nil {
		st.close()
		delete(e.cache, key)
	}
}

// checkout gives a job its own connection to each of the lab's datasets.
// A job that changes tables (writes) holds each dataset's write lock too.
func (e *Engine) checkout(ctx context.Context, st *labState, writes bool) (*job, error) {
	j := &job{labState: st, writes: writes}
	for _, ds := range st.datasets {
		db, err := ds.acquire(ctx)
		if err != nil {
			j.release()
			return nil, err
		}
		if writes {
			ds.write.Lock()
		}
		j.datasets = append(j.datasets, dsConn{dataset: ds, db: db})
	}
	return j, nil
}

// release returns the job's connections.
func (j *job) release() {
	for _, c := range j.datasets {
		if j.writes {
			c.write.Unlock()
		}
		c.dataset.release(c.db)
	}
	j.datasets = nil
}

// writesTables reports whether a kind's jobs change tables inside their
// transaction.
func writesTables(kind string) bool { return kind == KindETL || kind == KindQuality }

// checkSandbox compares the settings of the job's connections with the
// snapshot taken when each was opened. A job that changed one (or left a
// connection that no longer answers) poisons the engine: its instances
// are rebuilt once no job holds them, and the job's worker reports itself
// tainted, so the pool replaces the process as well. Changed settings are
// the submission's doing: that is the returned refusal.
//
// Reading every setting costs about 0.5 ms, as much as a small lab's whole
// grading, so the comparison runs after every job that could have changed
// one: etl and quality jobs, and query jobs that call a table function
// other than range, generate_series or unnest (settings change through
// table functions such as enable_logging, all on the denylist, and
// through statements, which query labs refuse). Other jobs are compared
// every sampledSettingsCheck jobs on a connection, in case DuckDB has a
// way nobody has found.
func (e *Engine) checkSandbox(ctx context.Context, j *job) error {
	// The job's own context may be spent (a time-out): this check is ours.
	cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var changed []string
	for _, c := range j.datasets {
		c.db.unchecked++
		if !j.mayChange && !j.writes && c.db.unchecked < sampledSettingsCheck {
			continue
		}
		c.db.unchecked = 0
		same, now, err := c.db.settingsUnchanged(cctx)
		if err != nil {
			e.poison(ctx, fmt.Sprintf("lab %s: the %s database no longer answers: %v", j.spec.ID, c.name, err))
			return nil
		}
		if !same {
			changed = append(changed, changedSettings(c.db.settings, now)...)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	sort.Strings(changed)
	changed = slices.Compact(changed)
	e.poison(ctx, fmt.Sprintf("lab %s: settings changed: %s", j.spec.ID, strings.Join(changed, ", ")))
	return refuse("the submission changed the sandbox's settings (%s), which labs do not allow; the grader was reset",
		"제출이 샌드박스 설정(%s)을 바꿨습니다. 실습에서는 허용되지 않으므로 채점기를 초기화했습니다", strings.Join(changed, ", "))
}

// poison marks the shared instances for a rebuild and the job's process as
// suspect.
func (e *Engine) poison(ctx context.Context, why string) {
	e.mu.Lock()
	e.poisoned = why
	e.mu.Unlock()
	infoOf(ctx).tainted = why
}

func (e *Engine) buildDataset(ctx context.Context, spec *Spec, in *instance) (*dataset, error) {
	ds := &dataset{name: in.name, inst: in, catalog: catalogName(spec.Key)}
	if err := in.admin.execTrusted(ctx, "ATTACH ':memory:' AS "+ds.catalog); err != nil {
		return nil, fmt.Errorf("lab %s: attach the %s dataset: %w", spec.ID, in.name, err)
	}
	fail := func(file string, err error) (*dataset, error) {
		ds.close()
		return nil, fmt.Errorf("lab %s: %s on the %s dataset: %w", spec.ID, file, in.name, err)
	}
	db, err := ds.acquire(ctx)
	if err != nil {
		return fail("setup.sql", err)
	}
	defer ds.release(db)
	if err := db.execTrusted(ctx, spec.Setup); err != nil {
		return fail("setup.sql", err)
	}
	if in.name == "hidden" {
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

// catalogName names a lab's catalog by its key, which changes with every
// edit of the lab, so an edited lab never meets its old tables.
func catalogName(key string) string { return `"lab_` + strings.ReplaceAll(key, `"`, `""`) + `"` }

// acquire returns an idle connection to the dataset, or opens one.
func (ds *dataset) acquire(ctx context.Context) (*database, error) {
	ds.mu.Lock()
	if n := len(ds.idle); n > 0 {
		db := ds.idle[n-1]
		ds.idle = ds.idle[:n-1]
		ds.mu.Unlock()
		return db, nil
	}
	ds.mu.Unlock()
	return ds.inst.admin.connect(ctx, ds.catalog)
}

// release keeps a connection for the next job.
func (ds *dataset) release(db *database) {
	ds.mu.Lock()
	if len(ds.idle) < maxIdleConns {
		ds.idle = append(ds.idle, db)
		ds.mu.Unlock()
		return
	}
	ds.mu.Unlock()
	db.closeConn()
}

// close closes the idle connections and detaches the catalog.
func (ds *dataset) close() {
	ds.mu.Lock()
	idle := ds.idle
	ds.idle = nil
	ds.mu.Unlock()
	for _, db := range idle {
		db.closeConn()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ds.inst.admin.execTrusted(ctx, "DETACH DATABASE IF EXISTS "+ds.catalog)
}

// Grade grades one submission. Learner mistakes come back as a failing
// verdict; an error return means the lab or the engine is broken. The
// verdict is bounded (see bounds.go).
func (e *Engine) Grade(ctx context.Context, spec *Spec, sqlText string) (*Verdict, error) {
	start := time.Now()
	v, err := e.grade(ctx, spec, sqlText)
	if v != nil {
		v.DurationMS = float64(time.Since(start).Microseconds()) / 1000
	}
	return v.bound(), err
}

func (e *Engine) grade(ctx context.Context, spec *Spec, text string) (*Verdict, error) {
	v := &Verdict{Lab: spec.ID}
	var stmts []Statement
	var err error
	if spec.Kind == KindCode {
		// A program, not SQL: nothing to split or screen.
		if err := precheck(text, e.lim); err != nil {
			return v.fail(err), nil
		}
	} else if stmts, err = parseSubmission(text, policyFor(spec.Kind), e.lim); err != nil {
		return v.fail(err), nil
	}
	st, err := e.holdFor(ctx, spec, text)
	if err != nil {
		return nil, err
	}
	defer e.unhold(st)
	j, err := e.checkout(ctx, st, writesTables(spec.Kind))
	if err != nil {
		return nil, err
	}
	defer j.release()
	if spec.Kind != KindCode {
		if j.mayChange, err = refuseParsedAll(ctx, j.datasets[0].db, stmts); err != nil {
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
		err = e.gradeQuery(ctx, j, stmts, v)
	case KindETL:
		err = e.gradeETL(ctx, j, stmts, v)
	case KindQuality:
		err = e.gradeQuality(ctx, j, stmts, v)
	case KindCode:
		err = e.gradeCode(ctx, st, text, v)
	default:
		return nil, fmt.Errorf("labs: unknown kind %q", spec.Kind)
	}
	if changed := e.checkSandbox(ctx, j); changed != nil {
		return (&Verdict{Lab: spec.ID}).fail(changed), nil
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
		v.setMessage(passMessage(spec))
	}
	return v, nil
}

func passMessage(spec *Spec) text {
	switch {
	case spec.Kind == KindCode && spec.TestsRequired:
		return text{"Correct: your tests pass against the reference implementation and catch every mutant.",
			"정답입니다. 테스트가 올바른 구현에서 모두 통과하고, 모든 뮤턴트를 잡아냅니다."}
	case spec.Kind == KindCode:
		return text{"Correct: your function passes every visible and hidden test.",
			"정답입니다. 함수가 모든 공개 테스트와 숨은 테스트를 통과합니다."}
	}
	return text{"Correct: your submission matches the reference on every dataset.",
		"정답입니다. 제출이 모든 데이터셋에서 모범 답안과 일치합니다."}
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
		v.setError(errorText(sqlErr))
		v.setMessage(text{"Your SQL raised an error, so it could not be graded.", "SQL에서 오류가 나서 채점하지 못했습니다."})
	case errors.As(err, &ref):
		v.ErrorKind = ErrKindRefused
		v.setError(ref.text())
		v.setMessage(textf("The submission was refused: %s", "제출이 거부되었습니다: %s", ref.text()))
	default:
		v.ErrorKind = ErrKindRefused
		v.setError(errorText(err))
		v.setMessage(textf("The submission could not be graded: %s", "제출을 채점하지 못했습니다: %s", errorText(err)))
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
	return refuse("your SQL runs on the visible dataset but raises an error on the hidden dataset; look for values the visible data does not have (NULLs, empty strings, 0, unusual formats)",
		"SQL이 보이는 데이터셋에서는 실행되지만 숨겨진 데이터셋에서는 오류가 납니다. 보이는 데이터에 없는 값(NULL, 빈 문자열, 0, 특이한 형식)을 살펴보세요")
}

// failureMessage is the first dataset's problem. A problem on the hidden
// dataset alone follows "passes on the visible dataset but": in Korean
// too, each hidden message reads on after that opening.
func failureMessage(results []DatasetResult, messages []text) text {
	if len(messages) == 0 {
		return text{}
	}
	if len(results) > 1 && results[0].Passed && !results[1].Passed {
		return textf("Your answer passes on the visible dataset but %s", "보이는 데이터셋에서는 통과하지만 %s", messages[0])
	}
	return messages[0]
}

// Run runs the learner's SQL on the visible dataset and returns the last
// statement's rows, at most RunRowLimit of them and bounded in size (see
// bounds.go). Nothing it changes is kept.
func (e *Engine) Run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	res, err := e.run(ctx, spec, sqlText)
	return res, boundError(err)
}

func (e *Engine) run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	var stmts []Statement
	var err error
	p := policyFor(spec.Kind)
	if spec.Kind == KindCode {
		if err := precheck(sqlText, e.lim); err != nil {
			return nil, err
		}
	} else if stmts, err = parseSubmission(sqlText, p, e.lim); err != nil {
		return nil, err
	}
	st, err := e.holdFor(ctx, spec, sqlText)
	if err != nil {
		return nil, &internalError{err}
	}
	defer e.unhold(st)
	if spec.Kind == KindCode {
		return e.runCode(ctx, st, sqlText)
	}
	j, err := e.checkout(ctx, st, writesTables(spec.Kind))
	if err != nil {
		return nil, &internalError{err}
	}
	defer j.release()
	visible := j.datasets[0].db
	var res Result
	var truncated bool
	var checks *RunResult
	j.mayChange, err = refuseParsedAll(ctx, visible, stmts)
	switch {
	case err != nil:
	case spec.Kind == KindQuality:
		checks, err = e.runChecks(ctx, visible, stmts, p) // every check's result (run_checks.go)
	default:
		err = inTx(ctx, visible, func() error {
			var err error
			res, truncated, err = visible.runScript(ctx, stmts, p, e.lim, RunRowLimit)
			return err
		})
	}
	if changed := e.checkSandbox(ctx, j); changed != nil {
		return nil, changed
	}
	if err != nil {
		return nil, err
	}
	if checks != nil {
		return checks, nil
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
	if spec.Kind == KindCode {
		return nil, nil // no tables: the tests are the data
	}
	st, err := e.hold(ctx, spec)
	if err != nil {
		return nil, err
	}
	defer e.unhold(st)
	j, err := e.checkout(ctx, st, false)
	if err != nil {
		return nil, err
	}
	defer j.release()
	return describeTables(ctx, j.datasets[0].db, sampleRows)
}

func describeTables(ctx context.Context, db *database, sampleRows int) ([]Table, error) {
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
