package labs

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
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

// WorkerConcurrencyEnv carries how many jobs a worker may run at once.
const WorkerConcurrencyEnv = "LADDER_GRADER_CONCURRENCY"

// WorkerCommand is the hidden subcommand that runs a worker.
const WorkerCommand = "grader-worker"

type request struct {
	ID        uint64 `json:"id"` // the answer carries it back; jobs on one worker overlap
	Op        string `json:"op"` // grade, run, describe; cancel stops job ID
	Key       string `json:"key"`
	Spec      *Spec  `json:"spec,omitempty"` // sent only the first time a worker sees Key
	SQL       string `json:"sql,omitempty"`
	TimeoutMS int    `json:"timeout_ms"`
}

type response struct {
	ID      uint64     `json:"id"`
	Verdict *Verdict   `json:"verdict,omitempty"`
	Run     *RunResult `json:"run,omitempty"`
	Tables  []Table    `json:"tables,omitempty"`
	// Refused (RefusedKo in Korean) and SQLErr are learner errors from
	// Run; Internal is ours.
	Refused   string    `json:"refused,omitempty"`
	RefusedKo string    `json:"refused_ko,omitempty"`
	SQLErr    *SQLError `json:"sql_error,omitempty"`
	Internal  string    `json:"internal,omitempty"`
	NeedSpec  bool      `json:"need_spec,omitempty"`
	// Tainted says the job left the worker changed (a setting, a broken
	// database): the pool replaces it.
	Tainted string `json:"tainted,omitempty"`
	// Builds counts the labs this job had to build: a cold or evicted cache.
	Builds int `json:"builds,omitempty"`
}

// ServeWorker answers jobs until in closes, running up to
// LADDER_GRADER_CONCURRENCY of them at once on one engine: jobs on one lab
// share its warm datasets. It is the whole life of a worker process.
func ServeWorker(in io.Reader, out io.Writer) error {
	engine := NewEngine(DefaultLimits())
	defer engine.Close()
	if n, err := strconv.Atoi(os.Getenv(WorkerMaxLabsEnv)); err == nil && n > 0 {
		engine.SetMaxLabs(n)
	}
	concurrency := runtime.NumCPU()
	if n, err := strconv.Atoi(os.Getenv(WorkerConcurrencyEnv)); err == nil && n > 0 {
		concurrency = n
	}
	var (
		mu      sync.Mutex
		specs   = map[string]*Spec{}
		cancels = map[uint64]context.CancelFunc{}
		encMu   sync.Mutex
		enc     = json.NewEncoder(out)
		wg      sync.WaitGroup
		failed  atomic.Pointer[error]
	)
	slots := make(chan struct{}, concurrency)
	dec := json.NewDecoder(bufio.NewReaderSize(in, 64<<10))
	defer wg.Wait()
	for {
		req := new(request) // each job decodes into its own value
		if err := dec.Decode(req); err != nil {
			wg.Wait()
			if errors.Is(err, io.EOF) {
				if f := failed.Load(); f != nil {
					return *f
				}
				return nil
			}
			return fmt.Errorf("labs worker: read job: %w", err)
		}
		mu.Lock()
		if req.Op == "cancel" {
			if cancel := cancels[req.ID]; cancel != nil {
				cancel()
			}
			mu.Unlock()
			continue
		}
		if req.Spec != nil {
			specs[req.Key] = req.Spec
		} else {
			req.Spec = specs[req.Key]
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancels[req.ID] = cancel
		mu.Unlock()
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() {
				mu.Lock()
				delete(cancels, req.ID)
				mu.Unlock()
				cancel()
				<-slots
				wg.Done()
			}()
			var resp response
			if req.Spec == nil {
				resp = response{NeedSpec: true}
			} else {
				info := &jobInfo{}
				resp = handle(withJobInfo(ctx, info), engine, req)
				resp.Tainted, resp.Builds = info.tainted, info.builds
			}
			resp.ID = req.ID
			encMu.Lock()
			err := enc.Encode(resp)
			encMu.Unlock()
			if err != nil {
				err = fmt.Errorf("labs worker: write answer: %w", err)
				failed.Store(&err)
			}
		}()
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

func handle(ctx context.Context, e *Engine, req *request) (resp response) {
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
	ctx, cancel := context.WithTimeout(ctx, timeout)
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
			return response{Refused: ref.Msg, RefusedKo: ref.Ko}
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
