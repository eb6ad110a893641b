package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// dialect is everything that differs between the two engines, kept in one
// place so the store's methods keep one SQL text each. What the engines
// share, and so needs no entry here:
//   - placeholders: every query is written with SQLite's ?; on PostgreSQL the
//     connection rewrites them to $1, $2, ... (rebind, in postgres.go).
//   - new ids: every insert that needs one ends in RETURNING id (insertID),
//     which both engines support; pgx has no LastInsertId.
//   - upserts: ON CONFLICT (...) DO NOTHING / DO UPDATE SET x = excluded.x is
//     the same syntax on both. INSERT OR IGNORE and REPLACE are SQLite only:
//     do not use them.
//   - times: TEXT holding formatTime's fixed-width UTC RFC 3339, so text order
//     is time order; PostgreSQL's migrations declare every TEXT column
//     COLLATE "C" so that order and comparison are bytewise there too, as
//     with SQLite's BINARY collation, whatever the database's locale.
//   - booleans: stored as INTEGER 0/1 on both. A boolean expression in a
//     SELECT list (EXISTS, IS NOT NULL) comes back as 0/1 from SQLite and as
//     a boolean from PostgreSQL: scan it into a Go bool, which accepts both.
//   - LIKE: SQLite's ignores ASCII case, PostgreSQL's does not, and no query
//     uses LIKE today. One that must ignore case says lower(col) LIKE
//     lower(?) on both, with a test on both engines for non-ASCII text
//     (SQLite's lower folds ASCII only; PostgreSQL's follows the collation).
//   - integers: ids are 64-bit (BIGINT on PostgreSQL); counts scan into int.
//
// What differs is below, plus backup (VACUUM INTO, SQLite only), PRAGMAs
// (SQLite only), unique violations (isUnique knows both drivers' codes) and
// the migration files (migrations/ and migrations/postgres/).
type dialect struct {
	// name is "sqlite" or "postgres", as metrics label the pools.
	name string
	// migrations is the folder of this engine's migration files inside the
	// embedded migrations.
	migrations string
	// forUpdate ends a SELECT whose rows the same transaction then changes.
	// SQLite's transactions begin IMMEDIATE and so already hold the write
	// lock; PostgreSQL's run at READ COMMITTED and must lock the rows.
	forUpdate string
	// lockMigrations keeps other processes from migrating the same database
	// until the returned function runs; it waits at most for ctx.
	lockMigrations func(ctx context.Context, conn *sql.Conn) (unlock func(), err error)
}

// Engine names, as Stats and metrics label the pools.
const (
	EngineSQLite   = "sqlite"
	EnginePostgres = "postgres"
)

var sqliteDialect = dialect{
	name:       EngineSQLite,
	migrations: "migrations",
	forUpdate:  "",
	// One process at a time migrates SQLite: serve holds the data
	// directory's lock, and each migration checks inside its IMMEDIATE
	// transaction that no one applied it meanwhile.
	lockMigrations: func(context.Context, *sql.Conn) (func(), error) { return func() {}, nil },
}

var postgresDialect = dialect{
	name:           EnginePostgres,
	migrations:     "migrations/postgres",
	forUpdate:      " FOR UPDATE",
	lockMigrations: advisoryLock,
}

// migrationLockKey is the PostgreSQL advisory lock that one migrating
// replica holds; the number is arbitrary and only has to be Ladder's own.
const migrationLockKey int64 = 0x1add_e2_0001

// advisoryLock takes the session-level advisory lock on this connection,
// waiting while another replica holds it. The lock belongs to the session,
// so the migrations must run on the same connection; if unlocking fails the
// connection is thrown away, which ends the session and frees the lock.
func advisoryLock(ctx context.Context, conn *sql.Conn) (func(), error) {
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(?)", migrationLockKey); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("store: wait for the migration lock: another portal has been migrating this database for too long: %w", err)
		}
		return nil, fmt.Errorf("store: take the migration lock: %w", err)
	}
	return func() {
		// ctx may be over by now; unlocking must still happen.
		uctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := conn.ExecContext(uctx, "SELECT pg_advisory_unlock(?)", migrationLockKey); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}, nil
}
