package handlers

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"ladder/domain"
	"ladder/store"
)

// client keeps cookies between requests to one test server.
type client struct {
	t       *testing.T
	s       *Server
	cookies map[string]string
	ip      string
}

func newClient(t *testing.T, s *Server) *client {
	return &client{t: t, s: s, cookies: map[string]string{}}
}

type reply struct {
	status int
	header http.Header
	body   string
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.body), &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, r.body)
	}
	return m
}

func (c *client) do(method, path, contentType string, body io.Reader, headers map[string]string) reply {
	c.t.Helper()
	req := httptest.NewRequest(method, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	var parts []string
	for k, v := range c.cookies {
		parts = append(parts, k+"="+v)
	}
	if len(parts) > 0 {
		req.Header.Set("Cookie", strings.Join(parts, "; "))
	}
	if c.ip != "" {
		req.RemoteAddr = c.ip + ":1234"
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.s.App().Test(req, -1)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

func (c *client) json(method, path string, body any, headers map[string]string) reply {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	return c.do(method, path, "application/json", r, headers)
}

func (c *client) form(path string, values url.Values) reply {
	c.t.Helper()
	return c.do("POST", path, "application/x-www-form-urlencoded", strings.NewReader(values.Encode()), nil)
}

// csrf fetches a page so the CSRF cookie is set, and returns the token.
func (c *client) csrf() string {
	c.t.Helper()
	c.do("GET", "/", "", nil, nil)
	tok := c.cookies[csrfCookie]
	if tok == "" {
		c.t.Fatal("no CSRF cookie after GET /")
	}
	return tok
}

func bearer(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }

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

func makeUser(t *testing.T, s *Server, email, role string) {
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
	tests := []struct {
		name       string
		method     string
		path       string
		body       any
		raw        string
		wantStatus int
		want       []string
	}{
		{"signup", "POST", "/api/v1/auth/signup", map[string]string{"email": "Ada@Example.com", "password": "correct horse battery", "display_name": "Ada"}, "", 201,
			[]string{`"user":{`, `"email":"ada@example.com"`, `"role":"learner"`, `"display_name":"Ada"`, `"id":`}},
		{"duplicate email", "POST", "/api/v1/auth/signup", map[string]string{"email": "ada@example.com", "password": "another long password"}, "", 409, []string{`"error":"an account with this email already exists"`}},
		{"short password", "POST", "/api/v1/auth/signup", map[string]string{"email": "bob@example.com", "password": "short"}, "", 400, []string{`"error":"password: The password must have at least 10 characters."`}},
		{"bad email", "POST", "/api/v1/auth/signup", map[string]string{"email": "not-an-email", "password": "correct horse battery"}, "", 400, []string{`"error":"email:`}},
		{"malformed json", "POST", "/api/v1/auth/signup", nil, `{"email": `, 400, []string{`"error":"the request body is not valid JSON`}},
		{"empty body", "POST", "/api/v1/auth/login", nil, ``, 400, []string{`"error":"the request body must be a JSON object"`}},
		{"login missing fields", "POST", "/api/v1/auth/login", map[string]string{"email": "ada@example.com"}, "", 400, []string{`"error":"email and password are required"`}},
		{"wrong password", "POST", "/api/v1/auth/login", map[string]string{"email": "ada@example.com", "password": "wrong password!"}, "", 401, []string{`"error":"wrong email or password"`}},
		{"unknown email, same answer", "POST", "/api/v1/auth/login", map[string]string{"email": "nobody@example.com", "password": "wrong password!"}, "", 401, []string{`"error":"wrong email or password"`}},
		{"login", "POST", "/api/v1/auth/login", map[string]string{"email": "ADA@example.com", "password": "correct horse battery"}, "", 200, []string{`"token":"`, `"expires_at":"`, `"user":{`}},
		{"me without token", "GET", "/api/v1/me", nil, "", 401, []string{`"error":`}},
		{"logout without token", "POST", "/api/v1/auth/logout", nil, "", 401, nil},
		{"garbage bearer", "GET", "/api/v1/me", nil, "", 401, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, s) // no cookies carried between scenarios
			var r reply
			headers := map[string]string(nil)
			if tt.name == "garbage bearer" {
				headers = bearer("not.a.jwt")
			}
			if tt.body == nil {
				r = c.do(tt.method, tt.path, "application/json", strings.NewReader(tt.raw), headers)
			} else {
				r = c.json(tt.method, tt.path, tt.body, headers)
			}
			if r.status != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") && r.status != 204 {
				t.Errorf("Content-Type = %q, want JSON", r.header.Get("Content-Type"))
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("body lacks %q: %s", w, r.body)
				}
			}
			if strings.Contains(r.body, "password_hash") || strings.Contains(r.body, "$2a$") {
				t.Errorf("body leaks a password hash: %s", r.body)
			}
		})
	}

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
	if me := c.json("GET", "/api/v1/me", nil, bearer(tok)); me.status != 200 || !strings.Contains(me.body, `"email":"ada@example.com"`) {
		t.Fatalf("me with bearer: %d %s", me.status, me.body)
	}
	if me := c.json("GET", "/api/v1/me", nil, nil); me.status != 200 {
		t.Fatalf("me with cookie: %d %s", me.status, me.body)
	}
	// Logout with the bearer token revokes it server-side.
	if out := c.json("POST", "/api/v1/auth/logout", nil, bearer(tok)); out.status != 204 {
		t.Fatalf("logout: %d %s", out.status, out.body)
	}
	if me := c.json("GET", "/api/v1/me", nil, bearer(tok)); me.status != 401 {
		t.Fatalf("me after logout: %d, want 401", me.status)
	}
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
	tests := []struct {
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
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newClient(t, s).json("GET", "/api/v1/me", nil, bearer(tt.tok))
			if r.status != 401 {
				t.Fatalf("status %d, want 401: %s", r.status, r.body)
			}
		})
	}
	if r := newClient(t, s).json("GET", "/api/v1/me", nil, bearer(good)); r.status != 200 {
		t.Fatalf("the untouched token: %d", r.status)
	}
}

func TestCSRFOnCookieWrites(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	signupAndLogin(t, c, "carol@example.com") // c now holds the session cookie
	if r := c.json("POST", "/api/v1/auth/logout", nil, nil); r.status != 403 || !strings.Contains(r.body, "CSRF") {
		t.Fatalf("cookie logout without CSRF: %d %s, want 403", r.status, r.body)
	}
	if r := c.json("POST", "/api/v1/auth/logout", nil, map[string]string{csrfHeader: "forged"}); r.status != 403 {
		t.Fatalf("cookie logout with a forged token: %d, want 403", r.status)
	}
	if r := c.form("/account/name", url.Values{"display_name": {"Mallory"}}); r.status != 403 {
		t.Fatalf("form post without CSRF: %d, want 403", r.status)
	}
	tok := c.csrf()
	if r := c.json("POST", "/api/v1/auth/logout", nil, map[string]string{csrfHeader: tok}); r.status != 204 {
		t.Fatalf("cookie logout with CSRF: %d %s, want 204", r.status, r.body)
	}
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
	tests := []struct {
		name   string
		tok    string
		path   string
		body   any
		status int
		want   string
	}{
		{"learner calls an admin route", ltok, path, map[string]string{"role": "admin"}, 403, `"error":"your role does not allow this"`},
		{"anonymous", "", path, map[string]string{"role": "admin"}, 401, ""},
		{"invalid role", atok, path, map[string]string{"role": "king"}, 400, "role must be"},
		{"unknown user", atok, "/api/v1/users/9999/role", map[string]string{"role": "mentor"}, 404, `"error":"not found"`},
		{"bad id", atok, "/api/v1/users/abc/role", map[string]string{"role": "mentor"}, 404, ""},
		{"admin promotes", atok, path, map[string]string{"role": "mentor"}, 200, `"role":"mentor"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h map[string]string
			if tt.tok != "" {
				h = bearer(tt.tok)
			}
			r := newClient(t, s).json("PUT", tt.path, tt.body, h)
			if r.status != tt.status || !strings.Contains(r.body, tt.want) {
				t.Fatalf("status %d %s, want %d with %q", r.status, r.body, tt.status, tt.want)
			}
		})
	}
	// The learner's role changed for their next request.
	if me := newClient(t, s).json("GET", "/api/v1/me", nil, bearer(ltok)); !strings.Contains(me.body, `"role":"mentor"`) {
		t.Errorf("me after promotion: %s", me.body)
	}
	newClient(t, s).json("POST", "/api/v1/auth/login", map[string]string{"email": "lea@example.com", "password": "not the password"}, nil)
	// Admins see the audit log; learners do not.
	page := admin.do("GET", "/admin/audit", "", nil, nil)
	for _, w := range []string{"role_change", "learner -&gt; mentor", "login_failed", "login", "signup"} {
		if !strings.Contains(page.body, w) {
			t.Errorf("audit page lacks %q", w)
		}
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
	r = c.form("/login", url.Values{"_csrf": {tok}, "email": {"frank@example.com"}, "password": {"correct horse battery"}})
	if r.status != 303 {
		// already signed in: the login page is not needed, but a post still works
		t.Logf("login while signed in: %d", r.status)
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
