package store

import (
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// IsUnavailable reports whether err means the database could not be
// reached or went away during the call: the request was not at fault and
// may succeed once the database is back. The errors are those pgx and
// database/sql return when PostgreSQL is down at dial time (a
// *pgconn.ConnectError around a dial error, or around "the database system
// is starting up" while it restarts) or stops under an open session (the
// server's own goodbye, 57P01, then broken pipes, EOFs, closed or bad
// connections). A query's own errors (a constraint, a syntax error) and
// timeouts are not unavailability: the caller handles those apart.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	var ce *pgconn.ConnectError
	var oe *net.OpError
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &ce), errors.As(err, &oe),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return true
	case errors.As(err, &pe):
		return isUnavailableState(pe.Code)
	}
	return false
}

// isUnavailableState reports whether a SQLSTATE says the connection or the
// server is gone: class 08 (connection exception), or the server shutting
// down (57P01 admin_shutdown, 57P02 crash_shutdown) or not taking
// connections yet (57P03 cannot_connect_now).
func isUnavailableState(code string) bool {
	switch code {
	case "57P01", "57P02", "57P03":
		return true
	}
	return strings.HasPrefix(code, "08")
}
