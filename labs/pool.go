package labs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// DefaultTimeout is how long one submission may run.
const DefaultTimeout = 5 * time.Second

// DefaultWorkerMemory is the resident memory a worker may reach before the
// pool kills it. DuckDB's memory_limit does not cap a single huge value, so
// this is the limit that holds.
const DefaultWorkerMemory = 1 << 30

// ErrBusy means every worker is busy and the queue is full.
var ErrBusy = errors.New("the grader is busy; try again in a moment")

// ErrClosed means the pool was closed.
var ErrClosed = errors.New("labs: grader pool is closed")

// PoolOptions configure a Pool. Zero values take the defaults.
type PoolOptions struct {
	Workers     int               // default: the number of CPUs
	Queue       int               // jobs that may wait for a worker; default: 2 per worker
	Timeout     time.Duration     // per job; default DefaultTimeout
	MemoryLimit int64             // worker RSS cap in bytes; default DefaultWorkerMemory
	MaxLabs     int               // labs each worker keeps warm; 0 keeps all
	Command     func() *exec.Cmd  // how to start a worker; default: this executable's grader-worker
	Logger      *slog.Logger      //
	Observe     func(Observation) // called after every job, for metrics
	poll        time.Duration     // RSS polling interval
}

// Observation describes one finished job.
type Observation struct {
	Op       string
	Kind     string // lab kind
	Outcome  string // pass, fail, error kind, busy or cancelled
	Duration time.Duration
}

// PoolStats are the pool's counters.
type PoolStats struct {
	Workers  int   `json:"workers"`
	Waiting  int64 `json:"waiting"`
	Running  int64 `json:"running"`
	Busy     int64 `json:"busy_rejections"`
	Restarts int64 `json:"restarts"`
}

// Pool grades in supervised worker processes. A worker that passes its
// deadline or its memory cap is killed and replaced, so a hostile query can
// cost one worker but never the server or another submission.
type Pool struct {
	opts     PoolOptions
	slots    chan struct{} // admission: running plus waiting jobs
	idle     chan *worker
	wg       sync.WaitGroup
	closed   atomic.Bool
	stop     chan struct{}
	waiting  atomic.Int64
	running  atomic.Int64
	busy     atomic.Int64
	restarts atomic.Int64
	observer atomic.Pointer[func(Observation)]
}

type worker struct {
	known map[string]bool // spec keys this worker has been sent
	cmd   *exec.Cmd
	stdin io.WriteCloser
	enc   *json.Encoder
	dec   *json.Decoder
	pid   int
}

// NewPool starts the workers. It fails when a worker cannot start.
func NewPool(opts PoolOptions) (*Pool, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Queue <= 0 {
		opts.Queue = 2 * opts.Workers
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MemoryLimit <= 0 {
		opts.MemoryLimit = DefaultWorkerMemory
	}
	if opts.poll <= 0 {
		opts.poll = 5 * time.Millisecond
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Command == nil {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("labs: find own executable: %w", err)
		}
		opts.Command = func() *exec.Cmd { return exec.Command(exe, WorkerCommand) }
	}
	p := &Pool{
		opts:  opts,
		slots: make(chan struct{}, opts.Workers+opts.Queue),
		idle:  make(chan *worker, opts.Workers),
		stop:  make(chan struct{}),
	}
	for i := 0; i < opts.Workers; i++ {
		w, err := p.start()
		if err != nil {
			p.Close()
			return nil, err
		}
		p.idle <- w
	}
	return p, nil
}

func (p *Pool) start() (*worker, error) {
	cmd := p.opts.Command()
	cmd.Env = append(os.Environ(), WorkerEnv+"=1", WorkerMaxLabsEnv+"="+strconv.Itoa(p.opts.MaxLabs))
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} // no orphans if the server dies
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("labs: worker stdin: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("labs: worker stdout: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("labs: start worker: %w", err)
	}
	return &worker{known: map[string]bool{}, cmd: cmd, stdin: stdin, enc: json.NewEncoder(stdin), dec: json.NewDecoder(stdout), pid: cmd.Process.Pid}, nil
}

func (w *worker) kill() {
	w.cmd.Process.Kill()
	w.stdin.Close()
	w.cmd.Wait()
}

// replace starts a new worker for a lost one, retrying while it fails.
func (p *Pool) replace() {
	p.restarts.Add(1)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for delay := 50 * time.Millisecond; ; delay = min(2*delay, 5*time.Second) {
			if p.closed.Load() {
				return
			}
			w, err := p.start()
			if err == nil {
				p.idle <- w
				return
			}
			p.opts.Logger.Error("grader worker failed to start", "err", err)
			select {
			case <-time.After(delay):
			case <-p.stop:
				return
			}
		}
	}()
}

// lost says why a worker was killed.
type lost struct{ kind, msg string }

func (p *Pool) do(ctx context.Context, req *request) (response, *lost, error) {
	if p.closed.Load() {
		return response{}, nil, ErrClosed
	}
	select {
	case p.slots <- struct{}{}:
	default:
		p.busy.Add(1)
		return response{}, nil, ErrBusy
	}
	defer func() { <-p.slots }()
	p.waiting.Add(1)
	var w *worker
	select {
	case w = <-p.idle:
		p.waiting.Add(-1)
	case <-ctx.Done():
		p.waiting.Add(-1)
		return response{}, nil, ctx.Err()
	case <-p.stop:
		p.waiting.Add(-1)
		return response{}, nil, ErrClosed
	}
	p.running.Add(1)
	defer p.running.Add(-1)
	req.TimeoutMS = int(p.opts.Timeout / time.Millisecond)
	// A lab's files travel to a worker once; later jobs name it by key.
	spec := req.Spec
	req.Key = spec.Key
	if w.known[spec.Key] {
		req.Spec = nil
	}
	resp, why := p.exchange(ctx, w, req)
	if why == nil && resp.NeedSpec {
		req.Spec = spec
		resp, why = p.exchange(ctx, w, req)
	}
	req.Spec = spec
	if why == nil {
		w.known[spec.Key] = true
	}
	if why != nil {
		w.kill()
		p.replace()
		if why.kind == "cancelled" {
			return response{}, nil, ctx.Err()
		}
		return response{}, why, nil
	}
	if p.closed.Load() {
		w.kill()
	} else {
		p.idle <- w
	}
	return resp, nil, nil
}

// exchange sends one job and waits for its answer while watching the
// worker's deadline, its memory and the caller.
func (p *Pool) exchange(ctx context.Context, w *worker, req *request) (response, *lost) {
	answer := make(chan error, 1)
	var resp response
	go func() {
		if err := w.enc.Encode(req); err != nil {
			answer <- err
			return
		}
		answer <- w.dec.Decode(&resp)
	}()
	// The worker cancels at the deadline itself; this is for when it cannot
	// (a single huge value is not interruptible).
	deadline := time.NewTimer(p.opts.Timeout + time.Second)
	defer deadline.Stop()
	tick := time.NewTicker(p.opts.poll)
	defer tick.Stop()
	for {
		select {
		case err := <-answer:
			if err != nil {
				return resp, &lost{ErrKindCrashed, "the grader stopped while running this submission; it has been restarted"}
			}
			return resp, nil
		case <-deadline.C:
			return resp, &lost{ErrKindTimeout, fmt.Sprintf("time limit exceeded: the submission ran longer than %s and was stopped", p.opts.Timeout)}
		case <-tick.C:
			if rss := residentBytes(w.pid); rss > p.opts.MemoryLimit {
				return resp, &lost{ErrKindMemory, fmt.Sprintf("memory limit exceeded: the submission used more than %d MB and was stopped", p.opts.MemoryLimit>>20)}
			}
		case <-ctx.Done():
			return resp, &lost{kind: "cancelled"}
		}
	}
}

// residentBytes reads a process's resident set size from /proc.
func residentBytes(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	fields := bytes.Fields(b)
	if len(fields) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(string(fields[1]), 10, 64)
	return pages * int64(os.Getpagesize())
}

func (p *Pool) observe(op, kind, outcome string, start time.Time) {
	o := Observation{Op: op, Kind: kind, Outcome: outcome, Duration: time.Since(start)}
	if p.opts.Observe != nil {
		p.opts.Observe(o)
	}
	if f := p.observer.Load(); f != nil {
		(*f)(o)
	}
}

// SetObserver adds a hook called after every job, such as the server's
// metrics, which exist only after the pool.
func (p *Pool) SetObserver(f func(Observation)) { p.observer.Store(&f) }

func outcomeOf(err error) string {
	switch {
	case errors.Is(err, ErrBusy):
		return "busy"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "cancelled"
	}
	return ErrKindInternal
}

// Grade grades one submission. Learner mistakes, refusals and killed
// workers all come back as a failing verdict; an error means busy,
// cancelled, or a broken lab.
func (p *Pool) Grade(ctx context.Context, spec *Spec, sqlText string) (*Verdict, error) {
	start := time.Now()
	if err := precheck(sqlText, DefaultLimits); err != nil {
		v := (&Verdict{Lab: spec.ID}).fail(err)
		p.observe("grade", spec.Kind, v.ErrorKind, start)
		return v, nil
	}
	resp, why, err := p.do(ctx, &request{Op: "grade", Spec: spec, SQL: sqlText})
	switch {
	case err != nil:
		p.observe("grade", spec.Kind, outcomeOf(err), start)
		return nil, err
	case why != nil:
		v := &Verdict{Lab: spec.ID, ErrorKind: why.kind, Error: why.msg, Message: "The submission was stopped: " + why.msg,
			DurationMS: float64(time.Since(start).Microseconds()) / 1000}
		p.observe("grade", spec.Kind, why.kind, start)
		return v, nil
	case resp.Internal != "":
		p.observe("grade", spec.Kind, ErrKindInternal, start)
		return nil, fmt.Errorf("labs: grade %s: %s", spec.ID, resp.Internal)
	case resp.Verdict == nil:
		return nil, fmt.Errorf("labs: grade %s: empty answer from worker", spec.ID)
	}
	outcome := "fail"
	switch {
	case resp.Verdict.Passed:
		outcome = "pass"
	case resp.Verdict.ErrorKind != "":
		outcome = resp.Verdict.ErrorKind
	}
	p.observe("grade", spec.Kind, outcome, start)
	return resp.Verdict, nil
}

// Run runs the learner's SQL on the visible dataset. A *Refusal or
// *SQLError error is the learner's; others are ours or ErrBusy.
func (p *Pool) Run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	start := time.Now()
	if err := precheck(sqlText, DefaultLimits); err != nil {
		return nil, err
	}
	resp, why, err := p.do(ctx, &request{Op: "run", Spec: spec, SQL: sqlText})
	switch {
	case err != nil:
		p.observe("run", spec.Kind, outcomeOf(err), start)
		return nil, err
	case why != nil:
		p.observe("run", spec.Kind, why.kind, start)
		return nil, refuse("%s", why.msg)
	case resp.Refused != "":
		p.observe("run", spec.Kind, ErrKindRefused, start)
		return nil, refuse("%s", resp.Refused)
	case resp.SQLErr != nil:
		p.observe("run", spec.Kind, ErrKindSQL, start)
		return nil, resp.SQLErr
	case resp.Internal != "":
		p.observe("run", spec.Kind, ErrKindInternal, start)
		return nil, fmt.Errorf("labs: run %s: %s", spec.ID, resp.Internal)
	}
	p.observe("run", spec.Kind, "ok", start)
	return resp.Run, nil
}

// Describe returns the visible dataset's tables and first rows.
func (p *Pool) Describe(ctx context.Context, spec *Spec) ([]Table, error) {
	resp, why, err := p.do(ctx, &request{Op: "describe", Spec: spec})
	switch {
	case err != nil:
		return nil, err
	case why != nil:
		return nil, fmt.Errorf("labs: describe %s: %s", spec.ID, why.msg)
	case resp.Internal != "":
		return nil, fmt.Errorf("labs: describe %s: %s", spec.ID, resp.Internal)
	}
	return resp.Tables, nil
}

// Stats returns the pool's counters.
func (p *Pool) Stats() PoolStats {
	return PoolStats{Workers: p.opts.Workers, Waiting: p.waiting.Load(), Running: p.running.Load(), Busy: p.busy.Load(), Restarts: p.restarts.Load()}
}

// Close stops every worker. Jobs still waiting get ErrClosed.
func (p *Pool) Close() error {
	if p.closed.Swap(true) {
		return nil
	}
	close(p.stop)
	p.wg.Wait()
	for {
		select {
		case w := <-p.idle:
			w.stdin.Close() // the worker exits at EOF
			done := make(chan struct{})
			go func() { w.cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(2 * time.Second):
				w.kill()
			}
		default:
			return nil
		}
	}
}
