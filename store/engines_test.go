package store

import (
	"context"
	"testing"

	"ladder/store/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// testDB is one fresh, empty database on one engine.
type testDB struct {
	engine string
	dir    string // SQLite: the data directory
	url    string // PostgreSQL: the database's URL
}

// open opens the database (migrating it unless opts say not to) and closes
// it when the test ends.
func (d testDB) open(t testing.TB, opts Options) *Store {
	t.Helper()
	s, err := d.openErr(context.Background(), opts)
	if err != nil {
		t.Fatalf("open the %s store: %v", d.engine, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func (d testDB) openErr(ctx context.Context, opts Options) (*Store, error) {
	if d.engine == EnginePostgres {
		return OpenPostgres(ctx, d.url, opts)
	}
	return Open(ctx, d.dir, opts)
}

// eachEngine runs fn as one subtest per engine, each on its own fresh
// database: SQLite in a temporary folder, PostgreSQL in a database made
// for the subtest (see pgtest).
func eachEngine(t *testing.T, fn func(t *testing.T, db testDB)) {
	t.Run(EngineSQLite, func(t *testing.T) { fn(t, testDB{engine: EngineSQLite, dir: t.TempDir()}) })
	t.Run(EnginePostgres, func(t *testing.T) { fn(t, testDB{engine: EnginePostgres, url: pgtest.NewDatabase(t)}) })
}

// eachStore runs fn once per engine with an open, migrated store.
func eachStore(t *testing.T, fn func(t *testing.T, s *Store)) {
	eachEngine(t, func(t *testing.T, db testDB) { fn(t, db.open(t, Options{})) })
}
