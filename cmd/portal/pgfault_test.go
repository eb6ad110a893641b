package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"ladder/store"
	"ladder/store/pgtest"
)

// The contract's "PostgreSQL lost while serving": with the server stopped
// under a running portal, /readyz answers 503 and requests get 503 with
// Retry-After, quickly; nothing acknowledged is lost; and once the server
// is back the portal serves again by itself.
func TestPostgresLostWhileServing(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	const labID = "filter-sort-orders"
	good := solution(t, labID)

	addr := freeAddr(t)
	base := "http://" + addr
	logs := &lockedBuffer{}
	srv := serveHere(t, []string{"--addr", addr, "--data-dir", t.TempDir()}, map[string]string{"PORTAL_DATABASE_URL": cluster.URL()}, logs)
	// A bounded client: a request that hangs while the database is down
	// fails the test instead of stalling it.
	client := &http.Client{Timeout: 10 * time.Second}
	type answer struct {
		status int
		header http.Header
		body   string
	}
	call := func(method, path, token string, body any) answer {
		t.Helper()
		var r io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			r = bytes.NewReader(b)
		}
		req, _ := http.NewRequest(method, base+path, r)
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return answer{resp.StatusCode, resp.Header, string(b)}
	}
	waitReady := func(what string) {
		t.Helper()
		srv.waitFor("/readyz 200 "+what, 30*time.Second, func() bool {
			resp, err := client.Get(base + "/readyz")
			if err != nil {
				return false
			}
			resp.Body.Close()
			return resp.StatusCode == 200
		})
	}
	waitReady("at start")

	if a := call("POST", "/api/v1/auth/signup", "", map[string]string{"email": "ada@example.com", "password": "correct horse battery", "display_name": "Ada"}); a.status != 201 {
		t.Fatalf("signup: %d %s", a.status, a.body)
	}
	var login struct {
		Token string
		User  struct{ ID int64 }
	}
	a := call("POST", "/api/v1/auth/login", "", map[string]string{"email": "ada@example.com", "password": "correct horse battery"})
	if err := json.Unmarshal([]byte(a.body), &login); a.status != 200 || err != nil || login.Token == "" {
		t.Fatalf("login: %d %s", a.status, a.body)
	}
	acked := map[int64]bool{} // submission ids the portal answered 2xx for
	submit := func() answer {
		t.Helper()
		a := call("POST", "/api/v1/labs/"+labID+"/submissions", login.Token, map[string]string{"sql": good})
		if a.status/100 == 2 {
			var v struct {
				ID     int64
				Passed bool
			}
			if err := json.Unmarshal([]byte(a.body), &v); err != nil || v.ID == 0 || !v.Passed {
				t.Fatalf("submission answered %d without a passing stored attempt: %s", a.status, a.body)
			}
			acked[v.ID] = true
		}
		return a
	}
	if a := submit(); a.status != 201 {
		t.Fatalf("submission before the outage: %d %s", a.status, a.body)
	}

	cluster.Stop(t)
	logsBefore := logs.lines()
	requests := 0
	for _, tt := range []struct {
		name string
		do   func() answer
	}{
		{"readyz", func() answer { return call("GET", "/readyz", "", nil) }},
		{"progress", func() answer { return call("GET", "/api/v1/me/progress", login.Token, nil) }},
		{"submission", submit},
		{"second submission", submit},
		{"progress again", func() answer { return call("GET", "/api/v1/me/progress", login.Token, nil) }},
	} {
		start := time.Now()
		a := tt.do()
		requests++
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s while the database is down took %s, want an answer within 3s", tt.name, d)
		}
		if a.status != 503 {
			t.Errorf("%s while the database is down: %d %s, want 503", tt.name, a.status, a.body)
		}
		if tt.name != "readyz" && (a.header.Get("Retry-After") == "" || !strings.Contains(a.body, `"error":"the database is unavailable`)) {
			t.Errorf("%s while the database is down: Retry-After %q, body %s; want Retry-After and the API's error", tt.name, a.header.Get("Retry-After"), a.body)
		}
	}
	// Each request logs its line and its cause; nothing else runs on its
	// own against the database to fill the log while it is gone.
	if n := logs.lines() - logsBefore; n > 3*requests {
		t.Errorf("%d log lines for %d requests while the database was down:\n%s", n, requests, logs.String())
	}
	srv.running("while the database was down")

	cluster.Start(t)
	waitReady("after the database came back")
	// A pooled connection that outlived the outage may fail one request,
	// with a 503; the ones after it must succeed.
	for i := 0; ; i++ {
		a := submit()
		if a.status == 201 {
			break
		}
		if a.status != 503 || i == 2 {
			t.Fatalf("submission %d after the restart: %d %s", i, a.status, a.body)
		}
	}
	if a := call("GET", "/api/v1/me/progress", login.Token, nil); a.status != 200 || !strings.Contains(a.body, `"id":"`+labID+`"`) {
		t.Errorf("progress after the restart: %d %.300s", a.status, a.body)
	}

	srv.stop()
	st, err := store.OpenPostgres(context.Background(), cluster.URL(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored, err := st.Submissions(context.Background(), login.User.ID, labID, 100)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int64]bool{}
	for _, s := range stored {
		ids[s.ID] = true
	}
	for id := range acked {
		if !ids[id] {
			t.Errorf("acknowledged submission %d is not stored", id)
		}
	}
	if len(stored) != len(acked) {
		t.Errorf("%d submissions stored, %d answered 2xx: want them equal", len(stored), len(acked))
	}
}

// lockedBuffer is a log that a test may read while the server writes it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *lockedBuffer) lines() int { return strings.Count(b.String(), "\n") }

// Submissions keep coming while PostgreSQL stops and starts again under
// the portal. Each is answered 201 (stored) or 503 with Retry-After, never
// 500; every one answered 201 is in the database afterwards, including
// those graded while the database went away.
func TestAcknowledgedSubmissionsSurviveALostDatabase(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	const labID = "filter-sort-orders"
	good := solution(t, labID)
	addr := freeAddr(t)
	base := "http://" + addr
	srv := serveHere(t, []string{"--addr", addr, "--data-dir", t.TempDir(), "--log-level", "error"},
		map[string]string{"PORTAL_DATABASE_URL": cluster.URL()}, io.Discard)
	client := &http.Client{Timeout: 15 * time.Second}
	ready := func() bool {
		resp, err := client.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	}
	waitFor := func(what string, cond func() bool) { t.Helper(); srv.waitFor(what, 60*time.Second, cond) }
	waitFor("/readyz at start", ready)

	const learners = 4
	tokens := make([]string, learners)
	ids := make([]int64, learners)
	for i := range tokens {
		email := fmt.Sprintf("l%d@example.com", i)
		if code, err := postJSON(base, "/api/v1/auth/signup", "", map[string]string{"email": email, "password": "correct horse battery"}, nil); err != nil || code != 201 {
			t.Fatalf("signup %d: %d %v", i, code, err)
		}
		var login struct {
			Token string
			User  struct{ ID int64 }
		}
		if code, err := postJSON(base, "/api/v1/auth/login", "", map[string]string{"email": email, "password": "correct horse battery"}, &login); err != nil || code != 200 {
			t.Fatalf("login %d: %d %v", i, code, err)
		}
		tokens[i], ids[i] = login.Token, login.User.ID
	}

	var mu sync.Mutex
	acked := map[int64]int64{} // submission id -> learner's user id
	var refused, answered int
	var bad []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < learners; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			body, _ := json.Marshal(map[string]string{"sql": good})
			for {
				select {
				case <-stop:
					return
				default:
				}
				req, _ := http.NewRequest("POST", base+"/api/v1/labs/"+labID+"/submissions", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+tokens[i])
				resp, err := client.Do(req)
				if err != nil {
					mu.Lock()
					bad = append(bad, err.Error())
					mu.Unlock()
					return
				}
				var v struct{ ID int64 }
				json.NewDecoder(resp.Body).Decode(&v)
				resp.Body.Close()
				mu.Lock()
				answered++
				switch {
				case resp.StatusCode == 201 && v.ID != 0:
					acked[v.ID] = ids[i]
				case resp.StatusCode == 503 && resp.Header.Get("Retry-After") != "":
					refused++
				default:
					bad = append(bad, fmt.Sprintf("%d (id %d)", resp.StatusCode, v.ID))
				}
				mu.Unlock()
				if resp.StatusCode == 503 {
					// As a client told to retry later would; the test waits
					// for the answers it needs, not for this pause.
					time.Sleep(50 * time.Millisecond)
				}
			}
		}(i)
	}
	count := func() (int, int) {
		mu.Lock()
		defer mu.Unlock()
		return len(acked), refused
	}
	a0, _ := count()
	waitFor("submissions acknowledged before the stop", func() bool { a, _ := count(); return a >= a0+8 })
	cluster.Stop(t)
	_, r0 := count()
	waitFor("503 answers while the database is down", func() bool { _, r := count(); return r >= r0+8 })
	cluster.Start(t)
	waitFor("/readyz after the restart", ready)
	a1, _ := count()
	waitFor("submissions acknowledged after the restart", func() bool { a, _ := count(); return a >= a1+8 })
	close(stop)
	wg.Wait()
	if len(bad) > 0 {
		t.Errorf("%d answers were neither 201 nor 503 with Retry-After: %v", len(bad), bad)
	}

	srv.stop()
	st, err := store.OpenPostgres(context.Background(), cluster.URL(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored := map[int64]int64{}
	for _, id := range ids {
		subs, err := st.Submissions(context.Background(), id, labID, 100000)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			stored[s.ID] = id
		}
	}
	for id, user := range acked {
		if stored[id] != user {
			t.Errorf("acknowledged submission %d of user %d is not stored", id, user)
		}
	}
	t.Logf("%d answers: %d acknowledged, all stored; %d refused with 503; %d stored in all", answered, len(acked), refused, len(stored))
}
