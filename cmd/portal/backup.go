package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"ladder/store"
)

// backupCommand takes a consistent online backup; the server may be running.
func backupCommand(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := registerDatabase(fs, e.getenv)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), "Usage: portal backup [--data-dir DIR] FILE") }
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if db.postgres() {
		return usePgTools("backup")
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"backup: give the file to write"}
	}
	st, err := db.open(ctx, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup written to %s\n", fs.Arg(0))
	return nil
}

// restoreCommand replaces the database with a backup. It refuses while a
// server holds the data directory.
func restoreCommand(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := registerDatabase(fs, e.getenv)
	dataDir := db.dataDir
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: portal restore [--data-dir DIR] FILE   (stop the server first)")
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if db.postgres() {
		return usePgTools("restore")
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return usageError{"restore: give the backup file"}
	}
	lock, err := store.LockDataDir(*dataDir)
	if errors.Is(err, store.ErrLocked) {
		return exitError{code: 1, msg: "restore: a portal server is running on " + *dataDir + "; stop it first"}
	}
	if err != nil {
		return err
	}
	defer lock.Release()
	kept, err := store.Restore(ctx, *dataDir, fs.Arg(0))
	if err != nil {
		return err
	}
	if kept != "" {
		fmt.Fprintf(e.stdout, "restored %s; the previous database is kept as %s\n", fs.Arg(0), kept)
	} else {
		fmt.Fprintf(e.stdout, "restored %s\n", fs.Arg(0))
	}
	return nil
}

// usePgTools is the answer of backup and restore on PostgreSQL: its own
// tools do both consistently while replicas serve, so the portal does not
// do them a second way. Exit status 2, as for a command line that cannot
// work.
func usePgTools(cmd string) error {
	return exitError{code: 2, msg: cmd + ": with PostgreSQL (PORTAL_DATABASE_URL), back up with pg_dump and restore with pg_restore, for example\n" +
		"  pg_dump --format=custom --file=ladder.dump \"$PORTAL_DATABASE_URL\"\n" +
		"  pg_restore --clean --if-exists --no-owner --dbname=\"$PORTAL_DATABASE_URL\" ladder.dump\n" +
		"(see the README's PostgreSQL section)"}
}
