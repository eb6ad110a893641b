// Package store owns Ladder's database: opening it, applying the embedded
// migrations and every SQL statement the portal runs. The database is SQLite
// in the data directory by default, or PostgreSQL (OpenPostgres) for
// several replicas; every method behaves the same on both (see dialect).
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

// migrationFiles holds both engines' migrations: migrations/NNN_name.sql is
// the SQLite text, migrations/postgres/NNN_name.sql the PostgreSQL one. The
// two folders hold the same numbers and names (a test checks it), so a
// database of either engine is at the same version after the same file.
//
//go:embed migrations/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// ErrNotFound is returned when a row that was asked for does not exist.
var ErrNotFound = errors.New("store: not found")

// DBFile is the name of the database file inside the data directory.
const DBFile = "ladder.db"

// DefaultTimeout is how long one store call may take before it is
// cancelled: a stuck database must not hold a request for ever.
const DefaultTimeout = 5 * time.Second

// DefaultMigrationLockWait is how long opening a PostgreSQL store waits for
// another replica that is applying migrations: long enough for a real
// migration, short enough that a stuck one stops the start with a message.
const DefaultMigrationLockWait = 2 * time.Minute

// Options configure a Store. Zero values take the defaults.
type Options struct {
	Now     func() time.Time // the clock for every time the store writes or compares; default time.Now
	Timeout time.Duration    // deadline of one store call; default DefaultTimeout
	// SkipMigrations opens the database without applying pending
	// migrations, for a caller that runs Migrate itself.
	SkipMigrations bool
	// MigrationLockWait bounds the wait for another process's migration
	// lock; default DefaultMigrationLockWait.
	MigrationLockWait time.Duration
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MigrationLockWait <= 0 {
		o.MigrationLockWait = DefaultMigrationLockWait
	}
	return o
}

// Store is the portal's database. On SQLite reads use a pool and writes go
// through a single connection, so SQLite never answers "database is locked"
// between our own writers; on PostgreSQL read and write are one pool.
type Store struct {
	read     *sql.DB
	write    *sql.DB
	dialect  dialect
	path     string
	clock    func() time.Time
	timeout  time.Duration
	lockWait time.Duration
}

// Open creates the data directory if needed, opens the database in it and
// applies any pending migrations.
func Open(ctx context.Context, dataDir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("store: create data dir %q: %w", dataDir, err)
	}
	return OpenFile(ctx, filepath.Join(dataDir, DBFile), opts)
}

// OpenFile opens the SQLite database at path and applies pending
// migrations unless opts.SkipMigrations.
func OpenFile(ctx context.Context, path string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	dsn := dsnFor(path)
	read, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %q: %w", path, err)
	}
	read.SetMaxOpenConns(8)
	read.SetConnMaxIdleTime(5 * time.Minute)
	write, err := sql.Open("sqlite", dsn)
	if err != nil {
		read.Close()
		return nil, fmt.Errorf("store: open %q: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	s := &Store{read: read, write: write, dialect: sqliteDialect, path: path, clock: opts.Now, timeout: opts.Timeout}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.start(ctx, opts); err != nil {
		return nil, err
	}
	return s, nil
}

// start finishes opening either engine: it applies pending migrations
// unless told not to. On error it closes the store.
func (s *Store) start(ctx context.Context, opts Options) error {
	s.lockWait = opts.MigrationLockWait
	if opts.SkipMigrations {
		return nil
	}
	if _, err := s.migrate(ctx, migrationFiles); err != nil {
		s.Close()
		return err
	}
	return nil
}

// dsnFor sets busy_timeout first so that the pragmas after it already wait
// for a lock instead of failing.
func dsnFor(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Now is the store's clock, which the whole portal shares so that times
// written, compared and shown agree.
func (s *Store) Now() time.Time { return s.clock() }

// bound gives one store call its deadline.
func (s *Store) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.timeout)
}

// now is the store's clock as stored text (see formatTime).
func (s *Store) now() string { return formatTime(s.clock()) }

// storedTime is how times are stored on both engines: UTC RFC 3339 with
// exactly nine fractional digits. The fixed width makes text order time
// order (RFC3339Nano drops trailing zeros, and "05Z" sorts after "05.5Z"),
// and time.RFC3339Nano still parses it.
const storedTime = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(storedTime) }

// isUnique reports whether err is a UNIQUE or PRIMARY KEY violation, by the
// driver's code rather than its message: SQLite's extended result code, or
// PostgreSQL's SQLSTATE 23505 (unique_violation, primary keys included).
func isUnique(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// Path is the database file's path, or the PostgreSQL URL without its
// password.
func (s *Store) Path() string { return s.path }

// Engine is EngineSQLite or EnginePostgres.
func (s *Store) Engine() string { return s.dialect.name }

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var one int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Close closes the pools. WAL content is checkpointed by SQLite when the last
// connection closes.
func (s *Store) Close() error {
	if s.read == s.write {
		return s.read.Close()
	}
	return errors.Join(s.read.Close(), s.write.Close())
}

// Pragma returns the value of a read-only SQLite pragma, for tests and
// diagnostics. PostgreSQL has no pragmas.
func (s *Store) Pragma(ctx context.Context, name string) (string, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if s.dialect.name != EngineSQLite {
		return "", fmt.Errorf("store: pragma %s: the database is %s, not SQLite", name, s.dialect.name)
	}
	switch name {
	case "journal_mode", "foreign_keys", "busy_timeout", "integrity_check", "synchronous":
	default:
		return "", fmt.Errorf("store: pragma %q is not readable here", name)
	}
	var v string
	if err := s.read.QueryRowContext(ctx, "PRAGMA "+name).Scan(&v); err != nil {
		return "", fmt.Errorf("store: pragma %s: %w", name, err)
	}
	return v, nil
}

// transact runs fn in one write transaction. It rolls back when fn returns an
// error or panics.
func (s *Store) transact(ctx context.Context, fn func(tx *sql.Tx) error) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	return s.runTx(ctx, fn)
}

// runTx is transact without the per-call deadline.
func (s *Store) runTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	return runTxOn(ctx, s.write, fn)
}

// runTxOn runs fn in a transaction begun on db, a pool or one connection.
func runTxOn(ctx context.Context, db interface {
	BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
}, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		if ctx.Err() != nil {
			// database/sql rolled back when ctx ended, and Commit says only
			// "already rolled back": the deadline is the cause, and callers
			// answer it with 503, not 500.
			err = errors.Join(ctx.Err(), err)
		}
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// loadMigrations reads the NNN_name.sql files of one folder and sorts them
// by number. Gaps and duplicates are errors: a missing number usually means
// a lost file.
func loadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("store: read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %q: name must start with a positive number and '_'", name)
		}
		b, err := fs.ReadFile(fsys, dir+"/"+name)
		if err != nil {
			return nil, fmt.Errorf("store: read migration %q: %w", name, err)
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("store: migration %q: expected number %d", m.Name, i+1)
		}
	}
	return out, nil
}

// Migrate applies the pending migrations and returns those it applied, in
// order; none when the database is up to date. On PostgreSQL it holds the
// migration lock meanwhile, so replicas that start together apply each
// migration once: the others wait, then find nothing left to do.
func (s *Store) Migrate(ctx context.Context) ([]Migration, error) {
	return s.migrate(ctx, migrationFiles)
}

// migrate applies each pending migration of fsys in its own transaction and
// records it in schema_migrations in that same transaction, so a failed
// migration leaves neither its changes nor its record. Everything runs on
// one connection, the one that holds the migration lock.
func (s *Store) migrate(ctx context.Context, fsys fs.FS) (done []Migration, err error) {
	migrations, err := loadMigrations(fsys, s.dialect.migrations)
	if err != nil {
		return nil, err
	}
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	defer conn.Close()
	lctx, cancel := context.WithTimeout(ctx, s.lockWait)
	unlock, err := s.dialect.lockMigrations(lctx, conn)
	cancel()
	if err != nil {
		return nil, err
	}
	defer unlock()
	_, err = conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`)
	if err != nil {
		return nil, fmt.Errorf("store: create schema_migrations: %w", err)
	}
	applied := map[int]bool{}
	rows, err := conn.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("store: read schema_migrations: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: read schema_migrations: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	for _, m := range migrations {
		if applied[m.Version] {
			continue
		}
		ran := false
		err := runTxOn(ctx, conn, func(tx *sql.Tx) error {
			// Checked again inside the transaction: on SQLite another
			// process may have applied it since the list was read.
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.Version).Scan(&n); err != nil {
				return fmt.Errorf("store: check migration %s: %w", m.Name, err)
			}
			if n > 0 {
				return nil
			}
			ran = true
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("store: apply migration %s: %w", m.Name, err)
			}
			_, err := tx.ExecContext(ctx,
				"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.Version, m.Name, s.now())
			if err != nil {
				return fmt.Errorf("store: record migration %s: %w", m.Name, err)
			}
			return nil
		})
		if err != nil {
			return done, err
		}
		if ran {
			done = append(done, m)
		}
	}
	return done, nil
}

// AppliedMigrations lists the recorded migration versions in order.
func (s *Store) AppliedMigrations(ctx context.Context) ([]Migration, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT version, name FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, fmt.Errorf("store: list migrations: %w", err)
	}
	defer rows.Close()
	var out []Migration
	for rows.Next() {
		var m Migration
		if err := rows.Scan(&m.Version, &m.Name); err != nil {
			return nil, fmt.Errorf("store: list migrations: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// placeholders returns "?, ?, ..." for an IN list of n bound values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// eachRow runs a read query and calls fn with each row's Scan.
func (s *Store) eachRow(ctx context.Context, q string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// insert runs one INSERT with its deadline and returns the new row's id;
// what names the row goes into the error.
func (s *Store) insert(ctx context.Context, what, q string, args ...any) (int64, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	id, err := insertID(ctx, s.write, q, args...)
	if err != nil {
		return 0, fmt.Errorf("store: %s: %w", what, err)
	}
	return id, nil
}

// insertID runs an INSERT into a table with an id column and returns the
// new row's id. It asks with RETURNING id, which SQLite and PostgreSQL both
// understand, because pgx has no LastInsertId.
func insertID(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, q string, args ...any) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&id)
	return id, err
}
