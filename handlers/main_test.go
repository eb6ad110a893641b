package handlers

import (
	"os"
	"os/exec"
	"sync"
	"testing"

	"ladder/labs"
	"ladder/labs/labstest"
	"ladder/store/pgtest"
)

func TestMain(m *testing.M) {
	labstest.Main(m, func() {
		if sharedPool != nil {
			sharedPool.Close()
		}
		pgtest.Stop()
	})
}

var (
	poolOnce   sync.Once
	sharedPool *labs.Pool
	poolErr    error
)

// testPool is one real worker pool shared by the package's tests: starting
// workers per test would only slow the suite down.
func testPool(t testing.TB) *labs.Pool {
	t.Helper()
	poolOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			poolErr = err
			return
		}
		sharedPool, poolErr = labs.NewPool(labs.PoolOptions{Workers: 2, Queue: 16,
			Command: func() *exec.Cmd { return exec.Command(exe, "-test.run=^$") }})
	})
	if poolErr != nil {
		t.Fatalf("grader pool: %v", poolErr)
	}
	return sharedPool
}
