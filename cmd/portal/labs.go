package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"ladder/content"
	"ladder/labs"
)

// loadCatalog loads the embedded labs plus every extra directory.
func loadCatalog(idx *content.Index, dirs []string) (*labs.Catalog, error) {
	sources := []labs.Source{labs.Embedded()}
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, err
		}
		if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("labs-dir %q: not a readable folder", d)
		}
		sources = append(sources, labs.Source{Name: d, FS: os.DirFS(abs)})
	}
	return labs.Load(sources, idx.Framework, idx.Renderer)
}

func labsCommand(ctx context.Context, e env, args []string) error {
	if len(args) > 0 && args[0] == "rejudge" {
		return rejudgeCommand(ctx, e, args[1:])
	}
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprintln(e.stderr, "Usage: portal labs check [--labs-dir DIR]... [--json]\n       portal labs rejudge [--lab ID] [--labs-dir DIR]... [--data-dir DIR]")
		return usageError{"labs: expected the subcommand 'check' or 'rejudge'"}
	}
	fs := flag.NewFlagSet("labs check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var dirs stringList
	fs.Var(&dirs, "labs-dir", "extra folder of labs (repeatable)")
	asJSON := fs.Bool("json", false, "print the reports as JSON")
	contentDir := fs.String("content-dir", e.getenv("PORTAL_CONTENT_DIR"), "content folder (for the competency framework)")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("labs check: unexpected argument %q", fs.Arg(0))}
	}
	idx, err := loadContent(*contentDir)
	if err != nil {
		return err
	}
	cat, err := loadCatalog(idx, dirs)
	if err != nil {
		fmt.Fprintln(e.stdout, err)
		return exitError{code: 1, msg: "labs check: the catalog does not load"}
	}
	engine := labs.NewEngine(labs.DefaultLimits())
	defer engine.Close()
	known := func(ref string) bool { return cat.Lab(ref) != nil || idx.Guide(ref) != nil }
	var reports []labs.CheckReport
	bad := 0
	for _, lab := range cat.Labs {
		r := labs.SelfTest(ctx, engine, lab, known)
		reports = append(reports, r)
		if !r.OK {
			bad++
		}
		if !*asJSON {
			status := "ok  "
			if !r.OK {
				status = "FAIL"
			}
			fmt.Fprintf(e.stdout, "%s %-34s %s\n", status, r.Lab, r.Path)
			for _, p := range r.Problems {
				fmt.Fprintf(e.stdout, "     problem: %s\n", p)
			}
			for _, w := range r.Warnings {
				fmt.Fprintf(e.stdout, "     warning: %s\n", w)
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(e.stdout, "%d labs checked, %d sound, %d broken\n", len(reports), len(reports)-bad, bad)
	}
	if bad > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("labs check: %d of %d labs are broken", bad, len(reports))}
	}
	return nil
}
