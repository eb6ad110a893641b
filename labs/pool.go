package labs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
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

// ErrBusy means every worker is busy and the queue is full, or the share
// of the grader anonymous callers may hold is.
var ErrBusy = errors.New("the grader is busy; try again in a moment")

// ErrClosed means the pool was closed.
var ErrClosed = errors.New("labs: grader pool is closed")

// ErrWorkerLost means a job lost its worker twice: once is retried on a
// fresh worker, twice is the grader's fault, never the learner's.
var ErrWorkerLost = errors.New("labs: the grader worker stopped twice while running this job")

// PoolOptions configure a Pool. Zero values take the defaults.
type PoolOptions struct {
	Workers     int               // default: the number of CPUs
	Queue       int               // jobs that may wait for a worker; default: 2 per worker
	Reserved    int               // workers anonymous jobs never take; default: see reservedWorkers; negative: none
	Timeout     time.Duration     // per job; default DefaultTimeout
	MemoryLimit int64             // worker RSS cap in bytes; default DefaultWorkerMemory
	MaxLabs     int               // labs each worker keeps warm; 0 keeps all
	Command     func() *exec.Cmd  // how to start a worker; default: this executable's grader-worker
	Logger      *slog.Logger      //
	Observe     func(Observation) // called after every job, for metrics
	poll        time.Duration     // RSS polling interval
	dispatched  func(Caller)      // tests: called as each job gets its worker
}

// reservedWorkers is the default share kept for signed-in learners: a
// quarter of the workers, at least one when there are two or more. With a
// single worker nothing can be kept without locking anonymous callers out
// entirely, so they share it; the per-caller limits still bound them.
func reservedWorkers(workers int) int {
	if workers < 2 {
		return 0
	}
	return (workers + 3) / 4
}

// Caller says whom a job is for: the pool queues fairly between callers
// and keeps workers for signed-in learners. Handlers set it with
// WithCaller; a job without one is the server's own (a schema listing,
// the command line) and counts as signed in.
type Caller struct {
	Key      string // "ip:1.2.3.4" or "user:42"
	SignedIn bool
}

type callerKey struct{}

// WithCaller returns a context whose jobs run for c.
func WithCaller(ctx context.Context, c Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the caller set by WithCaller.
func CallerFrom(ctx context.Context) (Caller, bool) {
	c, ok := ctx.Value(callerKey{}).(Caller)
	return c, ok
}

func callerOf(ctx context.Context) Caller {
	if c, ok := CallerFrom(ctx); ok {
		return c
	}
	return Caller{SignedIn: true}
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
	Workers          int   `json:"workers"`
	Reserved         int   `json:"reserved"`
	Waiting          int64 `json:"waiting"`
	Running          int64 `json:"running"`
	RunningAnonymous int64 `json:"running_anonymous"`
	Busy             int64 `json:"busy_rejections"`
	Restarts         int64 `json:"restarts"`
	// LabBuilds counts the times a worker built a lab's datasets: once per
	// lab and worker, and again after MaxLabs evicted it or a restart.
	LabBuilds int64 `json:"lab_builds"`
}

// Pool grades in supervised worker processes. A worker that passes its
// deadline or its memory cap is killed and replaced, so a hostile query can
// cost one worker but never the server or another submission. Waiting jobs
// are served round-robin by caller, so one caller's burst cannot starve
// the others, and anonymous jobs never hold the workers kept for
// signed-in learners.
type Pool struct {
	opts        PoolOptions
	capacity    int // running plus waiting jobs
	anonWorkers int // workers anonymous jobs may hold at once
	anonAdmit   int // anonymous jobs that may be running or waiting at once

	mu           sync.Mutex // guards the fields below and every worker's state
	idle         []*worker
	queues       map[string][]*ticket // waiting jobs by caller key
	ring         []string             // caller keys with waiting jobs, in round-robin order
	next         int                  // index in ring of the caller served next
	admitted     int
	anonAdmitted int
	anonRunning  int

	wg       sync.WaitGroup // replacement starts
	closed   atomic.Bool
	stop     chan struct{}
	waiting  atomic.Int64
	running  atomic.Int64
	busy     atomic.Int64
	restarts atomic.Int64
	builds   atomic.Int64
	observer atomic.Pointer[func(Observation)]
}

// ticket is one job waiting for a worker.
type ticket struct {
	caller Caller
	ready  chan *worker // receives the worker; buffered
	given  bool         // a worker was sent on ready (under Pool.mu)
}

func (c Caller) anonymous() bool { return !c.SignedIn }

type workerState uint8

const (
	workerStarting workerState = iota
	workerIdle
	workerBusy
	workerGone // exited or killed; never used again
)

type worker struct {
	known   map[string]bool // spec keys this worker has been sent
	cmd     *exec.Cmd
	jobs    *os.File // our end of the job pipe
	answers *os.File // our end of the answer pipe
	enc     *json.Encoder
	dec     *json.Decoder
	pid     int
	exited  chan struct{} // closed once the process has exited
	state   workerState   // under Pool.mu
}

// NewPool starts the workers. It fails when a worker cannot start.
func NewPool(opts PoolOptions) (*Pool, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Queue <= 0 {
		opts.Queue = 2 * opts.Workers
	}
	switch {
	case opts.Reserved == 0:
		opts.Reserved = reservedWorkers(opts.Workers)
	case opts.Reserved < 0:
		opts.Reserved = 0
	}
	opts.Reserved = min(opts.Reserved, opts.Workers-1) // anonymous callers keep at least one
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
	anonWorkers := opts.Workers - opts.Reserved
	p := &Pool{
		opts:        opts,
		capacity:    opts.Workers + opts.Queue,
		anonWorkers: anonWorkers,
		anonAdmit:   anonWorkers + (opts.Queue+1)/2, // and half the queue
		queues:      map[string][]*ticket{},
		stop:        make(chan struct{}),
	}
	for i := 0; i < opts.Workers; i++ {
		w, err := p.start()
		if err != nil {
			p.Close()
			return nil, err
		}
		p.add(w)
	}
	return p, nil
}

// start starts a worker process. Jobs and answers travel on two pipes of
// their own (fds 3 and 4 in the worker), not on stdin and stdout: DuckDB
// and anything it links may print to stdout, which goes to /dev/null.
func (p *Pool) start() (*worker, error) {
	cmd := p.opts.Command()
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, WorkerEnv+"=1", WorkerMaxLabsEnv+"="+strconv.Itoa(p.opts.MaxLabs))
	cmd.Stdin, cmd.Stdout = nil, nil
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} // no orphans if the server dies
	jobsR, jobsW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("labs: worker job pipe: %w", err)
	}
	ansR, ansW, err := os.Pipe()
	if err != nil {
		jobsR.Close()
		jobsW.Close()
		return nil, fmt.Errorf("labs: worker answer pipe: %w", err)
	}
	cmd.ExtraFiles = []*os.File{jobsR, ansW} // fds 3 and 4
	err = cmd.Start()
	// Our copies of the worker's ends must go, or its death would never
	// reach us as EOF.
	jobsR.Close()
	ansW.Close()
	if err != nil {
		jobsW.Close()
		ansR.Close()
		return nil, fmt.Errorf("labs: start worker: %w", err)
	}
	w := &worker{known: map[string]bool{}, cmd: cmd, jobs: jobsW, answers: ansR,
		enc: json.NewEncoder(jobsW), dec: json.NewDecoder(ansR), pid: cmd.Process.Pid, exited: make(chan struct{})}
	go p.watch(w)
	return w, nil
}

// watch waits for a worker's exit. An idle worker that dies is replaced at
// once, not found dead by the next job; a busy one is the job's to handle.
func (p *Pool) watch(w *worker) {
	w.cmd.Wait()
	close(w.exited)
	p.mu.Lock()
	replace := false
	switch w.state {
	case workerIdle:
		p.removeIdle(w)
		w.state, replace = workerGone, true
	case workerStarting:
		w.state = workerGone // add sees it and starts another
	}
	p.mu.Unlock()
	if replace {
		w.close()
		p.opts.Logger.Warn("idle grader worker exited; starting a new one", "pid", w.pid)
		p.replace()
	}
}

func (p *Pool) removeIdle(w *worker) {
	for i, x := range p.idle {
		if x == w {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			return
		}
	}
}

// add makes a started worker available to waiting jobs.
func (p *Pool) add(w *worker) {
	p.mu.Lock()
	if w.state == workerGone || p.closed.Load() {
		dead := w.state == workerGone
		w.state = workerGone
		p.mu.Unlock()
		w.kill()
		if dead {
			p.replace()
		}
		return
	}
	w.state = workerIdle
	p.idle = append(p.idle, w)
	p.dispatch()
	p.mu.Unlock()
}

// close releases our ends of the worker's pipes.
func (w *worker) close() {
	w.jobs.Close()
	w.answers.Close()
}

func (w *worker) kill() {
	w.cmd.Process.Kill()
	w.close()
	<-w.exited
}

// replace starts a new worker for a lost one, retrying while it fails.
func (p *Pool) replace() {
	if p.closed.Load() {
		return
	}
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
				p.add(w)
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

// admit takes a place for a job among the running and waiting ones, or
// answers busy. Anonymous jobs may take only their share, so a flood of
// them leaves room in the queue for signed-in learners.
func (p *Pool) admit(c Caller) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.admitted >= p.capacity || c.anonymous() && p.anonAdmitted >= p.anonAdmit {
		p.busy.Add(1)
		return ErrBusy
	}
	p.admitted++
	if c.anonymous() {
		p.anonAdmitted++
	}
	return nil
}

func (p *Pool) leave(c Caller) {
	p.mu.Lock()
	p.admitted--
	if c.anonymous() {
		p.anonAdmitted--
	}
	p.mu.Unlock()
}

// acquire waits for a worker, in the caller's turn.
func (p *Pool) acquire(ctx context.Context, c Caller) (*worker, error) {
	t := &ticket{caller: c, ready: make(chan *worker, 1)}
	p.mu.Lock()
	if len(p.queues[c.Key]) == 0 {
		p.ring = append(p.ring, c.Key)
	}
	p.queues[c.Key] = append(p.queues[c.Key], t)
	p.waiting.Add(1)
	p.dispatch()
	p.mu.Unlock()
	var err error
	select {
	case w := <-t.ready:
		return w, nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-p.stop:
		err = ErrClosed
	}
	p.mu.Lock()
	if t.given { // the worker came as we gave up: pass it on
		w := <-t.ready
		p.mu.Unlock()
		p.release(w, c, true)
		return nil, err
	}
	p.dequeue(t)
	p.mu.Unlock()
	return nil, err
}

// dequeue drops a waiting ticket whose caller gave up.
func (p *Pool) dequeue(t *ticket) {
	q := p.queues[t.caller.Key]
	for i, x := range q {
		if x == t {
			q = append(q[:i], q[i+1:]...)
			break
		}
	}
	p.waiting.Add(-1)
	if len(q) > 0 {
		p.queues[t.caller.Key] = q
		return
	}
	delete(p.queues, t.caller.Key)
	for i, k := range p.ring {
		if k == t.caller.Key {
			p.dropRing(i)
			return
		}
	}
}

func (p *Pool) dropRing(i int) {
	p.ring = append(p.ring[:i], p.ring[i+1:]...)
	if i < p.next {
		p.next--
	}
	if p.next >= len(p.ring) {
		p.next = 0
	}
}

// dispatch gives idle workers to waiting jobs, one caller after another.
// An anonymous caller is skipped while anonymous jobs hold their share of
// the workers. It runs under p.mu.
func (p *Pool) dispatch() {
	for len(p.idle) > 0 && !p.closed.Load() {
		t := p.pick()
		if t == nil {
			return
		}
		w := p.idle[0]
		p.idle = p.idle[1:]
		w.state = workerBusy
		t.given = true
		p.waiting.Add(-1)
		p.running.Add(1)
		if t.caller.anonymous() {
			p.anonRunning++
		}
		if p.opts.dispatched != nil {
			p.opts.dispatched(t.caller)
		}
		t.ready <- w
	}
}

// pick takes the next eligible job in round-robin order of callers.
func (p *Pool) pick() *ticket {
	for i := 0; i < len(p.ring); i++ {
		idx := (p.next + i) % len(p.ring)
		key := p.ring[idx]
		q := p.queues[key]
		t := q[0]
		if t.caller.anonymous() && p.anonRunning >= p.anonWorkers {
			continue
		}
		if len(q) == 1 {
			delete(p.queues, key)
			p.next = idx
			p.dropRing(idx)
		} else {
			p.queues[key] = q[1:]
			p.next = (idx + 1) % len(p.ring)
		}
		return t
	}
	return nil
}

// release ends a job's hold on a worker: back to the idle ones when it is
// healthy, else killed and replaced.
func (p *Pool) release(w *worker, c Caller, healthy bool) {
	p.mu.Lock()
	p.running.Add(-1)
	if c.anonymous() {
		p.anonRunning--
	}
	select {
	case <-w.exited: // died after answering: its watcher left it to us
		healthy = false
	default:
	}
	if healthy && w.state == workerBusy && !p.closed.Load() {
		w.state = workerIdle
		p.idle = append(p.idle, w)
		p.dispatch()
		p.mu.Unlock()
		return
	}
	w.state = workerGone
	p.dispatch() // the anonymous share may have room again
	p.mu.Unlock()
	w.kill()
	p.replace()
}

// lost says why a worker was killed.
type lost struct{ kind, msg string }

// do runs one job for the context's caller. A job whose worker dies, or
// answers with an internal error, is tried once more on a fresh worker:
// the worker was lost, not the learner's answer wrong.
func (p *Pool) do(ctx context.Context, req *request) (response, *lost, error) {
	if p.closed.Load() {
		return response{}, nil, ErrClosed
	}
	c := callerOf(ctx)
	if err := p.admit(c); err != nil {
		return response{}, nil, err
	}
	defer p.leave(c)
	req.TimeoutMS = int(p.opts.Timeout / time.Millisecond)
	req.Key = req.Spec.Key
	for attempt := 1; ; attempt++ {
		w, err := p.acquire(ctx, c)
		if err != nil {
			return response{}, nil, err
		}
		resp, why := p.send(ctx, w, req)
		p.builds.Add(int64(resp.Builds))
		p.release(w, c, why == nil && resp.Internal == "" && resp.Tainted == "")
		retry := why != nil && why.kind == ErrKindCrashed || why == nil && resp.Internal != ""
		switch {
		case why != nil && why.kind == "cancelled":
			return response{}, nil, ctx.Err()
		case retry && attempt == 1:
			p.opts.Logger.Warn("grader worker lost during a job; trying it on a fresh worker", "pid", w.pid, "op", req.Op, "lab", req.Key,
				"internal", resp.Internal)
			continue
		case retry && why != nil:
			return response{}, nil, fmt.Errorf("%w (%s %s)", ErrWorkerLost, req.Op, req.Spec.ID)
		case resp.Tainted != "":
			p.opts.Logger.Warn("a job left its grader worker changed; the worker was replaced", "pid", w.pid, "lab", req.Spec.ID, "why", resp.Tainted)
		}
		return resp, why, nil
	}
}

// send runs the job on w. A lab's files travel to a worker once; later
// jobs name it by key.
func (p *Pool) send(ctx context.Context, w *worker, req *request) (response, *lost) {
	r := *req
	if w.known[req.Key] {
		r.Spec = nil
	}
	resp, why := p.exchange(ctx, w, &r)
	if why == nil && resp.NeedSpec {
		r.Spec = req.Spec
		resp, why = p.exchange(ctx, w, &r)
	}
	if why == nil {
		w.known[req.Key] = true
	}
	return resp, why
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
	case errors.Is(err, ErrWorkerLost):
		return ErrKindCrashed
	}
	return ErrKindInternal
}

// Grade grades one submission. Learner mistakes, refusals and killed
// workers all come back as a failing verdict, bounded in size (see
// bounds.go); an error means busy, cancelled, a worker lost twice, or a
// broken lab, and is never the learner's failure.
func (p *Pool) Grade(ctx context.Context, spec *Spec, sqlText string) (*Verdict, error) {
	v, err := p.grade(ctx, spec, sqlText)
	return v.bound(), err
}

func (p *Pool) grade(ctx context.Context, spec *Spec, sqlText string) (*Verdict, error) {
	start := time.Now()
	if err := precheck(sqlText, DefaultLimits()); err != nil {
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
// *SQLError error is the learner's; others are ours or ErrBusy. Results
// and messages are bounded (see bounds.go).
func (p *Pool) Run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	res, err := p.run(ctx, spec, sqlText)
	return res, boundError(err)
}

func (p *Pool) run(ctx context.Context, spec *Spec, sqlText string) (*RunResult, error) {
	start := time.Now()
	if err := precheck(sqlText, DefaultLimits()); err != nil {
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
	case resp.Run == nil:
		return nil, fmt.Errorf("labs: run %s: empty answer from worker", spec.ID)
	}
	p.observe("run", spec.Kind, "ok", start)
	return resp.Run, nil
}

// Describe returns the visible dataset's tables and first rows.
func (p *Pool) Describe(ctx context.Context, spec *Spec) ([]Table, error) {
	if spec.Kind == KindCode {
		return nil, nil // code labs have no tables; no worker needed to say so
	}
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
	p.mu.Lock()
	anon := p.anonRunning
	p.mu.Unlock()
	return PoolStats{Workers: p.opts.Workers, Reserved: p.opts.Reserved, Waiting: p.waiting.Load(), Running: p.running.Load(),
		RunningAnonymous: int64(anon), Busy: p.busy.Load(), Restarts: p.restarts.Load(), LabBuilds: p.builds.Load()}
}

// Close stops every worker. Jobs still waiting get ErrClosed; a running
// job's worker is killed when the job ends.
func (p *Pool) Close() error {
	if p.closed.Swap(true) {
		return nil
	}
	close(p.stop)
	p.wg.Wait()
	p.mu.Lock()
	idle := p.idle
	p.idle = nil
	for _, w := range idle {
		w.state = workerGone
	}
	p.mu.Unlock()
	for _, w := range idle {
		w.jobs.Close() // the worker exits at EOF
		select {
		case <-w.exited:
			w.answers.Close()
		case <-time.After(2 * time.Second):
			w.kill()
		}
	}
	return nil
}
