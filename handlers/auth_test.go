package handlers

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"ladder/domain"
	"ladder/store"
)

func signupAndLogin(t *testing.T, c *client, email string) (token string, id int64) {
	t.Helper()
	r := c.json("POST", "/api/v1/auth/signup", map[string]string{"email": email, "password": "correct horse battery", "display_name": "Test"}, nil)
	if r.status != 201 {
		t.Fatalf("signup %s: %d %s", email, r.status, r.body)
	}
	id = int64(r.json(t)["user"].(map[string]any)["id"].(float64))
	r = c.json("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": "correct horse battery"}, nil)
	if r.status != 200 {
		t.Fatalf("login %s: %d %s", email, r.status, r.body)
	}
	return r.json(t)["token"].(string), id
}

func makeUser(t testing.TB, s *Server, email, role string) {
	t.Helper()
	hash, err := domain.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.CreateUser(context.Background(), store.User{Email: email, PasswordHash: hash, DisplayName: role, Role: role}, store.AuditUserCreated, "test"); err != nil {
		t.Fatal(err)
	}
}

func TestAuthAPIScenarios(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	unauthorized := apiError("authentication required: missing, expired or revoked token")
	tests := []scenario{
		{name: "signup", method: "POST", url: "/api/v1/auth/signup", body: map[string]string{"email": "Ada@Example.com", "password": "correct horse battery", "display_name": "Ada"}, wantStatus: 201,
			want: []string{`"user":{`, `"email":"ada@example.com"`, `"role":"learner"`, `"display_name":"Ada"`, `"id":`}},
		{name: "duplicate email", method: "POST", url: "/api/v1/auth/signup", body: map[string]string{"email": "ada@example.com", "password": "another long password"}, wantStatus: 409,
			wantBody: apiError("an account with this email already exists")},
		{name: "short password", method: "POST", url: "/api/v1/auth/signup", body: map[string]string{"email": "bob@example.com", "password": "short"}, wantStatus: 400,
			wantBody: apiError("password: The password must have at least 10 characters.")},
		{name: "bad email", method: "POST", url: "/api/v1/auth/signup", body: map[string]string{"email": "not-an-email", "password": "correct horse battery"}, wantStatus: 400,
			wantBody: apiError("email: Enter a valid email address, like name@example.com.")},
		{name: "malformed json", method: "POST", url: "/api/v1/auth/signup", body: `{"email": `, contentType: "application/json", wantStatus: 400,
			want: []string{`{"error":"the request body is not valid JSON: `}},
		{name: "empty body", method: "POST", url: "/api/v1/auth/login", body: ``, contentType: "application/json", wantStatus: 400,
			wantBody: apiError("the request body must be a JSON object")},
		{name: "login missing fields", method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "ada@example.com"}, wantStatus: 400,
			wantBody: apiError("email and password are required")},
		{name: "wrong password", method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "ada@example.com", "password": "wrong password!"}, wantStatus: 401,
			wantBody: apiError("wrong email or password")},
		{name: "unknown email, same answer", method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "nobody@example.com", "password": "wrong password!"}, wantStatus: 401,
			wantBody: apiError("wrong email or password")},
		{name: "login", method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "ADA@example.com", "password": "correct horse battery"}, wantStatus: 200,
			want: []string{`"token":"`, `"expires_at":"`, `"user":{`, `"email":"ada@example.com"`}},
		{name: "me without token", url: "/api/v1/me", wantStatus: 401, wantBody: unauthorized},
		{name: "logout without token", method: "POST", url: "/api/v1/auth/logout", wantStatus: 401, wantBody: unauthorized},
		{name: "garbage bearer", url: "/api/v1/me", headers: bearer("not.a.jwt"), wantStatus: 401, wantBody: unauthorized},
	}
	for i := range tests {
		// Every answer here is JSON, and none leaks a password hash.
		tests[i].wantHeaderIs = map[string]string{"Content-Type": "application/json"}
		tests[i].notWant = append(tests[i].notWant, "password_hash", "$2a$")
	}
	runScenarios(t, s, tests)

	// The login sets an HttpOnly, SameSite=Lax session cookie.
	r := c.json("POST", "/api/v1/auth/login", map[string]string{"email": "ada@example.com", "password": "correct horse battery"}, nil)
	var sessionHeader string
	for _, v := range r.header.Values("Set-Cookie") {
		if strings.HasPrefix(v, sessionCookie+"=") {
			sessionHeader = v
		}
	}
	if !strings.Contains(sessionHeader, "HttpOnly") || !strings.Contains(sessionHeader, "SameSite=Lax") || strings.Contains(sessionHeader, "Secure") {
		t.Errorf("session cookie = %q, want HttpOnly, SameSite=Lax and (on http) not Secure", sessionHeader)
	}
	tok := r.json(t)["token"].(string)
	runScenarios(t, s, []scenario{
		{name: "me with bearer", url: "/api/v1/me", headers: bearer(tok), wantStatus: 200, want: []string{`"email":"ada@example.com"`}},
		{name: "me with cookie", client: c, url: "/api/v1/me", wantStatus: 200, want: []string{`"email":"ada@example.com"`}},
		// Logout with the bearer token revokes it server-side.
		{name: "logout", method: "POST", url: "/api/v1/auth/logout", headers: bearer(tok), wantStatus: 204, wantEmpty: true},
		{name: "me after logout", url: "/api/v1/me", headers: bearer(tok), wantStatus: 401,
			wantBody: apiError("authentication required: missing, expired or revoked token")},
	})
}

func TestTokenValidation(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	good, id := signupAndLogin(t, c, "eve@example.com")
	parsed, err := s.parseToken(good)
	if err != nil {
		t.Fatal(err)
	}
	sign := func(method jwt.SigningMethod, key any, mutate func(*claims)) string {
		cl := *parsed
		if mutate != nil {
			mutate(&cl)
		}
		tok, err := jwt.NewWithClaims(method, cl).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	parts := strings.Split(good, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	tampered := parts[0] + "." + base64.RawURLEncoding.EncodeToString(bytes.Replace(payload, []byte(fmt.Sprintf(`"sub":"%d"`, id)), []byte(fmt.Sprintf(`"sub":"%d"`, id+1)), 1)) + "." + parts[2]
	noneTok := sign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, nil)
	tokens := []struct {
		name string
		tok  string
	}{
		{"expired", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) {
			c.IssuedAt = jwt.NewNumericDate(time.Now().Add(-48 * time.Hour))
			c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-time.Hour))
		})},
		{"alg none", noneTok},
		{"alg none without signature", strings.TrimSuffix(noneTok, ".") + "."},
		{"wrongly signed", sign(jwt.SigningMethodHS256, []byte("another-key-with-at-least-32-bytes!"), nil)},
		{"HS512 with our key", sign(jwt.SigningMethodHS512, s.jwtKey, nil)},
		{"tampered claims", tampered},
		{"wrong audience", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) { c.Audience = jwt.ClaimStrings{"elsewhere"} })},
		{"wrong issuer", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) { c.Issuer = "someone" })},
		{"no expiry", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) { c.ExpiresAt = nil })},
		{"issued in the future", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) { c.IssuedAt = jwt.NewNumericDate(time.Now().Add(time.Hour)) })},
		{"unknown session", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) { c.ID = "no-such-session" })},
		{"other subject", sign(jwt.SigningMethodHS256, s.jwtKey, func(c *claims) { c.Subject = "999" })},
	}
	var tests []scenario
	for _, tt := range tokens {
		tests = append(tests, scenario{name: tt.name, url: "/api/v1/me", headers: bearer(tt.tok),
			wantStatus: 401, wantBody: apiError("authentication required: missing, expired or revoked token")})
	}
	tests = append(tests, scenario{name: "the untouched token", url: "/api/v1/me", headers: bearer(good),
		wantStatus: 200, want: []string{fmt.Sprintf(`"id":%d,"email":"eve@example.com"`, id)}})
	runScenarios(t, s, tests)
}

func TestCSRFOnCookieWrites(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	signupAndLogin(t, c, "carol@example.com") // c now holds the session cookie
	refused := apiError("missing or invalid CSRF token: reload the page and try again")
	runScenarios(t, s, []scenario{
		{name: "cookie logout without CSRF", client: c, method: "POST", url: "/api/v1/auth/logout", wantStatus: 403, wantBody: refused},
		{name: "cookie logout with a forged token", client: c, method: "POST", url: "/api/v1/auth/logout", headers: map[string]string{csrfHeader: "forged"}, wantStatus: 403, wantBody: refused},
		{name: "form post without CSRF", client: c, method: "POST", url: "/account/name", body: url.Values{"display_name": {"Mallory"}}, wantStatus: 403,
			want: []string{"missing or invalid CSRF token"}},
		{name: "the refused posts changed nothing", client: c, url: "/api/v1/me", wantStatus: 200, want: []string{`"display_name":"Test"`}},
	})
	tok := c.csrf()
	runScenarios(t, s, []scenario{
		{name: "cookie logout with CSRF", client: c, method: "POST", url: "/api/v1/auth/logout", headers: map[string]string{csrfHeader: tok}, wantStatus: 204, wantEmpty: true},
	})
}

func TestLoginBruteForce(t *testing.T) {
	s := newTestServer(t)
	signupAndLogin(t, newClient(t, s), "dave@example.com")
	c := newClient(t, s)
	var last reply
	for i := 0; i < 6; i++ {
		c.ip = fmt.Sprintf("10.0.0.%d", i+1) // different addresses: the per-account limit must still hold
		last = c.json("POST", "/api/v1/auth/login", map[string]string{"email": "dave@example.com", "password": "guess number " + fmt.Sprint(i)}, nil)
	}
	if last.status != 429 || last.header.Get("Retry-After") == "" {
		t.Fatalf("6th failed login: %d (Retry-After %q), want 429 with Retry-After", last.status, last.header.Get("Retry-After"))
	}
	// Per address: many signups from one address are throttled too.
	c.ip = "10.9.9.9"
	var status int
	for i := 0; i < 40 && status != 429; i++ {
		status = c.json("POST", "/api/v1/auth/signup", map[string]string{"email": fmt.Sprintf("bulk%d@example.com", i), "password": "x"}, nil).status
	}
	if status != 429 {
		t.Fatalf("signups from one address were never throttled")
	}
}

func TestRolesAndAudit(t *testing.T) {
	s := newTestServer(t)
	makeUser(t, s, "root@example.com", store.RoleAdmin)
	learner := newClient(t, s)
	ltok, lid := signupAndLogin(t, learner, "lea@example.com")
	admin := newClient(t, s)
	r := admin.json("POST", "/api/v1/auth/login", map[string]string{"email": "root@example.com", "password": "correct horse battery"}, nil)
	atok := r.json(t)["token"].(string)
	path := fmt.Sprintf("/api/v1/users/%d/role", lid)
	runScenarios(t, s, []scenario{
		{name: "learner calls an admin route", method: "PUT", url: path, headers: bearer(ltok), body: map[string]string{"role": "admin"},
			wantStatus: 403, wantBody: apiError("your role does not allow this")},
		{name: "anonymous", method: "PUT", url: path, body: map[string]string{"role": "admin"},
			wantStatus: 401, wantBody: apiError("authentication required: missing, expired or revoked token")},
		{name: "invalid role", method: "PUT", url: path, headers: bearer(atok), body: map[string]string{"role": "king"},
			wantStatus: 400, wantBody: apiError("role must be learner, mentor or admin")},
		{name: "unknown user", method: "PUT", url: "/api/v1/users/9999/role", headers: bearer(atok), body: map[string]string{"role": "mentor"},
			wantStatus: 404, wantBody: apiError("not found")},
		{name: "bad id", method: "PUT", url: "/api/v1/users/abc/role", headers: bearer(atok), body: map[string]string{"role": "mentor"},
			wantStatus: 404, wantBody: apiError("not found")},
		{name: "admin promotes", method: "PUT", url: path, headers: bearer(atok), body: map[string]string{"role": "mentor"},
			wantStatus: 200, want: []string{fmt.Sprintf(`"id":%d`, lid), `"email":"lea@example.com"`, `"role":"mentor"`}},
	})
	// The learner's role changed for their next request.
	if me := newClient(t, s).json("GET", "/api/v1/me", nil, bearer(ltok)); !strings.Contains(me.body, `"role":"mentor"`) {
		t.Errorf("me after promotion: %s", me.body)
	}
	newClient(t, s).json("POST", "/api/v1/auth/login", map[string]string{"email": "lea@example.com", "password": "not the password"}, nil)
	// Admins see the audit log, newest first, one row an event; learners do
	// not. Whole cells are compared: "login" is a part of "login_failed".
	page := admin.do("GET", "/admin/audit", "", nil, nil)
	if page.status != 200 {
		t.Fatalf("audit page: %d", page.status)
	}
	type row struct{ action, email, detail string }
	var got []row
	for _, m := range regexp.MustCompile(`<tr><td><time[^>]*>[^<]*</time></td><td>([^<]*)</td><td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td></tr>`).FindAllStringSubmatch(page.body, -1) {
		got = append(got, row{m[1], m[2], m[3]})
	}
	want := []row{
		{"login_failed", "lea@example.com", ""},
		{"role_change", "lea@example.com", "learner -&gt; mentor"},
		{"login", "root@example.com", ""},
		{"login", "lea@example.com", ""},
		{"signup", "lea@example.com", "role learner"},
		{"user_created", "root@example.com", "role admin"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit rows:\n got %q\nwant %q", got, want)
	}
	if r := learner.do("GET", "/admin/audit", "", nil, nil); r.status != 403 {
		t.Errorf("mentor opening the audit log: %d, want 403", r.status)
	}
	if r := newClient(t, s).do("GET", "/admin/users", "", nil, nil); r.status != 303 || !strings.HasPrefix(r.header.Get("Location"), "/login?next=") {
		t.Errorf("anonymous admin page: %d %q, want a redirect to login", r.status, r.header.Get("Location"))
	}
}

// The browser forms: errors inline, typed values kept except passwords,
// and a password change that ends the old session.
func TestAccountForms(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	tok := c.csrf()
	r := c.form("/signup", url.Values{"_csrf": {tok}, "email": {"frank@example"}, "display_name": {"Frank <b>"}, "password": {"short"}})
	if r.status != 422 {
		t.Fatalf("bad signup: %d", r.status)
	}
	for _, w := range []string{`value="frank@example"`, `value="Frank &lt;b&gt;"`, "Enter a valid email address", "at least 10 characters", `aria-invalid="true"`} {
		if !strings.Contains(r.body, w) {
			t.Errorf("signup form lacks %q", w)
		}
	}
	if strings.Contains(r.body, `value="short"`) {
		t.Error("the signup form echoes the password")
	}
	r = c.form("/signup", url.Values{"_csrf": {tok}, "email": {"frank@example.com"}, "display_name": {"Frank"}, "password": {"correct horse battery"}})
	if r.status != 303 {
		t.Fatalf("signup: %d %s", r.status, r.body)
	}
	old := c.cookies[sessionCookie]
	if old == "" {
		t.Fatal("no session after signup")
	}
	r = c.form("/account/password", url.Values{"_csrf": {tok}, "current_password": {"wrong one here"}, "new_password": {"another good password"}})
	if r.status != 422 || !strings.Contains(r.body, "The current password is not right.") {
		t.Fatalf("wrong current password: %d", r.status)
	}
	r = c.form("/account/password", url.Values{"_csrf": {tok}, "current_password": {"correct horse battery"}, "new_password": {"another good password"}})
	if r.status != 303 {
		t.Fatalf("password change: %d %s", r.status, r.body)
	}
	if c.cookies[sessionCookie] == old {
		t.Fatal("the browser kept the old session")
	}
	stale := newClient(t, s)
	stale.cookies[sessionCookie] = old
	if r := stale.json("GET", "/api/v1/me", nil, nil); r.status != 401 {
		t.Errorf("old session after password change: %d, want 401", r.status)
	}
	if r := c.json("GET", "/api/v1/me", nil, nil); r.status != 200 {
		t.Errorf("new session: %d", r.status)
	}
	// Signed in already, a login post is checked as any other: the old
	// password is refused, and the new one signs in again, with a fresh
	// session in the cookie, and goes on to next.
	before := c.cookies[sessionCookie]
	runScenarios(t, s, []scenario{
		{name: "login while signed in, old password", client: c, method: "POST", url: "/login",
			body:       url.Values{"_csrf": {tok}, "email": {"frank@example.com"}, "password": {"correct horse battery"}, "next": {"/me"}},
			wantStatus: 401, want: []string{"Wrong email or password.", `value="frank@example.com"`}, wantCookie: map[string]string{sessionCookie: ""},
			after: func(t *testing.T, r reply) {
				if c.cookies[sessionCookie] != before {
					t.Error("a refused login while signed in changed the session")
				}
			}},
		{name: "login while signed in", client: c, method: "POST", url: "/login",
			body:       url.Values{"_csrf": {tok}, "email": {"frank@example.com"}, "password": {"another good password"}, "next": {"/me"}},
			wantStatus: 303, wantHeaderIs: map[string]string{"Location": "/me"}},
	})
	if after := c.cookies[sessionCookie]; after == "" || after == before {
		t.Errorf("session cookie after a login while signed in: %q, want a fresh one", after)
	}
	if r := c.json("GET", "/api/v1/me", nil, nil); r.status != 200 || !strings.Contains(r.body, `"email":"frank@example.com"`) {
		t.Errorf("the fresh session: %d %s", r.status, r.body)
	}
}

func TestOversizedBody(t *testing.T) {
	s := newTestServer(t)
	base := serveHTTP(t, s)
	// A raw connection: the server answers as soon as it sees the length,
	// so a client still writing the body would see a reset instead.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /api/v1/auth/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{\"email\":\"", 2<<20)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 413 || !strings.Contains(string(body), `"error":`) {
		t.Fatalf("2 MB body: %d %s, want 413 with a JSON error", resp.StatusCode, body)
	}
	// The server is fine afterwards.
	hr, err := http.Get(base + "/healthz")
	if err != nil || hr.StatusCode != 200 {
		t.Fatalf("healthz after a large body: %v %v", hr, err)
	}
	hr.Body.Close()
}
