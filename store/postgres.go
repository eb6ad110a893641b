package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// PostgresMaxConns is how many connections one store opens to PostgreSQL
// at most. Every replica holds up to this many, so the server's
// max_connections must exceed replicas × PostgresMaxConns plus what the
// operators' own tools use.
const PostgresMaxConns = 10

// IsPostgresURL reports whether s names a PostgreSQL database the way
// PORTAL_DATABASE_URL must: a postgres:// or postgresql:// URL.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// RedactURL returns the URL without its password, for messages and logs:
// the password in the user part and a password query parameter both become
// "xxxxx". Text that is not a URL is replaced whole, since it might be a
// key=value string with a password in it.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return "(unparsable database URL)"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// OpenPostgres connects to the PostgreSQL database at databaseURL, checks
// that it answers and, unless opts.SkipMigrations, applies pending
// migrations under the migration lock. An error names the URL without its
// password.
func OpenPostgres(ctx context.Context, databaseURL string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	shown := RedactURL(databaseURL)
	if !IsPostgresURL(databaseURL) {
		return nil, fmt.Errorf("store: database URL %s: want postgres://user:password@host:port/database", shown)
	}
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		// pgconn redacts the password in its parse errors.
		return nil, fmt.Errorf("store: database URL %s: %w", shown, err)
	}
	db := sql.OpenDB(rebindConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(PostgresMaxConns)
	db.SetMaxIdleConns(PostgresMaxConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	// No health check of our own: before reusing a connection idle for
	// over a second pgx pings it and a dead one is discarded, so after the
	// server restarts the pool renews itself (TestIsUnavailableOnStoppedPostgres).
	// One pool serves reads and writes: PostgreSQL has no single-writer
	// rule, and one pool keeps the connection budget plain.
	s := &Store{read: db, write: db, dialect: postgresDialect, path: shown, clock: opts.Now, timeout: opts.Timeout}
	pctx, cancel := s.bound(ctx)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to PostgreSQL at %s: %w", shown, err)
	}
	if err := s.start(ctx, opts); err != nil {
		return nil, err
	}
	return s, nil
}

// rebindConnector hands out pgx connections that accept the store's ?
// placeholders: the one place where the SQL text is adapted to PostgreSQL.
type rebindConnector struct{ driver.Connector }

func (c rebindConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("store: unexpected pgx connection type %T", conn)
	}
	return rebindConn{pc}, nil
}

// rebindConn is a pgx connection whose statements are rebound first.
// Everything else (transactions, pings, session resets, value checks) is
// pgx's own, through the embedded connection.
type rebindConn struct{ *stdlib.Conn }

func (c rebindConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(context.Background(), rebind(query))
}

func (c rebindConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

// ExecContext rebinds only statements with arguments: one without any has
// no placeholder to rewrite, and leaving it untouched keeps migration
// scripts (which may hold dollar-quoted bodies) exactly as written.
func (c rebindConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) > 0 {
		query = rebind(query)
	}
	return c.Conn.ExecContext(ctx, query, args)
}

func (c rebindConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) > 0 {
		query = rebind(query)
	}
	return c.Conn.QueryContext(ctx, query, args)
}

// rebind numbers the ? placeholders of a query for PostgreSQL: the n-th ?
// becomes $n. A ? inside a quoted string ('...', a doubled quote inside), a
// quoted identifier ("...") or a comment (-- to the end of the line, or
// /* ... */) is text, not a placeholder, and is left alone. The store uses
// no E'...' strings and no PostgreSQL operators spelled with ?.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			end := i + 1
			for end < len(q) {
				if q[end] == c {
					if end+1 < len(q) && q[end+1] == c { // a doubled quote stays inside
						end += 2
						continue
					}
					break
				}
				end++
			}
			end = min(end+1, len(q))
			b.WriteString(q[i:end])
			i = end - 1
		case c == '-' && strings.HasPrefix(q[i:], "--"):
			end := strings.IndexByte(q[i:], '\n')
			if end < 0 {
				end = len(q) - i
			}
			b.WriteString(q[i : i+end])
			i += end - 1
		case c == '/' && strings.HasPrefix(q[i:], "/*"):
			end := strings.Index(q[i+2:], "*/")
			if end < 0 {
				end = len(q) - i
			} else {
				end += 4
			}
			b.WriteString(q[i : i+end])
			i += end - 1
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
