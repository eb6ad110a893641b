package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"ladder/labs"
)

func TestLabAPIScenarios(t *testing.T) {
	s := newTestServer(t)
	lab := s.labs.Lab("customers-without-orders")
	user := newClient(t, s)
	tok, uid := signupAndLogin(t, user, "ines@example.com")
	auth := bearer(tok)
	const lab1 = "/api/v1/labs/customers-without-orders"
	runScenarios(t, s, []scenario{
		{name: "run", method: "POST", url: lab1 + "/run", body: map[string]string{"sql": "SELECT customer_id, full_name FROM shop.customers ORDER BY customer_id LIMIT 2"}, wantStatus: 200,
			want: []string{`"columns":["customer_id","full_name"]`, `"rows":[[`, `"truncated":false`}},
		{name: "run truncates at 200 rows", method: "POST", url: lab1 + "/run", body: map[string]string{"sql": "SELECT * FROM range(1000)"}, wantStatus: 200, want: []string{`"truncated":true`}},
		{name: "run with a SQL error", method: "POST", url: lab1 + "/run", body: map[string]string{"sql": "SELECT nope FROM shop.customers"}, wantStatus: 422,
			want: []string{`"error":"SQL error in statement 1`, `"statement":1`, `"line":1`, "nope"}},
		{name: "run refused", method: "POST", url: lab1 + "/run", body: map[string]string{"sql": "COPY shop.customers TO '/tmp/x.csv'"}, wantStatus: 422,
			want: []string{`{"error":"statement 1: COPY is not allowed in labs","ko":{"error":"1번째 문장: COPY 문은 실습에서 쓸 수 없습니다"}}`}},
		{name: "run too large", method: "POST", url: lab1 + "/run", body: map[string]string{"sql": "SELECT 1 -- " + strings.Repeat("x", 70<<10)}, wantStatus: 413,
			wantBody: apiError(fmt.Sprintf("the SQL is %d bytes; the limit is 65536", len("SELECT 1 -- ")+70<<10))},
		{name: "run without sql", method: "POST", url: lab1 + "/run", body: map[string]string{"query": "SELECT 1"}, wantStatus: 400, wantBody: apiError(`the body needs a "sql" string`)},
		{name: "run unknown lab", method: "POST", url: "/api/v1/labs/nope/run", body: map[string]string{"sql": "SELECT 1"}, wantStatus: 404, wantBody: apiError("not found")},
		{name: "anonymous submission is not stored", method: "POST", url: lab1 + "/submissions", body: map[string]string{"sql": lab.Solution}, wantStatus: 200,
			want: []string{`"passed":true`, `"datasets":[{"name":"visible","passed":true},{"name":"hidden","passed":true}]`, `"stored":false`}, notWant: []string{`"id":`}},
		{name: "signed-in wrong submission", method: "POST", url: lab1 + "/submissions", body: map[string]string{"sql": "SELECT customer_id, full_name, email FROM shop.customers"}, headers: auth, wantStatus: 201,
			want: []string{`"id":`, `"passed":false`, `"message":"Expected`, `"stored":true`}},
		{name: "signed-in SQL error", method: "POST", url: lab1 + "/submissions", body: map[string]string{"sql": "SELEKT 1"}, headers: auth, wantStatus: 422, want: []string{`"error":"SQL error`, `"stored":true`}},
		{name: "oversized submission", method: "POST", url: lab1 + "/submissions", body: map[string]string{"sql": strings.Repeat("x", 65<<10)}, headers: auth, wantStatus: 413,
			wantBody: apiError(fmt.Sprintf("the SQL is %d bytes; the limit is 65536", 65<<10))},
		{name: "hostile submission", method: "POST", url: lab1 + "/submissions", body: map[string]string{"sql": "SELECT * FROM read_csv('/etc/passwd')"}, headers: auth, wantStatus: 422,
			want: []string{"file system operations are disabled"}, notWant: []string{"root:"}},
	})
	subs, err := s.store.Submissions(context.Background(), uid, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 3 { // wrong, SQL error, hostile; never the anonymous one
		t.Fatalf("%d stored submissions, want 3", len(subs))
	}

	// A passing submission moves the learner's progress.
	before := progressOf(t, user, tok)
	r := user.json("POST", "/api/v1/labs/customers-without-orders/submissions", map[string]string{"sql": lab.Solution}, auth)
	if r.status != 201 {
		t.Fatalf("right answer: %d %s", r.status, r.body)
	}
	id := int64(r.json(t)["id"].(float64))
	after := progressOf(t, user, tok)
	if after.labs["customers-without-orders"] != "passed" || before.labs["customers-without-orders"] != "attempted" {
		t.Errorf("lab status %q -> %q, want attempted -> passed", before.labs["customers-without-orders"], after.labs["customers-without-orders"])
	}
	if !(after.comps["sql-querying"] > before.comps["sql-querying"]) || !(after.comps["databases"] > before.comps["databases"]) {
		t.Errorf("competency progress did not move: %v -> %v", before.comps, after.comps)
	}

	// The submission is visible to its author and admins, 404 to others.
	path := fmt.Sprintf("/api/v1/submissions/%d", id)
	otok, _ := signupAndLogin(t, newClient(t, s), "olga@example.com")
	makeUser(t, s, "boss@example.com", "admin")
	atok := login(t, s, "boss@example.com").tok
	visible := []string{fmt.Sprintf(`"id":%d`, id), `"lab":"customers-without-orders"`, fmt.Sprintf(`"user_id":%d`, uid), `"comments":[]`, `"sql":"SELECT c.customer_id`}
	runScenarios(t, s, []scenario{
		{name: "author reads the submission", url: path, headers: auth, wantStatus: 200, want: visible},
		{name: "another learner reads it", url: path, headers: bearer(otok), wantStatus: 404, wantBody: apiError("not found")},
		{name: "anonymous reads it", url: path, wantStatus: 401, wantBody: apiError("authentication required: missing, expired or revoked token")},
		{name: "admin reads it", url: path, headers: bearer(atok), wantStatus: 200, want: visible},
		{name: "unknown submission", url: "/api/v1/submissions/999999", headers: bearer(atok), wantStatus: 404, wantBody: apiError("not found")},
	})
}

type progressSnapshot struct {
	level  string
	comps  map[string]float64
	labs   map[string]string
	guides map[string]bool
}

func progressOf(t *testing.T, c *client, tok string) progressSnapshot {
	t.Helper()
	r := c.json("GET", "/api/v1/me/progress", nil, bearer(tok))
	if r.status != 200 {
		t.Fatalf("progress: %d %s", r.status, r.body)
	}
	var body struct {
		Level        string
		Competencies []struct {
			ID       string
			Level    string
			Progress float64
		}
		Labs []struct {
			ID     string
			Status string
		}
		Guides []struct {
			Slug string
			Read bool
		}
	}
	if err := json.Unmarshal([]byte(r.body), &body); err != nil {
		t.Fatal(err)
	}
	p := progressSnapshot{level: body.Level, comps: map[string]float64{}, labs: map[string]string{}, guides: map[string]bool{}}
	for _, c := range body.Competencies {
		p.comps[c.ID] = c.Progress
	}
	for _, l := range body.Labs {
		p.labs[l.ID] = l.Status
	}
	for _, g := range body.Guides {
		p.guides[g.Slug] = g.Read
	}
	return p
}

func TestProgressAPI(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	tok, _ := signupAndLogin(t, c, "pia@example.com")
	p := progressOf(t, c, tok)
	if p.level != "junior" || len(p.comps) != 14 || len(p.labs) != len(s.labs.Labs) || len(p.guides) != len(s.content.Guides) {
		t.Fatalf("fresh progress: %+v", p)
	}
	for id, st := range p.labs {
		if st != "not_started" {
			t.Errorf("lab %s is %s for a new learner", id, st)
		}
	}
	if r := c.json("POST", "/api/v1/guides/junior-data-engineer-ko/read", nil, bearer(tok)); r.status != 204 {
		t.Fatalf("mark read: %d %s", r.status, r.body)
	}
	runScenarios(t, s, []scenario{
		{name: "mark an unknown guide read", method: "POST", url: "/api/v1/guides/nope/read", headers: bearer(tok), wantStatus: 404, wantBody: apiError("not found")},
		{name: "anonymous mark read", method: "POST", url: "/api/v1/guides/career-path/read", wantStatus: 401,
			wantBody: apiError("authentication required: missing, expired or revoked token")},
	})
	after := progressOf(t, c, tok)
	if !after.guides["junior-data-engineer"] || !after.guides["junior-data-engineer-ko"] || after.guides["career-path"] {
		t.Errorf("read flags: %v", after.guides)
	}
	if after.comps["sql-querying"] != p.comps["sql-querying"] {
		t.Errorf("reading a guide moved sql-querying (%v -> %v): reading is progress, not evidence", p.comps["sql-querying"], after.comps["sql-querying"])
	}
	r := c.do("GET", "/api/v1/me/progress?format=csv", "", nil, bearer(tok))
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", r.status, r.header.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSpace(r.body), "\n")
	if lines[0] != "type,id,level,progress,status" || lines[1] != "overall,,junior,," {
		t.Errorf("csv head: %q", lines[:2])
	}
	if !strings.Contains(r.body, "guide,junior-data-engineer-ko,,,read") || !strings.Contains(r.body, "lab,filter-sort-orders,,,not_started") || !strings.Contains(r.body, "competency,sql-querying,junior,0.") {
		t.Errorf("csv rows: %s", r.body)
	}
	if !strings.Contains(r.body, "quiz,junior-data-engineer,,,not_started") || !strings.Contains(r.body, "task,slo-error-budget-policy-senior,,,not_started") {
		t.Errorf("csv lacks the quiz and task rows: %s", r.body)
	}
	if len(lines) != 2+14+len(s.labs.Labs)+2*len(s.content.Guides)+len(s.content.Tasks) {
		t.Errorf("csv has %d lines", len(lines))
	}
}

// With every worker busy and the queue full, the API answers 503 with
// Retry-After at once.
func TestLabAPIBusy(t *testing.T) {
	exe, _ := os.Executable()
	pool, err := labs.NewPool(labs.PoolOptions{Workers: 1, Queue: 1, Timeout: 2 * time.Second,
		Command: func() *exec.Cmd { return exec.Command(exe, "-test.run=^$") }})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	s := newTestServerWithPool(t, pool)
	slow := map[string]string{"sql": slowGraderSQL}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			newClient(t, s).json("POST", "/api/v1/labs/filter-sort-orders/run", slow, nil)
		}()
	}
	waitForGrader(t, "one job running and one waiting", func() bool { return pool.Stats().Running == 1 && pool.Stats().Waiting == 1 })
	// A third anonymous job from this address would meet its own in-flight
	// limit (429) first; a signed-in learner meets the full queue.
	learner := newClient(t, s)
	tok, _ := signupAndLogin(t, learner, "queued@example.com")
	r := learner.json("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": "SELECT 1"}, bearer(tok))
	if r.status != 503 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "busy") {
		t.Errorf("busy grader: %d %q %s, want 503 with Retry-After", r.status, r.header.Get("Retry-After"), r.body)
	}
	wg.Wait()
}

// slowGraderSQL keeps a worker busy by CPU alone: it needs no memory, so only
// the grader's deadline ends it.
const slowGraderSQL = "SELECT count(*) FROM range(100000000000) t(a) WHERE a % 7 = 3"

// waitForGrader polls cond until it holds, and fails the test when it does not
// within a generous deadline: tests wait for events, not for time.
func waitForGrader(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// One address cannot hold the grader: its third concurrent job gets 429
// with Retry-After on the API and the pages, while a signed-in learner is
// still graded on the worker kept for signed-in learners.
func TestGradingInFlightLimit(t *testing.T) {
	exe, _ := os.Executable()
	pool, err := labs.NewPool(labs.PoolOptions{Workers: 2, Queue: 4, Timeout: 10 * time.Second,
		Command: func() *exec.Cmd { return exec.Command(exe, "-test.run=^$") }})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	s := newTestServerWithPool(t, pool)
	lab := s.labs.Lab("filter-sort-orders")
	anon := newClient(t, s)
	anon.ip = "203.0.113.5"
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newClient(t, s)
			c.ip = anon.ip
			c.json("POST", "/api/v1/labs/filter-sort-orders/run", map[string]string{"sql": slowGraderSQL}, nil)
		}()
	}
	// Anonymous jobs hold one worker of two: one runs, one waits.
	waitForGrader(t, "two anonymous jobs in flight", func() bool {
		st := pool.Stats()
		return st.RunningAnonymous == 1 && st.Waiting == 1
	})
	for _, path := range []string{"/api/v1/labs/filter-sort-orders/submissions", "/api/v1/labs/filter-sort-orders/run"} {
		r := anon.json("POST", path, map[string]string{"sql": lab.Solution}, nil)
		if r.status != 429 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, `"error":"Too many queries and submissions at once`) {
			t.Errorf("third job from one address, %s: %d %q %s, want 429 with Retry-After", path, r.status, r.header.Get("Retry-After"), r.body)
		}
	}
	tok := anon.csrf()
	if r := anon.form("/labs/filter-sort-orders/submit", url.Values{"_csrf": {tok}, "sql": {lab.Solution}}); r.status != 429 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "Too many queries and submissions at once") {
		t.Errorf("third job from one address, page: %d %q, want 429 with Retry-After", r.status, r.header.Get("Retry-After"))
	}
	learner := newClient(t, s)
	learner.ip = anon.ip // same network, own account
	ltok, _ := signupAndLogin(t, learner, "graded@example.com")
	r := learner.json("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": lab.Solution}, bearer(ltok))
	if r.status != 201 || !strings.Contains(r.body, `"passed":true`) {
		t.Errorf("signed-in learner while the address is at its limit: %d %s, want 201 and a pass", r.status, r.body)
	}
	if st := pool.Stats(); st.RunningAnonymous != 1 || st.Waiting != 1 {
		t.Errorf("pool = %+v, want the anonymous jobs still in flight during the check", st)
	}
	wg.Wait()
	// Their jobs done, the address may grade again.
	if r := anon.json("POST", "/api/v1/labs/filter-sort-orders/run", map[string]string{"sql": "SELECT 1"}, nil); r.status != 200 {
		t.Errorf("after the slow jobs: %d %s", r.status, r.body)
	}
}

// Past its per-minute quota an address gets 429 with Retry-After; an
// account has a quota of its own.
func TestGradingPerMinuteLimit(t *testing.T) {
	s := newTestServer(t)
	anon := newClient(t, s)
	anon.ip = "203.0.113.9"
	for i := 0; i < s.limits.GradingPerMinutePerIP; i++ {
		if r := anon.json("POST", "/api/v1/labs/filter-sort-orders/run", map[string]string{"sql": "SELECT 1"}, nil); r.status != 200 {
			t.Fatalf("run %d: %d %s", i+1, r.status, r.body)
		}
	}
	r := anon.json("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": "SELECT 1"}, nil)
	if r.status != 429 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "this minute") {
		t.Errorf("job %d in a minute: %d %q %s, want 429 with Retry-After", s.limits.GradingPerMinutePerIP+1, r.status, r.header.Get("Retry-After"), r.body)
	}
	learner := newClient(t, s)
	learner.ip = anon.ip
	tok, _ := signupAndLogin(t, learner, "quota@example.com")
	if r := learner.json("POST", "/api/v1/labs/filter-sort-orders/run", map[string]string{"sql": "SELECT 1"}, bearer(tok)); r.status != 200 {
		t.Errorf("signed-in learner on the same address: %d %s", r.status, r.body)
	}
	if s.limits.GradingInFlightPerIP != 2 || s.limits.GradingInFlightPerAccount != 2 || s.limits.GradingPerMinutePerIP != 30 || s.limits.GradingPerMinutePerAccount != 60 {
		t.Errorf("default limits = %+v", s.limits)
	}
}

// A verdict is at most 16 KB as stored and as sent, however large the
// values it would quote (lab-format.md, Feedback).
func TestVerdictSizeAsStoredAndSent(t *testing.T) {
	s := newTestServer(t)
	learner := newClient(t, s)
	tok, uid := signupAndLogin(t, learner, "huge@example.com")
	r := learner.json("POST", "/api/v1/labs/filter-sort-orders/submissions",
		map[string]string{"sql": "SELECT repeat('x', 10000000) || i::VARCHAR AS a, 1, 2, 3, 4 FROM range(3) t(i)"}, bearer(tok))
	if r.status != 201 || !strings.Contains(r.body, `"passed":false`) {
		t.Fatalf("submission: %d %.300s", r.status, r.body)
	}
	if len(r.body) > labs.MaxVerdictBytes {
		t.Errorf("sent verdict is %d bytes, want at most %d", len(r.body), labs.MaxVerdictBytes)
	}
	subs, err := s.store.Submissions(context.Background(), uid, "filter-sort-orders", 10)
	if err != nil || len(subs) != 1 {
		t.Fatalf("stored: %v %v", subs, err)
	}
	stored, err := json.Marshal(subs[0].Verdict)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(stored); n > labs.MaxVerdictBytes {
		t.Errorf("stored verdict is %d bytes, want at most %d", n, labs.MaxVerdictBytes)
	}
	if strings.Contains(string(stored), strings.Repeat("x", labs.MaxExampleChars)) {
		t.Errorf("stored verdict quotes a value longer than %d characters", labs.MaxExampleChars)
	}
}

// A code lab through the API: "code" is the same field as "sql", and a
// program's errors are verdicts like SQL errors.
func TestCodeLabAPI(t *testing.T) {
	s := newTestServer(t)
	lab := s.labs.Lab("parse-csv-line")
	user := newClient(t, s)
	tok, uid := signupAndLogin(t, user, "kai@example.com")
	auth := bearer(tok)
	const path = "/api/v1/labs/parse-csv-line"
	runScenarios(t, s, []scenario{
		{name: "detail", method: "GET", url: path, wantStatus: 200, want: []string{`"kind":"code"`, `"language":"starlark"`, `"entry":"parse_line"`, `"tables":[]`, `"visible_tests":"# Visible tests`}},
		{name: "test-writing detail keeps its tests", method: "GET", url: "/api/v1/labs/test-batching-function", wantStatus: 200, want: []string{`"tests_required":true`, `"entry":"batches"`}, notWant: []string{"visible_tests", "test_input_unchanged"}},
		{name: "submit with code", method: "POST", url: path + "/submissions", body: map[string]string{"code": lab.Solution}, headers: auth, wantStatus: 201, want: []string{`"passed":true`, `"datasets":[{"name":"visible","passed":true},{"name":"hidden","passed":true}]`, `"stored":true`}},
		{name: "submit with sql", method: "POST", url: path + "/submissions", body: map[string]string{"sql": "def parse_line(line):\n    return line.split(\",\")\n"}, headers: auth, wantStatus: 201, want: []string{`"passed":false`, "visible tests fail", "test_quoted_comma"}},
		{name: "both fields alike", method: "POST", url: path + "/submissions", body: map[string]string{"sql": lab.Solution, "code": lab.Solution}, wantStatus: 200, want: []string{`"passed":true`}},
		{name: "both fields differ", method: "POST", url: path + "/submissions", body: map[string]string{"sql": lab.Solution, "code": "x = 1"}, wantStatus: 400, want: []string{`"sql\" and \"code\" are the same field`}},
		{name: "syntax error", method: "POST", url: path + "/submissions", body: map[string]string{"code": "def parse_line(line)\n"}, headers: auth, wantStatus: 422, want: []string{`"error_kind":"refused"`, "submission.star:2:1", `"line":2`, `"stored":true`}},
		{name: "endless loop", method: "POST", url: path + "/submissions", body: map[string]string{"code": "def parse_line(line):\n    while True:\n        pass\n"}, wantStatus: 422, want: []string{`"error_kind":"refused"`, "ran out of steps"}},
		{name: "run shows the visible tests and the output", method: "POST", url: path + "/run", body: map[string]string{"code": "print('hello')\n" + lab.Solution}, wantStatus: 200, want: []string{`"columns":["test","result","detail"]`, `["test_plain_fields","passed",""]`, `"output":"hello\n"`, `"message":"8 of 8 tests pass."`}},
		{name: "run refuses a syntax error", method: "POST", url: path + "/run", body: map[string]string{"code": "def (\n"}, wantStatus: 422, want: []string{`"error":"submission.star:1:6: not an identifier"`}},
		{name: "program too large", method: "POST", url: path + "/submissions", body: map[string]string{"code": strings.Repeat("#", 65<<10)}, wantStatus: 413, want: []string{`"error":"the program is`}},
	})
	subs, err := s.store.Submissions(context.Background(), uid, "parse-csv-line", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 3 { // right, wrong, syntax error
		t.Fatalf("%d stored submissions, want 3", len(subs))
	}
	if st, _ := s.store.LabStatuses(context.Background(), uid); st["parse-csv-line"] != "passed" {
		t.Errorf("lab status = %q, want passed", st["parse-csv-line"])
	}
}
