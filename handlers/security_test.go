package handlers

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"ladder/content"
	"ladder/store"
)

// newLenientServer is a test server whose login and signup limit per
// address is out of the way: app.Test sends every request from one address.
func newLenientServer(t *testing.T) *Server {
	t.Helper()
	return newServerFor(t, content.Files, testPool(t), func(o *Options) { o.Limits.AuthPerIP = 10000 })
}

// noInjectedHeaders fails when a response carries a header that a hostile
// redirect target tried to add.
func noInjectedHeaders(t *testing.T, where string, h http.Header) {
	t.Helper()
	if v := h.Values("X-Injected"); len(v) > 0 {
		t.Errorf("%s: injected header X-Injected: %q", where, v)
	}
	for _, v := range h.Values("Set-Cookie") {
		if strings.Contains(v, "injected") {
			t.Errorf("%s: injected Set-Cookie %q", where, v)
		}
	}
	loc := h.Get("Location")
	for _, r := range loc {
		if unicode.IsControl(r) || r == '\\' || r == ' ' {
			t.Errorf("%s: Location %q holds %q", where, loc, r)
		}
	}
	if strings.HasPrefix(loc, "//") || strings.Contains(loc, "://") {
		t.Errorf("%s: Location %q leaves the site", where, loc)
	}
}

// Every redirect target that comes from the request stays a path on this
// site, and nothing in it reaches the response headers as they are.
func TestRedirectTargetsStayOnSite(t *testing.T) {
	s := newLenientServer(t)
	makeUser(t, s, "target@example.com", store.RoleLearner)
	tests := []struct {
		name, next string
		want       string // the Location header
	}{
		{"plain path", "/career", "/career"},
		{"path with query and fragment", "/labs?level=junior&kind=query#top", "/labs?level=junior&kind=query#top"},
		{"space is re-encoded", "/guides/a b?q=c d", "/guides/a%20b?q=c%20d"},
		{"non-ASCII is re-encoded", "/guides/한글", "/guides/%ED%95%9C%EA%B8%80"},
		{"quote in query is encoded", `/x?a="<b>`, "/x?a=%22%3Cb%3E"},
		{"CRLF adds a cookie", "/\r\nSet-Cookie: ladder_session=injected; Path=/", "/"},
		{"LF alone", "/\nX-Injected: 1", "/"},
		{"CR alone", "/x\rX-Injected: 1", "/"},
		{"CRLF in the query", "/labs?x=1\r\nX-Injected: 1", "/"},
		{"TAB before a second slash", "/\t/evil.example/x", "/"},
		{"NUL", "/\x00/evil.example", "/"},
		{"DEL", "/\x7f/evil.example", "/"},
		{"C1 control NEL", "/\u0085/evil.example", "/"},
		{"line separator", "/\u2028/evil.example", "/"},
		{"right-to-left override", "/\u202eelpmaxe.live", "/"},
		{"protocol-relative", "//evil.example/x", "/"},
		{"three slashes", "///evil.example", "/"},
		{"slash backslash", "/\\evil.example", "/"},
		{"backslash later", "/x\\..\\evil", "/"},
		{"scheme", "https://evil.example/", "/"},
		{"javascript", "javascript:alert(1)", "/"},
		{"relative", "evil.example", "/"},
		{"leading space", " /career", "/"},
		{"empty", "", "/"},
		{"invalid UTF-8", "/\xff/x", "/"},
		{"encoded slash becomes two", "/%2F/evil.example", "/"},
		{"bad escape", "/%zz", "/"},
		{"encoded CRLF stays encoded", "/%0D%0AX-Injected:%201", "/%0D%0AX-Injected:%201"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := url.QueryEscape(tt.next)
			redirect := func(name string, c *client, method, path string, form url.Values, want string) scenario {
				return scenario{name: name, client: c, method: method, url: path, body: form, wantStatus: 303,
					wantHeaderIs: map[string]string{"Location": want},
					after:        func(t *testing.T, r reply) { noInjectedHeaders(t, name, r.header) }}
			}
			// A refused next is no return page: the login form carries
			// none, and a learner signing in lands on their progress.
			loginNext, loginWant := tt.want, tt.want
			if tt.want == "/" {
				loginNext, loginWant = "", "/me"
			}
			login, signup := newClient(t, s), newClient(t, s)
			ltok, stok := login.csrf(), signup.csrf()
			runScenarios(t, s, []scenario{
				redirect("GET /lang/en", nil, "GET", "/lang/en?next="+q, nil, tt.want),
				{name: "GET /login", client: login, url: "/login?next=" + q, wantStatus: 200,
					want: []string{`<input type="hidden" name="next" value="` + template.HTMLEscapeString(loginNext) + `">`}},
				redirect("POST /login", login, "POST", "/login", url.Values{"_csrf": {ltok}, "email": {"target@example.com"}, "password": {"correct horse battery"}, "next": {tt.next}}, loginWant),
				redirect("POST /signup", signup, "POST", "/signup", url.Values{"_csrf": {stok}, "email": {fmt.Sprintf("new%d@example.com", i)}, "password": {"correct horse battery"}, "next": {tt.next}}, tt.want),
			})
		})
	}

	// The login page puts only the cleaned value in its form: none, for
	// the login page, which then sends each role to its home.
	for p, want := range map[string]string{"/login": `name="next" value=""`, "/signup": `name="next" value="/"`} {
		page := newClient(t, s).do("GET", p+"?next="+url.QueryEscape("//evil.example"), "", nil, nil)
		if !strings.Contains(page.body, want) {
			t.Errorf("%s does not put the cleaned next into its form", p)
		}
	}

	// The admin role form's page field is a page number and nothing else.
	makeUser(t, s, "root@example.com", store.RoleAdmin)
	admin := login(t, s, "root@example.com")
	target, err := s.store.UserByEmail(context.Background(), "target@example.com")
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/admin/users?done=%d&page=", target.ID)
	var roleForms []scenario
	for _, tt := range []struct{ page, want string }{
		{"2", base + "2"},
		{"", base + "1"},
		{"1\r\nSet-Cookie: ladder_session=injected; Path=/", base + "1"},
		{"1\r\nX-Injected: 1", base + "1"},
		{"//evil.example", base + "1"},
		{"2#x", base + "1"},
		{"-3", base + "1"},
	} {
		roleForms = append(roleForms, scenario{name: fmt.Sprintf("role form with page %q", tt.page), method: "POST", url: fmt.Sprintf("/admin/users/%d/role", target.ID),
			body: url.Values{"role": {"learner"}, "page": {tt.page}}, headers: admin.auth(),
			wantStatus: 303, wantHeaderIs: map[string]string{"Location": tt.want},
			after: func(t *testing.T, r reply) { noInjectedHeaders(t, "POST /admin/users/:id/role", r.header) }})
	}
	runScenarios(t, s, roleForms)
}

// Only learners are cohort members, whichever way they would come in, and
// a member whose role changes gives the mentor no access.
func TestCohortMembersAreLearners(t *testing.T) {
	s := newTestServer(t)
	mentor, other, learner, _, admin := mentoringWorld(t, s)
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Mine"}).json(t)["id"].(float64))
	members := fmt.Sprintf("/api/v1/cohorts/%d/members", co)

	// The API: one answer for unknown, mentor and admin emails; the page
	// form: the same status, and the same message, translated.
	noLearner := apiError("no learner with this email")
	page := fmt.Sprintf("/mentor/cohorts/%d/members", co)
	pageForm := func(lang, email, want string) scenario {
		h := mentor.auth()
		h["Cookie"] = "lang=" + lang
		return scenario{name: fmt.Sprintf("page form adds %s (%s)", email, lang), method: "POST", url: page, headers: h, body: url.Values{"email": {email}},
			// The page answered in place keeps its filter form on the cohort page.
			wantStatus: 422, want: []string{want, fmt.Sprintf(`action="/mentor/cohorts/%d"`, co)}}
	}
	runScenarios(t, s, []scenario{
		{name: "add an unknown email", method: "POST", url: members, headers: mentor.auth(), body: map[string]string{"email": "ghost@example.com"}, wantStatus: 422, wantBody: noLearner},
		{name: "add a mentor", method: "POST", url: members, headers: mentor.auth(), body: map[string]string{"email": "other@example.com"}, wantStatus: 422, wantBody: noLearner},
		{name: "add an admin", method: "POST", url: members, headers: mentor.auth(), body: map[string]string{"email": "ADMIN@example.com"}, wantStatus: 422, wantBody: noLearner},
		{name: "add oneself", method: "POST", url: members, headers: mentor.auth(), body: map[string]string{"email": "mentor@example.com"}, wantStatus: 422, wantBody: noLearner},
		{name: "an admin adds a mentor", method: "POST", url: members, headers: admin.auth(), body: map[string]string{"email": "other@example.com"}, wantStatus: 422, wantBody: noLearner},
		{name: "add a learner", method: "POST", url: members, headers: mentor.auth(), body: map[string]string{"email": "learner@example.com"}, wantStatus: 201,
			want: []string{fmt.Sprintf(`"user_id":%d`, learner.id)}},
		pageForm("en", "other@example.com", "No learner with this email."),
		pageForm("en", "ghost@example.com", "No learner with this email."),
		pageForm("ko", "admin@example.com", "이 이메일을 쓰는 학습자가 없습니다."),
	})
	if got, err := s.store.Members(context.Background(), co); err != nil || len(got) != 1 || got[0].ID != learner.id {
		t.Fatalf("members after refused adds: %v %v, want only the learner", got, err)
	}

	// Joining by code: learners only.
	code := mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Open"}).json(t)["join_code"].(string)
	var joins []scenario
	for _, who := range []actor{other, admin, mentor} {
		joins = append(joins,
			scenario{name: fmt.Sprintf("user %d joins by code", who.id), method: "POST", url: "/api/v1/cohorts/join", headers: who.auth(), body: map[string]string{"code": code},
				wantStatus: 403, wantBody: apiError("only learners can join a cohort")},
			scenario{name: fmt.Sprintf("user %d joins by form", who.id), method: "POST", url: "/me/join", headers: who.auth(), body: url.Values{"code": {code}},
				wantStatus: 303, wantHeaderIs: map[string]string{"Location": "/me?join=not_learner#cohorts"}},
			scenario{name: fmt.Sprintf("user %d opens the join link", who.id), url: "/join/" + code, headers: who.auth(),
				wantStatus: 200, want: []string{"Only learners join cohorts"}, notWant: []string{`action="/me/join"`}})
	}
	joins = append(joins, scenario{name: "a learner joins by code", method: "POST", url: "/api/v1/cohorts/join", headers: learner.auth(), body: map[string]string{"code": code},
		wantStatus: 201, want: []string{`"name":"Open"`}})
	runScenarios(t, s, joins)

	// A member made mentor no longer opens their work to the cohort's mentor.
	lab := s.labs.Lab("customers-without-orders")
	sub := int64(learner.call("POST", "/api/v1/labs/customers-without-orders/submissions", map[string]string{"sql": lab.Solution}).json(t)["id"].(float64))
	spath := fmt.Sprintf("/api/v1/submissions/%d", sub)
	if r := mentor.call("GET", spath, nil); r.status != 200 {
		t.Fatalf("mentor reads a learner's submission: %d", r.status)
	}
	if r := admin.call("PUT", fmt.Sprintf("/api/v1/users/%d/role", learner.id), map[string]string{"role": "mentor"}); r.status != 200 {
		t.Fatalf("promote: %d %s", r.status, r.body)
	}
	body := map[string]string{"body": "hi", "competency": "collaboration", "level": "mid"}
	runScenarios(t, s, []scenario{
		{name: "read the submission after the member became a mentor", url: spath, headers: mentor.auth(), wantStatus: 404, wantBody: apiError("not found")},
		{name: "comment after the member became a mentor", method: "POST", url: spath + "/comments", headers: mentor.auth(), body: body, wantStatus: 404, wantBody: apiError("not found")},
		{name: "endorse after the member became a mentor", method: "POST", url: fmt.Sprintf("/api/v1/users/%d/endorsements", learner.id), headers: mentor.auth(), body: body, wantStatus: 404, wantBody: apiError("not found")},
		{name: "learner page after promotion", url: fmt.Sprintf("/mentor/learners/%d", learner.id), headers: mentor.auth(), wantStatus: 404, want: []string{"<h1>Page not found</h1>"}},
		{name: "the cohort no longer lists the promoted account", url: fmt.Sprintf("/api/v1/cohorts/%d/progress", co), headers: mentor.auth(), wantStatus: 200,
			want: []string{`"learners":[]`}, notWant: []string{"learner@example.com"}},
	})
	// Made a learner again, the membership counts again.
	admin.call("PUT", fmt.Sprintf("/api/v1/users/%d/role", learner.id), map[string]string{"role": "learner"})
	if r := mentor.call("GET", spath, nil); r.status != 200 {
		t.Errorf("after demotion back to learner: %d, want 200", r.status)
	}
}

// API bodies are JSON only; browser forms from other sites are refused, so
// no other site can sign a browser into an account.
func TestLoginCSRF(t *testing.T) {
	s := newLenientServer(t)
	makeUser(t, s, "eve@example.com", store.RoleLearner)
	makeUser(t, s, "root@example.com", store.RoleAdmin)
	admin := login(t, s, "root@example.com")
	creds := `{"email":"eve@example.com","password":"correct horse battery"}`
	form := url.Values{"email": {"eve@example.com"}, "password": {"correct horse battery"}}.Encode()
	var notJSON []scenario
	for _, tt := range []struct {
		name, method, path, ctype, body string
		headers                         map[string]string
	}{
		{"login as text/plain", "POST", "/api/v1/auth/login", "text/plain", creds, nil},
		{"login as text/plain with charset", "POST", "/api/v1/auth/login", "text/plain; charset=utf-8", creds, nil},
		{"login as a form", "POST", "/api/v1/auth/login", "application/x-www-form-urlencoded", form, nil},
		{"login as multipart", "POST", "/api/v1/auth/login", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\neve@example.com\r\n--x--\r\n", nil},
		{"login without a type", "POST", "/api/v1/auth/login", "", creds, nil},
		{"login with a bad type", "POST", "/api/v1/auth/login", "application/json;;", creds, nil},
		{"signup as text/plain", "POST", "/api/v1/auth/signup", "text/plain", `{"email":"mallory@example.com","password":"correct horse battery"}`, nil},
		{"role change as a form", "PUT", "/api/v1/users/1/role", "application/x-www-form-urlencoded", "role=admin", admin.auth()},
		{"cohort as text/plain", "POST", "/api/v1/cohorts", "text/plain", `{"name":"x"}`, admin.auth()},
		{"lab run as a form", "POST", "/api/v1/labs/filter-sort-orders/run", "application/x-www-form-urlencoded", "sql=SELECT+1", nil},
	} {
		notJSON = append(notJSON, scenario{name: tt.name, method: tt.method, url: tt.path, contentType: tt.ctype, body: tt.body, headers: tt.headers,
			wantStatus: 415, wantBody: apiError("the request body must be JSON, sent with Content-Type: application/json"),
			wantHeaderIs: map[string]string{"Content-Type": "application/json"}, wantCookie: map[string]string{sessionCookie: ""}})
	}
	runScenarios(t, s, notJSON)
	if _, err := s.store.UserByEmail(context.Background(), "mallory@example.com"); err == nil {
		t.Error("a text/plain signup made an account")
	}
	// JSON with parameters still works.
	if r := newClient(t, s).do("POST", "/api/v1/auth/login", "application/json; charset=utf-8", strings.NewReader(creds), nil); r.status != 200 {
		t.Errorf("JSON login with a charset: %d %s", r.status, r.body)
	}

	// The browser forms: another site is refused, this one and header-less
	// clients are not.
	var forms []scenario
	n := 0
	for _, tt := range []struct {
		name    string
		headers map[string]string
		status  int
	}{
		{"cross-site by Sec-Fetch-Site", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"same-site sibling", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"foreign Origin", map[string]string{"Origin": "https://evil.example"}, 403},
		{"Origin null", map[string]string{"Origin": "null"}, 403},
		{"base URL origin with another scheme", map[string]string{"Origin": "https://localhost:8080"}, 403},
		{"foreign Origin with same-origin fetch metadata", map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "same-origin"}, 303},
		{"same origin by Sec-Fetch-Site", map[string]string{"Sec-Fetch-Site": "same-origin"}, 303},
		{"typed by the user", map[string]string{"Sec-Fetch-Site": "none"}, 303},
		{"the base URL's origin", map[string]string{"Origin": "http://localhost:8080"}, 303},
		{"the Host's origin", map[string]string{"Origin": "http://example.com"}, 303},
		{"neither header", nil, 303},
	} {
		for _, route := range []string{"/login", "/signup"} {
			c := newClient(t, s)
			n++
			v := url.Values{"_csrf": {c.csrf()}, "email": {"eve@example.com"}, "password": {"correct horse battery"}}
			if route == "/signup" {
				v.Set("email", fmt.Sprintf("form%d@example.com", n))
			}
			sc := scenario{name: tt.name + " " + route, client: c, method: "POST", url: route, body: v, headers: tt.headers, wantStatus: tt.status}
			if tt.status == 403 {
				sc.want = []string{"sent from another site"}
				sc.wantCookie = map[string]string{sessionCookie: ""}
			} else {
				sc.wantHeaderIs = map[string]string{"Location": map[string]string{"/login": "/me", "/signup": "/"}[route]}
				sc.after = func(t *testing.T, r reply) {
					if c.cookies[sessionCookie] == "" {
						t.Error("an accepted form set no session cookie")
					}
				}
			}
			forms = append(forms, sc)
		}
	}
	runScenarios(t, s, forms)
	// The CSRF token guards these forms too.
	c := newClient(t, s)
	if r := c.form("/login", url.Values{"email": {"eve@example.com"}, "password": {"correct horse battery"}}); r.status != 403 || c.cookies[sessionCookie] != "" {
		t.Errorf("login form without a CSRF token: %d, want 403 and no session", r.status)
	}
	if r := c.form("/signup", url.Values{"email": {"nocsrf@example.com"}, "password": {"correct horse battery"}}); r.status != 403 {
		t.Errorf("signup form without a CSRF token: %d, want 403", r.status)
	}
	// Without a base URL, the Host is the site.
	s.baseURL = ""
	bare := newClient(t, s)
	tok := bare.csrf()
	v := url.Values{"_csrf": {tok}, "email": {"eve@example.com"}, "password": {"correct horse battery"}}
	if r := bare.do("POST", "/login", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()), map[string]string{"Origin": "http://example.com"}); r.status != 303 {
		t.Errorf("Origin equal to the Host without a base URL: %d, want 303", r.status)
	}
}

// /metrics keeps answering, with real method labels, after mixed traffic
// on reused connections (app.Test does not reuse fasthttp's buffers).
func TestMetricsUnderMixedTraffic(t *testing.T) {
	s := newTestServer(t)
	base := serveHTTP(t, s)
	type call struct{ method, path, body string }
	calls := []call{
		{"GET", "/healthz", ""},
		{"POST", "/api/v1/auth/login", `{"email":"nobody@example.com","password":"x"}`},
		{"PUT", "/api/v1/users/1/role", `{"role":"admin"}`},
		{"DELETE", "/api/v1/cohorts/1/members/2", ""},
		{"PATCH", "/api/v1/me", ""},
		{"OPTIONS", "/guides", ""},
		{"HEAD", "/healthz", ""},
		{"GET", "/guides?x=" + strings.Repeat("y", 100), ""},
	}
	const workers, rounds = 6, 40
	sent := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// One keep-alive connection per worker, so requests follow one
			// another on the same server-side buffers.
			cl := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1}, Timeout: 20 * time.Second}
			defer cl.CloseIdleConnections()
			for i := 0; i < rounds; i++ {
				k := calls[(i+w)%len(calls)]
				req, err := http.NewRequest(k.method, base+k.path, strings.NewReader(k.body))
				if err != nil {
					errs <- err
					return
				}
				if k.body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				resp, err := cl.Do(req)
				if err != nil {
					errs <- fmt.Errorf("%s %s: %w", k.method, k.path, err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mu.Lock()
				sent[k.method]++
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// Twice: a corrupted label set shows up as a 500 on a later scrape.
	for scrape := 0; scrape < 2; scrape++ {
		resp, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("scrape %d: /metrics %d: %.500s", scrape, resp.StatusCode, body)
		}
		counted := map[string]int{}
		line := regexp.MustCompile(`^ladder_http_requests_total\{method="([^"]*)",route="[^"]*",status="\d+"\} (\d+)$`)
		sc := bufio.NewScanner(strings.NewReader(string(body)))
		for sc.Scan() {
			if !strings.HasPrefix(sc.Text(), "ladder_http_requests_total{") {
				continue
			}
			m := line.FindStringSubmatch(sc.Text())
			if m == nil {
				t.Errorf("malformed series %q", sc.Text())
				continue
			}
			switch m[1] {
			case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS":
			default:
				t.Errorf("method label %q in %q", m[1], sc.Text())
			}
			var v int
			fmt.Sscan(m[2], &v)
			counted[m[1]] += v
		}
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"} {
			if counted[m] != sent[m] {
				t.Errorf("scrape %d: %d %s requests counted, %d sent", scrape, counted[m], m, sent[m])
			}
		}
		if counted["GET"] < sent["GET"] {
			t.Errorf("scrape %d: %d GET requests counted, at least %d sent", scrape, counted["GET"], sent["GET"])
		}
	}
}

// Every cell a user typed is guarded against formula injection in the
// cohort export, on the page route and the API route.
func TestCohortCSVFormulaGuard(t *testing.T) {
	s := newTestServer(t)
	mentor, _, _, _, _ := mentoringWorld(t, s)
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Export"}).json(t)["id"].(float64))
	people := []struct{ email, name string }{
		{"=1+1@x.io", "@SUM(1+1)"},
		{"+1-1@x.io", "-2+3"},
		{"-x@x.io", "＝1+1"},
	}
	for _, p := range people {
		c := newClient(t, s)
		r := c.json("POST", "/api/v1/auth/signup", map[string]string{"email": p.email, "password": "correct horse battery", "display_name": p.name}, nil)
		if r.status != 201 {
			t.Fatalf("signup %s: %d %s", p.email, r.status, r.body)
		}
		if r := mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": p.email}); r.status != 201 {
			t.Fatalf("add %s: %d %s", p.email, r.status, r.body)
		}
	}
	for _, path := range []string{fmt.Sprintf("/api/v1/cohorts/%d/progress.csv", co), fmt.Sprintf("/mentor/cohorts/%d/progress.csv", co)} {
		r := mentor.c.do("GET", path, "", nil, bearer(mentor.tok))
		if r.status != 200 {
			t.Fatalf("%s: %d", path, r.status)
		}
		recs, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				if cell != "" && strings.ContainsAny(cell[:1], "=+-@\t\r") || strings.HasPrefix(cell, "＝") {
					t.Errorf("%s: cell %q can run as a formula", path, cell)
				}
			}
		}
		for _, w := range []string{"'=1+1@x.io", "'@SUM(1+1)", "'+1-1@x.io", "'-2+3", "'-x@x.io", "'＝1+1"} {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s lacks the guarded cell %q:\n%s", path, w, r.body)
			}
		}
	}
}

// A self-assessment post with one valid and one invalid field is refused
// whole: 400 with the message beside the form, and nothing stored.
func TestSelfAssessmentAllOrNothing(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	_, id := signupAndLogin(t, c, "sam@example.com")
	tok := c.csrf()
	comps := s.content.Framework.Competencies
	first, second := comps[0], comps[1]
	nothingStored := func(t *testing.T, _ reply) {
		got, err := s.store.SelfAssessments(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("stored after a refused post: %v", got)
		}
	}
	refused := func(name string, form url.Values, want string) scenario {
		form.Set("_csrf", tok)
		return scenario{name: name, client: c, method: "POST", url: "/me/self-assessment", body: form,
			wantStatus: 400, want: []string{want, `data-testid="self-error"`}, after: nothingStored}
	}
	runScenarios(t, s, []scenario{
		refused("rating out of range", url.Values{"rating_" + first.ID: {"3"}, "note_" + first.ID: {"fine"}, "rating_" + second.ID: {"9"}},
			"Nothing was saved: the rating for "+second.Name.In("en")),
		refused("rating not a number", url.Values{"rating_" + first.ID: {"2"}, "rating_" + second.ID: {"two"}}, "must be a whole number from 1 to 4"),
		refused("note too long", url.Values{"rating_" + first.ID: {"2"}, "rating_" + second.ID: {"1"}, "note_" + second.ID: {strings.Repeat("é", 501)}}, "longer than 500 characters"),
	})
	// A valid post saves every field.
	r := c.form("/me/self-assessment", url.Values{"_csrf": {tok}, "rating_" + first.ID: {"3"}, "rating_" + second.ID: {"2"}, "note_" + second.ID: {"ok"}})
	if r.status != 303 {
		t.Fatalf("valid post: %d", r.status)
	}
	got, _ := s.store.SelfAssessments(context.Background(), id)
	if got[first.ID].Rating != 3 || got[second.ID].Rating != 2 || got[second.ID].Note != "ok" {
		t.Errorf("stored %v", got)
	}
}
