package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// ErrUsePgTools is returned by Backup on PostgreSQL: its own tools, pg_dump
// and pg_restore, back it up and restore it, consistently and while the
// replicas serve, so the portal does not do it a second way.
var ErrUsePgTools = errors.New("store: with PostgreSQL, back up with pg_dump and restore with pg_restore (see the README's PostgreSQL section)")

// Backup writes a consistent copy of the live SQLite database to path with
// VACUUM INTO. It runs while the server serves: WAL lets it read a snapshot
// while writers go on. On PostgreSQL it returns ErrUsePgTools.
func (s *Store) Backup(ctx context.Context, path string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if s.dialect.name != EngineSQLite {
		return ErrUsePgTools
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store: backup: %s already exists", path)
	}
	if _, err := s.read.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}

// CheckIntegrity runs SQLite's PRAGMA integrity_check and returns its
// verdict; on PostgreSQL, which has no such check, it is an error.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	v, err := s.Pragma(ctx, "integrity_check")
	if err != nil {
		return err
	}
	if v != "ok" {
		return fmt.Errorf("store: integrity check: %s", v)
	}
	return nil
}

// Lock is the data directory's lock: a running server holds it, so restore
// can refuse to replace a database in use.
type Lock struct{ f *os.File }

// LockFile is the lock's name inside the data directory.
const LockFile = "portal.lock"

// ErrLocked means another process holds the data directory's lock.
var ErrLocked = errors.New("store: a portal server is using this data directory")

// LockDataDir takes the data directory's lock without waiting.
func LockDataDir(dataDir string) (*Lock, error) {
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dataDir, LockFile), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: open lock: %w", err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("store: lock data dir: %w", err)
	}
	return &Lock{f: f}, nil
}

// Release frees the lock.
func (l *Lock) Release() error { return l.f.Close() }

// Restore replaces the database in dataDir with the backup at src. The
// caller must hold the data directory's lock. The backup is checked first,
// and the database it replaces is kept beside it, so nothing is lost.
func Restore(ctx context.Context, dataDir, src string) (kept string, err error) {
	if err := checkBackup(ctx, src); err != nil {
		return "", err
	}
	dst := filepath.Join(dataDir, DBFile)
	tmp := dst + ".restoring"
	if err := copyFile(src, tmp); err != nil {
		return "", err
	}
	if _, err := os.Stat(dst); err == nil {
		// Fold the old database's WAL into it before it is set aside.
		if old, err := OpenFile(ctx, dst, Options{}); err == nil {
			old.write.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
			old.Close()
		}
		kept = dst + ".before-restore-" + time.Now().UTC().Format("20060102T150405Z")
		if err := os.Rename(dst, kept); err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("store: set aside the current database: %w", err)
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dst + suffix)
	}
	if err := os.Rename(tmp, dst); err != nil {
		return kept, fmt.Errorf("store: put the backup in place: %w", err)
	}
	return kept, nil
}

// checkBackup opens the file read-only and makes sure it is a sound Ladder
// database.
func checkBackup(ctx context.Context, src string) error {
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	db, err := sql.Open("sqlite", "file:"+src+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("store: restore: open %s: %w", src, err)
	}
	defer db.Close()
	var verdict string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&verdict); err != nil {
		return fmt.Errorf("store: restore: %s is not a SQLite database: %w", src, err)
	}
	if verdict != "ok" {
		return fmt.Errorf("store: restore: %s fails its integrity check: %s", src, verdict)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n == 0 {
		return fmt.Errorf("store: restore: %s is not a Ladder database", src)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("store: read %s: %w", src, err)
	}
	defer in.Close()
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("store: write %s: %w", dst, err)
	}
	if _, err := io.Copy(f, in); err != nil {
		f.Close()
		return fmt.Errorf("store: write %s: %w", dst, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// PoolStats is one connection pool's counters, for metrics.
type PoolStats struct {
	Engine string // EngineSQLite or EnginePostgres
	Pool   string // "read" or "write" on SQLite; "main", the one pool, on PostgreSQL
	sql.DBStats
}

// Stats returns the counters of each of the store's pools. Which pools, and
// their order, stay the same while the store is open, so metrics can be
// registered once.
func (s *Store) Stats() []PoolStats {
	if s.read == s.write {
		return []PoolStats{{Engine: s.dialect.name, Pool: "main", DBStats: s.read.Stats()}}
	}
	return []PoolStats{
		{Engine: s.dialect.name, Pool: "read", DBStats: s.read.Stats()},
		{Engine: s.dialect.name, Pool: "write", DBStats: s.write.Stats()},
	}
}
