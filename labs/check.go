package labs

import (
	"context"
	"fmt"
	"time"
)

// CheckReport is the self-test of one lab.
type CheckReport struct {
	Lab      string   `json:"lab"`
	Path     string   `json:"path"`
	OK       bool     `json:"ok"`
	Problems []string `json:"problems,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// SelfTest checks that a lab is sound: its reference passes on every
// dataset (in a code lab: every visible and hidden test, or in a
// test-writing lab the reference tests pass against solution.star and
// catch every mutant), its tests/fail-* fail and tests/pass-* pass, and a
// hard-coded copy of the visible answer would not pass.
func SelfTest(ctx context.Context, e *Engine, lab *Lab, known func(ref string) bool) CheckReport {
	r := CheckReport{Lab: lab.ID, Path: lab.Path}
	grade := func(sqlText string) (*Verdict, error) {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return e.Grade(ctx, &lab.Spec, sqlText)
	}
	v, err := grade(lab.Reference())
	switch {
	case err != nil:
		r.Problems = append(r.Problems, err.Error())
	case !v.Passed:
		r.Problems = append(r.Problems, "the reference solution does not pass its own lab: "+firstNonEmpty(v.Error, v.Message))
	}
	if lab.Kind == KindQuality {
		r.Problems = append(r.Problems, e.auditQuality(ctx, lab)...)
	}
	if err == nil {
		st, err := e.hold(ctx, &lab.Spec)
		if err == nil {
			defer e.unhold(st)
			r.Warnings = append(r.Warnings, hardcodeWarnings(st)...)
			if lab.Kind == KindQuery && lab.OrderMode() == OrderSorted && st.keys == nil {
				r.Warnings = append(r.Warnings, "ordered: the reference sorts by something that is not a column of its result, so the grader compares the exact sequence; select the sort key too, or say ordered: strict")
			}
		}
	}
	for _, tc := range lab.Tests {
		v, err := grade(tc.SQL)
		switch {
		case err != nil:
			r.Problems = append(r.Problems, fmt.Sprintf("tests/%s: %v", tc.File, err))
		case tc.WantPass && !v.Passed:
			r.Problems = append(r.Problems, fmt.Sprintf("tests/%s should pass but fails: %s", tc.File, firstNonEmpty(v.Error, v.Message)))
		case !tc.WantPass && v.Passed:
			r.Problems = append(r.Problems, fmt.Sprintf("tests/%s should fail but passes", tc.File))
		}
	}
	hasFail := false
	for _, tc := range lab.Tests {
		hasFail = hasFail || !tc.WantPass
	}
	if !hasFail {
		ext := ".sql"
		if lab.Kind == KindCode {
			ext = ".star"
		}
		r.Warnings = append(r.Warnings, "no tests/fail-*"+ext+": add a realistic wrong submission")
	}
	r.Warnings = append(r.Warnings, untranslatedChecks(lab)...)
	if known != nil {
		for _, p := range lab.Prerequisites {
			if !known(p) {
				r.Warnings = append(r.Warnings, fmt.Sprintf("prerequisite %q is neither a loaded lab nor a guide", p))
			}
		}
	}
	r.OK = len(r.Problems) == 0
	return r
}

// hardcodeWarnings flags labs whose hidden dataset would not catch a
// submission that types the visible answer in as literal rows.
func hardcodeWarnings(st *labState) []string {
	switch {
	case st.spec.Kind == KindQuality, st.spec.Kind == KindCode && st.spec.TestsRequired:
		return nil
	case st.spec.Kind == KindCode && st.code.hidden == nil:
		return []string{"no hidden_tests.star: a function that hard-codes the visible tests' answers could pass"}
	case st.spec.Kind == KindCode:
		return nil
	}
	if len(st.datasets) < 2 {
		return []string{"no hidden.sql: a hard-coded answer could pass"}
	}
	vis, hid := st.datasets[0], st.datasets[1]
	same := false
	switch st.spec.Kind {
	case KindQuery:
		same = Compare(vis.expected, hid.expected, CompareOptions{Tolerance: st.spec.Tolerance}).Equal
	case KindETL:
		same = true
		for i := range vis.targets {
			same = same && Compare(vis.targets[i], hid.targets[i], CompareOptions{Tolerance: st.spec.Tolerance}).Equal
		}
	}
	if same {
		return []string{"the hidden dataset gives the same answer as the visible one: a hard-coded answer could pass"}
	}
	return nil
}

// untranslatedChecks flags the check messages of a lab that has a Korean
// text but no "-- check.ko:" line for them: Korean readers would see the
// English one.
func untranslatedChecks(lab *Lab) []string {
	if _, translated := lab.In("ko"); !translated {
		return nil
	}
	var out []string
	for i, c := range SplitStatements(lab.Checks) {
		if c.Comment != "" && c.CommentKo == "" {
			out = append(out, fmt.Sprintf("checks.sql: check %d has \"-- check:\" but no \"-- check.ko:\" line, so Korean readers see the English message", i+1))
		}
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
