package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"
)

// Cluster is a throwaway PostgreSQL cluster of one test's own, which the
// test may stop and start again, as an operator restarts a database under
// a running portal. It always comes from the local binaries: an outside
// server (EnvURL) cannot be stopped by a test.
type Cluster struct {
	bin, dir string
	cred     *syscall.Credential
	pg       *postgres // nil while stopped
}

// clusterDB is the database that URL names, made when the cluster is.
const clusterDB = "ladder"

// NewCluster makes and starts a cluster for t, with an empty database that
// URL names. The cluster is stopped and removed when the test ends. It
// skips and fails as NewDatabase does.
func NewCluster(t testing.TB) *Cluster {
	t.Helper()
	bin, err := findBinaries()
	if errors.Is(err, errNoBinaries) && os.Getenv("CI") == "" {
		t.Skipf("%v; set CI to make this a failure", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	// Not t.TempDir: its parent is private to this user, and as root the
	// server runs as another one.
	dir, err := os.MkdirTemp("", "ladder-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c := &Cluster{bin: bin, dir: dir}
	t.Cleanup(func() {
		if c.pg != nil {
			c.pg.stop()
		}
		os.RemoveAll(dir)
	})
	if c.cred, err = initCluster(bin, dir); err != nil {
		t.Fatal(err)
	}
	c.Start(t)
	admin, err := connect(clusterURL(dir, "postgres"))
	if err != nil {
		t.Fatalf("pgtest: connect to the test cluster: %v", err)
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+clusterDB); err != nil {
		t.Fatalf("pgtest: create database %s: %v", clusterDB, err)
	}
	return c
}

// URL names the cluster's database. It stays the same across restarts.
func (c *Cluster) URL() string { return clusterURL(c.dir, clusterDB) }

// Stop shuts the server down (PostgreSQL's fast shutdown: sessions are
// ended, then the server exits) and returns once the process is gone, so
// that nothing answers on the socket any more.
func (c *Cluster) Stop(t testing.TB) {
	t.Helper()
	if c.pg == nil {
		t.Fatal("pgtest: Stop: the cluster is not running")
	}
	c.pg.stop()
	c.pg = nil
	if _, err := os.Stat(c.socket()); err == nil {
		t.Fatalf("pgtest: the server stopped but its socket %s is still there", c.socket())
	}
}

// Start starts the server again on the same data and socket, and returns
// once it accepts connections; it fails the test when that takes longer
// than startTimeout.
func (c *Cluster) Start(t testing.TB) {
	t.Helper()
	if c.pg != nil {
		t.Fatal("pgtest: Start: the cluster is already running")
	}
	pg, err := launch(c.bin, c.dir, c.cred)
	if err != nil {
		t.Fatal(err)
	}
	c.pg = pg
}

// socket is the file the server listens on.
func (c *Cluster) socket() string { return fmt.Sprintf("%s/.s.PGSQL.%s", c.dir, port) }
