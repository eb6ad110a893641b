package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"ladder/labs"
)

// gradeResult is the --json output; the first five fields are the contract.
type gradeResult struct {
	Lab      string               `json:"lab"`
	Passed   bool                 `json:"passed"`
	Datasets []labs.DatasetResult `json:"datasets"`
	Message  string               `json:"message"`
	Error    string               `json:"error"`
	Korean   *labs.VerdictText    `json:"ko,omitempty"` // message and error in Korean
	Kind     string               `json:"error_kind,omitempty"`
	Duration float64              `json:"duration_ms"`
	Plan     *labs.PlanResult     `json:"plan,omitempty"` // plan-bounded labs: what EXPLAIN ANALYZE measured
}

// gradeCommand grades one submission: exit 0 pass, 1 fail, 2 bad input or
// unknown lab. It grades in a worker process like the server does.
func gradeCommand(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("grade", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	labID := fs.String("lab", "", "id of the lab to grade against (required)")
	var dirs stringList
	fs.Var(&dirs, "labs-dir", "extra folder of labs (repeatable)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	contentDir := fs.String("content-dir", e.getenv("PORTAL_CONTENT_DIR"), "content folder (for the competency framework)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: portal grade --lab ID [--labs-dir DIR]... [--json] [FILE|-]")
		fs.PrintDefaults()
	}
	// Flags may follow the file name too: "portal grade answer.sql --lab x".
	var positional []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	bad := func(msg string) error {
		if *asJSON {
			writeJSON(e.stdout, gradeResult{Lab: *labID, Datasets: []labs.DatasetResult{}, Error: msg})
		}
		return usageError{"grade: " + msg}
	}
	if *labID == "" {
		return bad("--lab is required")
	}
	if len(positional) > 1 {
		return bad("give one file, or - for standard input")
	}
	if len(dirs) == 0 {
		dirs = splitList(e.getenv("PORTAL_LABS_DIR"))
	}
	var src io.Reader = e.stdin
	name := "standard input"
	if len(positional) == 1 && positional[0] != "-" {
		f, err := os.Open(positional[0])
		if err != nil {
			return bad(fmt.Sprintf("cannot read %s: %v", positional[0], err))
		}
		defer f.Close()
		src, name = f, positional[0]
	}
	if src == nil {
		return bad("no submission: give a file or pipe one to standard input")
	}
	text, err := io.ReadAll(io.LimitReader(src, int64(labs.DefaultLimits().MaxSQLBytes)+1))
	if err != nil {
		return bad(fmt.Sprintf("cannot read %s: %v", name, err))
	}
	idx, err := loadContent(*contentDir)
	if err != nil {
		return bad(err.Error())
	}
	cat, err := loadCatalog(idx, dirs)
	if err != nil {
		return bad(err.Error())
	}
	lab := cat.Lab(*labID)
	if lab == nil {
		return bad(fmt.Sprintf("unknown lab %q", *labID))
	}
	if err := labs.CheckText(lab.Kind, string(text)); err != nil {
		return bad(fmt.Sprintf("%s: %v", name, err))
	}
	pool, err := labs.NewPool(labs.PoolOptions{Workers: 1})
	if err != nil {
		return err
	}
	defer pool.Close()
	v, err := pool.Grade(ctx, &lab.Spec, string(text))
	if err != nil {
		return err
	}
	if *asJSON {
		writeJSON(e.stdout, gradeResult{Lab: v.Lab, Passed: v.Passed, Datasets: nonNil(v.Datasets), Message: v.Message, Error: v.Error, Korean: v.Korean, Kind: v.ErrorKind, Duration: v.DurationMS, Plan: v.Plan})
	} else {
		status := "FAIL"
		if v.Passed {
			status = "PASS"
		}
		fmt.Fprintf(e.stdout, "%s %s\n", status, v.Lab)
		for _, d := range v.Datasets {
			fmt.Fprintf(e.stdout, "  %-8s %v\n", d.Name, map[bool]string{true: "passed", false: "failed"}[d.Passed])
		}
		if v.Message != "" {
			fmt.Fprintln(e.stdout, v.Message)
		}
		if v.Error != "" {
			fmt.Fprintln(e.stdout, v.Error)
		}
	}
	if !v.Passed {
		return exitError{code: 1, msg: "grade: the submission fails"}
	}
	return nil
}

func nonNil(d []labs.DatasetResult) []labs.DatasetResult {
	if d == nil {
		return []labs.DatasetResult{}
	}
	return d
}

func writeJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
