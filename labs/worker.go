package labs

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
)

// WorkerEnv, set to "1", tells a process started by a Pool to serve jobs
// instead of doing its usual work. The portal binary also has the hidden
// subcommand "grader-worker"; test binaries check the variable in TestMain.
const WorkerEnv = "LADDER_GRADER_WORKER"

// The worker's protocol channel: jobs come in on fd 3 and answers go out
// on fd 4, pipes the pool passes with the process. Stdout is not the
// channel: DuckDB can be made to print there (logging, profiling), and a
// stray line must not be read as an answer.
const (
	workerJobsFD    = 3
	workerAnswersFD = 4
)

// WorkerMaxLabsEnv carries PoolOptions.MaxLabs to the worker.
const WorkerMaxLabsEnv = "LADDER_GRADER_MAX_LABS"

// WorkerCommand is the hidden subcommand that runs a worker.
const WorkerCommand = "grader-worker"

type request struct {
	Op        string `json:"op"` // grade, run, describe
	Key       string `json:"key"`
	Spec      *Spec  `json:"spec,omitempty"` // sent only the first time a worker sees Key
	SQL       string `json:"sql,omitempty"`
	TimeoutMS int    `json:"timeout_ms"`
}

type response struct {
	Verdict *Verdict   `json:"verdict,omitempty"`
	Run     *RunResult `json:"run,omitempty"`
	Tables  []Table    `json:"tables,omitempty"`
	// Refused and SQLErr are learner errors from Run; Internal is ours.
	Refused  string    `json:"refused,omitempty"`
	SQLErr   *SQLError `json:"sql_error,omitempty"`
	Internal string    `json:"internal,omitempty"`
	NeedSpec bool      `json:"need_spec,omitempty"`
	// Tainted says the job left the worker changed (a setting, a broken
	// database): the pool replaces it.
	Tainted string `json:"tainted,omitempty"`
	// Builds counts the labs this job had to build: a cold or evicted cache.
	Builds int `json:"builds,omitempty"`
}

// ServeWorker answers jobs one at a time until in closes. It is the whole
// life of a worker process: one engine, one lab cache, no shared state.
func ServeWorker(in io.Reader, out io.Writer) error {
	engine := NewEngine(DefaultLimits())
	defer engine.Close()
	if n, err := strconv.Atoi(os.Getenv(WorkerMaxLabsEnv)); err == nil && n > 0 {
		engine.SetMaxLabs(n)
	}
	specs := map[string]*Spec{}
	dec := json.NewDecoder(bufio.NewReaderSize(in, 64<<10))
	enc := json.NewEncoder(out)
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("labs worker: read job: %w", err)
		}
		if req.Spec != nil {
			specs[req.Key] = req.Spec
		} else {
			req.Spec = specs[req.Key]
		}
		var resp response
		if req.Spec == nil {
			resp = response{NeedSpec: true}
		} else {
			built := engine.builds
			resp = handle(engine, &req)
			resp.Tainted = engine.takeTainted()
			resp.Builds = engine.builds - built
		}
		if err := enc.Encode(resp); err != nil {
			return fmt.Errorf("labs worker: write answer: %w", err)
		}
	}
}

// WorkerMain runs a worker on the protocol pipes its pool passed it and
// returns the exit status.
func WorkerMain() int {
	jobs := os.NewFile(workerJobsFD, "grader-jobs")
	answers := os.NewFile(workerAnswersFD, "grader-answers")
	for _, f := range []*os.File{jobs, answers} {
		if _, err := f.Stat(); err != nil {
			fmt.Fprintf(os.Stderr, "labs worker: no protocol pipe %s (a worker is started by its pool): %v\n", f.Name(), err)
			return 2
		}
	}
	if err := ServeWorker(jobs, answers); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func handle(e *Engine, req *request) (resp response) {
	defer func() {
		if p := recover(); p != nil {
			resp = response{Internal: fmt.Sprintf("panic: %v", p)}
		}
	}()
	if req.Spec == nil {
		return response{Internal: "job without a lab"}
	}
	timeout := time.Duration(req.TimeoutMS) * time.Millisecond
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	switch req.Op {
	case "grade":
		v, err := e.Grade(ctx, req.Spec, req.SQL)
		if err != nil {
			return response{Internal: err.Error()}
		}
		return response{Verdict: v}
	case "run":
		res, err := e.Run(ctx, req.Spec, req.SQL)
		var ref *Refusal
		var sqlErr *SQLError
		switch {
		case err == nil:
			return response{Run: res}
		case errors.As(err, &ref):
			return response{Refused: ref.Msg}
		case errors.As(err, &sqlErr):
			return response{SQLErr: sqlErr}
		}
		return response{Internal: err.Error()}
	case "describe":
		tables, err := e.Describe(ctx, req.Spec, 5)
		if err != nil {
			return response{Internal: err.Error()}
		}
		return response{Tables: tables}
	}
	return response{Internal: fmt.Sprintf("unknown op %q", req.Op)}
}
