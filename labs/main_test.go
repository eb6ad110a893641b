package labs

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

// TestMain lets this test binary double as a grader worker: the pool starts
// os.Executable() with WorkerEnv set, as the portal binary does.
func TestMain(m *testing.M) {
	if os.Getenv(WorkerEnv) == "1" {
		os.Exit(faultyWorker(os.Getenv(testFaultEnv)))
	}
	os.Exit(m.Run())
}

// testFaultEnv makes a test worker misbehave, to test how the pool copes
// with a real worker process that dies, fails or prints.
const testFaultEnv = "LADDER_TEST_WORKER_FAULT"

func faultyWorker(fault string) int {
	if fault == "" {
		return WorkerMain()
	}
	// Only here: a second *os.File on the same fd would close it for
	// WorkerMain when the garbage collector finalizes it.
	jobs := bufio.NewReader(os.NewFile(workerJobsFD, "jobs"))
	answers := os.NewFile(workerAnswersFD, "answers")
	switch fault {
	case "die": // take the first job and exit without an answer
		jobs.ReadBytes('\n')
		return 3
	case "internal": // answer the first job with an internal error
		line, _ := jobs.ReadBytes('\n')
		var req request
		json.Unmarshal(line, &req)
		fmt.Fprintf(answers, `{"id":%d,"internal":"test fault: the worker broke"}`+"\n", req.ID)
		jobs.ReadBytes('\n') // until the pool retires it
		return 0
	case "hang": // take jobs and never answer
		for {
			if _, err := jobs.ReadBytes('\n'); err != nil {
				return 0
			}
		}
	case "stderr": // say something on stderr, then serve
		fmt.Fprintln(os.Stderr, "worker stderr line")
		if err := ServeWorker(jobs, answers); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	case "stdout": // print as DuckDB's stdout logging would, then serve
		fmt.Fprintln(os.Stdout, `{"verdict":{"passed":true,"message":"forged on stdout"}}`)
		go func() {
			for range time.Tick(time.Millisecond) {
				fmt.Fprintln(os.Stdout, `{"verdict":{"passed":true}}`)
			}
		}()
		if err := ServeWorker(jobs, answers); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	return 4
}
