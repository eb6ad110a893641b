package handlers

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// client keeps cookies between requests to one test server. It drives the
// server through app.Test only, so the tests hold whatever the handlers
// are made of behind the routes.
type client struct {
	t       testing.TB
	s       *Server
	cookies map[string]string
	// ip is the client's address as the server sees it: sent as
	// X-Forwarded-For, which test servers trust from app.Test's 0.0.0.0.
	// Empty: 0.0.0.0 itself.
	ip string
}

func newClient(t testing.TB, s *Server) *client {
	return &client{t: t, s: s, cookies: map[string]string{}}
}

// reply is an answer as the tests read it: gzip undone.
type reply struct {
	status int
	header http.Header
	body   string
}

func (r reply) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.body), &m); err != nil {
		t.Fatalf("body is not a JSON object: %v: %s", err, r.body)
	}
	return m
}

// setCookies are the cookies the answer sets, by name; a cookie it clears
// maps to "".
func (r reply) setCookies() map[string]string {
	out := map[string]string{}
	for _, ck := range (&http.Response{Header: r.header}).Cookies() {
		if ck.MaxAge < 0 || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) {
			out[ck.Name] = ""
		} else {
			out[ck.Name] = ck.Value
		}
	}
	return out
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
		req.Header.Set("X-Forwarded-For", c.ip) // the server trusts the test's proxy
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.s.App().Test(req, -1)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		gz, err := gzip.NewReader(resp.Body)
		if err != nil {
			c.t.Fatalf("%s %s: gzip: %v", method, path, err)
		}
		r = gz
	}
	b, err := io.ReadAll(r)
	if err != nil {
		c.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	out := reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
	for name, v := range out.setCookies() {
		if v == "" {
			delete(c.cookies, name)
		} else {
			c.cookies[name] = v
		}
	}
	return out
}

func (c *client) json(method, path string, body any, headers map[string]string) reply {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			c.t.Fatalf("%s %s: encode body: %v", method, path, err)
		}
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

// apiError is the whole body of a JSON API error answer.
func apiError(msg string) string {
	b, _ := json.Marshal(map[string]string{"error": msg})
	return string(b)
}

// scenario is one request and what its answer must be, in the manner of
// pocketbase's ApiScenario. Every row must assert something about the body
// or the headers: a status alone passes whatever the handler writes, so
// runScenarios refuses such a row.
type scenario struct {
	name   string
	client *client // sends the request and keeps its cookies; a fresh client when nil
	method string  // GET when empty
	url    string
	// body is sent as is when it is a string (typed by contentType, none
	// when empty), form-encoded when it is url.Values, and as JSON otherwise.
	body        any
	contentType string
	headers     map[string]string

	wantStatus   int
	want         []string          // each must appear in the body
	notWant      []string          // none may appear in the body
	wantBody     string            // the whole body, when set
	wantEmpty    bool              // the body must be empty
	wantHeader   map[string]string // one of the header's values must contain this
	wantHeaderIs map[string]string // the header must be exactly this; "" means absent
	wantCookie   map[string]string // cookies the answer must set; "" means it sets no cookie of the name
	after        func(t *testing.T, r reply)
}

// problem says why a row cannot fail on what the handler writes, if it
// cannot; runScenarios refuses such a row.
func (tt scenario) problem() error {
	if tt.wantStatus == 0 {
		return errors.New("scenario without wantStatus")
	}
	if len(tt.want) == 0 && tt.wantBody == "" && !tt.wantEmpty && len(tt.wantHeader) == 0 && len(tt.wantHeaderIs) == 0 && len(tt.wantCookie) == 0 {
		return errors.New("scenario asserts nothing about the body or the headers: give it want, wantBody, wantEmpty or a header")
	}
	if tt.wantEmpty && (len(tt.want) > 0 || tt.wantBody != "") {
		return errors.New("scenario wants an empty body and content")
	}
	for _, list := range [][]string{tt.want, tt.notWant} {
		for _, w := range list {
			if w == "" {
				return errors.New(`scenario with "" in want or notWant: it matches every body`)
			}
		}
	}
	for k, v := range tt.wantHeader {
		if v == "" {
			return fmt.Errorf(`scenario wants header %s to contain "", as every value does: use wantHeaderIs`, k)
		}
	}
	return nil
}

func (tt scenario) send(t *testing.T, s *Server) reply {
	t.Helper()
	c := newClient(t, s)
	if tt.client != nil {
		shared := *tt.client // the same cookies, failing this subtest
		shared.t = t
		c = &shared
	}
	method := tt.method
	if method == "" {
		method = http.MethodGet
	}
	switch b := tt.body.(type) {
	case nil:
		return c.do(method, tt.url, tt.contentType, nil, tt.headers)
	case string:
		return c.do(method, tt.url, tt.contentType, strings.NewReader(b), tt.headers)
	case url.Values:
		return c.do(method, tt.url, "application/x-www-form-urlencoded", strings.NewReader(b.Encode()), tt.headers)
	default:
		return c.json(method, tt.url, b, tt.headers)
	}
}

func (tt scenario) verify(t *testing.T, r reply) {
	t.Helper()
	if r.status != tt.wantStatus {
		t.Fatalf("status = %d, want %d; body: %.500s", r.status, tt.wantStatus, r.body)
	}
	for _, w := range tt.want {
		if !strings.Contains(r.body, w) {
			t.Errorf("body lacks %q; body: %.800s", w, r.body)
		}
	}
	for _, w := range tt.notWant {
		if strings.Contains(r.body, w) {
			t.Errorf("body contains %q", w)
		}
	}
	if tt.wantBody != "" && r.body != tt.wantBody {
		t.Errorf("body = %.500q, want %q", r.body, tt.wantBody)
	}
	if tt.wantEmpty && r.body != "" {
		t.Errorf("body = %.500q, want none", r.body)
	}
	for k, v := range tt.wantHeader {
		found := false
		for _, got := range r.header.Values(k) {
			found = found || strings.Contains(got, v)
		}
		if !found {
			t.Errorf("header %s = %q, want a value containing %q", k, r.header.Values(k), v)
		}
	}
	for k, v := range tt.wantHeaderIs {
		if got := strings.Join(r.header.Values(k), ", "); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	set := r.setCookies()
	for name, v := range tt.wantCookie {
		got, ok := set[name]
		switch {
		case v == "" && ok:
			t.Errorf("the answer sets cookie %s (Set-Cookie: %q), want it left alone", name, r.header.Values("Set-Cookie"))
		case v != "" && got != v:
			t.Errorf("cookie %s set to %q, want %q (Set-Cookie: %q)", name, got, v, r.header.Values("Set-Cookie"))
		}
	}
}

// runScenarios runs each row as a subtest, in order: a row may rely on what
// the rows before it did.
func runScenarios(t *testing.T, s *Server, tests []scenario) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.problem(); err != nil {
				t.Fatal(err)
			}
			r := tt.send(t, s)
			tt.verify(t, r)
			if tt.after != nil {
				tt.after(t, r)
			}
		})
	}
}

// The runner's refusal rule: a row must be able to fail on what the
// handler writes.
func TestScenarioRefusesRowsThatCannotFail(t *testing.T) {
	tests := []struct {
		name   string
		row    scenario
		refuse bool
	}{
		{"status only", scenario{wantStatus: 200}, true},
		{"no status", scenario{want: []string{"ok"}}, true},
		{"empty want", scenario{wantStatus: 200, want: []string{""}}, true},
		{"empty want beside a real one", scenario{wantStatus: 200, want: []string{"ok", ""}}, true},
		{"empty notWant", scenario{wantStatus: 200, want: []string{"ok"}, notWant: []string{""}}, true},
		{"notWant alone", scenario{wantStatus: 200, notWant: []string{"<script>"}}, true},
		{"empty header content", scenario{wantStatus: 200, wantHeader: map[string]string{"Content-Type": ""}}, true},
		{"empty body and content", scenario{wantStatus: 204, wantEmpty: true, want: []string{"x"}}, true},
		{"an after hook alone", scenario{wantStatus: 200, after: func(*testing.T, reply) {}}, true},
		{"want", scenario{wantStatus: 200, want: []string{"ok"}}, false},
		{"whole body", scenario{wantStatus: 200, wantBody: "ok"}, false},
		{"empty body", scenario{wantStatus: 204, wantEmpty: true}, false},
		{"header content", scenario{wantStatus: 200, wantHeader: map[string]string{"X-Request-Id": "-"}}, false},
		{"exact header", scenario{wantStatus: 303, wantHeaderIs: map[string]string{"Location": "/"}}, false},
		{"cookie", scenario{wantStatus: 303, wantCookie: map[string]string{"lang": "ko"}}, false},
	}
	for _, tt := range tests {
		if err := tt.row.problem(); (err != nil) != tt.refuse {
			t.Errorf("%s: problem() = %v, want refused %v", tt.name, err, tt.refuse)
		}
	}
}
