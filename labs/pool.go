package labs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
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
	Workers     int               // jobs that run at once; default: the number of CPUs
	Processes   int               // worker processes; default: see defaultProcesses
	Queue       int               // jobs that may wait for a slot; default: 8 per slot
	Reserved    int               // slots anonymous jobs never take; default: see reservedWorkers; negative: none
	Timeout     time.Duration     // per job; default DefaultTimeout
	MemoryLimit int64             // worker RSS cap in bytes; default DefaultWorkerMemory
	MaxLabs     int               // labs each process keeps warm; 0 keeps all
	Command     func() *exec.Cmd  // how to start a worker; default: this executable's grader-worker
	Logger      *slog.Logger      //
	Observe     func(Observation) // called after every job, for metrics
	poll        time.Duration     // RSS polling interval
	dispatched  func(Caller)      // tests: called as each job gets its slot
}

// defaultProcesses is one worker process per four job slots, and at least
// two when there are two slots: a crash then costs half the jobs in flight,
// not all of them, while each process still holds only its own labs.
func defaultProcesses(workers int) int {
	return max(min(workers, 2), (workers+3)/4)
}

// reservedWorkers is the default share kept for signed-in learners: a
// quarter of the slots, at least one when there are two or more. With a
// single slot nothing can be kept without locking anonymous callers out
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
	Workers          int   `json:"workers"`   // job slots
	Processes        int   `json:"processes"` // worker processes
	Reserved         int   `json:"reserved"`
	Waiting          int64 `json:"waiting"`
	Running          int64 `json:"running"`
	RunningAnonymous int64 `json:"running_anonymous"`
	Busy             int64 `json:"busy_rejections"`
	Restarts         int64 `json:"restarts"`
	// LabBuilds counts the times a worker built a lab's datasets: once per
	// lab, and again after MaxLabs evicted it or a restart.
	LabBuilds int64 `json:"lab_builds"`
}

// Pool grades in supervised worker processes. Each lab has a home
// process (rendezvous hashing on its key), so its warm datasets exist once
// however many jobs use it, and one process runs many jobs at once on its
// own connections. A process that passes a job's deadline or its memory
// cap is killed and replaced, so a hostile query can cost the jobs in
// flight on one process a retry, but never the server or a verdict.
// Waiting jobs are served round-robin by caller, so one caller's burst
// cannot starve the others, and anonymous jobs never hold the slots kept
// for signed-in learners.
type Pool struct {
	opts        PoolOptions
	capacity    int // running plus waiting jobs
	anonWorkers int // slots anonymous jobs may hold at once
	anonAdmit   int // anonymous jobs that may be running or waiting at once

	mu           sync.Mutex // guards the fields below and every proc's worker
	procs        []*proc
	free         int                  // job slots free
	queues       map[string][]*ticket // waiting jobs by caller key
	ring         []string             // caller keys with waiting jobs, in round-robin order
	next         int                  // index in ring of the caller served next
	admitted     int
	anonAdmitted int
	anonRunning  int
	closed       bool

	jobs     sync.WaitGroup // jobs in flight; Close waits for them
	starts   sync.WaitGroup // worker starts in progress
	stop     chan struct{}
	waiting  atomic.Int64
	running  atomic.Int64
	busy     atomic.Int64
	restarts atomic.Int64
	builds   atomic.Int64
	ids      atomic.Uint64
	observer atomic.Pointer[func(Observation)]
}

// ticket is one job waiting for a slot.
type ticket struct {
	caller Caller
	ready  chan struct{} // receives the slot; buffered
	given  bool          // a slot was sent on ready (under Pool.mu)
}

func (c Caller) anonymous() bool { return !c.SignedIn }

// proc is one worker process's place in the pool: the labs homed there
// stay there when its worker is replaced.
type proc struct {
	index int
	w     *worker       // nil while a worker starts (under Pool.mu)
	ready chan struct{} // closed once w is set
}

// worker is one running worker process and the jobs in flight on it.
type worker struct {
	cmd     *exec.Cmd
	jobs    *os.File // our end of the job pipe
	answers *os.File // our end of the answer pipe
	pid     int
	exited  chan struct{} // closed once the process has exited
	lostCh  chan struct{} // closed once the worker is lost: no answer will come

	encMu sync.Mutex // one job line at a time
	enc   *json.Encoder

	mu       sync.Mutex
	known    map[string]bool // spec keys this worker has been sent
	pending  map[uint64]chan response
	lost     *lost // why it was lost
	draining bool  // no new jobs: it is closed once the last one answers
}

// NewPool starts the workers. It fails when a worker cannot start.
func NewPool(opts PoolOptions) (*Pool, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.Processes <= 0 {
		opts.Processes = defaultProcesses(opts.Workers)
	}
	if opts.Queue <= 0 {
		opts.Queue = 8 * opts.Workers // a burst of a class submitting at once waits a few ms, not 503
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
		free:        opts.Workers,
		queues:      map[string][]*ticket{},
		stop:        make(chan struct{}),
	}
	for i := 0; i < opts.Processes; i++ {
		w, err := p.start()
		if err != nil {
			p.Close()
			return nil, err
		}
		ready := make(chan struct{})
		close(ready)
		p.procs = append(p.procs, &proc{index: i, w: w, ready: ready})
	}
	return p, nil
}

// start starts a worker process. Jobs and answers travel on two pipes of
// their own (fds 3 and 4 in the worker), not on stdin and stdout: DuckDB
// and anything it links may print to stdout, which goes to /dev/null.
// Its stderr is read line by line into the pool's log.
func (p *Pool) start() (*worker, error) {
	cmd := p.opts.Command()
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, WorkerEnv+"=1", WorkerMaxLabsEnv+"="+strconv.Itoa(p.opts.MaxLabs),
		WorkerConcurrencyEnv+"="+strconv.Itoa(p.opts.Workers))
	cmd.Stdin, cmd.Stdout = nil, nil
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} // no orphans if the server dies
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("labs: worker stderr: %w", err)
	}
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
	w := &worker{cmd: cmd, jobs: jobsW, answers: ansR, pid: cmd.Process.Pid,
		exited: make(chan struct{}), lostCh: make(chan struct{}),
		enc: json.NewEncoder(jobsW), known: map[string]bool{}, pending: map[uint64]chan response{}}
	logs := make(chan struct{})
	go func() {
		defer close(logs)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 4096), 64<<10)
		for sc.Scan() {
			p.opts.Logger.Warn("grader worker says", "pid", w.pid, "line", sc.Text())
		}
	}()
	go p.read(w)
	go func() {
		<-logs // Wait closes the stderr pipe: read it to the end first
		w.cmd.Wait()
		close(w.exited)
		p.lose(w, lostCrashed())
	}()
	go p.watchMemory(w)
	return w, nil
}

// read delivers each answer to the job waiting for it. Every answer is
// decoded into a value of its own, so no answer can carry fields of the
// one before.
func (p *Pool) read(w *worker) {
	dec := json.NewDecoder(w.answers)
	for {
		var resp response
		if err := dec.Decode(&resp); err != nil {
			p.lose(w, lostCrashed())
			return
		}
		w.mu.Lock()
		ch := w.pending[resp.ID]
		delete(w.pending, resp.ID)
		empty := len(w.pending) == 0 && w.draining
		w.mu.Unlock()
		if ch != nil {
			ch <- resp
		}
		if empty {
			w.jobs.Close() // a drained worker exits at EOF
		}
	}
}

// watchMemory kills a worker whose resident memory passes the cap.
func (p *Pool) watchMemory(w *worker) {
	tick := time.NewTicker(p.opts.poll)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			if rss := residentBytes(w.pid); rss > p.opts.MemoryLimit {
				// A job alone on the worker is the one that used the memory.
				// With several, none can be blamed: each is tried again, and
				// the culprit meets the cap again.
				why := &lost{ErrKindMemory, textf("memory limit exceeded: the submission used more than %d MB and was stopped",
					"메모리 제한 초과: 제출이 메모리를 %d MB 넘게 써서 중단되었습니다", p.opts.MemoryLimit>>20)}
				w.mu.Lock()
				inFlight := len(w.pending)
				w.mu.Unlock()
				if inFlight > 1 {
					why = lostCrashed()
				}
				p.kill(w, why, "memory", "rss_mb", rss>>20, "jobs", inFlight)
				return
			}
		case <-w.lostCh:
			return
		}
	}
}

// kill ends a worker that broke a limit, and logs why.
func (p *Pool) kill(w *worker, why *lost, reason string, attrs ...any) {
	p.opts.Logger.Warn("grader worker killed", append([]any{"pid", w.pid, "reason", reason}, attrs...)...)
	p.lose(w, why)
	w.cmd.Process.Kill()
}

// lose marks a worker lost: the jobs in flight on it learn why, and its
// place gets a new worker. Only the first call counts.
func (p *Pool) lose(w *worker, why *lost) {
	w.mu.Lock()
	if w.lost != nil {
		w.mu.Unlock()
		return
	}
	w.lost = why
	draining := w.draining
	w.mu.Unlock()
	// Its place gets a new worker before any job hears of the loss, so a
	// job that retries at once never meets the lost one.
	if !draining {
		p.mu.Lock()
		for _, pr := range p.procs {
			if pr.w == w {
				p.restartLocked(pr)
			}
		}
		p.mu.Unlock()
	}
	close(w.lostCh)
	w.jobs.Close()
}

// retire stops sending jobs to a worker a job left suspect, lets its jobs
// in flight finish, and gives its place a new worker now.
func (p *Pool) retire(w *worker) {
	w.mu.Lock()
	if w.draining || w.lost != nil {
		w.mu.Unlock()
		return
	}
	w.draining = true
	empty := len(w.pending) == 0
	w.mu.Unlock()
	if empty {
		w.jobs.Close()
	}
	p.mu.Lock()
	for _, pr := range p.procs {
		if pr.w == w {
			p.restartLocked(pr)
		}
	}
	p.mu.Unlock()
}

// restartLocked starts a new worker for a place, retrying while it fails.
// It runs under p.mu; after Close it does nothing, so no start is counted
// once Close waits for them.
func (p *Pool) restartLocked(pr *proc) {
	pr.w = nil
	pr.ready = make(chan struct{})
	if p.closed {
		return
	}
	p.restarts.Add(1)
	p.starts.Add(1)
	ready := pr.ready
	go func() {
		defer p.starts.Done()
		for delay := 50 * time.Millisecond; ; delay = min(2*delay, 5*time.Second) {
			w, err := p.start()
			if err == nil {
				p.mu.Lock()
				if p.closed {
					p.mu.Unlock()
					w.jobs.Close()
					return
				}
				pr.w = w
				close(ready)
				p.mu.Unlock()
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

// home is the place of a lab's process: rendezvous hashing keeps each lab
// on one process, and moves few labs if the number of processes changes.
func (p *Pool) home(key string) *proc {
	best, bestScore := 0, uint64(0)
	for i := range p.procs {
		h := fnv.New64a()
		h.Write([]byte(key))
		h.Write([]byte{byte(i), byte(i >> 8)})
		if s := h.Sum64(); i == 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return p.procs[best]
}

// workerFor waits until the lab's process has a live worker.
func (p *Pool) workerFor(ctx context.Context, key string) (*worker, error) {
	pr := p.home(key)
	for {
		p.mu.Lock()
		w, ready := pr.w, pr.ready
		p.mu.Unlock()
		if w != nil {
			return w, nil
		}
		select {
		case <-ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-p.stop:
			return nil, ErrClosed
		}
	}
}

// admit takes a place for a job among the running and waiting ones, or
// answers busy. Anonymous jobs may take only their share, so a flood of
// them leaves room in the queue for signed-in learners.
func (p *Pool) admit(c Caller) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ErrClosed
	}
	if p.admitted >= p.capacity || c.anonymous() && p.anonAdmitted >= p.anonAdmit {
		p.busy.Add(1)
		return ErrBusy
	}
	p.admitted++
	if c.anonymous() {
		p.anonAdmitted++
	}
	p.jobs.Add(1)
	return nil
}

func (p *Pool) leave(c Caller) {
	p.mu.Lock()
	p.admitted--
	if c.anonymous() {
		p.anonAdmitted--
	}
	p.mu.Unlock()
	p.jobs.Done()
}

// acquire waits for a job slot, in the caller's turn.
func (p *Pool) acquire(ctx context.Context, c Caller) error {
	t := &ticket{caller: c, ready: make(chan struct{}, 1)}
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
	case <-t.ready:
		return nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-p.stop:
		err = ErrClosed
	}
	p.mu.Lock()
	if t.given { // the slot came as we gave up: pass it on
		p.mu.Unlock()
		p.release(c)
		return err
	}
	p.dequeue(t)
	p.mu.Unlock()
	return err
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

// dispatch gives free slots to waiting jobs, one caller after another. An
// anonymous caller is skipped while anonymous jobs hold their share of the
// slots. It runs under p.mu.
func (p *Pool) dispatch() {
	for p.free > 0 && !p.closed {
		t := p.pick()
		if t == nil {
			return
		}
		p.free--
		t.given = true
		p.waiting.Add(-1)
		p.running.Add(1)
		if t.caller.anonymous() {
			p.anonRunning++
		}
		if p.opts.dispatched != nil {
			p.opts.dispatched(t.caller)
		}
		t.ready <- struct{}{}
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

// release frees a job's slot.
func (p *Pool) release(c Caller) {
	p.mu.Lock()
	p.running.Add(-1)
	if c.anonymous() {
		p.anonRunning--
	}
	p.free++
	p.dispatch()
	p.mu.Unlock()
}

// lost says why a job's worker went away.
type lost struct {
	kind string
	msg  text
}

func lostCrashed() *lost {
	return &lost{ErrKindCrashed, text{"the grader stopped while running this submission; it has been restarted",
		"이 제출을 실행하던 채점기가 멈춰서 다시 시작했습니다"}}
}

// do runs one job for the context's caller. A job whose worker dies, or
// answers with an internal error, is tried once more: the worker was lost,
// not the learner's answer wrong.
func (p *Pool) do(ctx context.Context, req *request) (response, *lost, error) {
	c := callerOf(ctx)
	if err := p.admit(c); err != nil {
		return response{}, nil, err
	}
	defer p.leave(c)
	req.TimeoutMS = int(p.opts.Timeout / time.Millisecond)
	req.Key = req.Spec.Key
	for attempt := 1; ; attempt++ {
		if err := p.acquire(ctx, c); err != nil {
			return response{}, nil, err
		}
		w, err := p.workerFor(ctx, req.Key)
		if err != nil {
			p.release(c)
			return response{}, nil, err
		}
		resp, why := p.send(ctx, w, req)
		p.release(c)
		p.builds.Add(int64(resp.Builds))
		if why == nil && (resp.Internal != "" || resp.Tainted != "") {
			p.retire(w)
		}
		retry := why != nil && why.kind == ErrKindCrashed || why == nil && resp.Internal != ""
		switch {
		case why != nil && why.kind == "cancelled":
			return response{}, nil, ctx.Err()
		case retry && attempt == 1:
			p.opts.Logger.Warn("grader worker lost during a job; trying it on a fresh worker", "pid", w.pid, "op", req.Op, "lab", req.Key,
				"internal", resp.Internal)
			continue
		case retry && why != nil && why.kind == ErrKindCrashed:
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
	w.mu.Lock()
	if w.known[req.Key] {
		r.Spec = nil
	}
	w.mu.Unlock()
	resp, why := p.exchange(ctx, w, &r)
	if why == nil && resp.NeedSpec {
		r.Spec = req.Spec
		resp, why = p.exchange(ctx, w, &r)
	}
	if why == nil {
		w.mu.Lock()
		w.known[req.Key] = true
		w.mu.Unlock()
	}
	return resp, why
}

// exchange sends one job and waits for its answer while watching its
// deadline and the caller. Other jobs run on the same worker meanwhile.
func (p *Pool) exchange(ctx context.Context, w *worker, req *request) (response, *lost) {
	r := *req
	r.ID = p.ids.Add(1)
	answer := make(chan response, 1)
	w.mu.Lock()
	if w.lost != nil {
		why := w.lost
		w.mu.Unlock()
		return response{}, why
	}
	w.pending[r.ID] = answer
	w.mu.Unlock()
	forget := func() {
		w.mu.Lock()
		delete(w.pending, r.ID)
		w.mu.Unlock()
	}
	w.encMu.Lock()
	err := w.enc.Encode(&r)
	w.encMu.Unlock()
	if err != nil {
		forget()
		return response{}, lostCrashed()
	}
	// The worker cancels at the deadline itself; this is for when it cannot
	// (a single huge value is not interruptible).
	deadline := time.NewTimer(p.opts.Timeout + time.Second)
	defer deadline.Stop()
	select {
	case resp := <-answer:
		return resp, nil
	case <-w.lostCh:
		forget()
		w.mu.Lock()
		why := w.lost
		w.mu.Unlock()
		return response{}, why
	case <-deadline.C:
		forget()
		why := &lost{ErrKindTimeout, textf("time limit exceeded: the submission ran longer than %s and was stopped",
			"시간 제한 초과: 제출이 %s보다 오래 실행되어 중단되었습니다", p.opts.Timeout.String())}
		// Other jobs on the worker see it crash and are tried again.
		p.kill(w, lostCrashed(), "deadline", "lab", req.Key)
		return response{}, why
	case <-ctx.Done():
		forget()
		w.encMu.Lock()
		w.enc.Encode(&request{Op: "cancel", ID: r.ID})
		w.encMu.Unlock()
		return response{}, &lost{kind: "cancelled"}
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
		v := &Verdict{Lab: spec.ID, ErrorKind: why.kind, DurationMS: float64(time.Since(start).Microseconds()) / 1000}
		v.setError(why.msg)
		v.setMessage(textf("The submission was stopped: %s", "제출이 중단되었습니다: %s", why.msg))
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
		return nil, refuseText(why.msg)
	case resp.Refused != "":
		p.observe("run", spec.Kind, ErrKindRefused, start)
		return nil, &Refusal{Msg: resp.Refused, Ko: resp.RefusedKo}
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
		return nil, fmt.Errorf("labs: describe %s: %s", spec.ID, why.msg.en)
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
	return PoolStats{Workers: p.opts.Workers, Processes: p.opts.Processes, Reserved: p.opts.Reserved, Waiting: p.waiting.Load(),
		Running: p.running.Load(), RunningAnonymous: int64(anon), Busy: p.busy.Load(), Restarts: p.restarts.Load(), LabBuilds: p.builds.Load()}
}

// Close refuses new jobs, ends the waiting ones with ErrClosed, waits for
// the jobs in flight to answer, and then stops every worker.
func (p *Pool) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	close(p.stop)
	p.mu.Unlock()
	p.jobs.Wait()
	p.starts.Wait()
	p.mu.Lock()
	var ws []*worker
	for _, pr := range p.procs {
		if pr.w != nil {
			ws = append(ws, pr.w)
		}
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.mu.Lock()
		w.draining = true
		w.mu.Unlock()
		w.jobs.Close() // the worker exits at EOF
		select {
		case <-w.exited:
		case <-time.After(2 * time.Second):
			p.kill(w, &lost{ErrKindCrashed, text{"the grader was closed", "채점기가 종료되었습니다"}}, "close")
			<-w.exited
		}
		w.answers.Close()
	}
	return nil
}
