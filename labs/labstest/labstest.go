// Package labstest is what every test binary that grades needs: the pool
// starts os.Executable() as a grader worker, as the portal binary does with
// its hidden subcommand, so a test binary must be able to serve jobs too.
package labstest

import (
	"os"
	"testing"

	"ladder/labs"
)

// Main serves grading jobs when the binary was started as a worker, and
// otherwise runs the tests, then the cleanups, and exits with their status.
func Main(m *testing.M, cleanups ...func()) {
	if os.Getenv(labs.WorkerEnv) == "1" {
		os.Exit(labs.WorkerMain())
	}
	code := m.Run()
	for _, f := range cleanups {
		f()
	}
	os.Exit(code)
}
