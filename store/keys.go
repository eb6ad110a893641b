package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
)

// SigningKey returns the portal's signing key kept in the database,
// storing fresh first when none is kept yet. Replicas on one database thus
// share one key whichever starts first, and none needs a file of its own.
func (s *Store) SigningKey(ctx context.Context, fresh []byte) ([]byte, error) {
	if len(fresh) < 32 {
		return nil, fmt.Errorf("store: a signing key needs at least 32 bytes, got %d", len(fresh))
	}
	var kept string
	err := s.transact(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO app_meta (key, value) VALUES ('signing_key', ?) ON CONFLICT (key) DO NOTHING`,
			hex.EncodeToString(fresh)); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT value FROM app_meta WHERE key = 'signing_key'`).Scan(&kept)
	})
	if err != nil {
		return nil, fmt.Errorf("store: signing key: %w", err)
	}
	key, err := hex.DecodeString(kept)
	if err != nil || len(key) < 32 {
		return nil, fmt.Errorf("store: the signing key kept in app_meta is not one the portal wrote")
	}
	return key, nil
}
