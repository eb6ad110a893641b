package labs

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Limits bound what one submission may do inside a worker.
type Limits struct {
	MaxRows       int // rows read from one statement's result
	MaxBytes      int // approximate bytes of one result
	MaxStatements int // statements in one script
	MaxSQLBytes   int // size of the submission text, in every kind of lab

	// Code labs (starlark.go).
	MaxCallSteps   uint64 // Starlark steps of one call: a test, or a program's top level
	MaxJobSteps    uint64 // Starlark steps of one submission in all
	MaxHeapBytes   int64  // growth of the worker's heap while one submission runs
	MaxOutputBytes int    // printed output kept
	MaxTests       int    // test functions in a learner's test file
	MaxRangeLen    int    // longest range()
}

// DefaultLimits returns the sandbox's limits unless a caller sets others.
// It returns a fresh value each time, so no caller can change the limits
// for the rest of the process. A Starlark step is about one bytecode
// instruction: a simple loop takes about ten per iteration, and this
// machine runs 20 to 70 million a second, so a submission's steps end well
// inside its time limit.
func DefaultLimits() Limits {
	return Limits{MaxRows: 100_000, MaxBytes: 32 << 20, MaxStatements: 50, MaxSQLBytes: 64 << 10,
		MaxCallSteps: 1_000_000, MaxJobSteps: 20_000_000, MaxHeapBytes: 256 << 20, MaxOutputBytes: 64 << 10,
		MaxTests: 100, MaxRangeLen: 1_000_000}
}

// MemoryLimit is DuckDB's memory_limit for each sandbox database.
const MemoryLimit = "256MB"

// Refusal is a submission the sandbox will not run, or stopped. It is the
// learner's problem, never a server fault. Msg is English, Ko the same
// message in Korean.
type Refusal struct {
	Msg string
	Ko  string
}

func (r *Refusal) Error() string { return r.Msg }

// In returns the message in lang ("ko" or "en"), in English when the
// refusal has no Korean.
func (r *Refusal) In(lang string) string { return r.text().in(lang) }

func (r *Refusal) text() text {
	if r.Ko == "" {
		return same(r.Msg)
	}
	return text{r.Msg, r.Ko}
}

// refuse makes a refusal in both languages from two format strings that
// take the same arguments (text.go).
func refuse(en, ko string, args ...any) error { return refuseText(textf(en, ko, args...)) }

func refuseText(t text) error { return &Refusal{Msg: t.en, Ko: t.ko} }

// SQLError is an error DuckDB raised on the learner's SQL, with where it was.
type SQLError struct {
	Statement int // 1-based statement number in the script
	Line      int // line in the script where that statement starts
	Msg       string
}

func (e *SQLError) Error() string {
	return fmt.Sprintf("SQL error in statement %d (starting on line %d): %s", e.Statement, e.Line, e.Msg)
}

// Korean is Error in Korean; DuckDB's message stays as DuckDB wrote it.
func (e *SQLError) Korean() string {
	return fmt.Sprintf("%d번째 문장(%d번째 줄에서 시작)에서 SQL 오류가 났습니다: %s", e.Statement, e.Line, e.Msg)
}

// In returns Error in lang ("ko" or "en").
func (e *SQLError) In(lang string) string {
	if lang == "ko" {
		return e.Korean()
	}
	return e.Error()
}

// database is one connection to a locked in-memory DuckDB. The first one
// (openDatabase) locks the instance; later ones (connect) share its
// connector and its locked settings, and USE one lab's catalog.
type database struct {
	connector *duckdb.Connector
	conn      *duckdb.Conn
	settings  map[string]string       // duckdb_settings() on this connection when it was opened
	unchecked int                     // jobs since its settings were last compared
	stmts     map[string]*duckdb.Stmt // our own fixed statements, prepared once
}

// lockSettings run before any lab or learner text. The order matters:
// temp_directory must be changed while external access is still allowed,
// and nothing can be changed after lock_configuration.
var lockSettings = []string{
	"SET threads = 1",
	"SET memory_limit = '" + MemoryLimit + "'",
	"SET temp_directory = ''", // no spilling: a private tmp would still be a file channel
	"SET autoinstall_known_extensions = false",
	"SET autoload_known_extensions = false",
	"SET allow_community_extensions = false",
	"SET enable_external_access = false",
	"SET lock_configuration = true",
}

func openDatabase(ctx context.Context) (*database, error) {
	c, err := duckdb.NewConnector("", nil)
	if err != nil {
		return nil, fmt.Errorf("labs: open duckdb: %w", err)
	}
	dc, err := c.Connect(ctx)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("labs: connect duckdb: %w", err)
	}
	db := &database{connector: c, conn: dc.(*duckdb.Conn)}
	for _, s := range lockSettings {
		if _, err := db.conn.ExecContext(ctx, s, nil); err != nil {
			db.close()
			return nil, fmt.Errorf("labs: sandbox setting %q: %w", s, err)
		}
	}
	if err := db.snapshotSettings(ctx); err != nil {
		db.close()
		return nil, err
	}
	return db, nil
}

// connect opens another connection to db's instance that uses catalog.
func (db *database) connect(ctx context.Context, catalog string) (*database, error) {
	dc, err := db.connector.Connect(ctx)
	if err != nil {
		return nil, fmt.Errorf("labs: connect duckdb: %w", err)
	}
	c := &database{connector: db.connector, conn: dc.(*duckdb.Conn)}
	if _, err := c.conn.ExecContext(ctx, "USE "+catalog, nil); err != nil { // catalog is quoted
		c.closeConn()
		return nil, fmt.Errorf("labs: use %s: %w", catalog, err)
	}
	if err := c.snapshotSettings(ctx); err != nil {
		c.closeConn()
		return nil, err
	}
	return c, nil
}

// sampledSettingsCheck is how often a connection compares its settings
// after jobs that cannot have changed them (see Engine.checkSandbox).
const sampledSettingsCheck = 16

func (db *database) snapshotSettings(ctx context.Context) error {
	var err error
	db.settings, err = db.readSettings(ctx)
	return err
}

// settingsUnchanged compares every setting of the connection with its
// snapshot; now holds them all when they differ.
func (db *database) settingsUnchanged(ctx context.Context) (bool, map[string]string, error) {
	now, err := db.readSettings(ctx)
	if err != nil {
		return false, nil, err
	}
	return len(changedSettings(db.settings, now)) == 0, now, nil
}

// cached returns one of our own fixed statements, prepared once per
// connection: DuckDB's parser costs more than running them.
func (db *database) cached(text string) (*duckdb.Stmt, error) {
	if st, ok := db.stmts[text]; ok {
		return st, nil
	}
	ds, err := db.conn.Prepare(text)
	if err != nil {
		return nil, err
	}
	if db.stmts == nil {
		db.stmts = map[string]*duckdb.Stmt{}
	}
	st := asStmt(ds)
	db.stmts[text] = st
	return st, nil
}

// execCached runs one of our own fixed statements.
func (db *database) execCached(ctx context.Context, text string) error {
	st, err := db.cached(text)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, nil)
	return err
}

// readSettings reads every setting: lock_configuration does not stop table
// functions such as enable_logging, so the engine compares these with the
// snapshot after each job (Engine.checkSandbox).
//
// It is prepared afresh each time: a prepared duckdb_settings() keeps the
// values of when it was prepared.
func (db *database) readSettings(ctx context.Context) (map[string]string, error) {
	res, err := db.trustedQuery(ctx, "SELECT name, value FROM duckdb_settings()", 10_000)
	if err != nil {
		return nil, fmt.Errorf("labs: read sandbox settings: %w", err)
	}
	out := make(map[string]string, len(res.Rows))
	for _, r := range res.Rows {
		out[r[0].S] = r[1].String()
	}
	return out, nil
}

// changedSettings names the settings whose values differ between two reads.
func changedSettings(before, after map[string]string) []string {
	var out []string
	for k, v := range after {
		if old, ok := before[k]; !ok || old != v {
			out = append(out, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// close closes the connection and its instance.
func (db *database) close() {
	db.closeConn()
	db.connector.Close()
}

// closeConn closes this connection only; its instance stays.
func (db *database) closeConn() {
	for _, st := range db.stmts {
		st.Close()
	}
	db.stmts = nil
	db.conn.Close()
}

// execTrusted runs lab-authored SQL (setup, hidden, incidents, the
// reference) as a whole script. It still runs under the locked settings.
func (db *database) execTrusted(ctx context.Context, script string) error {
	if len(SplitStatements(script)) == 0 {
		return nil
	}
	_, err := db.conn.ExecContext(ctx, script, nil)
	return err
}

// trustedQuery runs one lab-authored query and reads at most maxRows rows;
// more is an error, since a reference must not be cut short.
func (db *database) trustedQuery(ctx context.Context, text string, maxRows int) (Result, error) {
	ds, err := db.conn.Prepare(text)
	if err != nil {
		return Result{}, err
	}
	res, truncated, err := query(ctx, asStmt(ds), DefaultLimits(), maxRows, false)
	if err == nil && truncated {
		err = fmt.Errorf("result has more than %d rows", maxRows)
	}
	return res, err
}

// firstRow runs one lab-authored query and reads at most its first row: a
// check only needs to know whether it returns any.
func (db *database) firstRow(ctx context.Context, text string) (Result, error) {
	ds, err := db.conn.Prepare(text)
	if err != nil {
		return Result{}, err
	}
	res, _, err := query(ctx, asStmt(ds), DefaultLimits(), 1, true)
	return res, err
}

func (db *database) begin(ctx context.Context) error {
	return db.execCached(ctx, "BEGIN TRANSACTION")
}

// rollback undoes everything a submission did. It uses a fresh context: the
// submission's may already be cancelled.
func (db *database) rollback() error {
	return db.execCached(context.Background(), "ROLLBACK")
}

// policy says which statements a lab kind accepts.
type policy struct {
	kind         string
	single       bool // exactly one statement (query labs)
	allowedTypes map[duckdb.StmtType]bool
}

var (
	selectOnly = map[duckdb.StmtType]bool{duckdb.STATEMENT_TYPE_SELECT: true}
	etlTypes   = map[duckdb.StmtType]bool{
		duckdb.STATEMENT_TYPE_SELECT: true, duckdb.STATEMENT_TYPE_INSERT: true, duckdb.STATEMENT_TYPE_UPDATE: true,
		duckdb.STATEMENT_TYPE_DELETE: true, duckdb.STATEMENT_TYPE_CREATE: true, duckdb.STATEMENT_TYPE_DROP: true,
		duckdb.STATEMENT_TYPE_ALTER: true, duckdb.StmtType(30) /* MERGE INTO */ : true,
	}
)

func policyFor(kind string) policy {
	switch kind {
	case KindETL:
		return policy{kind: kind, allowedTypes: etlTypes}
	case KindQuality:
		return policy{kind: kind, allowedTypes: selectOnly}
	}
	return policy{kind: KindQuery, single: true, allowedTypes: selectOnly}
}

// refusedKeywords are checked on the text too: DuckDB reports some of these
// (PRAGMA, SHOW-style pragmas) as plain SELECT statements.
var refusedKeywords = map[string]string{
	"ATTACH": "ATTACH", "DETACH": "DETACH", "COPY": "COPY", "EXPORT": "EXPORT DATABASE",
	"IMPORT": "IMPORT DATABASE", "INSTALL": "INSTALL", "FORCE": "FORCE INSTALL", "LOAD": "LOAD",
	"SET": "SET", "RESET": "RESET", "PRAGMA": "PRAGMA", "CALL": "CALL", "BEGIN": "transaction control",
	"START": "transaction control", "COMMIT": "transaction control", "ROLLBACK": "transaction control",
	"ABORT": "transaction control", "END": "transaction control", "CHECKPOINT": "CHECKPOINT",
	"VACUUM": "VACUUM", "USE": "USE", "PREPARE": "PREPARE", "EXECUTE": "EXECUTE", "DEALLOCATE": "DEALLOCATE",
	"UPDATE_EXTENSIONS": "UPDATE EXTENSIONS",
}

var stmtTypeNames = map[duckdb.StmtType]string{
	duckdb.STATEMENT_TYPE_INSERT: "INSERT", duckdb.STATEMENT_TYPE_UPDATE: "UPDATE", duckdb.STATEMENT_TYPE_DELETE: "DELETE",
	duckdb.STATEMENT_TYPE_CREATE: "CREATE", duckdb.STATEMENT_TYPE_DROP: "DROP", duckdb.STATEMENT_TYPE_ALTER: "ALTER",
	duckdb.STATEMENT_TYPE_EXPLAIN: "EXPLAIN", duckdb.STATEMENT_TYPE_CREATE_FUNC: "CREATE MACRO/FUNCTION",
	duckdb.STATEMENT_TYPE_TRANSACTION: "transaction control", duckdb.STATEMENT_TYPE_COPY: "COPY",
	duckdb.STATEMENT_TYPE_ATTACH: "ATTACH", duckdb.STATEMENT_TYPE_DETACH: "DETACH", duckdb.STATEMENT_TYPE_EXPORT: "EXPORT",
	duckdb.STATEMENT_TYPE_PRAGMA: "PRAGMA", duckdb.STATEMENT_TYPE_SET: "SET", duckdb.STATEMENT_TYPE_VARIABLE_SET: "SET VARIABLE",
	duckdb.STATEMENT_TYPE_LOAD: "LOAD/INSTALL", duckdb.STATEMENT_TYPE_CALL: "CALL", duckdb.STATEMENT_TYPE_VACUUM: "VACUUM",
	duckdb.STATEMENT_TYPE_ANALYZE: "ANALYZE", duckdb.STATEMENT_TYPE_PREPARE: "PREPARE", duckdb.STATEMENT_TYPE_EXECUTE: "EXECUTE",
}

// statementName names a kind of statement from refusedKeywords or
// stmtTypeNames for a refusal: in Korean as "ATTACH 문", so that every
// name takes the same particle.
func statementName(what string) text {
	if what == "transaction control" {
		return text{what, "트랜잭션 제어 문"}
	}
	return text{what, what + " 문"}
}

// parseSubmission checks the text before anything runs: size, encoding, at
// least one statement, the statement count, and keywords no lab allows.
func parseSubmission(sqlText string, p policy, lim Limits) ([]Statement, error) {
	if err := precheck(sqlText, lim); err != nil {
		return nil, err
	}
	stmts := SplitStatements(sqlText)
	switch {
	case len(stmts) == 0:
		return nil, errEmptySQL()
	case p.single && len(stmts) > 1:
		return nil, refuse("a query lab takes exactly one SQL statement; this submission has %d", "쿼리 실습은 SQL 문장 하나만 받습니다. 이 제출에는 문장이 %d개 있습니다", len(stmts))
	case len(stmts) > lim.MaxStatements:
		return nil, refuse("the submission has %d statements; the limit is %d", "제출에 문장이 %d개 있습니다. 한도는 %d개입니다", len(stmts), lim.MaxStatements)
	}
	for i, s := range stmts {
		if what, bad := refusedKeywords[s.Keyword]; bad {
			name := statementName(what)
			return nil, refuse("statement %d: %s is not allowed in labs", "%d번째 문장: %s은 실습에서 쓸 수 없습니다", i+1, name)
		}
		if name, bad := deniedUse(s.Text); bad {
			return nil, deniedMessage(i+1, name)
		}
	}
	return stmts, nil
}

// refuseParsedAll runs DuckDB's parser check (denylist.go) on every statement
// of a submission, once, on one of the lab's databases. It reports whether
// any statement calls a table function other than the pure ones, or could
// not be read (not a SELECT): only such a job can change a setting.
func refuseParsedAll(ctx context.Context, db *database, stmts []Statement) (mayChange bool, err error) {
	for i, s := range stmts {
		calls, err := db.refuseParsed(ctx, i+1, s)
		if err != nil {
			return true, err
		}
		mayChange = mayChange || calls
	}
	return mayChange, nil
}

// precheck refuses text that is too large or not text at all. The pool
// runs it before a job leaves the server: JSON would quietly repair invalid
// UTF-8 on the way to the worker.
func precheck(sqlText string, lim Limits) error {
	if len(sqlText) > lim.MaxSQLBytes {
		return refuse("the submission is %d bytes; the limit is %d", "제출이 %d바이트입니다. 한도는 %d바이트입니다", len(sqlText), lim.MaxSQLBytes)
	}
	if !utf8.ValidString(sqlText) {
		return refuse("the submission is not valid UTF-8 text", "제출이 올바른 UTF-8 텍스트가 아닙니다")
	}
	if strings.ContainsRune(sqlText, 0) {
		return refuse("the submission contains a NUL character", "제출에 NUL 문자가 들어 있습니다")
	}
	return nil
}

// prepare prepares one statement and checks its type before it runs.
// Prepare (unlike PrepareContext) refuses text that holds several
// statements, so nothing hidden after a split mistake can run.
func (db *database) prepare(s Statement, n int, p policy) (*duckdb.Stmt, error) {
	ds, err := db.conn.Prepare(s.Text)
	if err != nil {
		// The driver refuses several statements with an error of its own:
		// no *duckdb.Error and no exported sentinel, so only its text tells
		// (TestMultiStatementErrorHasNoType).
		var de *duckdb.Error
		if !errors.As(err, &de) && strings.Contains(err.Error(), "multi-statement") {
			return nil, refuse("statement %d holds more than one statement", "%d번째 문장 안에 문장이 둘 이상 들어 있습니다", n)
		}
		return nil, &SQLError{Statement: n, Line: s.Line, Msg: cleanError(err)}
	}
	st := ds.(*duckdb.Stmt)
	typ, err := st.StatementType()
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("labs: statement type: %w", err)
	}
	if !p.allowedTypes[typ] {
		st.Close()
		name := textf("this kind of statement (%d)", "이 종류의 문장(유형 %d)", typ)
		if what := stmtTypeNames[typ]; what != "" {
			name = statementName(what)
		}
		if p.kind == KindETL {
			return nil, refuse("statement %d: %s is not allowed in etl labs (use CREATE, INSERT, UPDATE, DELETE, MERGE, DROP, ALTER or SELECT)",
				"%d번째 문장: %s은 etl 실습에서 쓸 수 없습니다(CREATE, INSERT, UPDATE, DELETE, MERGE, DROP, ALTER, SELECT를 쓰세요)", n, name)
		}
		return nil, refuse("statement %d: %s is not allowed in %s labs: only queries (SELECT or WITH ... SELECT)",
			"%[1]d번째 문장: %[2]s은 %[3]s 실습에서 쓸 수 없습니다. 쿼리(SELECT 또는 WITH ... SELECT)만 됩니다", n, name, kindName(p.kind))
	}
	return st, nil
}

// query runs a prepared statement, reads at most lim.MaxRows rows and
// closes it. With firstOnly it stops after one row (a quality check only
// needs to know whether it fires). Returned truncated reports rows left
// unread.
func query(ctx context.Context, st *duckdb.Stmt, lim Limits, maxRows int, firstOnly bool) (res Result, truncated bool, err error) {
	defer st.Close()
	return read(ctx, st, lim, maxRows, firstOnly)
}

func read(ctx context.Context, st *duckdb.Stmt, lim Limits, maxRows int, firstOnly bool) (res Result, truncated bool, err error) {
	rows, err := st.QueryContext(ctx, nil)
	if err != nil {
		return res, false, err
	}
	defer rows.Close()
	res.Columns = rows.Columns()
	types := columnTypes(rows, len(res.Columns)) // values show by their type (values.go)
	vals := make([]driver.Value, len(res.Columns))
	size := 0
	for {
		if err := rows.Next(vals); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return res, false, err
		}
		if len(res.Rows) >= maxRows {
			return res, true, nil
		}
		row := make(Row, len(vals))
		for i, v := range vals {
			row[i] = convert(v, types[i])
			size += approxSize(row[i])
		}
		if size > lim.MaxBytes {
			return res, false, refuse("the result is larger than %d MB", "결과가 %d MB보다 큽니다", lim.MaxBytes>>20)
		}
		res.Rows = append(res.Rows, row)
		if firstOnly {
			return res, false, nil
		}
	}
	return res, false, nil
}

func approxSize(v Value) int {
	n := 16 + len(v.S)
	for _, e := range v.L {
		n += approxSize(e)
	}
	return n
}

// runScript runs learner statements one at a time: each is prepared and its
// type checked before it runs. It returns the result of the last statement
// when that statement returns rows.
func (db *database) runScript(ctx context.Context, stmts []Statement, p policy, lim Limits, maxRows int) (last Result, truncated bool, err error) {
	for i, s := range stmts {
		if err := ctx.Err(); err != nil {
			return last, false, wrapRunError(ctx, err, i+1, s) // a time-out, in the learner's words
		}
		st, err := db.prepare(s, i+1, p)
		if err != nil {
			return last, false, err
		}
		res, trunc, err := query(ctx, st, lim, maxRows, false)
		if err != nil {
			return last, false, wrapRunError(ctx, err, i+1, s)
		}
		last, truncated = res, trunc
	}
	return last, truncated, nil
}

// wrapRunError turns what DuckDB said into a learner-facing error: a time
// out, a memory refusal or an ordinary SQL error with its position.
func wrapRunError(ctx context.Context, err error, n int, s Statement) error {
	var r *Refusal
	switch {
	case errors.As(err, &r):
		return err
	case ctx.Err() != nil || isDuckDBError(err, duckdb.ErrorTypeInterrupt):
		return refuse("time limit exceeded: the submission ran too long and was stopped", "시간 제한 초과: 제출이 너무 오래 실행되어 중단되었습니다")
	case isDuckDBError(err, duckdb.ErrorTypeOutOfMemory):
		return refuse("memory limit exceeded (%s): the query needs too much memory", "메모리 제한 초과(%s): 쿼리에 메모리가 너무 많이 필요합니다", MemoryLimit)
	}
	return &SQLError{Statement: n, Line: s.Line, Msg: cleanError(err)}
}

// isDuckDBError reports whether DuckDB raised err with the given type. The
// driver joins it with the context's error when a query is interrupted.
func isDuckDBError(err error, typ duckdb.ErrorType) bool {
	var de *duckdb.Error
	return errors.As(err, &de) && de.Type == typ
}

// cleanError keeps DuckDB's message, including its LINE/caret lines, which
// show the position inside the statement.
func cleanError(err error) string {
	return strings.TrimSpace(err.Error())
}

func asStmt(ds driver.Stmt) *duckdb.Stmt { return ds.(*duckdb.Stmt) }

// CheckText refuses a submission that no lab of the kind could grade:
// empty, too large, or not UTF-8 text. Callers use it to answer "bad
// input" early. A code lab's program is not SQL, so only blank text is
// empty there.
func CheckText(kind, text string) error {
	if err := precheck(text, DefaultLimits()); err != nil {
		return err
	}
	switch {
	case kind == KindCode && strings.TrimSpace(text) == "":
		return refuse("the submission is empty: write the program", "제출이 비어 있습니다. 프로그램을 작성하세요")
	case kind != KindCode && len(SplitStatements(text)) == 0:
		return errEmptySQL()
	}
	return nil
}

func errEmptySQL() error {
	return refuse("the submission is empty: write a SQL statement", "제출이 비어 있습니다. SQL 문장을 작성하세요")
}

// kindName is a lab kind as the Korean interface names it
// (templates/messages.yaml, kind.*); in English it is the kind itself.
func kindName(kind string) text {
	ko := map[string]string{KindQuery: "쿼리", KindETL: "ETL", KindQuality: "데이터 품질", KindCode: "코드"}[kind]
	if ko == "" {
		ko = kind
	}
	return text{kind, ko}
}
