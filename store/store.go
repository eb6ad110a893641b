// Package store owns Ladder's SQLite database: opening it, applying the
// embedded migrations and every SQL statement the portal runs.
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

	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrNotFound is returned when a row that was asked for does not exist.
var ErrNotFound = errors.New("store: not found")

// DBFile is the name of the database file inside the data directory.
const DBFile = "ladder.db"

// DefaultTimeout is how long one store call may take before it is
// cancelled: a stuck database must not hold a request for ever.
const DefaultTimeout = 5 * time.Second

// Options configure a Store. Zero values take the defaults.
type Options struct {
	Now     func() time.Time // the clock for every time the store writes or compares; default time.Now
	Timeout time.Duration    // deadline of one store call; default DefaultTimeout
}

// Store is the portal's database. Reads use a pool; writes go through a
// single connection so SQLite never answers "database is locked" between our
// own writers.
type Store struct {
	read    *sql.DB
	write   *sql.DB
	path    string
	clock   func() time.Time
	timeout time.Duration
}

// Open creates the data directory if needed, opens the database in it and
// applies any pending migrations.
func Open(ctx context.Context, dataDir string, opts Options) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("store: create data dir %q: %w", dataDir, err)
	}
	return OpenFile(ctx, filepath.Join(dataDir, DBFile), opts)
}

// OpenFile opens the database at path and applies pending migrations.
func OpenFile(ctx context.Context, path string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
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
	s := &Store{read: read, write: write, path: path, clock: opts.Now, timeout: opts.Timeout}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.migrate(ctx, migrationFiles); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
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

// now is the store's clock as stored text: UTC, RFC 3339 with nanoseconds,
// so that text order is time order.
func (s *Store) now() string { return formatTime(s.clock()) }

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// isUnique reports whether err is a UNIQUE or PRIMARY KEY violation, by the
// driver's extended result code rather than its message.
func isUnique(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

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

// Close closes both pools. WAL content is checkpointed by SQLite when the last
// connection closes.
func (s *Store) Close() error {
	return errors.Join(s.read.Close(), s.write.Close())
}

// Pragma returns the value of a read-only pragma, for tests and diagnostics.
func (s *Store) Pragma(ctx context.Context, name string) (string, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
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

// runTx is transact without the per-call deadline, for migrations, which
// may rightly take long on a large database.
func (s *Store) runTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.write.BeginTx(ctx, nil)
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

// loadMigrations reads NNN_name.sql files and sorts them by number. Gaps and
// duplicates are errors: a missing number usually means a lost file.
func loadMigrations(fsys fs.FS) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, "migrations")
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
		b, err := fs.ReadFile(fsys, "migrations/"+name)
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

// migrate applies each pending migration in its own transaction and records
// it in schema_migrations in that same transaction, so a failed migration
// leaves neither its changes nor its record.
func (s *Store) migrate(ctx context.Context, fsys fs.FS) error {
	migrations, err := loadMigrations(fsys)
	if err != nil {
		return err
	}
	_, err = s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`)
	if err != nil {
		return fmt.Errorf("store: create schema_migrations: %w", err)
	}
	applied := map[int]bool{}
	rows, err := s.write.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return fmt.Errorf("store: read schema_migrations: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("store: read schema_migrations: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	for _, m := range migrations {
		if applied[m.Version] {
			continue
		}
		err := s.runTx(ctx, func(tx *sql.Tx) error {
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
			return err
		}
	}
	return nil
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
	res, err := s.write.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("store: %s: %w", what, err)
	}
	return res.LastInsertId()
}
