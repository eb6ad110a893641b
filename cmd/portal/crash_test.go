package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// serveEnv makes this test binary run the portal server instead of tests,
// so a test can start, kill and restart a real server process.
const serveEnv = "LADDER_TEST_SERVE_ARGS"

func init() {
	if args := os.Getenv(serveEnv); args != "" && os.Getenv(labs.WorkerEnv) == "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			panic(err)
		}
		ctx, stop := signalContext()
		defer stop()
		if err := run(ctx, argv, os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
}

func freeAddrB(t testing.TB) string { return freeAddr(t) }

func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs the portal in a child process and waits until it
// answers /healthz.
func startServer(t *testing.T, addr, dataDir string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	args, _ := json.Marshal([]string{"serve", "--addr", addr, "--data-dir", dataDir, "--log-level", "warn", "--auth-rate", "100000"})
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), serveEnv+"="+string(args))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return cmd
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("server did not start: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func postJSON(base, path, token string, body any, out any) (int, error) {
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", base+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if out != nil {
		json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode, nil
}

// Kill the server with SIGKILL in the middle of a load, restart it, and
// check that the database is sound, that every acknowledged submission is
// there, and that the server serves again.
func TestCrashSafety(t *testing.T) {
	dir := t.TempDir()
	addr := freeAddr(t)
	base := "http://" + addr
	srv := startServer(t, addr, dir)
	defer func() { srv.Process.Kill(); srv.Wait() }()

	idx, _ := content.Load(content.Files)
	cat, _ := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	answers := []struct{ lab, sql string }{}
	for _, id := range []string{"filter-sort-orders", "customers-without-orders", "duplicate-keys", "clean-raw-orders-feed"} {
		l := cat.Lab(id)
		answers = append(answers, struct{ lab, sql string }{id, l.Solution})
		for _, tc := range l.Tests {
			answers = append(answers, struct{ lab, sql string }{id, tc.SQL})
		}
	}
	var mu sync.Mutex
	acked := map[int64]bool{}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 6; i++ {
		email := fmt.Sprintf("crash%d@example.com", i)
		if st, err := postJSON(base, "/api/v1/auth/signup", "", map[string]string{"email": email, "password": "crash test password"}, nil); err != nil || st != 201 {
			t.Fatalf("signup: %d %v", st, err)
		}
		var login struct{ Token string }
		postJSON(base, "/api/v1/auth/login", "", map[string]string{"email": email, "password": "crash test password"}, &login)
		wg.Add(1)
		go func(i int, token string) {
			defer wg.Done()
			for n := i; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				a := answers[n%len(answers)]
				var v struct {
					ID     int64
					Passed bool
				}
				st, err := postJSON(base, "/api/v1/labs/"+a.lab+"/submissions", token, map[string]string{"sql": a.sql}, &v)
				if err != nil {
					return // the server is gone
				}
				if (st == 201 || st == 422) && v.ID != 0 {
					mu.Lock()
					acked[v.ID] = v.Passed
					mu.Unlock()
				}
			}
		}(i, login.Token)
	}
	// Kill once 60 submissions are acknowledged; a server that cannot get
	// there in a minute is broken, not slow.
	deadline := time.Now().Add(time.Minute)
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 60 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d of 60 submissions acknowledged within a minute", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := srv.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	srv.Wait()
	close(stop)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()

	// Restart on the same data directory.
	srv = startServer(t, addr, dir)
	st, err := store.OpenFile(context.Background(), dir+"/"+store.DBFile, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CheckIntegrity(context.Background()); err != nil {
		t.Fatalf("after SIGKILL: %v", err)
	}
	for id, passed := range acked {
		sub, err := st.SubmissionByID(context.Background(), id)
		if err != nil {
			t.Errorf("acknowledged submission %d is missing: %v", id, err)
			continue
		}
		if sub.Passed != passed {
			t.Errorf("submission %d: passed=%v, acknowledged as %v", id, sub.Passed, passed)
		}
	}
	var login struct{ Token string }
	if st, _ := postJSON(base, "/api/v1/auth/login", "", map[string]string{"email": "crash0@example.com", "password": "crash test password"}, &login); st != 200 {
		t.Fatalf("login after restart: %d", st)
	}
	var v struct{ Passed bool }
	if st, _ := postJSON(base, "/api/v1/labs/filter-sort-orders/submissions", login.Token, map[string]string{"sql": cat.Lab("filter-sort-orders").Solution}, &v); st != 201 || !v.Passed {
		t.Fatalf("grading after restart: %d %v", st, v)
	}
	t.Logf("%d acknowledged submissions survived SIGKILL", len(acked))
}
