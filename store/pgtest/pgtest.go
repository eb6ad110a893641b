// Package pgtest gives tests real PostgreSQL databases, one fresh database
// per test. The server is PORTAL_TEST_DATABASE_URL when that is set;
// otherwise a throwaway cluster that the first test to ask for a database
// starts from Debian's postgresql binaries (initdb into a temporary folder,
// a server that listens only on a unix socket there), which Stop ends.
// A test that stops and restarts its server gets a cluster of its own
// (NewCluster), always from the local binaries.
//
// Tests skip PostgreSQL only when the binaries are missing and CI is unset;
// with CI set a missing server fails them.
package pgtest

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// EnvURL names the variable that points the tests at an existing server.
// Its user must be allowed to create databases.
const EnvURL = "PORTAL_TEST_DATABASE_URL"

// errNoBinaries means no initdb and postgres were found: the one case in
// which a test may skip, and only outside CI.
var errNoBinaries = errors.New("pgtest: PostgreSQL binaries not found in /usr/lib/postgresql/*/bin or PATH (apt-get install postgresql)")

// startTimeout bounds initdb and the server's start on a slow machine.
const startTimeout = 2 * time.Minute

var (
	mu      sync.Mutex
	current *server
	failed  error // why the server could not be had; sticky for the binary
	seq     atomic.Int64
)

// server is where the test databases are made.
type server struct {
	adminURL string    // a URL on which CREATE DATABASE works
	admin    *sql.DB   // connected to adminURL
	dir      string    // the throwaway cluster's folder, "" for an outside server
	pg       *postgres // the throwaway cluster's server process, nil for an outside server
}

// postgres is one run of a throwaway cluster's server process.
type postgres struct {
	proc   *os.Process
	exited chan struct{} // closed when the process has exited
}

// NewDatabase creates an empty database with a unique name and returns its
// URL. The database is dropped when the test ends. with is added to CREATE
// DATABASE, for a test that needs, say, another locale.
func NewDatabase(t testing.TB, with ...string) string {
	t.Helper()
	srv, err := get()
	if errors.Is(err, errNoBinaries) && os.Getenv("CI") == "" {
		t.Skipf("%v; set %s or CI to make this a failure", err, EnvURL)
	}
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("ladder_test_%d_%d", os.Getpid(), seq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := srv.admin.ExecContext(ctx, strings.Join(append([]string{"CREATE DATABASE", name}, with...), " ")); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		// FORCE ends sessions a test left open, such as a store it did
		// not close because it failed half-way.
		if _, err := srv.admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(srv.adminURL)
	if err != nil {
		t.Fatalf("pgtest: %s: %v", EnvURL, err)
	}
	u.Path = "/" + name
	return u.String()
}

// SetReachable makes a database made by NewDatabase refuse new sessions
// and ends those it has (false), as a lost database looks to its clients,
// or accept sessions again (true).
func SetReachable(t testing.TB, dbURL string, reachable bool) {
	t.Helper()
	srv, err := get()
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	if !strings.HasPrefix(name, "ladder_test_") {
		t.Fatalf("pgtest: %s is not a database NewDatabase made", name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stmts := []string{fmt.Sprintf("ALTER DATABASE %s WITH ALLOW_CONNECTIONS %t", name, reachable)}
	if !reachable {
		stmts = append(stmts, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"+name+"'")
	}
	for _, q := range stmts {
		if _, err := srv.admin.ExecContext(ctx, q); err != nil {
			t.Fatalf("pgtest: %s: %v", q, err)
		}
	}
}

// Stop ends the throwaway cluster, if one was started, and removes its
// folder. TestMain calls it after the tests ran.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	srv := current
	current = nil
	if srv == nil {
		return
	}
	srv.admin.Close()
	if srv.pg == nil {
		return
	}
	srv.pg.stop()
	os.RemoveAll(srv.dir)
}

// stop ends the server with a fast shutdown (it ends the sessions, then
// exits) and waits until the process is gone, so its socket is too.
func (pg *postgres) stop() {
	pg.proc.Signal(syscall.SIGINT)
	select {
	case <-pg.exited:
	case <-time.After(30 * time.Second):
		pg.proc.Kill()
		<-pg.exited
	}
}

// Main runs the tests and then Stop, for a TestMain that does nothing else.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

func get() (*server, error) {
	mu.Lock()
	defer mu.Unlock()
	if current != nil || failed != nil {
		return current, failed
	}
	current, failed = start()
	return current, failed
}

func start() (*server, error) {
	if u := os.Getenv(EnvURL); u != "" {
		admin, err := connect(u)
		if err != nil {
			return nil, fmt.Errorf("pgtest: %s: %w", EnvURL, err)
		}
		return &server{adminURL: u, admin: admin}, nil
	}
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "ladder-pg-")
	if err != nil {
		return nil, fmt.Errorf("pgtest: %w", err)
	}
	srv, err := startCluster(bin, dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return srv, nil
}

func connect(u string) (*sql.DB, error) {
	db, err := sql.Open("pgx", u)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// findBinaries returns the folder of initdb and postgres: Debian's newest
// /usr/lib/postgresql/N/bin, else wherever PATH's initdb really is.
func findBinaries() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(d string) int {
		n, _ := strconv.Atoi(filepath.Base(filepath.Dir(d)))
		return n
	}
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			dirs = append(dirs, filepath.Dir(real))
		}
	}
	for _, d := range dirs {
		if isFile(filepath.Join(d, "initdb")) && isFile(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	return "", errNoBinaries
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// asServerUser makes a command run as the user that owns the cluster:
// PostgreSQL refuses to run as root, and CI runs as root, so root hands
// the cluster to the postgres account (made by Debian's package) or, when
// there is none, to nobody. Anyone else runs it as themselves.
func asServerUser(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		if u, err = user.Lookup("nobody"); err != nil {
			return nil, fmt.Errorf("pgtest: running as root, and neither a postgres nor a nobody account exists to run the server: %w", err)
		}
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	if err := os.Chown(dir, int(uid), int(gid)); err != nil {
		return nil, fmt.Errorf("pgtest: hand %s to %s: %w", dir, u.Username, err)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

// port only names the socket file: the server listens on no TCP port, so
// clusters of test binaries running at once never collide.
const port = "5432"

func startCluster(bin, dir string) (*server, error) {
	cred, err := initCluster(bin, dir)
	if err != nil {
		return nil, err
	}
	pg, err := launch(bin, dir, cred)
	if err != nil {
		return nil, err
	}
	srv := &server{dir: dir, pg: pg, adminURL: clusterURL(dir, "postgres")}
	if srv.admin, err = connect(srv.adminURL); err != nil {
		pg.stop()
		return nil, fmt.Errorf("pgtest: connect to the test cluster: %w", err)
	}
	return srv, nil
}

// initCluster makes a new cluster in dir/data, owned by the user that will
// run its server, and returns that user's credential (nil for oneself).
func initCluster(bin, dir string) (*syscall.Credential, error) {
	cred, err := asServerUser(dir)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", "postgres",
		"--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pgtest: initdb: %v\n%s", err, out)
	}
	return cred, nil
}

// clusterURL names database db of the throwaway cluster in dir.
func clusterURL(dir, db string) string {
	return "postgres://postgres@/" + db + "?host=" + url.QueryEscape(dir) + "&port=" + port + "&sslmode=disable"
}

// launch starts the server of the cluster in dir and waits, at most
// startTimeout, until it accepts connections.
func launch(bin, dir string, cred *syscall.Credential) (*postgres, error) {
	pg := &postgres{exited: make(chan struct{})}
	started, ready := make(chan error, 1), make(chan error, 1)
	go pg.run(filepath.Join(bin, "postgres"), dir, cred, started, ready)
	if err := <-started; err != nil {
		return nil, err
	}
	select {
	case err := <-ready:
		if err != nil {
			return nil, err
		}
	case <-time.After(startTimeout):
		pg.proc.Kill()
		<-pg.exited
		return nil, fmt.Errorf("pgtest: the server did not start within %s; its log is %s", startTimeout, filepath.Join(dir, "postgres.log"))
	}
	return pg, nil
}

// readyLine is what the server logs once it accepts connections; the
// cluster is made with the C locale, so it is in English.
const readyLine = "database system is ready to accept connections"

// run starts the server and waits for it to exit. It reports on started
// once the process runs (pg.proc is set then) or could not be started, and
// on ready once it accepts connections or has exited. The goroutine keeps its OS
// thread: the server gets SIGQUIT (immediate shutdown) when the thread that
// started it ends, and a locked thread ends only with this process, so a
// test binary that dies does not leave a server behind.
func (pg *postgres) run(exe, dir string, cred *syscall.Credential, started, ready chan<- error) {
	runtime.LockOSThread()
	defer close(pg.exited)
	// Appending keeps the log of earlier runs of a cluster that restarts.
	logFile, err := os.OpenFile(filepath.Join(dir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		started <- fmt.Errorf("pgtest: %w", err)
		return
	}
	defer logFile.Close()
	cmd := exec.Command(exe, "-D", filepath.Join(dir, "data"), "-k", dir, "-p", port,
		"-c", "listen_addresses=", "-c", "max_connections=200", "-c", "lc_messages=C",
		// A throwaway cluster needs no durability.
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		started <- fmt.Errorf("pgtest: %w", err)
		return
	}
	if err := cmd.Start(); err != nil {
		started <- fmt.Errorf("pgtest: start postgres: %w", err)
		return
	}
	pg.proc = cmd.Process
	started <- nil
	lines := bufio.NewScanner(stderr)
	var early strings.Builder
	reported := false
	for lines.Scan() {
		fmt.Fprintln(logFile, lines.Text())
		if !reported {
			early.WriteString(lines.Text() + "\n")
			if strings.Contains(lines.Text(), readyLine) {
				ready <- nil
				reported = true
			}
		}
	}
	err = cmd.Wait()
	if !reported {
		ready <- fmt.Errorf("pgtest: postgres exited before it was ready (%v):\n%s", err, early.String())
	}
}
