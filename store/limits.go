package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The abuse limits' counters live in the database rather than in one
// portal's memory, so replicas on one database count together what a
// client does on any of them (migration 008).

// Window is a fixed-window counter after a hit.
type Window struct {
	Hits    int       // in the window, this hit included
	ResetAt time.Time // when the window ends and counting starts again
}

// Hit counts one hit on key and returns the window's count. A window of
// length d starts with the first hit after the last one ended. It is one
// statement, so concurrent hits, from any replica, each count once.
func (s *Store) Hit(ctx context.Context, key string, d time.Duration) (Window, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	now := s.clock()
	nowText := formatTime(now)
	// SET's expressions read the row as it was, on both engines.
	var w Window
	var reset string
	err := s.write.QueryRowContext(ctx, `INSERT INTO limit_windows (key, hits, resets_at) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET
			hits = CASE WHEN limit_windows.resets_at <= ? THEN 1 ELSE limit_windows.hits + 1 END,
			resets_at = CASE WHEN limit_windows.resets_at <= ? THEN excluded.resets_at ELSE limit_windows.resets_at END
		RETURNING hits, resets_at`, key, formatTime(now.Add(d)), nowText, nowText).Scan(&w.Hits, &reset)
	if err != nil {
		return Window{}, fmt.Errorf("store: limit: %w", err)
	}
	if w.ResetAt, err = time.Parse(time.RFC3339Nano, reset); err != nil {
		return Window{}, fmt.Errorf("store: limit: %w", err)
	}
	return w, nil
}

// Unhit takes back one hit of the window w, for a request that turned out
// not to count (a successful login). A window that has ended since is
// left alone.
func (s *Store) Unhit(ctx context.Context, key string, w Window) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if _, err := s.write.ExecContext(ctx, `UPDATE limit_windows SET hits = hits - 1 WHERE key = ? AND resets_at = ? AND hits > 0`,
		key, formatTime(w.ResetAt)); err != nil {
		return fmt.Errorf("store: limit: %w", err)
	}
	return nil
}

// Lease is one job counted against its caller until Release, or until it
// expires if the replica that took it died.
type Lease struct {
	ID int64
}

// TakeLease counts a job for key when fewer than limit are counted, and
// reports false when limit are. ttl bounds how long a lease of a replica
// that died keeps counting: make it the longest a job can take.
func (s *Store) TakeLease(ctx context.Context, key string, limit int, ttl time.Duration) (Lease, bool, error) {
	now := s.clock()
	var lease Lease
	err := s.transact(ctx, func(tx *sql.Tx) error {
		// The key's row in limit_windows is its lock: on PostgreSQL the
		// upsert holds the row until commit, so two replicas cannot both
		// count limit-1 leases and both add one. SQLite's write
		// transactions run one at a time anyway.
		if _, err := tx.ExecContext(ctx, `INSERT INTO limit_windows (key, hits, resets_at) VALUES (?, 0, ?)
			ON CONFLICT (key) DO UPDATE SET resets_at = excluded.resets_at`, "lease:"+key, formatTime(now.Add(ttl))); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM limit_leases WHERE key = ? AND expires_at <= ?`, key, formatTime(now)); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM limit_leases WHERE key = ?`, key).Scan(&n); err != nil {
			return err
		}
		if n >= limit {
			return nil
		}
		id, err := insertID(ctx, tx, `INSERT INTO limit_leases (key, expires_at) VALUES (?, ?)`, key, formatTime(now.Add(ttl)))
		lease = Lease{ID: id}
		return err
	})
	if err != nil {
		return Lease{}, false, fmt.Errorf("store: lease: %w", err)
	}
	return lease, lease.ID != 0, nil
}

// Release ends a lease; releasing one that expired or was released is a
// no-op.
func (s *Store) Release(ctx context.Context, l Lease) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if _, err := s.write.ExecContext(ctx, `DELETE FROM limit_leases WHERE id = ?`, l.ID); err != nil {
		return fmt.Errorf("store: release lease: %w", err)
	}
	return nil
}

// SweepLimits deletes the windows that have ended and the leases that
// have expired, which count for nothing, and returns how many it deleted.
func (s *Store) SweepLimits(ctx context.Context) (int64, error) {
	now := s.now()
	var n int64
	err := s.transact(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM limit_windows WHERE resets_at <= ?`, `DELETE FROM limit_leases WHERE expires_at <= ?`} {
			res, err := tx.ExecContext(ctx, q, now)
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += k
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: sweep limits: %w", err)
	}
	return n, nil
}
