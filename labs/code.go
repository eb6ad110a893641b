package labs

import (
	"context"
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// Code labs grade a Starlark program with test functions (starlark.go is
// the sandbox they run in). A test is a function named test_* in
// tests.star or hidden_tests.star; it calls the lab's entry function and
// checks what comes back with assert_eq or assert_true. In a test-writing
// lab the submission is the test file, run against solution.star and
// against every mutant.

// codeLab is a code lab's compiled files, built once per worker like a SQL
// lab's datasets. Its functions are frozen, so jobs can share them.
type codeLab struct {
	tests, hidden *starlark.Program // normal labs; hidden may be nil
	reference     starlark.Value    // solution.star's entry function
	mutants       []codeMutant      // test-writing labs
}

type codeMutant struct {
	name string
	fn   starlark.Value
}

// buildCodeLab compiles a code lab's files and runs the implementations'
// top levels once. An error here is the lab's, never a learner's.
func (e *Engine) buildCodeLab(ctx context.Context, spec *Spec) (*codeLab, error) {
	r := newStarRun(ctx, e.lim)
	defer r.close()
	entry := func(file, src string) (starlark.Value, error) {
		_, prog, err := compileStar(file, src, implementationNames())
		if err != nil {
			return nil, fmt.Errorf("lab %s: %w", spec.ID, err)
		}
		globals, stop := r.exec(prog, nil)
		if stop != nil {
			return nil, fmt.Errorf("lab %s: %s: %s", spec.ID, file, stop.msg)
		}
		fn, ok := globals[spec.Entry].(starlark.Callable)
		if !ok {
			return nil, fmt.Errorf("lab %s: %s defines no function %s", spec.ID, file, spec.Entry)
		}
		return fn, nil
	}
	c := &codeLab{}
	var err error
	if c.reference, err = entry("solution.star", spec.Solution); err != nil {
		return nil, err
	}
	for _, m := range spec.Mutants {
		fn, err := entry("mutants/"+m.Name+".star", m.Code)
		if err != nil {
			return nil, err
		}
		c.mutants = append(c.mutants, codeMutant{m.Name, fn})
	}
	if spec.TestsRequired {
		return c, nil
	}
	for _, f := range []struct {
		file, src string
		prog      **starlark.Program
	}{{"tests.star", spec.VisibleTests, &c.tests}, {"hidden_tests.star", spec.HiddenTests, &c.hidden}} {
		if strings.TrimSpace(f.src) == "" {
			continue
		}
		if _, *f.prog, err = compileStar(f.file, f.src, testNames(spec)); err != nil {
			return nil, fmt.Errorf("lab %s: %w", spec.ID, err)
		}
	}
	return c, nil
}

// testOutcome is one test's result; stop is nil when it passed.
type testOutcome struct {
	name string
	stop *starStop
}

// runTests runs a test module's top level, then its tests in order. It
// stops at the first failure when first is set, and always at a limit
// that ends the job (time, memory, the job's steps).
func (r *starRun) runTests(prog *starlark.Program, predeclared starlark.StringDict, first bool) ([]testOutcome, *starStop) {
	globals, stop := r.exec(prog, predeclared)
	if stop != nil {
		return nil, stop
	}
	var out []testOutcome
	for _, t := range testsOf(globals) {
		_, stop := r.call(t.fn, nil)
		out = append(out, testOutcome{t.name, stop})
		if stop != nil && (first || r.over(stop)) {
			break
		}
	}
	return out, nil
}

// over reports whether a stop ends the whole job: the time or memory
// limit, or the job's steps (one test's own steps end only that test).
func (r *starRun) over(s *starStop) bool {
	return s.kind == stopTime || s.kind == stopHeap || s.kind == stopSteps && r.stepsLeft == 0
}

// testPredeclared is what a test module sees: the function under test
// (through the recording wrapper), the asserts and, in normal labs, the
// reference implementation.
func (r *starRun) testPredeclared(spec *Spec, c *codeLab, fn starlark.Value) starlark.StringDict {
	d := assertBuiltins()
	d[spec.Entry] = r.entryBuiltin(spec.Entry, fn)
	if !spec.TestsRequired {
		d[referenceName] = c.reference
	}
	return d
}

// codeError is a learner's program that could not be graded or run: a
// syntax error, an error at its top level, a missing function or a limit.
type codeError struct {
	stop *starStop
}

func (c *codeError) Error() string { return c.stop.msg }

// compileError turns a compile error of the learner's file into a stop.
func compileError(err error) *starStop {
	return &starStop{kind: stopError, compile: true, msg: cut(err.Error(), MaxErrorChars), line: errorLine(err)}
}

// errorLine finds the line of a syntax or resolve error in the learner's file.
func errorLine(err error) int {
	var line, col int
	msg := err.Error()
	if !strings.HasPrefix(msg, submissionFile+":") {
		return 0
	}
	if _, e := fmt.Sscanf(msg[len(submissionFile)+1:], "%d:%d", &line, &col); e != nil {
		return 0
	}
	return line
}

// fillCodeError makes v an error verdict for a stop that ended grading.
func (v *Verdict) fillCodeError(s *starStop) {
	v.Passed = false
	v.ErrorKind, v.Error, v.ErrorLine = ErrKindRefused, s.msg, s.line
	if s.where != "" && !strings.Contains(s.msg, s.where) {
		v.Error = s.where + ": " + s.msg
	}
	switch {
	case s.kind == stopTime:
		v.ErrorKind = ErrKindTimeout
		v.Message = "The submission was stopped: " + s.msg
	case s.kind.limit():
		v.Message = "The submission was stopped: " + s.msg
	case s.compile:
		v.Message = "Your program does not compile (a syntax error, or a name that is not defined), so it could not be graded."
	default:
		v.Message = "Your program stopped with an error, so it could not be graded."
	}
}

// learnerProgram compiles and runs the learner's program (normal labs)
// and returns its entry function. What it prints stays in r.
func (e *Engine) learnerProgram(r *starRun, spec *Spec, text string) (starlark.Value, *starStop) {
	_, prog, err := compileStar(submissionFile, text, implementationNames())
	if err != nil {
		return nil, compileError(err)
	}
	globals, stop := r.exec(prog, nil)
	if stop != nil {
		return nil, stop
	}
	fn, ok := globals[spec.Entry].(starlark.Callable)
	if !ok {
		return nil, &starStop{kind: stopError, msg: fmt.Sprintf("your program defines no function %s: write def %s(...):", spec.Entry, spec.Entry)}
	}
	return fn, nil
}

// learnerTests compiles the learner's test file (test-writing labs).
func (e *Engine) learnerTests(spec *Spec, text string) (*starlark.Program, *starStop) {
	f, prog, err := compileStar(submissionFile, text, testNames(spec))
	if err != nil {
		return nil, compileError(err)
	}
	n := 0
	for name := range topLevelDefs(f) {
		if strings.HasPrefix(name, testPrefix) {
			n++
		}
	}
	switch {
	case n == 0:
		return nil, &starStop{kind: stopError, msg: fmt.Sprintf("your submission defines no test: write functions named %s<something> that call %s and check its results with %s", testPrefix, spec.Entry, assertEqName)}
	case n > e.lim.MaxTests:
		return nil, &starStop{kind: stopError, msg: fmt.Sprintf("your submission defines %d tests; the limit is %d", n, e.lim.MaxTests)}
	}
	return prog, nil
}

// gradeCode grades a code lab's submission. Learner-side problems that
// end grading come back as a *codeError; other errors are the lab's.
func (e *Engine) gradeCode(ctx context.Context, st *labState, text string, v *Verdict) error {
	r := newStarRun(ctx, e.lim)
	defer r.close()
	spec := &st.spec
	if spec.TestsRequired {
		return e.gradeCodeTests(r, st, text, v)
	}
	fn, stop := e.learnerProgram(r, spec, text)
	if stop != nil {
		return &codeError{stop}
	}
	pre := r.testPredeclared(spec, st.code, fn)
	var messages []string
	var runtimeErr *testOutcome
	for _, set := range []struct {
		name, file string
		prog       *starlark.Program
	}{{"visible", "tests.star", st.code.tests}, {"hidden", "hidden_tests.star", st.code.hidden}} {
		if set.prog == nil {
			continue
		}
		hidden := set.name == "hidden"
		outs, top := r.runTests(set.prog, pre, hidden)
		if top != nil {
			outs = []testOutcome{{set.file, top}}
		}
		failed := failures(outs)
		// A limit ends grading with an error verdict. On hidden tests only
		// the time limit says so: an endless loop there reads like any
		// other hidden failure, so the verdict cannot tell them apart.
		for _, o := range failed {
			if k := o.stop.kind; k == stopTime || !hidden && k.limit() {
				return &codeError{o.named()}
			}
		}
		v.Datasets = append(v.Datasets, DatasetResult{Name: set.name, Passed: len(failed) == 0})
		switch {
		case len(failed) == 0:
		case hidden:
			messages = append(messages, hiddenCodeMessage(v.Datasets[0].Passed))
		default:
			messages = append(messages, describeFailures(fmt.Sprintf("%d of %d visible tests fail", len(failed), len(outs)), failed))
			runtimeErr = firstRuntimeError(failed, false)
		}
	}
	v.Message = strings.Join(messages, "\n")
	if runtimeErr != nil {
		v.fillRuntimeError(runtimeErr)
	}
	return nil
}

// gradeCodeTests grades a test-writing lab: every test passes against the
// reference, and for every mutant at least one fails.
func (e *Engine) gradeCodeTests(r *starRun, st *labState, text string, v *Verdict) error {
	spec := &st.spec
	prog, stop := e.learnerTests(spec, text)
	if stop != nil {
		return &codeError{stop}
	}
	outs, top := r.runTests(prog, r.testPredeclared(spec, st.code, st.code.reference), false)
	if top != nil {
		return &codeError{top}
	}
	failed := failures(outs)
	for _, o := range failed {
		if o.stop.kind.limit() {
			return &codeError{o.named()}
		}
	}
	if len(failed) > 0 {
		v.Datasets = []DatasetResult{{Name: "visible", Passed: false}}
		v.Message = describeFailures(fmt.Sprintf("%d of your %d tests fail against the reference implementation, which behaves as the instructions say", len(failed), len(outs)), failed)
		if o := firstRuntimeError(failed, true); o != nil {
			v.fillRuntimeError(o)
		}
		return nil
	}
	var survived []string
	for _, m := range st.code.mutants {
		outs, top := r.runTests(prog, r.testPredeclared(spec, st.code, m.fn), true)
		caught := top != nil
		if top != nil && r.over(top) {
			return &codeError{top}
		}
		for _, o := range outs {
			if o.stop != nil && r.over(o.stop) {
				return &codeError{o.named()}
			}
			caught = caught || o.stop != nil
		}
		if !caught {
			survived = append(survived, m.name)
		}
	}
	v.Datasets = []DatasetResult{{Name: "visible", Passed: len(survived) == 0}}
	if len(survived) > 0 {
		v.Message = fmt.Sprintf("Your tests pass against the reference implementation, but no test fails against these mutants (wrong implementations), so they survive: %s.",
			strings.Join(survived, ", "))
	}
	return nil
}

func failures(outs []testOutcome) []testOutcome {
	var out []testOutcome
	for _, o := range outs {
		if o.stop != nil {
			out = append(out, o)
		}
	}
	return out
}

// named is the stop with the test's name in front of its message.
func (o testOutcome) named() *starStop {
	s := *o.stop
	s.msg = o.name + ": " + s.msg
	return &s
}

// firstRuntimeError finds the first failure that is an error raised by
// the learner's own code. In a test-writing lab an error from inside the
// reference is the test's fault (a call the instructions do not allow),
// not an error of the program.
func firstRuntimeError(failed []testOutcome, testsRequired bool) *testOutcome {
	for i, o := range failed {
		if o.stop.kind == stopError && !(testsRequired && o.stop.inCall) {
			return &failed[i]
		}
	}
	return nil
}

// fillRuntimeError marks a failing verdict as an error verdict: the
// learner's code raised an error in a visible test.
func (v *Verdict) fillRuntimeError(o *testOutcome) {
	v.ErrorKind, v.ErrorLine = ErrKindRefused, o.stop.line
	v.Error = o.name + ": " + o.stop.msg
	if o.stop.where != "" {
		v.Error = o.name + ": " + o.stop.where + ": " + o.stop.msg
	}
}

// runCode runs the learner's program and the visible tests (in a
// test-writing lab, the learner's tests against the reference) and
// reports each test and what the program printed. Nothing is graded.
func (e *Engine) runCode(ctx context.Context, st *labState, text string) (*RunResult, error) {
	r := newStarRun(ctx, e.lim)
	defer r.close()
	spec := &st.spec
	res := &RunResult{Columns: []string{"test", "result", "detail"}, Rows: [][]any{}}
	finish := func(msg string) (*RunResult, error) {
		res.Message, res.Output = cut(msg, MaxErrorChars), r.output()
		return res, nil
	}
	var prog *starlark.Program
	var pre starlark.StringDict
	if spec.TestsRequired {
		var stop *starStop
		if prog, stop = e.learnerTests(spec, text); stop != nil {
			return nil, refuse("%s", stop.msg)
		}
		pre = r.testPredeclared(spec, st.code, st.code.reference)
	} else {
		fn, stop := e.learnerProgram(r, spec, text)
		switch {
		case stop != nil && (stop.compile || stop.kind.limit()):
			return nil, refuse("%s", stop.where+prefixIf(stop.where, ": ")+stop.msg)
		case stop != nil:
			return finish("Your program stopped with an error" + prefixIf(stop.where, " at ") + stop.where + ": " + stop.msg)
		}
		if st.code.tests == nil {
			return finish("")
		}
		prog, pre = st.code.tests, r.testPredeclared(spec, st.code, fn)
	}
	outs, top := r.runTests(prog, pre, false)
	if top != nil {
		if top.kind.limit() {
			return nil, refuse("%s", top.msg)
		}
		return finish("The test file stopped with an error" + prefixIf(top.where, " at ") + top.where + ": " + top.msg)
	}
	passed := 0
	for _, o := range outs {
		if o.stop == nil {
			passed++
			res.Rows = append(res.Rows, []any{o.name, "passed", ""})
			continue
		}
		detail := strings.TrimPrefix(describeFailure(o.name, o.stop), o.name+": ")
		res.Rows = append(res.Rows, []any{o.name, "failed", cut(detail, MaxRunValueChars)})
		if o.stop.kind.limit() {
			return finish(o.name + ": " + o.stop.msg)
		}
	}
	return finish(fmt.Sprintf("%d of %d tests pass.", passed, len(outs)))
}

// prefixIf returns p when s is not empty.
func prefixIf(s, p string) string {
	if s == "" {
		return ""
	}
	return p
}

// hiddenCodeMessage is all a verdict says about hidden tests, whatever
// failed there and however.
func hiddenCodeMessage(visiblePassed bool) string {
	if visiblePassed {
		return "Every visible test passes, but a hidden test fails: look for inputs the visible tests do not show (empty or missing values, duplicates, boundaries, unusual formats)."
	}
	return "A hidden test fails too."
}

// describeFailures lists the first failing tests in detail.
func describeFailures(head string, failed []testOutcome) string {
	lines := []string{head + ":"}
	for i, o := range failed {
		if i == reportedFailMax {
			lines = append(lines, fmt.Sprintf("… and %d more", len(failed)-i))
			break
		}
		lines = append(lines, describeFailure(o.name, o.stop))
	}
	return strings.Join(lines, "\n")
}

// describeFailure says what one visible test saw: the call, and got and
// want or the error, every value cut to MaxExampleChars.
func describeFailure(name string, s *starStop) string {
	var b strings.Builder
	b.WriteString(name + ": ")
	switch {
	case s.kind == stopAssert && s.call != "":
		fmt.Fprintf(&b, "%s → %s", s.call, s.msg)
	case s.kind == stopAssert:
		b.WriteString(s.msg)
	case s.kind == stopError && s.inCall:
		fmt.Fprintf(&b, "%s stopped with an error", s.call)
		if s.where != "" {
			b.WriteString(" at " + s.where)
		}
		b.WriteString(": " + cut(s.msg, 2*MaxExampleChars))
	case s.kind == stopError && s.call != "":
		fmt.Fprintf(&b, "the test stopped with an error after %s: %s", s.call, cut(s.msg, 2*MaxExampleChars))
	case s.kind == stopError:
		b.WriteString("the test stopped with an error: " + cut(s.msg, 2*MaxExampleChars))
	default:
		if s.call != "" {
			b.WriteString(s.call + ": ")
		}
		b.WriteString(s.msg)
	}
	return b.String()
}
