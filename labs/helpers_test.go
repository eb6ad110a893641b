package labs

import (
	"os"
	"os/exec"
	"sync"
	"testing"

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

// newTestPool starts workers from this test binary (see TestMain).
func newTestPool(t testing.TB, opts PoolOptions) *Pool {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	opts.Command = func() *exec.Cmd { return exec.Command(exe, "-test.run=^$") }
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
