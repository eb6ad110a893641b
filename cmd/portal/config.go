package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"

	"ladder/store"
)

// config is everything `portal serve` can be told. Each field has a flag and
// a PORTAL_* environment variable; the flag wins.
type config struct {
	Addr       string
	DataDir    string
	DBURL      string // PostgreSQL instead of the SQLite database in DataDir
	ContentDir string
	LabsDirs   []string
	LogFormat  string
	LogLevel   string
	BaseURL    string
	AuthRate   int
	CacheLabs  int
	Queue      int
	Proxies    []string // trusted load balancers: IPs or CIDR ranges
}

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ":") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// configVars lists every setting once, with its default: flags, usage and
// the README table all come from here.
var configVars = []struct {
	env, flag, def, help string
}{
	{"PORTAL_ADDR", "addr", ":8080", "address to listen on, host:port"},
	{"PORTAL_DATA_DIR", "data-dir", "./data", "folder for the SQLite database and the signing key"},
	{"PORTAL_DATABASE_URL", "database-url", "", "PostgreSQL URL, postgres://user:password@host:port/database; without it the SQLite database in the data dir"},
	{"PORTAL_CONTENT_DIR", "content-dir", "", "serve guides and the framework from this folder instead of the embedded content"},
	{"PORTAL_LABS_DIR", "labs-dir", "", "extra lab folders (repeatable flag; ':'-separated variable), loaded beside the embedded labs"},
	{"PORTAL_LOG_FORMAT", "log-format", "text", "log format: text or json"},
	{"PORTAL_LOG_LEVEL", "log-level", "info", "log level: debug, info, warn or error"},
	{"PORTAL_BASE_URL", "base-url", "http://localhost:8080", "public URL of the portal; https marks cookies Secure"},
	{"PORTAL_GRADER_CACHE_LABS", "grader-cache-labs", "0", "labs each grader worker keeps warm (0: all); lower it to save about 9 MB per lab per worker"},
	{"PORTAL_GRADER_QUEUE", "grader-queue", "0", "grading jobs that may wait for a slot before callers get 503 busy (0: eight per slot)"},
	{"PORTAL_AUTH_RATE", "auth-rate", "30", "login and signup requests per minute per client address (raise it for load tests from one address)"},
	{"PORTAL_TRUSTED_PROXIES", "trusted-proxies", "", "comma-separated IPs or CIDR ranges of load balancers whose X-Forwarded-For names the client; they must set it, not append to it"},
}

// setting registers one configVars entry as a string flag whose default is
// its environment variable, else its listed default.
func setting(fs *flag.FlagSet, getenv func(string) string, name string) *string {
	for _, v := range configVars {
		if v.flag == name {
			return fs.String(name, envOr(getenv, v.env, v.def), v.help+" (env "+v.env+")")
		}
	}
	panic("config: no setting " + name) // a typo in this file, caught by every test
}

// registerDataDir adds --data-dir to subcommands that only touch the database.
func registerDataDir(fs *flag.FlagSet, getenv func(string) string) *string {
	return setting(fs, getenv, "data-dir")
}

// dbFlags are --data-dir and --database-url, which every subcommand that
// opens the database takes.
type dbFlags struct{ dataDir, databaseURL *string }

func registerDatabase(fs *flag.FlagSet, getenv func(string) string) dbFlags {
	return dbFlags{dataDir: registerDataDir(fs, getenv), databaseURL: setting(fs, getenv, "database-url")}
}

// open opens the store the flags name (see openStore).
func (d dbFlags) open(ctx context.Context, opts store.Options) (*store.Store, error) {
	return openStore(ctx, *d.dataDir, *d.databaseURL, opts)
}

// postgres reports whether the flags name a PostgreSQL database.
func (d dbFlags) postgres() bool { return *d.databaseURL != "" }

// openStore opens PostgreSQL when a database URL is given, else the SQLite
// database in the data dir, the default.
func openStore(ctx context.Context, dataDir, databaseURL string, opts store.Options) (*store.Store, error) {
	if databaseURL != "" {
		if err := checkDatabaseURL(databaseURL); err != nil {
			return nil, usageError{err.Error()}
		}
		return store.OpenPostgres(ctx, databaseURL, opts)
	}
	return store.Open(ctx, dataDir, opts)
}

// checkDatabaseURL accepts only a postgres:// URL, and names a bad one
// without its password.
func checkDatabaseURL(v string) error {
	if u, err := url.Parse(v); err != nil || !store.IsPostgresURL(v) || (u.Host == "" && u.Query().Get("host") == "") {
		return fmt.Errorf("database-url %s: want postgres://user:password@host:port/database", store.RedactURL(v))
	}
	return nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// wholeNumber parses a numeric setting that must be at least lowest.
func wholeNumber(name, v string, lowest int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < lowest {
		return 0, fmt.Errorf("invalid configuration: %s %q: want a whole number from %d", name, v, lowest)
	}
	return n, nil
}

// parseServeConfig reads the environment, then the flags, and validates the
// result so a typo stops the start instead of surfacing later.
func parseServeConfig(args []string, getenv func(string) string, fs *flag.FlagSet) (config, error) {
	var c config
	get := func(name string) *string { return setting(fs, getenv, name) }
	addr, dataDir, databaseURL, contentDir := get("addr"), get("data-dir"), get("database-url"), get("content-dir")
	logFormat, logLevel, baseURL := get("log-format"), get("log-level"), get("base-url")
	authRate, cacheLabs, queue := get("auth-rate"), get("grader-cache-labs"), get("grader-queue")
	proxies := get("trusted-proxies")
	var labs stringList
	fs.Var(&labs, "labs-dir", "")
	fs.Usage = func() { serveUsage(fs.Output()) }
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, usageError{fmt.Sprintf("serve: unexpected argument %q", fs.Arg(0))}
	}
	c.Addr, c.DataDir, c.DBURL, c.ContentDir = *addr, *dataDir, *databaseURL, *contentDir
	c.LogFormat, c.LogLevel, c.BaseURL = *logFormat, *logLevel, *baseURL
	var err error
	if c.AuthRate, err = wholeNumber("auth-rate", *authRate, 1); err != nil {
		return c, err
	}
	if c.CacheLabs, err = wholeNumber("grader-cache-labs", *cacheLabs, 0); err != nil {
		return c, err
	}
	if c.Queue, err = wholeNumber("grader-queue", *queue, 0); err != nil {
		return c, err
	}
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			c.Proxies = append(c.Proxies, p)
		}
	}
	c.LabsDirs = labs
	if len(c.LabsDirs) == 0 {
		c.LabsDirs = splitList(getenv("PORTAL_LABS_DIR"))
	}
	return c, c.validate()
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ":") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (c config) validate() error {
	var errs []error
	if _, port, err := net.SplitHostPort(c.Addr); err != nil || port == "" {
		errs = append(errs, fmt.Errorf("addr %q: want host:port, for example :8080", c.Addr))
	}
	if strings.TrimSpace(c.DataDir) == "" {
		errs = append(errs, errors.New("data-dir: must not be empty"))
	}
	if c.DBURL != "" {
		if err := checkDatabaseURL(c.DBURL); err != nil {
			errs = append(errs, err)
		}
	}
	if c.ContentDir != "" {
		if fi, err := os.Stat(c.ContentDir); err != nil || !fi.IsDir() {
			errs = append(errs, fmt.Errorf("content-dir %q: not a readable folder", c.ContentDir))
		}
	}
	for _, d := range c.LabsDirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			errs = append(errs, fmt.Errorf("labs-dir %q: not a readable folder", d))
		}
	}
	for _, p := range c.Proxies {
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			errs = append(errs, fmt.Errorf("trusted-proxies %q: want an IP address or a CIDR range", p))
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("log-format %q: want text or json", c.LogFormat))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log-level %q: want debug, info, warn or error", c.LogLevel))
	}
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("base-url %q: want an absolute http or https URL", c.BaseURL))
	}
	if len(errs) > 0 {
		return fmt.Errorf("invalid configuration: %w", errors.Join(errs...))
	}
	return nil
}
