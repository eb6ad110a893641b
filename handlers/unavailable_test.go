package handlers

import (
	"context"
	"net/url"
	"testing"
	"time"

	"ladder/content"
	"ladder/store"
	"ladder/store/pgtest"
)

// With its PostgreSQL server stopped, the portal answers 503 with
// Retry-After and says the database is unavailable, in the API and on the
// pages; signed-in callers keep their session; once the server is back the
// same callers are served again, with no restart of the portal.
func TestDatabaseLostAnswers503(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	st, err := store.OpenPostgres(context.Background(), cluster.URL(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := newServerFor(t, content.Files, testPool(t), func(o *Options) { o.Store = st })
	api := newClient(t, s)
	token, _ := signupAndLogin(t, api, "ada@example.com")
	page := newClient(t, s)
	csrf := page.csrf()
	anon := newClient(t, s)
	anonCSRF := anon.csrf()
	if r := page.form("/login", url.Values{"_csrf": {csrf}, "email": {"ada@example.com"}, "password": {"correct horse battery"}}); r.status != 303 || page.cookies[sessionCookie] == "" {
		t.Fatalf("page login: %d, session cookie %q", r.status, page.cookies[sessionCookie])
	}

	cluster.Stop(t)
	unavailable := apiError(errDatabaseUnavailable)
	retry := map[string]string{"Retry-After": "5"}
	keepSession := map[string]string{sessionCookie: ""}
	runScenarios(t, s, []scenario{
		{name: "readyz", url: "/readyz", wantStatus: 503, want: []string{"database unavailable"},
			after: func(t *testing.T, r reply) {
				start := time.Now()
				newClient(t, s).do("GET", "/readyz", "", nil, nil)
				if d := time.Since(start); d > 2500*time.Millisecond {
					t.Errorf("readyz took %s with the database down, want at most its 2s bound", d)
				}
			}},
		{name: "API read", client: api, url: "/api/v1/me/progress", headers: bearer(token), wantStatus: 503, wantBody: unavailable, wantHeaderIs: retry},
		{name: "API write", client: api, method: "POST", url: "/api/v1/auth/signup", body: map[string]string{"email": "bob@example.com", "password": "correct horse battery"},
			wantStatus: 503, wantBody: unavailable, wantHeaderIs: retry},
		{name: "API login", client: api, method: "POST", url: "/api/v1/auth/login", body: map[string]string{"email": "ada@example.com", "password": "correct horse battery"},
			wantStatus: 503, wantBody: unavailable, wantHeaderIs: retry},
		{name: "page", client: page, url: "/me", wantStatus: 503, want: []string{"Temporarily unavailable", "The database cannot be reached right now"},
			notWant: []string{"Something went wrong"}, wantHeaderIs: retry, wantCookie: keepSession},
		{name: "page form", client: page, url: "/account/name", method: "POST", body: url.Values{"_csrf": {csrf}, "display_name": {"Ada L"}},
			wantStatus: 503, want: []string{"Temporarily unavailable"}, wantHeaderIs: retry, wantCookie: keepSession},
		{name: "login page form", client: anon, url: "/login", method: "POST", body: url.Values{"_csrf": {anonCSRF}, "email": {"ada@example.com"}, "password": {"correct horse battery"}},
			wantStatus: 503, want: []string{"Temporarily unavailable"}, wantHeaderIs: retry},
	})

	cluster.Start(t)
	deadline := time.Now().Add(30 * time.Second)
	for r := api.do("GET", "/readyz", "", nil, nil); r.status != 200; r = api.do("GET", "/readyz", "", nil, nil) {
		if time.Now().After(deadline) {
			t.Fatalf("readyz after the restart: %d %s, want 200 within 30s", r.status, r.body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	runScenarios(t, s, []scenario{
		{name: "API read after the restart", client: api, url: "/api/v1/me/progress", headers: bearer(token), wantStatus: 200, wantHeaderIs: map[string]string{"Retry-After": ""}},
		{name: "page after the restart", client: page, url: "/me", wantStatus: 200, want: []string{`action="/logout"`}},
	})
}
