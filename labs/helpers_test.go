package labs

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ladder/content"
)

var (
	catalogOnce sync.Once
	catalog     *Catalog
	catalogErr  error
	contentIdx  *content.Index
)

// testCatalog loads the embedded labs once per test binary.
func testCatalog(t testing.TB) *Catalog {
	t.Helper()
	catalogOnce.Do(func() {
		contentIdx, catalogErr = content.Load(content.Files)
		if catalogErr == nil {
			catalog, catalogErr = Load([]Source{Embedded()}, contentIdx.Framework, contentIdx.Renderer)
		}
	})
	if catalogErr != nil {
		t.Fatalf("load catalog: %v", catalogErr)
	}
	return catalog
}

func testLab(t testing.TB, id string) *Lab {
	t.Helper()
	lab := testCatalog(t).Lab(id)
	if lab == nil {
		t.Fatalf("no lab %q", id)
	}
	return lab
}

// mustJSON is v as JSON.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testDatabase opens a locked sandbox database that closes with the test.
func testDatabase(t testing.TB) *database {
	t.Helper()
	db, err := openDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.close)
	return db
}

// newTestPool starts workers from this test binary (see TestMain), unless
// opts has a Command of its own.
func newTestPool(t testing.TB, opts PoolOptions) *Pool {
	t.Helper()
	if opts.Command == nil {
		opts.Command = faultyCommand(t, "", 0)
	}
	p, err := NewPool(opts)
	if err != nil {
		t.Fatalf("NewPool: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func testCatalogContent(t testing.TB) *content.Index {
	t.Helper()
	testCatalog(t)
	return contentIdx
}

// slowSQL keeps a worker busy by CPU alone: it needs no memory, so DuckDB's
// memory limit never ends it early, and only the deadline or a cancel stops it.
const slowSQL = "SELECT count(*) FROM range(100000000000) t(a) WHERE a % 7 = 3"

// waitFor polls cond until it holds and fails the test when it does not
// within a generous deadline: tests wait for events, not for time.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// faultyCommand starts workers from this test binary, the first n of them
// with the given fault (see faultyWorker).
func faultyCommand(t testing.TB, fault string, n int32) func() *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var started atomic.Int32
	return func() *exec.Cmd {
		cmd := exec.Command(exe, "-test.run=^$")
		if started.Add(1) <= n {
			cmd.Env = append(os.Environ(), testFaultEnv+"="+fault)
		}
		return cmd
	}
}
