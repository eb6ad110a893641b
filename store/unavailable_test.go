package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"ladder/store/pgtest"
)

func TestIsUnavailable(t *testing.T) {
	pg := func(code string) error {
		return fmt.Errorf("store: save submission: %w", &pgconn.PgError{Severity: "FATAL", Code: code})
	}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"connection exception", pg("08000"), true},
		{"connection does not exist", pg("08003"), true},
		{"connection failure", pg("08006"), true},
		{"unable to establish connection", pg("08001"), true},
		{"connection rejected", pg("08004"), true},
		{"admin shutdown", pg("57P01"), true},
		{"crash shutdown", pg("57P02"), true},
		{"cannot connect now", pg("57P03"), true},
		{"unique violation", pg("23505"), false},
		{"syntax error", pg("42601"), false},
		{"query canceled", pg("57014"), false},
		{"serialization failure", pg("40001"), false},
		{"bad connection", fmt.Errorf("store: ping: %w", driver.ErrBadConn), true},
		{"closed connection", fmt.Errorf("store: commit: %w", pgconn.ErrConnClosed), true},
		{"not found", ErrNotFound, false},
		{"no rows", sql.ErrNoRows, false},
		{"deadline", fmt.Errorf("store: ping: %w", context.DeadlineExceeded), false},
		{"canceled", context.Canceled, false},
		{"other", errors.New("store: something else"), false},
	}
	for _, tt := range tests {
		if got := IsUnavailable(tt.err); got != tt.want {
			t.Errorf("%s: IsUnavailable(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}

// The errors a store really returns while its PostgreSQL server stops under
// it and is down are all unavailability, the calls fail fast rather than
// hang, and the store serves again by itself once the server is back.
func TestIsUnavailableOnStoppedPostgres(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	ctx := context.Background()
	s, err := OpenPostgres(ctx, cluster.URL(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateUser(ctx, User{Email: "ada@example.com", PasswordHash: "x", DisplayName: "Ada", Role: RoleLearner}, AuditSignup, ""); err != nil {
		t.Fatal(err)
	}

	// A query running when the server stops, and a transaction open then.
	running := make(chan error, 1)
	go func() {
		_, err := s.read.ExecContext(ctx, "SELECT pg_sleep(30)")
		running <- err
	}()
	waitFor(t, "the query to run", func() bool {
		var n int
		err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'").Scan(&n)
		return err == nil && n == 1
	})
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE users SET display_name = ? WHERE email = ?", "Ada L", "ada@example.com"); err != nil {
		t.Fatal(err)
	}
	cluster.Stop(t)

	got := map[string]error{"running query": <-running}
	_, got["statement in an open transaction"] = tx.ExecContext(ctx, "SELECT 1")
	got["commit"] = tx.Commit()
	for i := 0; i < 3; i++ {
		start := time.Now()
		got[fmt.Sprintf("ping %d while down", i)] = s.Ping(ctx)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("ping %d while down took %s, want an answer within 2s", i, d)
		}
	}
	_, got["read while down"] = s.UserByEmail(ctx, "ada@example.com")
	_, got["write while down"] = s.CreateUser(ctx, User{Email: "bob@example.com", PasswordHash: "x", DisplayName: "Bob", Role: RoleLearner}, AuditSignup, "")
	for what, err := range got {
		if !IsUnavailable(err) {
			t.Errorf("%s: IsUnavailable(%v) = false, want true", what, err)
		}
	}

	cluster.Start(t)
	resumes(t, s)
	// A restart quicker than a second finds pooled connections that pgx
	// does not check before use (it pings only those idle longer).
	cluster.Stop(t)
	cluster.Start(t)
	resumes(t, s)
	u, err := s.UserByEmail(ctx, "ada@example.com")
	if err != nil || u.DisplayName != "Ada" {
		t.Errorf("after the restart: %+v, %v; want Ada, whose rename was never committed", u, err)
	}
	if _, err := s.UserByEmail(ctx, "bob@example.com"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the user created while down: got %v, want ErrNotFound", err)
	}
}

// resumes checks that a store whose server has just come back serves
// again by itself: a stale pooled connection may fail one call each, as
// unavailability, and is then discarded; every call after succeeds.
func resumes(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	failures := 0
	for i := 0; i < 20; i++ {
		_, err := s.UserByEmail(ctx, "ada@example.com")
		switch {
		case err == nil:
		case IsUnavailable(err) && i == failures && failures < PostgresMaxConns:
			failures++
		default:
			t.Fatalf("call %d after the restart (%d failed before it): %v", i, failures, err)
		}
	}
}
