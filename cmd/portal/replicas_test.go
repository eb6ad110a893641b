package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
	"ladder/store/pgtest"
)

// replica is one portal server process of a group sharing a database.
type replica struct {
	name string
	base string
	cmd  *exec.Cmd
	done chan struct{} // closed once the process has exited and been reaped
}

// kill ends the replica with SIGKILL and waits until it is gone.
func (r *replica) kill(t *testing.T) {
	t.Helper()
	if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatalf("kill %s: %v", r.name, err)
	}
	<-r.done
}

// replicaEnv is the test binary's environment without any PORTAL_
// setting, so a PORTAL_JWT_SECRET or database URL of the machine cannot
// stand in for what the replicas must share through the database.
func replicaEnv(args []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PORTAL_") {
			env = append(env, kv)
		}
	}
	b, _ := json.Marshal(args)
	return append(env, serveEnv+"="+string(b))
}

// startReplicas starts n portal servers on one PostgreSQL database, each
// with its own data dir and port, and waits until all of them answer
// /healthz. together starts them at once, racing for the migrations and
// the search index, as a deploy of several replicas does; else each starts
// once the one before it is up, as in a rolling start.
func startReplicas(t *testing.T, dbURL string, n, authRate int, together bool) []*replica {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var rs []*replica
	for i := 0; i < n; i++ {
		addr := freeAddr(t)
		args := []string{"serve", "--addr", addr, "--data-dir", t.TempDir(), "--database-url", dbURL,
			"--log-level", "warn", "--auth-rate", strconv.Itoa(authRate)}
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = replicaEnv(args)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		r := &replica{name: string(rune('A' + i)), base: "http://" + addr, cmd: cmd, done: make(chan struct{})}
		go func() { cmd.Wait(); close(r.done) }()
		t.Cleanup(func() { cmd.Process.Kill(); <-r.done })
		rs = append(rs, r)
		if !together {
			waitHealthy(t, r)
		}
	}
	for _, r := range rs {
		waitHealthy(t, r)
	}
	return rs
}

func waitHealthy(t *testing.T, r *replica) {
	t.Helper()
	waitUntil(t, time.Minute, "replica "+r.name+" answers /healthz", func() (bool, string) {
		select {
		case <-r.done:
			t.Fatalf("replica %s exited during its start: %v", r.name, r.cmd.ProcessState)
		default:
		}
		resp, err := http.Get(r.base + "/healthz")
		if err != nil {
			return false, err.Error()
		}
		resp.Body.Close()
		return resp.StatusCode == 200, resp.Status
	})
}

// waitUntil polls cond until it holds, and fails the test when the
// deadline passes first; last is what cond saw, for the message.
func waitUntil(t *testing.T, limit time.Duration, what string, cond func() (ok bool, last string)) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, last := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s (last: %s)", what, limit, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// browser keeps cookies as one browser does for one site behind a load
// balancer: whichever replica set a cookie, it goes to every replica.
// It follows no redirects, so each answer is the replica's own.
type browser struct {
	t       *testing.T
	cookies map[string]string
}

func newBrowser(t *testing.T) *browser { return &browser{t: t, cookies: map[string]string{}} }

var noRedirects = &http.Client{
	Timeout:       time.Minute,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// do sends a request; form, when not nil, is sent url-encoded.
func (b *browser) do(method, url string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept-Language", "en")
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	text, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, url, err)
	}
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	return resp, string(text)
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// csrfToken is the token in a page's form.
func csrfToken(t *testing.T, page string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page has no CSRF field:\n%.2000s", page)
	}
	return m[1]
}

// apiUser is an account made through the API, with its bearer token.
type apiUser struct {
	id       int64
	email    string
	password string
	token    string
}

func signupAndLogin(t *testing.T, signupOn, loginOn *replica, email string) apiUser {
	t.Helper()
	u := apiUser{email: email, password: "replica test password"}
	var signup struct {
		User struct{ ID int64 } `json:"user"`
	}
	if st, err := postJSON(signupOn.base, "/api/v1/auth/signup", "", map[string]string{"email": email, "password": u.password, "display_name": "Replica Learner"}, &signup); err != nil || st != 201 || signup.User.ID == 0 {
		t.Fatalf("signup of %s on %s: %d %v", email, signupOn.name, st, err)
	}
	u.id = signup.User.ID
	u.token = login(t, loginOn, email, u.password)
	return u
}

func login(t *testing.T, on *replica, email, password string) string {
	t.Helper()
	var v struct{ Token string }
	if st, err := postJSON(on.base, "/api/v1/auth/login", "", map[string]string{"email": email, "password": password}, &v); err != nil || st != 200 || v.Token == "" {
		t.Fatalf("login of %s on %s: %d %v", email, on.name, st, err)
	}
	return v.Token
}

func getJSON(t *testing.T, base, path, token string, out any) int {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatalf("GET %s%s: %v", base, path, err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil && resp.StatusCode == 200 {
		t.Fatalf("GET %s%s: %v", base, path, err)
	}
	return resp.StatusCode
}

// solutions are known-good answers to a few embedded labs.
func solutions(t *testing.T) []struct{ lab, sql string } {
	t.Helper()
	var out []struct{ lab, sql string }
	for _, id := range []string{"filter-sort-orders", "customers-without-orders", "duplicate-keys", "clean-raw-orders-feed"} {
		out = append(out, struct{ lab, sql string }{id, solution(t, id)})
	}
	return out
}

// solution is an embedded lab's reference solution.
func solution(t *testing.T, labID string) string {
	t.Helper()
	idx, err := content.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatal(err)
	}
	l := cat.Lab(labID)
	if l == nil {
		t.Fatalf("no lab %s in the embedded catalog", labID)
	}
	return l.Solution
}

// Two replicas on one PostgreSQL database, with no PORTAL_JWT_SECRET:
// whatever a learner or mentor does on one, the other sees and accepts.
func TestReplicasShareOneDatabase(t *testing.T) {
	dbURL := pgtest.NewDatabase(t)
	rs := startReplicas(t, dbURL, 2, 100000, false)
	a, b := rs[0], rs[1]
	answers := solutions(t)

	t.Run("a pass graded on B shows on A's dashboard", func(t *testing.T) {
		u := signupAndLogin(t, a, a, "dash@example.com")
		home := newBrowser(t)
		home.cookies["ladder_session"] = u.token // the cookie the login set
		dashboard := func() string {
			t.Helper()
			resp, page := home.do("GET", a.base+"/me", nil)
			if resp.StatusCode != 200 {
				t.Fatalf("A's dashboard: %d\n%.500s", resp.StatusCode, page)
			}
			return page
		}
		if page := dashboard(); !strings.Contains(page, "Labs passed: 0 of") {
			t.Fatalf("A's dashboard before any submission lacks %q", "Labs passed: 0 of")
		}
		// The token A issued is good on B: the key is the database's.
		var v struct {
			ID     int64
			Passed bool
		}
		if st, err := postJSON(b.base, "/api/v1/labs/"+answers[0].lab+"/submissions", u.token, map[string]string{"sql": answers[0].sql}, &v); err != nil || st != 201 || v.ID == 0 || !v.Passed {
			t.Fatalf("submission on B: %d %+v %v, want 201 passed", st, v, err)
		}
		page := dashboard()
		for _, want := range []string{"Labs passed: 1 of", `Passed <a href="/labs/` + answers[0].lab + `">`} {
			if !strings.Contains(page, want) {
				t.Errorf("A's dashboard lacks %q", want)
			}
		}
		var progress struct {
			Labs []struct{ ID, Status string }
		}
		if st := getJSON(t, a.base, "/api/v1/me/progress", u.token, &progress); st != 200 {
			t.Fatalf("progress on A: %d", st)
		}
		status := ""
		for _, l := range progress.Labs {
			if l.ID == answers[0].lab {
				status = l.Status
			}
		}
		if status != "passed" {
			t.Errorf("progress on A: lab %s is %q, want passed", answers[0].lab, status)
		}
	})

	t.Run("a CSRF token from A is accepted by B", func(t *testing.T) {
		u := signupAndLogin(t, a, a, "csrf@example.com")
		br := newBrowser(t)
		_, page := br.do("GET", a.base+"/login", nil)
		resp, _ := br.do("POST", a.base+"/login", url.Values{"email": {u.email}, "password": {u.password}, "_csrf": {csrfToken(t, page)}})
		if resp.StatusCode != http.StatusSeeOther || br.cookies["ladder_session"] == "" {
			t.Fatalf("form login on A: %d, session cookie %q", resp.StatusCode, br.cookies["ladder_session"])
		}
		_, page = br.do("GET", a.base+"/account", nil)
		token := csrfToken(t, page)

		resp, body := br.do("POST", b.base+"/account/name", url.Values{"display_name": {"Renamed On B"}, "_csrf": {token}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/account?done=name" {
			t.Fatalf("rename on B with A's token: %d %q, want 303 to /account?done=name\n%.500s", resp.StatusCode, resp.Header.Get("Location"), body)
		}
		// The same post without the token is refused, so the check is on.
		resp, body = br.do("POST", b.base+"/account/name", url.Values{"display_name": {"Forged"}})
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "CSRF") {
			t.Fatalf("rename on B without a token: %d, want 403 naming CSRF\n%.500s", resp.StatusCode, body)
		}
		var me struct {
			DisplayName string `json:"display_name"`
		}
		if st := getJSON(t, a.base, "/api/v1/me", u.token, &me); st != 200 || me.DisplayName != "Renamed On B" {
			t.Errorf("on A the name is %q (%d), want the one set on B", me.DisplayName, st)
		}
	})

	t.Run("failed logins of one account count on both replicas", func(t *testing.T) {
		u := signupAndLogin(t, a, b, "guessed@example.com")
		// Five failures are allowed per account; they alternate A, B, A...
		for i := 0; i < 5; i++ {
			r := rs[i%2]
			if st, err := postJSON(r.base, "/api/v1/auth/login", "", map[string]string{"email": u.email, "password": "wrong password " + strconv.Itoa(i)}, nil); err != nil || st != 401 {
				t.Fatalf("failed login %d on %s: %d %v, want 401", i+1, r.name, st, err)
			}
		}
		// The sixth, on B, is refused even with the right password.
		st, retry := loginStatus(t, b, u.email, u.password)
		if st != http.StatusTooManyRequests || retry == "" {
			t.Errorf("login after five failures across both replicas: %d, Retry-After %q; want 429 with Retry-After", st, retry)
		}
	})

	t.Run("a mentor on B reviews a task submitted on A", func(t *testing.T) {
		learner := signupAndLogin(t, a, a, "task-learner@example.com")
		if out, code := runCLI(t, "mentor test password\n", "users", "create", "--email", "mentor@example.com", "--role", "mentor", "--database-url", dbURL); code != 0 {
			t.Fatalf("users create: exit %d\n%s", code, out)
		}
		mentor := login(t, b, "mentor@example.com", "mentor test password")
		var cohort struct{ ID int64 }
		if st, err := postJSON(b.base, "/api/v1/cohorts", mentor, map[string]string{"name": "Replicas"}, &cohort); err != nil || st != 201 || cohort.ID == 0 {
			t.Fatalf("create cohort on B: %d %v", st, err)
		}
		if st, err := postJSON(b.base, fmt.Sprintf("/api/v1/cohorts/%d/members", cohort.ID), mentor, map[string]string{"email": learner.email}, nil); err != nil || st != 201 {
			t.Fatalf("add member on B: %d %v", st, err)
		}

		const taskID = "dataset-request-scope-readme-mid"
		var task struct {
			Rubric []struct{ ID string } `json:"rubric"`
		}
		if st := getJSON(t, a.base, "/api/v1/tasks/"+taskID, learner.token, &task); st != 200 || len(task.Rubric) == 0 {
			t.Fatalf("task %s on A: %d, %d criteria", taskID, st, len(task.Rubric))
		}
		var sub struct {
			ID     int64
			Status string
		}
		if st, err := postJSON(a.base, "/api/v1/tasks/"+taskID+"/submissions", learner.token, map[string]string{"body": "# Scope\nWho asked, what for, and what is out of scope."}, &sub); err != nil || st != 201 || sub.ID == 0 || sub.Status != "pending" {
			t.Fatalf("task submission on A: %d %+v %v", st, sub, err)
		}

		var queue []struct {
			SubmissionID int64 `json:"submission_id"`
			UserID       int64 `json:"user_id"`
		}
		if st := getJSON(t, b.base, "/api/v1/reviews", mentor, &queue); st != 200 || len(queue) != 1 || queue[0].SubmissionID != sub.ID || queue[0].UserID != learner.id {
			t.Fatalf("review queue on B: %d %+v, want the one submission %d of user %d", st, queue, sub.ID, learner.id)
		}
		type mark struct {
			ID      string `json:"id"`
			Met     bool   `json:"met"`
			Comment string `json:"comment"`
		}
		var marks []mark
		for _, c := range task.Rubric {
			marks = append(marks, mark{ID: c.ID, Met: true})
		}
		review := map[string]any{"decision": "approved", "criteria": marks, "comment": "reviewed on B"}
		if st, err := postJSON(b.base, fmt.Sprintf("/api/v1/task-submissions/%d/review", sub.ID), mentor, review, nil); err != nil || st != 201 {
			t.Fatalf("review on B: %d %v", st, err)
		}

		var mine []struct {
			Task         string `json:"task"`
			SubmissionID int64  `json:"submission_id"`
			Status       string `json:"status"`
			Review       *struct {
				Decision string `json:"decision"`
				Comment  string `json:"comment"`
			} `json:"review"`
		}
		if st := getJSON(t, a.base, "/api/v1/me/tasks", learner.token, &mine); st != 200 || len(mine) != 1 {
			t.Fatalf("my tasks on A: %d %+v", st, mine)
		}
		if got := mine[0]; got.Task != taskID || got.SubmissionID != sub.ID || got.Status != "approved" || got.Review == nil || got.Review.Comment != "reviewed on B" {
			t.Errorf("on A the learner sees %+v (review %+v), want submission %d approved with B's comment", got, got.Review, sub.ID)
		}
	})

	// Last: it kills A.
	t.Run("B serves on when A is killed under load", func(t *testing.T) {
		killUnderLoad(t, dbURL, a, b, answers)
	})
}

// loginStatus is a login's status and Retry-After header.
func loginStatus(t *testing.T, on *replica, email, password string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", on.base+"/api/v1/auth/login", strings.NewReader(fmt.Sprintf(`{"email":%q,"password":%q}`, email, password)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatalf("login on %s: %v", on.name, err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Retry-After")
}

// answer is one lab submission's outcome as the load saw it.
type answer struct {
	on        *replica
	afterKill bool // sent after A was killed and reaped
	status    int
	err       error
	id        int64
	passed    bool
	user      int64
	lab       string
}

// killUnderLoad has learners submit labs to both replicas in turn, kills A
// with SIGKILL once each replica acknowledged some, and goes on until B
// acknowledged more. Every acknowledged submission must be stored, and B
// must answer every request after the kill with success.
func killUnderLoad(t *testing.T, dbURL string, a, b *replica, answers []struct{ lab, sql string }) {
	const (
		learners   = 12 // few submissions each, far under the per-account grading limits
		beforeKill = 10 // acknowledged by each replica before the kill
		afterKill  = 20 // acknowledged by B after it
	)
	var users []apiUser
	for i := 0; i < learners; i++ {
		users = append(users, signupAndLogin(t, []*replica{a, b}[i%2], []*replica{b, a}[i%2], fmt.Sprintf("load%d@example.com", i)))
	}
	var (
		mu      sync.Mutex
		results []answer
		killed  bool
	)
	count := func(on *replica, after bool) int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, r := range results {
			if r.on == on && r.afterKill == after && r.err == nil && r.status == 201 && r.id != 0 {
				n++
			}
		}
		return n
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i, u := range users {
		wg.Add(1)
		go func(i int, u apiUser) {
			defer wg.Done()
			for n := i; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				on := []*replica{a, b}[n%2]
				job := answers[n%len(answers)]
				mu.Lock()
				after := killed
				mu.Unlock()
				var v struct {
					ID     int64
					Passed bool
				}
				st, err := postJSON(on.base, "/api/v1/labs/"+job.lab+"/submissions", u.token, map[string]string{"sql": job.sql}, &v)
				mu.Lock()
				results = append(results, answer{on: on, afterKill: after, status: st, err: err, id: v.ID, passed: v.Passed, user: u.id, lab: job.lab})
				mu.Unlock()
			}
		}(i, u)
	}
	var once sync.Once
	halt := func() { once.Do(func() { close(stop); wg.Wait() }) }
	defer halt() // also when a wait fails the test

	waitUntil(t, 2*time.Minute, fmt.Sprintf("%d submissions acknowledged by each replica", beforeKill), func() (bool, string) {
		na, nb := count(a, false), count(b, false)
		return na >= beforeKill && nb >= beforeKill, fmt.Sprintf("A %d, B %d", na, nb)
	})
	a.kill(t)
	mu.Lock()
	killed = true
	mu.Unlock()
	waitUntil(t, 2*time.Minute, fmt.Sprintf("%d more submissions acknowledged by B after A was killed", afterKill), func() (bool, string) {
		n := count(b, true)
		return n >= afterKill, fmt.Sprintf("B %d", n)
	})
	halt()

	st, err := store.OpenPostgres(context.Background(), dbURL, store.Options{SkipMigrations: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	acked, refusedA := map[string]int{}, 0
	for _, r := range results {
		switch {
		case r.on == b && r.err != nil:
			t.Errorf("B: request failed: %v", r.err)
		case r.on == b && r.status >= 500:
			t.Errorf("B answered %d", r.status)
		case r.on == b && r.afterKill && (r.status != 201 || r.id == 0 || !r.passed):
			t.Errorf("B after the kill: %d, id %d, passed %v; want 201 passed", r.status, r.id, r.passed)
		case r.on == a && r.afterKill && r.err == nil:
			t.Errorf("A answered %d after it was killed", r.status)
		case r.on == a && r.afterKill:
			refusedA++
		}
		if r.err != nil || r.status != 201 || r.id == 0 {
			continue
		}
		acked[r.on.name]++
		sub, err := st.SubmissionByID(context.Background(), r.id)
		if err != nil {
			t.Errorf("submission %d acknowledged by %s is not stored: %v", r.id, r.on.name, err)
			continue
		}
		if sub.UserID != r.user || sub.LabID != r.lab || sub.Passed != r.passed {
			t.Errorf("submission %d: stored user %d lab %s passed %v, acknowledged for user %d lab %s passed %v", r.id, sub.UserID, sub.LabID, sub.Passed, r.user, r.lab, r.passed)
		}
	}
	if refusedA == 0 {
		t.Error("no request went to A after the kill, so nothing showed it refused")
	}
	t.Logf("acknowledged and stored: %d by A, %d by B; %d requests to the killed A failed to connect", acked["A"], acked["B"], refusedA)
}

// The login limit per client address counts attempts on every replica: a
// client cannot multiply it by spreading its attempts over them.
func TestReplicasShareLoginRateLimit(t *testing.T) {
	const perMinute = 6
	rs := startReplicas(t, pgtest.NewDatabase(t), 2, perMinute, false)
	// Each attempt names another email, so only the per-address limit
	// applies.
	for i := 0; i < perMinute; i++ {
		r := rs[i%2]
		if st, retry := loginStatus(t, r, fmt.Sprintf("nobody%d@example.com", i), "some password"); st != 401 {
			t.Fatalf("attempt %d on %s: %d (Retry-After %q), want 401", i+1, r.name, st, retry)
		}
	}
	r := rs[perMinute%2]
	if st, retry := loginStatus(t, r, "one-more@example.com", "some password"); st != http.StatusTooManyRequests || retry == "" {
		t.Errorf("attempt %d, on %s: %d, Retry-After %q; want 429 with Retry-After, the limit being %d a minute over both replicas", perMinute+1, r.name, st, retry, perMinute)
	}
}

// Replicas deployed together start together on a fresh database: each
// must come up, though all of them find the migrations and the search
// index to be done. Three make a collision likelier than two.
func TestReplicasStartTogether(t *testing.T) {
	dbURL := pgtest.NewDatabase(t)
	rs := startReplicas(t, dbURL, 3, 100000, true)
	for _, r := range rs {
		var labs []struct{ ID string }
		if st := getJSON(t, r.base, "/api/v1/labs", "", &labs); st != 200 || len(labs) == 0 {
			t.Errorf("labs on %s: %d, %d labs", r.name, st, len(labs))
		}
	}
}
