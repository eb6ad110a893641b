package handlers

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"ladder/content"
	"ladder/store"
)

// FuzzRequestDecoders sends arbitrary bodies, declared JSON, to every route
// of the real server that reads a JSON body, as the caller each route is
// for. Every answer must be what the API contract allows: a 2xx with JSON
// (or no body), or a 4xx with {"error": "..."}; never a 5xx or a panic.
func FuzzRequestDecoders(f *testing.F) {
	// The limits are out of the way: a 429 would answer before the body
	// is read, and app.Test sends every request from one address.
	s := newServerFor(f, content.Files, testPool(f), func(o *Options) {
		o.Limits = Limits{AuthPerIP: 1 << 30, FailedLoginsPerAccount: 1 << 30, GradingInFlightPerIP: 64, GradingInFlightPerAccount: 64, GradingPerMinutePerIP: 1 << 30, GradingPerMinutePerAccount: 1 << 30}
	})
	makeUser(f, s, "admin@example.com", store.RoleAdmin)
	makeUser(f, s, "learner@example.com", store.RoleLearner)
	makeUser(f, s, "target@example.com", store.RoleLearner)
	admin, learner, target := login(f, s, "admin@example.com"), login(f, s, "learner@example.com"), login(f, s, "target@example.com")
	co := int64(admin.call("POST", "/api/v1/cohorts", map[string]string{"name": "Fuzz"}).json(f)["id"].(float64))
	if r := admin.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "learner@example.com"}); r.status != 201 {
		f.Fatalf("add member: %d %s", r.status, r.body)
	}
	r := learner.call("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": "SELECT 1"})
	if r.status != 201 {
		f.Fatalf("submission: %d %s", r.status, r.body)
	}
	sub := int64(r.json(f)["id"].(float64))
	cur := int64(admin.call("POST", "/api/v1/curricula", map[string]any{"title": "Fuzz", "items": []map[string]string{{"kind": "lab", "ref": "filter-sort-orders"}}}).json(f)["id"].(float64))
	r = admin.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/assignments", co), map[string]any{"curriculum_id": cur, "due": "2999-12-31"})
	if r.status != 201 {
		f.Fatalf("assignment: %d %s", r.status, r.body)
	}
	asg := int64(r.json(f)["id"].(float64))
	routes := []struct {
		method, path string
		as           map[string]string
	}{
		{"POST", "/api/v1/auth/signup", nil},
		{"POST", "/api/v1/auth/login", nil},
		{"PUT", fmt.Sprintf("/api/v1/users/%d/role", target.id), admin.auth()},
		{"POST", "/api/v1/cohorts", admin.auth()},
		{"POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), admin.auth()},
		{"POST", fmt.Sprintf("/api/v1/cohorts/%d/assignments", co), admin.auth()},
		{"PATCH", fmt.Sprintf("/api/v1/cohorts/%d/assignments/%d", co, asg), admin.auth()},
		{"POST", "/api/v1/cohorts/join", learner.auth()},
		{"POST", "/api/v1/curricula", admin.auth()},
		{"POST", fmt.Sprintf("/api/v1/submissions/%d/comments", sub), admin.auth()},
		{"POST", fmt.Sprintf("/api/v1/users/%d/endorsements", learner.id), admin.auth()},
		{"POST", "/api/v1/labs/filter-sort-orders/run", nil},
		{"POST", "/api/v1/labs/filter-sort-orders/submissions", nil},
	}
	for _, seed := range []string{
		`{"sql":"SELECT 1"}`, `{"sql":null}`, `{"sql":1}`, `{"code":"SELECT 2"}`, `[]`, `{`, ``, `null`, `"x"`, "\xff",
		`{"email":"a@b.co","password":"0123456789","display_name":"x"}`, `{"email":"admin@example.com","password":"correct horse battery"}`,
		`{"role":"mentor"}`, `{"role":["admin"]}`, `{"name":"Cohort"}`, `{"email":"learner@example.com"}`, `{"code":"ABCD2345"}`,
		`{"title":"T","items":[{"kind":"lab","ref":"filter-sort-orders"},{"kind":"guide","ref":"career-path"}]}`, `{"title":"T","items":{}}`,
		`{"curriculum_id":1,"due":"2026-12-31"}`, `{"due":"2999-01-01"}`, `{"due":null}`, `{"curriculum_id":1,"due":"2026-13-45T99:00:00Z"}`, `{"curriculum_id":-1}`, `{"curriculum_id":1e400}`,
		`{"body":"Nice work"}`, `{"competency":"collaboration","level":"mid","note":"x"}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, rt := range routes {
			r := newClient(t, s).do(rt.method, rt.path, "application/json", strings.NewReader(body), rt.as)
			if msg := contractBreach(r); msg != "" {
				t.Fatalf("%s %s with %q: %s: %d %.300s", rt.method, rt.path, body, msg, r.status, r.body)
			}
		}
	})
}

// contractBreach says how an API answer breaks the contract in api.md, or
// "" when it keeps it.
func contractBreach(r reply) string {
	switch {
	case r.status >= 500:
		return "a server error"
	case r.status == 204:
		if r.body != "" {
			return "a body with 204"
		}
		return ""
	case r.status < 200 || r.status >= 300 && r.status < 400:
		return "not a success or an error"
	case r.header.Get("Content-Type") != "application/json":
		return "not JSON: Content-Type " + r.header.Get("Content-Type")
	case !json.Valid([]byte(r.body)):
		return "not JSON"
	case r.status >= 400:
		var e struct {
			Error *string `json:"error"`
		}
		if json.Unmarshal([]byte(r.body), &e) != nil || e.Error == nil || *e.Error == "" {
			return `an error without {"error": "..."}`
		}
	}
	return ""
}
