package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"time"

	"ladder/content"
	"ladder/domain"
	"ladder/handlers"
	"ladder/labs"
	"ladder/store"
)

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitError carries an exit status chosen by a subcommand, such as 1 for a
// failed grading.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func exitCode(err error) int {
	var ue usageError
	var ee exitError
	switch {
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp):
		return 2
	}
	return 1
}

type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	name, summary string
	hidden        bool
	run           func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{name: "serve", summary: "serve the portal (the default)", run: serve},
		{name: "labs", summary: "labs check: self-test every lab; labs rejudge [--lab ID]: grade stored submissions again", run: labsCommand},
		{name: "migrate", summary: "apply pending database migrations (serve applies them too)", run: migrateCommand},
		{name: "users", summary: "users create --email E --role R: make an account (password from stdin)", run: usersCommand},
		{name: "backup", summary: "backup FILE: consistent online backup of the database", run: backupCommand},
		{name: "restore", summary: "restore FILE: replace the database with a backup (server stopped)", run: restoreCommand},
		{name: "grade", summary: "grade one submission: --lab ID [FILE|-]", run: gradeCommand},
		{name: labs.WorkerCommand, hidden: true, run: func(context.Context, env, []string) error {
			if code := labs.WorkerMain(); code != 0 {
				return exitError{code: code, msg: "grader worker failed"}
			}
			return nil
		}},
		{name: "help", summary: "show this help", run: func(_ context.Context, e env, _ []string) error {
			usage(e.stdout)
			return nil
		}},
	}
}

// run is the whole program: main only adds the signal context and the exit
// status, so tests call run directly.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || (len(args[0]) > 0 && args[0][0] == '-') {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			usage(stdout)
			return nil
		}
		return serve(ctx, e, args)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	usage(stderr)
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: portal [command] [flags]")
	fmt.Fprintln(w, "\nLadder: a self-hosted learning portal for data engineers.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		if !c.hidden {
			fmt.Fprintf(w, "  %-14s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nRun 'portal COMMAND --help' for the flags of a command.")
}

func serveUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: portal serve [flags]\n\nFlags (each also read from its environment variable):")
	for _, v := range configVars {
		def := v.def
		if def == "" {
			def = "none"
		}
		fmt.Fprintf(w, "  --%-13s %-20s %s (default %s)\n", v.flag, v.env, v.help, def)
	}
}

func newLogger(w io.Writer, format, level string) *slog.Logger {
	var lv slog.Level
	_ = lv.UnmarshalText([]byte(level))
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// loadContent reads the author's folder when one is given, else the
// embedded content.
func loadContent(dir string) (*content.Index, error) {
	var fsys fs.FS = content.Files
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	return content.Load(fsys)
}

func serve(ctx context.Context, e env, args []string) error {
	started := time.Now()
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	cfg, err := parseServeConfig(args, e.getenv, fset)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, cfg.LogFormat, cfg.LogLevel)
	// The database first: an unreachable one stops the start at once.
	// SQLite's data directory is locked, so a second server on it refuses
	// to start; PostgreSQL replicas share their database by design.
	if cfg.DBURL == "" {
		lock, err := store.LockDataDir(cfg.DataDir)
		if errors.Is(err, store.ErrLocked) {
			return fmt.Errorf("another portal server is using %s", cfg.DataDir)
		}
		if err != nil {
			return err
		}
		defer lock.Release()
	}
	st, err := openServeStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("close database", "err", err)
		}
	}()
	idx, err := loadContent(cfg.ContentDir)
	if err != nil {
		return err
	}
	cat, err := loadCatalog(idx, cfg.LabsDirs)
	if err != nil {
		return err
	}
	grader, err := labs.NewPool(labs.PoolOptions{Logger: log, MaxLabs: cfg.CacheLabs, Queue: cfg.Queue})
	if err != nil {
		return err
	}
	defer grader.Close()
	key, err := signingKey(ctx, e.getenv, cfg.DataDir, st)
	if err != nil {
		return err
	}
	srv, err := handlers.New(handlers.Options{Options: domain.Options{Store: st, Content: idx, Labs: cat, Grader: grader, Logger: log}, BaseURL: cfg.BaseURL, JWTKey: key,
		Limits: handlers.Limits{AuthPerIP: cfg.AuthRate}, TrustedProxies: cfg.Proxies})
	if err != nil {
		return err
	}
	sweepCtx, stopSweep := context.WithCancel(ctx)
	swept := make(chan struct{})
	go func() { defer close(swept); sweepLimits(sweepCtx, st, log, 5*time.Minute) }()
	defer func() { stopSweep(); <-swept }() // before the store closes
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String(), "guides", len(idx.Guides), "labs", len(cat.Labs),
		"data_dir", cfg.DataDir, "database", st.Engine(), "startup_ms", time.Since(started).Milliseconds())
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.App().Listener(ln) }()
	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	if err := srv.App().ShutdownWithTimeout(20 * time.Second); err != nil {
		log.Error("shutdown", "err", err)
	}
	log.Info("stopped")
	return nil
}

// sweepLimits deletes, every so often, the rate-limit windows that have
// ended and the grading leases that have expired, so those tables hold
// only what still counts. Every replica sweeps; the deletes are the same
// whoever runs them.
func sweepLimits(ctx context.Context, st *store.Store, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := st.SweepLimits(ctx); err != nil && ctx.Err() == nil {
				log.Warn("sweep the limits' counters", "err", err)
			}
		}
	}
}

// openServeStore opens the server's database and applies pending
// migrations, logging each. On PostgreSQL the migration lock keeps replicas
// that start together from migrating at once: one that finds another
// migrating waits, then finds nothing left to apply.
func openServeStore(ctx context.Context, cfg config, log *slog.Logger) (*store.Store, error) {
	st, err := openStore(ctx, cfg.DataDir, cfg.DBURL, store.Options{SkipMigrations: true})
	if err != nil {
		return nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	for _, m := range applied {
		log.Info("migration applied", "migration", m.Name, "database", st.Engine())
	}
	return st, nil
}
