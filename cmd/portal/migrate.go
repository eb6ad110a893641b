package main

import (
	"context"
	"flag"
	"fmt"

	"ladder/store"
)

// migrateCommand applies pending migrations and says which, for operators
// who migrate before they roll out replicas rather than at their start.
func migrateCommand(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := registerDatabase(fs, e.getenv)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: portal migrate [--data-dir DIR | --database-url URL]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("migrate: unexpected argument %q", fs.Arg(0))}
	}
	st, err := db.open(ctx, store.Options{SkipMigrations: true})
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	for _, m := range applied {
		fmt.Fprintf(e.stdout, "applied %s\n", m.Name)
	}
	if err != nil {
		return err
	}
	all, err := st.AppliedMigrations(ctx)
	if err != nil {
		return err
	}
	version := 0
	if len(all) > 0 {
		version = all[len(all)-1].Version
	}
	if len(applied) == 0 {
		fmt.Fprintf(e.stdout, "%s database %s is up to date at version %d\n", st.Engine(), st.Path(), version)
	} else {
		fmt.Fprintf(e.stdout, "%s database %s is now at version %d\n", st.Engine(), st.Path(), version)
	}
	return nil
}
