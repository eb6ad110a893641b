package handlers

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/labs"
	"ladder/store"
)

// newTestServer builds a server over the embedded content and a fresh
// SQLite file, as the binary does.
func newTestServer(t testing.TB) *Server {
	t.Helper()
	return newTestServerWith(t, content.Files)
}

func newTestServerWith(t testing.TB, fsys fs.FS) *Server {
	t.Helper()
	return newServerFor(t, fsys, testPool(t))
}

func newTestServerWithPool(t testing.TB, pool *labs.Pool) *Server {
	t.Helper()
	return newServerFor(t, content.Files, pool)
}

// newServerFor builds the server; tweaks change its options first.
func newServerFor(t testing.TB, fsys fs.FS, pool *labs.Pool, tweaks ...func(*Options)) *Server {
	t.Helper()
	idx, err := content.Load(fsys)
	if err != nil {
		t.Fatalf("content.Load: %v", err)
	}
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatalf("labs.Load: %v", err)
	}
	opts := Options{Options: domain.Options{Store: st, Content: idx, Labs: cat, Grader: pool, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, JWTKey: []byte("test-signing-key-with-32-bytes!!"), BaseURL: "http://localhost:8080",
		// app.Test's connections come from 0.0.0.0: trusting it lets a
		// test client name its address in X-Forwarded-For (client.ip).
		TrustedProxies: []string{"0.0.0.0"}}
	for _, tweak := range tweaks {
		tweak(&opts)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func TestPages(t *testing.T) {
	s := newTestServer(t)
	ko := map[string]string{"Cookie": "lang=ko"}
	runScenarios(t, s, []scenario{
		{name: "home", url: "/", wantStatus: 200,
			want: []string{`<html lang="en">`, "Career path", "/guides/career-path"}},
		{name: "home tells a visitor about the labs", url: "/", wantStatus: 200,
			want: []string{`data-testid="home-labs"`, `href="/labs"`, `href="/labs?kind=etl"`, fmt.Sprintf("%d hands-on labs", len(s.labs.Labs))}, notWant: []string{`data-testid="home-level"`}},
		{name: "home in Korean by cookie", url: "/", headers: ko, wantStatus: 200,
			want: []string{`<html lang="ko">`, "커리어 패스", "/guides/career-path-ko"}},
		{name: "home in Korean by Accept-Language", url: "/", headers: map[string]string{"Accept-Language": "ko-KR,ko;q=0.9"}, wantStatus: 200,
			want: []string{`<html lang="ko">`}},
		{name: "guide list", url: "/guides", wantStatus: 200,
			want:    []string{"Reliability practice", "/guides/sre-principles-for-data", "/guides/junior-data-engineer"},
			notWant: []string{"-ko\""}},
		{name: "guide list filtered by level", url: "/guides?level=senior", wantStatus: 200,
			want:    []string{"/guides/senior-data-engineer", "/guides/sre-principles-for-data"},
			notWant: []string{"/guides/junior-data-engineer\"", "/guides/career-path\""}},
		{name: "guide list filtered by competency", url: "/guides?competency=cloud", wantStatus: 200,
			want: []string{"/guides/serverless-analytics-architecture"}, notWant: []string{"/guides/junior-data-engineer\""}},
		{name: "guide list with no match", url: "/guides?level=lead&competency=ml-basics", wantStatus: 200,
			want: []string{"No guide matches these filters."}},
		{name: "guide page", url: "/guides/senior-data-engineer", wantStatus: 200,
			want: []string{"<h1>", `class="toc"`, "badge level-senior", "min read", `rel="prev"`, `rel="next"`, "/lang/ko?next=%2Fguides%2Fsenior-data-engineer-ko"}},
		{name: "korean guide page sets lang", url: "/guides/career-path-ko", wantStatus: 200,
			want: []string{`<html lang="ko">`, "/lang/en?next=%2Fguides%2Fcareer-path"}},
		{name: "unknown guide is a 404 page", url: "/guides/no-such-guide", wantStatus: 404,
			want: []string{"Page not found", "<html"}},
		{name: "404 page in Korean", url: "/nowhere", headers: ko, wantStatus: 404,
			want: []string{"페이지를 찾을 수 없습니다"}},
		{name: "career matrix", url: "/career", wantStatus: 200,
			want: []string{`id="sql-querying"`, `id="leadership"`, "badge level-lead"}},
		{name: "career matrix in Korean", url: "/career", headers: ko, wantStatus: 200,
			want: []string{"역량 매트릭스", "SQL 쿼리"}},
		{name: "healthz", url: "/healthz", wantStatus: 200, want: []string{"ok"}},
		{name: "readyz", url: "/readyz", wantStatus: 200, want: []string{"ready"}},
		{name: "api guides", url: "/api/v1/guides?lang=en", wantStatus: 200,
			want: []string{`"slug":"career-path"`, `"lang":"en"`, `"competencies":[`}, notWant: []string{`"lang":"ko"`}},
		{name: "api labs", url: "/api/v1/labs", wantStatus: 200,
			want: []string{`"id":"filter-sort-orders"`, `"kind":"quality"`, `"kind":"etl"`, `"competencies":["sql-querying"]`}},
		{name: "api lab detail", url: "/api/v1/labs/filter-sort-orders", wantStatus: 200,
			want: []string{`"instructions_html":"`, `"tables":[{"name":"shop.orders","columns":[{"name":"order_id","type":"INTEGER"}`}},
		{name: "api unknown lab", url: "/api/v1/labs/nope", wantStatus: 404, want: []string{`{"error":"not found"}`}},
		{name: "api unknown route is JSON", url: "/api/v1/nothing", wantStatus: 404,
			want: []string{`{"error":"not found"}`}, wantHeader: map[string]string{"Content-Type": "application/json"}},
		{name: "security headers", url: "/", wantStatus: 200,
			wantHeader: map[string]string{"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin"}},
		{name: "request id", url: "/", wantStatus: 200, wantHeader: map[string]string{"X-Request-Id": "-"}},
	})
}

func TestMetrics(t *testing.T) {
	s := newTestServer(t)
	newClient(t, s).do("GET", "/guides", "", nil, nil)
	c := newClient(t, s)
	c.json("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": s.labs.Lab("filter-sort-orders").Solution}, nil)
	c.json("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": "SELECT nope"}, nil)
	body := newClient(t, s).do("GET", "/metrics", "", nil, nil).body
	for _, w := range []string{`ladder_http_requests_total{method="GET",route="/guides",status="200"} 1`, "ladder_http_request_duration_seconds_bucket", "process_resident_memory_bytes",
		`ladder_grading_duration_seconds_count{kind="query",op="grade",outcome="pass"}`, `ladder_grading_duration_seconds_count{kind="query",op="grade",outcome="sql"}`,
		"ladder_grader_queue_depth 0", "ladder_grader_busy_rejections_total", `ladder_db_open_connections{engine="sqlite",pool="read"}`, `ladder_db_wait_count_total{engine="sqlite",pool="write"}`} {
		if !strings.Contains(body, w) {
			t.Errorf("metrics lack %q", w)
		}
	}
}

func TestLanguageSwitch(t *testing.T) {
	s := newTestServer(t)
	redirect := func(name, url, location, lang string) scenario {
		return scenario{name: name, url: url, wantStatus: 303, wantHeaderIs: map[string]string{"Location": location}, wantCookie: map[string]string{"lang": lang}}
	}
	runScenarios(t, s, []scenario{
		redirect("to Korean", "/lang/ko?next=/guides/career-path-ko", "/guides/career-path-ko", "ko"),
		redirect("to English", "/lang/en?next=/career", "/career", "en"),
		redirect("protocol-relative next", "/lang/ko?next=//evil.example/x", "/", "ko"),
		redirect("absolute next", "/lang/ko?next=https://evil.example/", "/", "ko"),
		redirect("backslash next", "/lang/ko?next=/\\evil.example", "/", "ko"),
		{name: "unknown language", url: "/lang/fr?next=/", wantStatus: 404, want: []string{"Page not found"},
			wantHeaderIs: map[string]string{"Location": ""}, wantCookie: map[string]string{"lang": ""}},
	})
}

func TestAssetsAreHashedAndCached(t *testing.T) {
	s := newTestServer(t)
	page := newClient(t, s).do("GET", "/", "", nil, nil).body
	m := regexp.MustCompile(`href="(/assets/css/app\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no hashed app.css link in the page")
	}
	r := newClient(t, s).do("GET", m[1], "", nil, nil)
	if r.status != 200 || !strings.Contains(r.body, ".badge") {
		t.Fatalf("GET %s: %d", m[1], r.status)
	}
	if got := r.header.Get("Cache-Control"); !strings.Contains(got, "max-age=31536000") || !strings.Contains(got, "immutable") {
		t.Errorf("Cache-Control = %q", got)
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Errorf("Content-Type = %q", r.header.Get("Content-Type"))
	}
	if r := newClient(t, s).do("GET", "/assets/css/app.0000000000.css", "", nil, nil); r.status != 404 {
		t.Errorf("stale hash: status %d, want 404", r.status)
	}
}

func TestCompressionAndETag(t *testing.T) {
	s := newTestServer(t)
	r := newClient(t, s).do("GET", "/guides/career-path", "", nil, map[string]string{"Accept-Encoding": "gzip"})
	if r.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("Content-Encoding = %q, want gzip", r.header.Get("Content-Encoding"))
	}
	if !strings.Contains(r.body, "<h1>") {
		t.Errorf("decompressed body is not the page")
	}
	etag := r.header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	r = newClient(t, s).do("GET", "/guides/career-path", "", nil, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag})
	if r.status != http.StatusNotModified {
		t.Errorf("conditional GET: status %d, want 304", r.status)
	}
}

func TestPanicShowsErrorPage(t *testing.T) {
	s := newTestServer(t)
	var logged bytes.Buffer
	s.log = slog.New(slog.NewTextHandler(&logged, nil))
	s.App().Get("/boom", func(c *fiber.Ctx) error { panic("kaboom") })
	s.App().Get("/api/v1/boom", func(c *fiber.Ctx) error { panic("kaboom") })
	runScenarios(t, s, []scenario{
		{name: "page", url: "/boom", wantStatus: 500, want: []string{"Something went wrong", "Request id"}, notWant: []string{"kaboom", "goroutine"}},
		{name: "api", url: "/api/v1/boom", wantStatus: 500, want: []string{`{"error":"internal server error"}`}, notWant: []string{"kaboom"}},
	})
	// The log keeps what the page hides: the value and where it panicked.
	if log := logged.String(); !strings.Contains(log, "kaboom") || !strings.Contains(log, "TestPanicShowsErrorPage") {
		t.Errorf("the panic log lacks the value or the stack: %.600s", log)
	}
	// The server keeps serving after a panic.
	if r := newClient(t, s).do("GET", "/healthz", "", nil, nil); r.status != 200 || r.body != "ok" {
		t.Errorf("healthz after panic: %d %q", r.status, r.body)
	}
}

// Text from the request and from content is escaped, never run. Each
// value goes in where a page shows it again: a form re-rendered after an
// error, a name in the header, a cohort, a curriculum, a comment, the audit
// log. A row wants the escaped form at its place on the page, so it fails
// if the value is not shown at all, and it refuses the raw markup.
func TestHTMLEscaping(t *testing.T) {
	s := newTestServer(t)
	esc := template.HTMLEscapeString
	const (
		loginEmail  = `"><script>alert('login')</script>`
		signupEmail = `"><img src=x onerror=alert('signup-email')>`
		signupName  = `<script>alert('signup-name')</script>`
		name        = `<script>alert('name')</script>`
		cohortName  = `<script>alert('cohort')</script>`
		curTitle    = `<img src=x onerror=alert('curriculum')>`
		comment     = `<script>alert('comment')</script>`
	)
	makeUser(t, s, "mentor@example.com", store.RoleMentor)
	makeUser(t, s, "root@example.com", store.RoleAdmin)
	mentor, admin := login(t, s, "mentor@example.com"), login(t, s, "root@example.com")
	learner := newClient(t, s)
	if r := learner.json("POST", "/api/v1/auth/signup", map[string]string{"email": "ian@example.com", "password": "correct horse battery", "display_name": name}, nil); r.status != 201 {
		t.Fatalf("signup: %d %s", r.status, r.body)
	}
	ltok := learner.json("POST", "/api/v1/auth/login", map[string]string{"email": "ian@example.com", "password": "correct horse battery"}, nil).json(t)["token"].(string)
	r := mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": cohortName})
	if r.status != 201 {
		t.Fatalf("cohort: %d %s", r.status, r.body)
	}
	co, code := int64(r.json(t)["id"].(float64)), r.json(t)["join_code"].(string)
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "ian@example.com"}); r.status != 201 {
		t.Fatalf("add member: %d %s", r.status, r.body)
	}
	r = mentor.call("POST", "/api/v1/curricula", map[string]any{"title": curTitle, "items": []map[string]string{{"kind": "lab", "ref": "customers-without-orders"}}})
	if r.status != 201 {
		t.Fatalf("curriculum: %d %s", r.status, r.body)
	}
	cur := int64(r.json(t)["id"].(float64))
	r = learner.json("POST", "/api/v1/labs/customers-without-orders/submissions", map[string]string{"sql": s.labs.Lab("customers-without-orders").Solution}, bearer(ltok))
	if r.status != 201 {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}
	sub := int64(r.json(t)["id"].(float64))
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/submissions/%d/comments", sub), map[string]string{"body": comment}); r.status != 201 {
		t.Fatalf("comment: %d %s", r.status, r.body)
	}
	anon := newClient(t, s)
	csrf := anon.csrf()
	lid := learner.json("GET", "/api/v1/me", nil, nil).json(t)["id"].(float64)
	runScenarios(t, s, []scenario{
		{name: "email kept in the login form", client: anon, method: "POST", url: "/login", body: url.Values{"_csrf": {csrf}, "email": {loginEmail}, "password": {"wrong password!"}},
			wantStatus: 401, want: []string{`value="` + esc(loginEmail) + `"`}, notWant: []string{loginEmail}},
		{name: "values kept in the signup form", client: anon, method: "POST", url: "/signup", body: url.Values{"_csrf": {csrf}, "email": {signupEmail}, "display_name": {signupName}, "password": {"short"}},
			wantStatus: 422, want: []string{`value="` + esc(signupEmail) + `"`, `value="` + esc(signupName) + `"`}, notWant: []string{signupEmail, signupName}},
		{name: "display name in the header", client: learner, url: "/", wantStatus: 200,
			want: []string{`data-testid="account-link">` + esc(name) + `</a>`}, notWant: []string{name}},
		{name: "display name in the account form", client: learner, url: "/account", wantStatus: 200,
			want: []string{`value="` + esc(name) + `"`}, notWant: []string{name}},
		{name: "cohort name on the join page", client: learner, url: "/join/" + code, wantStatus: 200,
			want: []string{"<h1>Join " + esc(cohortName) + "</h1>"}, notWant: []string{cohortName}},
		{name: "comment beside the attempt", client: learner, url: "/labs/customers-without-orders", wantStatus: 200,
			want: []string{": " + esc(comment) + "</blockquote>"}, notWant: []string{comment}},
		{name: "comment on the dashboard", client: learner, url: "/me", wantStatus: 200,
			want: []string{" · " + esc(comment) + "</li>"}, notWant: []string{comment}},
		{name: "cohort and curriculum on the mentor page", url: "/mentor", headers: mentor.auth(), wantStatus: 200,
			want:    []string{fmt.Sprintf(`<a href="/mentor/cohorts/%d">%s</a>`, co, esc(cohortName)), fmt.Sprintf(`<a href="/mentor/curricula/%d">%s</a>`, cur, esc(curTitle))},
			notWant: []string{cohortName, curTitle}},
		{name: "cohort page", url: fmt.Sprintf("/mentor/cohorts/%d", co), headers: mentor.auth(), wantStatus: 200,
			want:    []string{"<h1>" + esc(cohortName) + "</h1>", fmt.Sprintf(`<a href="/mentor/learners/%d">%s</a>`, int64(lid), esc(name)), fmt.Sprintf(`<option value="%d">%s</option>`, cur, esc(curTitle))},
			notWant: []string{cohortName, name, curTitle}},
		{name: "curriculum page", url: fmt.Sprintf("/mentor/curricula/%d", cur), headers: mentor.auth(), wantStatus: 200,
			want: []string{"<h1>" + esc(curTitle) + "</h1>", `value="` + esc(curTitle) + `"`}, notWant: []string{curTitle}},
		{name: "learner page", url: fmt.Sprintf("/mentor/learners/%d", int64(lid)), headers: mentor.auth(), wantStatus: 200,
			want:    []string{"<title>" + esc(name) + " · Ladder</title>", "<h1>" + esc(name) + "</h1>", ": " + esc(comment) + "</blockquote>"},
			notWant: []string{name, comment}},
		{name: "failed login email in the audit log", url: "/admin/audit", headers: admin.auth(), wantStatus: 200,
			want: []string{"<td>login_failed</td><td>" + esc(loginEmail) + "</td>"}, notWant: []string{loginEmail}},
	})

	// A guide whose front matter and body try to inject markup.
	dir := t.TempDir()
	fw, err := fs.ReadFile(content.Files, "competencies.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("competencies.yaml", string(fw))
	for _, lang := range []string{"en", "ko"} {
		slug := "evil"
		if lang == "ko" {
			slug = "evil-ko"
		}
		write("guides/"+lang+"/"+slug+".quiz.yaml", testQuiz)
		write("guides/"+lang+"/"+slug+".md", `---
title: "<script>alert('title')</script>"
summary: "<img src=x onerror=alert(1)>"
track: career
level: junior
competencies: [sql-querying]
lang: `+lang+`
translation_key: evil
order: 1
estimated_minutes: 1
---
## Section <script>alert('h')</script>

<script>alert('body')</script>
`)
	}
	evil := newTestServerWith(t, os.DirFS(dir))
	runScenarios(t, evil, []scenario{
		{name: "guide", url: "/guides/evil", wantStatus: 200,
			want:    []string{"&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"},
			notWant: []string{"<script>alert", "<img src=x"}},
		{name: "list", url: "/guides", wantStatus: 200,
			want:    []string{`<a href="/guides/evil">&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</a>`, "<p>&lt;img src=x onerror=alert(1)&gt;</p>"},
			notWant: []string{"<script>alert", "<img src=x"}},
	})
}

// testQuiz is a valid quiz for guides that tests write.
const testQuiz = `pass: 0.75
questions:
  - {id: q1, text: "One?", choices: ["a", "b"], answer: [0], explain: "a"}
  - {id: q2, text: "Two?", choices: ["a", "b"], answer: [1], explain: "b"}
  - {id: q3, text: "Three?", choices: ["a", "b"], answer: [0], explain: "a"}
  - {id: q4, text: "Four?", choices: ["a", "b"], answer: [1], explain: "b"}
`

// storeWithClock gives a test server a store on the given clock, the one
// clock the whole portal reads.
func storeWithClock(t testing.TB, now func() time.Time) func(*Options) {
	return func(o *Options) {
		st, err := store.Open(context.Background(), t.TempDir(), store.Options{Now: now})
		if err != nil {
			t.Fatalf("store.Open: %v", err)
		}
		t.Cleanup(func() { st.Close() })
		o.Store = st
	}
}

func TestInlineCode(t *testing.T) {
	for in, want := range map[string]string{
		"join `orders` to `customers`": "join <code>orders</code> to <code>customers</code>",
		"<b>`<i>`</b>":                 "&lt;b&gt;<code>&lt;i&gt;</code>&lt;/b&gt;",
		"one ` backtick":               "one ` backtick",
	} {
		if got := string(inlineCode(in)); got != want {
			t.Errorf("inlineCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// A database that does not answer within the store's deadline gets 503
// with Retry-After, not a 500: here another connection holds SQLite's
// write lock longer than the store waits.
func TestSlowDatabaseAnswers503(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(context.Background(), dir, store.Options{Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	s := newServerFor(t, content.Files, testPool(t), func(o *Options) { o.Store = st })
	holder, err := sql.Open("sqlite", filepath.Join(dir, store.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	c := newClient(t, s)
	r := c.json("POST", "/api/v1/auth/signup", map[string]string{"email": "slow@example.com", "password": "correct horse battery", "display_name": "Slow"}, nil)
	if r.status != 503 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "the database is busy") {
		t.Fatalf("signup while the database is locked: %d %q %s", r.status, r.header.Get("Retry-After"), r.body)
	}
}
