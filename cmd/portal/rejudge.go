package main

import (
	"context"
	"flag"
	"fmt"

	"ladder/labs"
	"ladder/store"
)

// rejudgePage is how many stored submissions are read at a time.
const rejudgePage = 200

// rejudgeCommand grades stored submissions again after a lab changed. It
// reports every verdict that flipped, keeps the old verdicts in each
// submission's history, and leaves submissions of labs that are no longer
// loaded as they are. Grading runs in worker processes, as in the server:
// stored text is learners' SQL.
func rejudgeCommand(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("labs rejudge", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	labID := fs.String("lab", "", "rejudge only this lab's submissions (default: every lab)")
	var dirs stringList
	fs.Var(&dirs, "labs-dir", "extra folder of labs (repeatable)")
	db := registerDatabase(fs, e.getenv)
	contentDir := fs.String("content-dir", e.getenv("PORTAL_CONTENT_DIR"), "content folder (for the competency framework)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: portal labs rejudge [--lab ID] [--labs-dir DIR]... [--data-dir DIR | --database-url URL]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("labs rejudge: unexpected argument %q", fs.Arg(0))}
	}
	if len(dirs) == 0 {
		dirs = splitList(e.getenv("PORTAL_LABS_DIR"))
	}
	idx, err := loadContent(*contentDir)
	if err != nil {
		return err
	}
	cat, err := loadCatalog(idx, dirs)
	if err != nil {
		return err
	}
	if *labID != "" && cat.Lab(*labID) == nil {
		return usageError{fmt.Sprintf("labs rejudge: unknown lab %q", *labID)}
	}
	st, err := db.open(ctx, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	pool, err := labs.NewPool(labs.PoolOptions{})
	if err != nil {
		return err
	}
	defer pool.Close()

	var graded, toPass, toFail, retired, broken int
	var after int64
	for {
		page, err := st.SubmissionsAfter(ctx, *labID, after, rejudgePage)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			break
		}
		for _, sub := range page {
			after = sub.ID
			lab := cat.Lab(sub.LabID)
			if lab == nil {
				retired++
				continue
			}
			v, err := pool.Grade(ctx, &lab.Spec, sub.SQL)
			if err != nil {
				// The lab or the grader is broken, not the submission: its
				// verdict stays, and the run says so.
				broken++
				fmt.Fprintf(e.stdout, "could not grade submission %d (lab %s): %v\n", sub.ID, sub.LabID, err)
				continue
			}
			prev, err := st.Rejudged(ctx, sub.ID, *v)
			if err != nil {
				return err
			}
			graded++
			if prev.Passed != v.Passed {
				from, to := "failed", "passed"
				if prev.Passed {
					from, to = to, from
					toFail++
				} else {
					toPass++
				}
				fmt.Fprintf(e.stdout, "flipped: submission %d by user %d on lab %s: %s -> %s\n", sub.ID, sub.UserID, sub.LabID, from, to)
			}
		}
	}
	fmt.Fprintf(e.stdout, "rejudged %d submissions: %d flipped (%d now pass, %d now fail)", graded, toPass+toFail, toPass, toFail)
	if retired > 0 {
		fmt.Fprintf(e.stdout, "; %d of labs no longer loaded, left as they were", retired)
	}
	fmt.Fprintln(e.stdout)
	if broken > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("labs rejudge: %d submissions could not be graded; their verdicts were kept", broken)}
	}
	return nil
}
