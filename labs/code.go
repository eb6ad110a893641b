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
			return nil, fmt.Errorf("lab %s: %s: %s", spec.ID, file, stop.msg.en)
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

func (c *codeError) Error() string { return c.stop.msg.en }

// compileError turns a compile error of the learner's file into a stop.
func compileError(err error) *starStop {
	return &starStop{kind: stopError, compile: true, msg: errorText(err).cut(MaxErrorChars), line: errorLine(err)}
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
	v.ErrorKind, v.ErrorLine = ErrKindRefused, s.line
	v.setError(s.msg)
	if s.where != "" && !strings.Contains(s.msg.en, s.where) {
		v.setError(same(s.where + ": ").add(s.msg))
	}
	stopped := textf("The submission was stopped: %s", "제출이 중단되었습니다: %s", s.msg)
	switch {
	case s.kind == stopTime:
		v.ErrorKind = ErrKindTimeout
		v.setMessage(stopped)
	case s.kind.limit():
		v.setMessage(stopped)
	case s.compile:
		v.setMessage(text{"Your program does not compile (a syntax error, or a name that is not defined), so it could not be graded.",
			"프로그램이 컴파일되지 않아(문법 오류이거나 정의되지 않은 이름) 채점하지 못했습니다."})
	default:
		v.setMessage(text{"Your program stopped with an error, so it could not be graded.", "프로그램이 오류로 멈춰서 채점하지 못했습니다."})
	}
}

// learnerProgram compiles and runs the learner's program (normal labs)
// and returns its entry function. What it prints stays in r.
func (e *Engine) learnerProgram(r *starRun, spec *Spec, src string) (starlark.Value, *starStop) {
	_, prog, err := compileStar(submissionFile, src, implementationNames())
	if err != nil {
		return nil, compileError(err)
	}
	globals, stop := r.exec(prog, nil)
	if stop != nil {
		return nil, stop
	}
	fn, ok := globals[spec.Entry].(starlark.Callable)
	if !ok {
		return nil, &starStop{kind: stopError, msg: textf("your program defines no function %s: write def %s(...):",
			"프로그램에 함수 %s가 정의되어 있지 않습니다. def %s(...):를 작성하세요", spec.Entry, spec.Entry)}
	}
	return fn, nil
}

// learnerTests compiles the learner's test file (test-writing labs).
func (e *Engine) learnerTests(spec *Spec, src string) (*starlark.Program, *starStop) {
	f, prog, err := compileStar(submissionFile, src, testNames(spec))
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
		return nil, &starStop{kind: stopError, msg: textf("your submission defines no test: write functions named %s<something> that call %s and check its results with %s",
			"제출에 테스트가 없습니다. %[2]s를 부르고 그 결과를 %[3]s로 검사하는, 이름이 %[1]s로 시작하는 함수를 작성하세요", testPrefix, spec.Entry, assertEqName)}
	case n > e.lim.MaxTests:
		return nil, &starStop{kind: stopError, msg: textf("your submission defines %d tests; the limit is %d", "제출에 테스트가 %d개 있습니다. 한도는 %d개입니다", n, e.lim.MaxTests)}
	}
	return prog, nil
}

// gradeCode grades a code lab's submission. Learner-side problems that
// end grading come back as a *codeError; other errors are the lab's.
func (e *Engine) gradeCode(ctx context.Context, st *labState, src string, v *Verdict) error {
	r := newStarRun(ctx, e.lim)
	defer r.close()
	spec := &st.spec
	if spec.TestsRequired {
		return e.gradeCodeTests(r, st, src, v)
	}
	fn, stop := e.learnerProgram(r, spec, src)
	if stop != nil {
		return &codeError{stop}
	}
	pre := r.testPredeclared(spec, st.code, fn)
	var messages []text
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
			messages = append(messages, describeFailures(textf("%d of %d visible tests fail", "공개 테스트 %[2]d개 중 %[1]d개가 실패합니다", len(failed), len(outs)), failed))
			runtimeErr = firstRuntimeError(failed, false)
		}
	}
	if len(messages) > 0 {
		v.setMessage(joinText(messages, same("\n")))
	}
	if runtimeErr != nil {
		v.fillRuntimeError(runtimeErr)
	}
	return nil
}

// gradeCodeTests grades a test-writing lab: every test passes against the
// reference, and for every mutant at least one fails.
func (e *Engine) gradeCodeTests(r *starRun, st *labState, src string, v *Verdict) error {
	spec := &st.spec
	prog, stop := e.learnerTests(spec, src)
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
		v.setMessage(describeFailures(textf("%d of your %d tests fail against the reference implementation, which behaves as the instructions say",
			"작성한 테스트 %[2]d개 중 %[1]d개가 안내대로 동작하는 올바른 구현에서 실패합니다", len(failed), len(outs)), failed))
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
		v.setMessage(textf("Your tests pass against the reference implementation, but no test fails against these mutants (wrong implementations), so they survive: %s.",
			"테스트가 올바른 구현에서는 통과하지만, 다음 뮤턴트(틀린 구현)에서 실패하는 테스트가 없어 뮤턴트가 살아남았습니다: %s.", strings.Join(survived, ", ")))
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
	s.msg = same(o.name + ": ").add(s.msg)
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
	where := o.name + ": "
	if o.stop.where != "" {
		where += o.stop.where + ": "
	}
	v.setError(same(where).add(o.stop.msg))
}

// runCode runs the learner's program and the visible tests (in a
// test-writing lab, the learner's tests against the reference) and
// reports each test and what the program printed. Nothing is graded.
func (e *Engine) runCode(ctx context.Context, st *labState, src string) (*RunResult, error) {
	r := newStarRun(ctx, e.lim)
	defer r.close()
	spec := &st.spec
	res := &RunResult{Columns: []string{"test", "result", "detail"}, Rows: [][]any{}}
	var details []string // the Korean of each row's detail
	finish := func(msg text) (*RunResult, error) {
		if r.outCut {
			note := textf("What the program printed was cut at %d KB.", "프로그램이 출력한 내용은 %d KB에서 잘렸습니다.", e.lim.MaxOutputBytes>>10)
			if msg.en != "" {
				note = same(" ").add(note)
			}
			msg = msg.add(note)
		}
		msg = msg.cut(MaxErrorChars)
		res.Message, res.Output = msg.en, r.output()
		res.Korean = &RunText{Message: msg.ko, Details: details}
		return res, nil
	}
	// stopped says where a program or test file stopped with an error.
	stopped := func(s *starStop, enWhat, koWhat string) text {
		if s.where == "" {
			return textf("%s stopped with an error: %s", "%s 오류로 멈췄습니다: %s", text{enWhat, koWhat}, s.msg)
		}
		return textf("%s stopped with an error at %s: %s", "%[1]s %[2]s에서 오류로 멈췄습니다: %[3]s", text{enWhat, koWhat}, s.where, s.msg)
	}
	var prog *starlark.Program
	var pre starlark.StringDict
	if spec.TestsRequired {
		var stop *starStop
		if prog, stop = e.learnerTests(spec, src); stop != nil {
			return nil, refuseText(stop.msg)
		}
		pre = r.testPredeclared(spec, st.code, st.code.reference)
	} else {
		fn, stop := e.learnerProgram(r, spec, src)
		switch {
		case stop != nil && (stop.compile || stop.kind.limit()):
			return nil, refuseText(same(stop.where + prefixIf(stop.where, ": ")).add(stop.msg))
		case stop != nil:
			return finish(stopped(stop, "Your program", "프로그램이"))
		}
		if st.code.tests == nil {
			return finish(text{})
		}
		prog, pre = st.code.tests, r.testPredeclared(spec, st.code, fn)
	}
	outs, top := r.runTests(prog, pre, false)
	if top != nil {
		if top.kind.limit() {
			return nil, refuseText(top.msg)
		}
		return finish(stopped(top, "The test file", "테스트 파일이"))
	}
	passed := 0
	for _, o := range outs {
		if o.stop == nil {
			passed++
			res.Rows = append(res.Rows, []any{o.name, "passed", ""})
			details = append(details, "")
			continue
		}
		detail := failureDetail(o.stop).cut(MaxRunValueChars)
		res.Rows = append(res.Rows, []any{o.name, "failed", detail.en})
		details = append(details, detail.ko)
		if o.stop.kind.limit() {
			return finish(same(o.name + ": ").add(o.stop.msg))
		}
	}
	return finish(textf("%d of %d tests pass.", "테스트 %[2]d개 중 %[1]d개가 통과합니다.", passed, len(outs)))
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
func hiddenCodeMessage(visiblePassed bool) text {
	if visiblePassed {
		return text{"Every visible test passes, but a hidden test fails: look for inputs the visible tests do not show (empty or missing values, duplicates, boundaries, unusual formats).",
			"공개 테스트는 모두 통과하지만 숨은 테스트가 실패합니다. 공개 테스트에 없는 입력(비어 있거나 빠진 값, 중복, 경계값, 특이한 형식)을 살펴보세요."}
	}
	return text{"A hidden test fails too.", "숨은 테스트도 실패합니다."}
}

// describeFailures lists the first failing tests in detail.
func describeFailures(head text, failed []testOutcome) text {
	lines := []text{head.add(same(":"))}
	for i, o := range failed {
		if i == reportedFailMax {
			lines = append(lines, textf("… and %d more", "… 외 %d개", len(failed)-i))
			break
		}
		lines = append(lines, same(o.name+": ").add(failureDetail(o.stop)))
	}
	return joinText(lines, same("\n"))
}

// failureDetail says what one visible test saw: the call, and got and
// want or the error, every value cut to MaxExampleChars.
func failureDetail(s *starStop) text {
	msg := s.msg.cut(2 * MaxExampleChars)
	switch {
	case s.kind == stopAssert && s.call != "":
		return same(s.call + " → ").add(s.msg)
	case s.kind == stopAssert:
		return s.msg
	case s.kind == stopError && s.inCall && s.where != "":
		return textf("%s stopped with an error at %s: %s", "%s 호출이 %s에서 오류로 멈췄습니다: %s", s.call, s.where, msg)
	case s.kind == stopError && s.inCall:
		return textf("%s stopped with an error: %s", "%s 호출이 오류로 멈췄습니다: %s", s.call, msg)
	case s.kind == stopError && s.call != "":
		return textf("the test stopped with an error after %s: %s", "%s 호출 뒤에 테스트가 오류로 멈췄습니다: %s", s.call, msg)
	case s.kind == stopError:
		return textf("the test stopped with an error: %s", "테스트가 오류로 멈췄습니다: %s", msg)
	case s.call != "":
		return same(s.call + ": ").add(s.msg)
	}
	return s.msg
}
