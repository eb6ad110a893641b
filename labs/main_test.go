package labs

import (
	"os"
	"testing"
)

// TestMain lets this test binary double as a grader worker: the pool starts
// os.Executable() with WorkerEnv set, as the portal binary does.
func TestMain(m *testing.M) {
	if os.Getenv(WorkerEnv) == "1" {
		os.Exit(WorkerMain())
	}
	os.Exit(m.Run())
}
