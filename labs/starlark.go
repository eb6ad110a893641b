package labs

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// This file is the sandbox of code labs: how a Starlark program is
// compiled and run within its limits. code.go grades with it.
//
// Starlark is hermetic by design: no files, network, clock or randomness
// exist in the language, and load() is refused here. What remains to bound
// is work and memory. Steps bound loops (Thread.SetMaxExecutionSteps),
// the job's deadline cancels the thread, a watcher cancels it when the Go
// heap grows past a cap, range() refuses lengths no step budget could
// walk, print() writes to a bounded buffer, and recursion stays forbidden
// (Starlark's default). One operation can still allocate up to 1 GB before
// the interpreter looks again ("x" * n): that is what the pool's RSS
// watchdog is for.

// starOptions are the dialect options every lab file and submission is
// compiled with. They make Starlark closer to the Python learners know:
// while loops, if/for at the top level, reassigning globals and set().
// Recursion stays off: with no exceptions to catch a stack overflow, a
// recursion limit would be one more thing to explain.
func starOptions() *syntax.FileOptions {
	return &syntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true}
}

// The names tests see besides the universe.
const (
	testPrefix      = "test_"
	assertEqName    = "assert_eq"
	assertTrueName  = "assert_true"
	referenceName   = "reference"
	submissionFile  = "submission.star"
	reportedFailMax = 5 // visible test failures described in a verdict
)

var identPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// predeclaredName reports whether name is taken by the universe or by the
// names Ladder gives tests, so it cannot be a lab's entry function.
func predeclaredName(name string) bool {
	switch name {
	case assertEqName, assertTrueName, referenceName:
		return true
	}
	return starlark.Universe.Has(name)
}

// implementationNames are predeclared in a program that implements the
// entry function: the learner's, the solution and the mutants.
func implementationNames() map[string]bool { return map[string]bool{"range": true} }

// testNames are predeclared in a test file of the lab.
func testNames(s *Spec) map[string]bool {
	names := map[string]bool{"range": true, assertEqName: true, assertTrueName: true, s.Entry: true}
	if !s.TestsRequired {
		names[referenceName] = true
	}
	return names
}

// compileStar parses and resolves one file. Errors name the file, line and
// column, as Starlark writes them. A load() statement is refused here, so
// no program ever asks for a module.
func compileStar(filename, src string, names map[string]bool) (*syntax.File, *starlark.Program, error) {
	f, prog, err := starlark.SourceProgramOptions(starOptions(), filename, src, func(n string) bool { return names[n] })
	if err != nil {
		return nil, nil, err
	}
	if prog.NumLoads() > 0 {
		_, pos := prog.Load(0)
		return nil, nil, &textError{textf("%s: load() is not available in labs: a program is one self-contained file",
			"%s: 실습에서는 load()를 쓸 수 없습니다. 프로그램은 파일 하나로 완결되어야 합니다", pos.String())}
	}
	return f, prog, nil
}

// checkStarFile compiles a lab's file and checks that it defines the
// function define (when set) and at least one function named prefix*
// (when set). Nothing runs.
func checkStarFile(filename, src string, names map[string]bool, define, prefix string) error {
	f, _, err := compileStar(filename, src, names)
	if err != nil {
		return err
	}
	defs := topLevelDefs(f)
	if define != "" && !defs[define] {
		return fmt.Errorf("defines no function %s (the lab's entry)", define)
	}
	if prefix != "" {
		for name := range defs {
			if strings.HasPrefix(name, prefix) {
				return nil
			}
		}
		return fmt.Errorf("defines no test: a test is a function named %s<something>", prefix)
	}
	return nil
}

func topLevelDefs(f *syntax.File) map[string]bool {
	defs := map[string]bool{}
	for _, st := range f.Stmts {
		if d, ok := st.(*syntax.DefStmt); ok {
			defs[d.Name.Name] = true
		}
	}
	return defs
}

// stopKind says why a Starlark run did not finish normally.
type stopKind int

const (
	stopError  stopKind = iota + 1 // the program raised an error
	stopAssert                     // an assert_eq or assert_true failed
	stopSteps                      // the step budget ran out
	stopHeap                       // the heap passed its cap
	stopTime                       // the job's deadline passed
)

// limitStop reports whether the run was stopped by a limit rather than by
// the program itself.
func (k stopKind) limit() bool { return k == stopSteps || k == stopHeap || k == stopTime }

// starStop is a run that did not finish normally, described for a learner.
type starStop struct {
	kind    stopKind
	msg     text   // the error's message, or the failed assertion
	line    int    // where in submission.star, when the program raised it there
	where   string // "submission.star:3:9" or ""
	call    string // the last call of the entry function, as text
	inCall  bool   // the error came from inside that call
	compile bool   // the program did not compile
}

// assertFailure is the error assert_eq and assert_true return.
type assertFailure struct {
	got, want, msg string
	truth          bool // assert_true: got and want are empty
}

func (a *assertFailure) Error() string { return a.text().en }

// text is the failure in both languages; the values and the test's own
// message stay as they are.
func (a *assertFailure) text() text {
	if a.truth {
		return textf("assert_true failed: %s", "assert_true 실패: %s", a.msg)
	}
	t := textf("got %s, want %s", "결과 %s, 기대 %s", a.got, a.want)
	if a.msg != "" {
		t = t.add(same(": " + a.msg))
	}
	return t
}

// entryError marks an error raised inside the function under test, so a
// failure can say whether the learner's function or the test broke.
type entryError struct{ err error }

func (e *entryError) Error() string { return e.err.Error() }
func (e *entryError) Unwrap() error { return e.err }

// starRun runs the Starlark of one job within its limits: the steps it has
// left, its deadline, its heap and its printed output. Each call gets a
// thread of its own, so one test cannot spend another's steps, but the
// job's total stays bounded.
type starRun struct {
	ctx       context.Context
	lim       Limits
	stepsLeft uint64
	out       strings.Builder
	outCut    bool
	cur       atomic.Pointer[starlark.Thread]
	heapHit   atomic.Bool
	stepsHit  bool
	peak      atomic.Uint64
	stop      func()
	lastCall  string // the entry's last call in the current test
	predecl   starlark.StringDict
}

// newStarRun starts a job's watchers: the deadline and the heap cap both
// cancel whatever thread is running. close stops them.
func newStarRun(ctx context.Context, lim Limits) *starRun {
	r := &starRun{ctx: ctx, lim: lim, stepsLeft: lim.MaxJobSteps}
	r.predecl = starlark.StringDict{"range": rangeBuiltin(lim.MaxRangeLen)}
	stopDeadline := context.AfterFunc(ctx, func() { r.cancel("time limit") })
	done := make(chan struct{})
	base := heapBytes()
	go r.watchHeap(done, base)
	r.stop = func() {
		stopDeadline()
		close(done)
	}
	return r
}

// watchHeap cancels the running thread once the heap has grown by more
// than the cap since the job started. It polls: the interpreter has no
// allocation hook, and one step may allocate a lot.
func (r *starRun) watchHeap(done <-chan struct{}, base uint64) {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			now := heapBytes()
			if now > base && now-base > r.peak.Load() {
				r.peak.Store(now - base)
			}
			if now > base && now-base > uint64(r.lim.MaxHeapBytes) {
				r.heapHit.Store(true)
				r.cancel("memory limit")
				return
			}
		}
	}
}

func (r *starRun) cancel(reason string) {
	if th := r.cur.Load(); th != nil {
		th.Cancel(reason)
	}
}

// close stops the watchers and, after a job that grew the heap a lot,
// returns the memory to the system: the pool's RSS watchdog must not kill
// the next job for this one's garbage.
func (r *starRun) close() {
	r.stop()
	r.cur.Store(nil)
	if r.peak.Load() > 64<<20 || r.heapHit.Load() {
		runtime.GC()
		debug.FreeOSMemory()
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// thread returns a fresh thread for one call, limited to the steps one
// call may take and the job has left.
func (r *starRun) thread() *starlark.Thread {
	th := &starlark.Thread{
		Name:  "lab",
		Print: r.print,
		Load: func(*starlark.Thread, string) (starlark.StringDict, error) {
			return nil, errors.New("load() is not available in labs")
		},
		OnMaxSteps: func(t *starlark.Thread) {
			r.stepsHit = true
			t.Cancel("step limit")
		},
	}
	th.SetMaxExecutionSteps(min(r.lim.MaxCallSteps, r.stepsLeft))
	r.stepsHit = false
	r.cur.Store(th)
	switch {
	case r.ctx.Err() != nil:
		th.Cancel("time limit")
	case r.heapHit.Load():
		th.Cancel("memory limit")
	}
	return th
}

func (r *starRun) done(th *starlark.Thread) {
	r.cur.Store(nil)
	r.stepsLeft -= min(th.ExecutionSteps(), r.stepsLeft)
}

// exec runs a program's top level and returns its frozen globals.
func (r *starRun) exec(prog *starlark.Program, predeclared starlark.StringDict) (starlark.StringDict, *starStop) {
	if r.stepsLeft == 0 {
		return nil, r.limitStop(stopSteps)
	}
	th := r.thread()
	globals, err := prog.Init(th, r.with(predeclared))
	r.done(th)
	if err != nil {
		return nil, r.classify(err)
	}
	globals.Freeze()
	return globals, nil
}

// call calls a function with no arguments (a test) or with args.
func (r *starRun) call(fn starlark.Value, args starlark.Tuple) (starlark.Value, *starStop) {
	if r.stepsLeft == 0 {
		return nil, r.limitStop(stopSteps)
	}
	th := r.thread()
	r.lastCall = ""
	v, err := starlark.Call(th, fn, args, nil)
	r.done(th)
	if err != nil {
		return nil, r.classify(err)
	}
	return v, nil
}

// with adds the run's own builtins to a module's predeclared names.
func (r *starRun) with(predeclared starlark.StringDict) starlark.StringDict {
	out := starlark.StringDict{}
	for k, v := range r.predecl {
		out[k] = v
	}
	for k, v := range predeclared {
		out[k] = v
	}
	return out
}

// classify turns an error from the interpreter into a stop: the limits
// first (a cancelled thread's error says only "cancelled"), then failed
// assertions, then the program's own errors.
func (r *starRun) classify(err error) *starStop {
	switch {
	case r.heapHit.Load():
		return r.limitStop(stopHeap)
	case r.ctx.Err() != nil:
		return r.limitStop(stopTime)
	case r.stepsHit:
		return r.limitStop(stopSteps)
	}
	s := &starStop{kind: stopError, call: r.lastCall}
	var entry *entryError
	s.inCall = errors.As(err, &entry)
	var af *assertFailure
	if errors.As(err, &af) {
		s.kind, s.msg = stopAssert, af.text()
		return s
	}
	// The innermost EvalError holds the learner's own frames: the outer
	// ones were made where a test called through entryBuiltin.
	var ee *starlark.EvalError
	for e := err; e != nil; e = errors.Unwrap(e) {
		if x, ok := e.(*starlark.EvalError); ok {
			ee = x
		}
	}
	if ee == nil {
		s.msg = errorText(err).cut(MaxErrorChars)
		return s
	}
	// Starlark's own message reads the same in both languages; an error
	// our builtins raised (range()) carries its Korean.
	s.msg = same(ee.Msg)
	var te *textError
	if errors.As(ee, &te) && te.t.en == ee.Msg {
		s.msg = te.t
	}
	s.msg = s.msg.cut(MaxErrorChars)
	if strings.Contains(ee.Msg, "called recursively") {
		s.msg = s.msg.add(text{" (Starlark does not allow recursion: rewrite it with a loop)", " (Starlark에서는 재귀를 쓸 수 없습니다. 반복문으로 바꿔 쓰세요)"})
	}
	// The innermost frame in the learner's file says where it went wrong.
	for i := len(ee.CallStack) - 1; i >= 0; i-- {
		if pos := ee.CallStack[i].Pos; pos.Filename() == submissionFile {
			s.line, s.where = int(pos.Line), pos.String()
			break
		}
	}
	return s
}

// limitStop describes a limit the run passed, in the words a verdict uses.
func (r *starRun) limitStop(k stopKind) *starStop {
	s := &starStop{kind: k, call: r.lastCall}
	switch k {
	case stopSteps:
		s.msg = textf("the program ran out of steps (the limits are %d steps for one test and %d for the whole submission): look for a loop that never ends, or work that grows too fast",
			"프로그램이 실행 단계 한도를 다 썼습니다(테스트 하나에 %d단계, 제출 전체에 %d단계). 끝나지 않는 반복문이나 너무 빨리 늘어나는 작업이 없는지 살펴보세요", r.lim.MaxCallSteps, r.lim.MaxJobSteps)
	case stopHeap:
		s.msg = textf("memory limit exceeded: the program grew its memory by more than %d MB and was stopped",
			"메모리 제한 초과: 프로그램이 메모리를 %d MB 넘게 늘려서 중단되었습니다", r.lim.MaxHeapBytes>>20)
	case stopTime:
		s.msg = text{"time limit exceeded: the program ran longer than the submission's time limit and was stopped",
			"시간 제한 초과: 프로그램이 제출의 시간 제한보다 오래 실행되어 중단되었습니다"}
	}
	return s
}

// print keeps the first MaxOutputBytes of what a program prints. Printing
// costs steps, so the buffer bounds memory and the steps bound time.
func (r *starRun) print(_ *starlark.Thread, msg string) {
	room := r.lim.MaxOutputBytes - r.out.Len()
	if room <= 0 {
		r.outCut = true
		return
	}
	if len(msg)+1 > room {
		r.out.WriteString(cut(msg, room))
		r.outCut = true
		return
	}
	r.out.WriteString(msg)
	r.out.WriteByte('\n')
}

// output is what the job printed, ending in the cut mark when it was cut:
// the run's message says so in words, in both languages (runCode).
func (r *starRun) output() string {
	if r.outCut {
		return r.out.String() + "\n" + cutMark + "\n"
	}
	return r.out.String()
}

// rangeBuiltin is range() refusing lengths that no step budget could walk:
// list(range(10**9)) would otherwise build a 16 GB list in one step. It
// holds no state, so the frozen functions of a lab's own files may keep it.
func rangeBuiltin(maxLen int) *starlark.Builtin {
	return starlark.NewBuiltin("range", func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := starlark.Call(th, starlark.Universe["range"], args, kwargs)
		if err != nil {
			return nil, err
		}
		if seq, ok := v.(starlark.Sequence); ok && seq.Len() > maxLen {
			return nil, &textError{textf("range(): %d elements is more than the %d a lab allows",
				"range(): 원소 %d개는 실습에서 허용하는 %d개보다 많습니다", seq.Len(), maxLen)}
		}
		return v, nil
	})
}

// entryBuiltin is how tests reach the function under test: it records
// each call's text for the feedback and marks errors from inside it.
func (r *starRun) entryBuiltin(name string, fn starlark.Value) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		r.lastCall = callText(name, args, kwargs)
		v, err := starlark.Call(th, fn, args, kwargs)
		if err != nil {
			return nil, &entryError{err}
		}
		return v, nil
	})
}

// assertBuiltins are assert_eq(got, want, msg="") and
// assert_true(cond, msg="").
func assertBuiltins() starlark.StringDict {
	return starlark.StringDict{
		assertEqName: starlark.NewBuiltin(assertEqName, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var got, want starlark.Value
			var msg string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "got", &got, "want", &want, "msg?", &msg); err != nil {
				return nil, err
			}
			eq, err := starlark.Equal(got, want)
			if err != nil {
				return nil, err
			}
			if !eq {
				return nil, &assertFailure{got: reprCut(got), want: reprCut(want), msg: cut(msg, MaxExampleChars)}
			}
			return starlark.None, nil
		}),
		assertTrueName: starlark.NewBuiltin(assertTrueName, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var cond starlark.Value
			var msg string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "cond", &cond, "msg?", &msg); err != nil {
				return nil, err
			}
			if !cond.Truth() {
				return nil, &assertFailure{truth: true, msg: cut(msg, MaxExampleChars)}
			}
			return starlark.None, nil
		}),
	}
}

// testFunc is one test_* function of a test module.
type testFunc struct {
	name string
	fn   *starlark.Function
}

// testsOf lists a test module's test_* functions in the order they are
// defined.
func testsOf(globals starlark.StringDict) []testFunc {
	var out []testFunc
	for name, v := range globals {
		if fn, ok := v.(*starlark.Function); ok && strings.HasPrefix(name, testPrefix) {
			out = append(out, testFunc{name, fn})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].fn.Position(), out[j].fn.Position()
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return out[i].name < out[j].name
	})
	return out
}

// callText is a call as a learner would write it, each argument cut.
func callText(name string, args starlark.Tuple, kwargs []starlark.Tuple) string {
	parts := make([]string, 0, len(args)+len(kwargs))
	for _, a := range args {
		parts = append(parts, reprCut(a))
	}
	for _, kv := range kwargs {
		parts = append(parts, fmt.Sprintf("%s=%s", kv[0].(starlark.String).GoString(), reprCut(kv[1])))
	}
	return cut(name+"("+strings.Join(parts, ", ")+")", 3*MaxExampleChars)
}

// reprCut is a value's repr cut to MaxExampleChars. It never builds the
// whole repr: a learner's value may be a 500 MB string.
func reprCut(v starlark.Value) string {
	var b strings.Builder
	writeRepr(&b, v, 4*MaxExampleChars, 0)
	return cut(b.String(), MaxExampleChars)
}

func writeRepr(b *strings.Builder, v starlark.Value, budget, depth int) {
	if b.Len() > budget {
		return
	}
	if depth > 20 {
		b.WriteString("...")
		return
	}
	seq := func(open, close string, items []starlark.Value) {
		b.WriteString(open)
		for i, x := range items {
			if b.Len() > budget {
				return
			}
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, x, budget, depth+1)
		}
		b.WriteString(close)
	}
	elems := func(it starlark.Iterable, limit int) []starlark.Value {
		var out []starlark.Value
		iter := it.Iterate()
		defer iter.Done()
		var x starlark.Value
		for len(out) < limit && iter.Next(&x) {
			out = append(out, x)
		}
		return out
	}
	switch x := v.(type) {
	case starlark.String:
		s := string(x)
		if len(s) > budget {
			s = s[:budget]
		}
		b.WriteString(starlark.String(s).String())
	case starlark.Bytes:
		s := string(x)
		if len(s) > budget {
			s = s[:budget]
		}
		b.WriteString(starlark.Bytes(s).String())
	case starlark.Int:
		if bi := x.BigInt(); bi.BitLen() > 4*budget {
			fmt.Fprintf(b, "<an int of %d bits>", bi.BitLen())
			return
		}
		b.WriteString(x.String())
	case *starlark.List:
		seq("[", "]", elems(x, budget))
	case starlark.Tuple:
		if len(x) == 1 {
			seq("(", ",)", x[:1])
			return
		}
		seq("(", ")", x[:min(len(x), budget)])
	case *starlark.Set:
		seq("set([", "])", elems(x, budget))
	case *starlark.Dict:
		b.WriteString("{")
		for i, k := range elems(x, budget) {
			if b.Len() > budget {
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			val, _, _ := x.Get(k)
			writeRepr(b, k, budget, depth+1)
			b.WriteString(": ")
			writeRepr(b, val, budget, depth+1)
		}
		b.WriteString("}")
	default:
		b.WriteString(cut(v.String(), budget))
	}
}
