package handlers

import (
	"fmt"
	"ladder/content"
	"ladder/domain"
	"ladder/store"
	"strings"
	"testing"
	"time"
)

type actor struct {
	c   *client
	tok string
	id  int64
}

func (a actor) call(method, path string, body any) reply {
	return a.c.json(method, path, body, a.auth())
}

// auth is the header that makes a request the actor's.
func (a actor) auth() map[string]string { return bearer(a.tok) }

func login(t testing.TB, s *Server, email string) actor {
	t.Helper()
	c := newClient(t, s)
	r := c.json("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": "correct horse battery"}, nil)
	if r.status != 200 {
		t.Fatalf("login %s: %d %s", email, r.status, r.body)
	}
	m := r.json(t)
	return actor{c: newClient(t, s), tok: m["token"].(string), id: int64(m["user"].(map[string]any)["id"].(float64))}
}

func mentoringWorld(t *testing.T, s *Server) (mentor, other, learner, stranger, admin actor) {
	t.Helper()
	makeUser(t, s, "mentor@example.com", "mentor")
	makeUser(t, s, "other@example.com", "mentor")
	makeUser(t, s, "learner@example.com", "learner")
	makeUser(t, s, "stranger@example.com", "learner")
	makeUser(t, s, "admin@example.com", "admin")
	return login(t, s, "mentor@example.com"), login(t, s, "other@example.com"), login(t, s, "learner@example.com"), login(t, s, "stranger@example.com"), login(t, s, "admin@example.com")
}

func TestMentoringAPI(t *testing.T) {
	// One clock for the server and its store: sessions expire by the
	// store's clock, so a server clock alone drifts from it as days pass.
	clock := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	s := newServerFor(t, content.Files, testPool(t), storeWithClock(t, func() time.Time { return clock }))
	mentor, other, learner, stranger, admin := mentoringWorld(t, s)

	// Cohorts.
	r := mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Autumn bootcamp"})
	if r.status != 201 || !strings.Contains(r.body, `"name":"Autumn bootcamp"`) {
		t.Fatalf("create cohort: %d %s", r.status, r.body)
	}
	cohort := int64(r.json(t)["id"].(float64))
	cpath := fmt.Sprintf("/api/v1/cohorts/%d", cohort)
	// Curricula.
	r = mentor.call("POST", "/api/v1/curricula", map[string]any{"title": "Week one", "items": []map[string]string{
		{"kind": "guide", "ref": "junior-data-engineer"}, {"kind": "lab", "ref": "customers-without-orders"}, {"kind": "lab", "ref": "filter-sort-orders"}}})
	if r.status != 201 {
		t.Fatalf("create curriculum: %d %s", r.status, r.body)
	}
	curriculum := int64(r.json(t)["id"].(float64))
	r = other.call("POST", "/api/v1/curricula", map[string]any{"title": "Theirs", "items": []map[string]string{{"kind": "lab", "ref": "filter-sort-orders"}}})
	othersCurriculum := int64(r.json(t)["id"].(float64))

	forbidden, notFound := apiError("your role does not allow this"), apiError("not found")
	runScenarios(t, s, []scenario{
		{name: "learner creates a cohort", headers: learner.auth(), method: "POST", url: "/api/v1/cohorts", body: map[string]string{"name": "x"}, wantStatus: 403, wantBody: forbidden},
		{name: "empty cohort name", headers: mentor.auth(), method: "POST", url: "/api/v1/cohorts", body: map[string]string{"name": "  "}, wantStatus: 400, wantBody: apiError("name is required")},
		{name: "add a learner", headers: mentor.auth(), method: "POST", url: cpath + "/members", body: map[string]string{"email": "LEARNER@example.com"}, wantStatus: 201,
			wantBody: fmt.Sprintf(`{"cohort_id":%d,"email":"learner@example.com","user_id":%d}`, cohort, learner.id)},
		{name: "add the same learner again", headers: mentor.auth(), method: "POST", url: cpath + "/members", body: map[string]string{"email": "learner@example.com"}, wantStatus: 409,
			wantBody: apiError("this learner is already in the cohort")},
		{name: "add an unknown email", headers: mentor.auth(), method: "POST", url: cpath + "/members", body: map[string]string{"email": "ghost@example.com"}, wantStatus: 422, wantBody: apiError("no learner with this email")},
		{name: "another mentor adds to my cohort", headers: other.auth(), method: "POST", url: cpath + "/members", body: map[string]string{"email": "stranger@example.com"}, wantStatus: 404, wantBody: notFound},
		{name: "learner adds members", headers: learner.auth(), method: "POST", url: cpath + "/members", body: map[string]string{"email": "stranger@example.com"}, wantStatus: 403, wantBody: forbidden},
		{name: "unknown cohort", headers: mentor.auth(), method: "POST", url: "/api/v1/cohorts/9999/members", body: map[string]string{"email": "learner@example.com"}, wantStatus: 404, wantBody: notFound},
		{name: "curriculum with an unknown lab", headers: mentor.auth(), method: "POST", url: "/api/v1/curricula", body: map[string]any{"title": "Bad", "items": []map[string]string{{"kind": "lab", "ref": "nope"}}}, wantStatus: 400,
			wantBody: apiError(`items[0]: unknown lab "nope"`)},
		{name: "curriculum with a bad kind", headers: mentor.auth(), method: "POST", url: "/api/v1/curricula", body: map[string]any{"title": "Bad", "items": []map[string]string{{"kind": "video", "ref": "x"}}}, wantStatus: 400,
			wantBody: apiError("items[0]: kind must be guide or lab")},
		{name: "curriculum without title", headers: mentor.auth(), method: "POST", url: "/api/v1/curricula", body: map[string]any{"items": []map[string]string{}}, wantStatus: 400, wantBody: apiError("title is required")},
		{name: "learner creates a curriculum", headers: learner.auth(), method: "POST", url: "/api/v1/curricula", body: map[string]any{"title": "Mine"}, wantStatus: 403, wantBody: forbidden},
		{name: "assign", headers: mentor.auth(), method: "POST", url: cpath + "/assignments", body: map[string]any{"curriculum_id": curriculum, "due": "2026-11-30"}, wantStatus: 201, want: []string{`{"id":`}},
		{name: "assign with a bad date", headers: mentor.auth(), method: "POST", url: cpath + "/assignments", body: map[string]any{"curriculum_id": curriculum, "due": "next friday"}, wantStatus: 400,
			wantBody: apiError("due must be an RFC 3339 date such as 2026-12-31")},
		{name: "assign someone else's curriculum", headers: mentor.auth(), method: "POST", url: cpath + "/assignments", body: map[string]any{"curriculum_id": othersCurriculum, "due": "2026-11-30"}, wantStatus: 404,
			wantBody: apiError("no curriculum with this id among yours")},
		{name: "another mentor assigns to my cohort", headers: other.auth(), method: "POST", url: cpath + "/assignments", body: map[string]any{"curriculum_id": othersCurriculum, "due": "2026-11-30"}, wantStatus: 404, wantBody: notFound},
		{name: "another mentor reads my cohort", headers: other.auth(), url: cpath + "/progress", wantStatus: 404, wantBody: notFound},
		{name: "learner reads cohort progress", headers: learner.auth(), url: cpath + "/progress", wantStatus: 403, wantBody: forbidden},
		{name: "admin reads any cohort", headers: admin.auth(), url: cpath + "/progress", wantStatus: 200, want: []string{`"learners":[`, `"email":"learner@example.com"`}},
	})

	// The learner sees the assignment, nothing done yet.
	r = learner.call("GET", "/api/v1/me/assignments", nil)
	if r.status != 200 || !strings.Contains(r.body, `"curriculum":"Week one"`) || !strings.Contains(r.body, `"due":"2026-11-30"`) || !strings.Contains(r.body, `"overdue":false`) || strings.Contains(r.body, `"done":true`) {
		t.Fatalf("my assignments: %d %s", r.status, r.body)
	}
	// Work done anywhere counts toward the assignment.
	learner.call("POST", "/api/v1/guides/junior-data-engineer-ko/read", nil)
	lab := s.labs.Lab("customers-without-orders")
	r = learner.call("POST", "/api/v1/labs/customers-without-orders/submissions", map[string]string{"sql": lab.Solution})
	if r.status != 201 {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}
	sub := int64(r.json(t)["id"].(float64))
	r = learner.call("GET", "/api/v1/me/assignments", nil)
	if strings.Count(r.body, `"done":true`) != 2 || !strings.Contains(r.body, `{"kind":"lab","ref":"filter-sort-orders","done":false}`) {
		t.Fatalf("assignment after work: %s", r.body)
	}
	// Past the due day it is overdue; on the due day it is not.
	clock = time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)
	if r := learner.call("GET", "/api/v1/me/assignments", nil); !strings.Contains(r.body, `"overdue":false`) {
		t.Errorf("on the due day: %s", r.body)
	}
	clock = time.Date(2026, 12, 1, 0, 1, 0, 0, time.UTC)
	if r := learner.call("GET", "/api/v1/me/assignments", nil); !strings.Contains(r.body, `"overdue":true`) {
		t.Errorf("after the due day: %s", r.body)
	}
	// The mentor's view.
	r = mentor.call("GET", cpath+"/progress", nil)
	if r.status != 200 || !strings.Contains(r.body, fmt.Sprintf(`"user_id":%d`, learner.id)) || !strings.Contains(r.body, `"email":"learner@example.com"`) ||
		!strings.Contains(r.body, `{"kind":"lab","ref":"customers-without-orders","done":true}`) || !strings.Contains(r.body, `"level":"junior"`) || !strings.Contains(r.body, `"overdue":true`) {
		t.Fatalf("cohort progress: %d %s", r.status, r.body)
	}
	r = mentor.c.do("GET", cpath+"/progress.csv", "", nil, bearer(mentor.tok))
	lines := strings.Split(strings.TrimSpace(r.body), "\n")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") || len(lines) != 2 {
		t.Fatalf("csv: %d %q", r.status, r.body)
	}
	if lines[0] != "user_id,email,display_name,level,guide:junior-data-engineer,lab:customers-without-orders,lab:filter-sort-orders,done,overdue,last_activity" {
		t.Errorf("csv header: %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], fmt.Sprintf("%d,learner@example.com,learner,junior,done,done,open,2/3,true,", learner.id)) {
		t.Errorf("csv row: %q", lines[1])
	}

	// Submissions: mentors of the author see them; other mentors do not.
	spath := fmt.Sprintf("/api/v1/submissions/%d", sub)
	endorsements := fmt.Sprintf("/api/v1/users/%d/endorsements", learner.id)
	runScenarios(t, s, []scenario{
		{name: "mentor reads a cohort learner's submission", url: spath, headers: mentor.auth(), wantStatus: 200,
			want: []string{fmt.Sprintf(`"id":%d`, sub), `"lab":"customers-without-orders"`, fmt.Sprintf(`"user_id":%d`, learner.id)}},
		{name: "another mentor reads it", url: spath, headers: other.auth(), wantStatus: 404, wantBody: notFound},
		{name: "another learner reads it", url: spath, headers: stranger.auth(), wantStatus: 404, wantBody: notFound},
		// Comments.
		{name: "learner comments", method: "POST", url: spath + "/comments", headers: learner.auth(), body: map[string]string{"body": "me"}, wantStatus: 403, wantBody: forbidden},
		{name: "another mentor comments", method: "POST", url: spath + "/comments", headers: other.auth(), body: map[string]string{"body": "hi"}, wantStatus: 404, wantBody: notFound},
		{name: "empty comment", method: "POST", url: spath + "/comments", headers: mentor.auth(), body: map[string]string{"body": " "}, wantStatus: 400, wantBody: apiError("body is required")},
		{name: "comment", method: "POST", url: spath + "/comments", headers: mentor.auth(), body: map[string]string{"body": "Nice anti-join. Try NOT EXISTS too."}, wantStatus: 201,
			want: []string{fmt.Sprintf(`"submission_id":%d`, sub)}},
		{name: "learner sees the comment", url: spath, headers: learner.auth(), wantStatus: 200,
			want: []string{`"body":"Nice anti-join. Try NOT EXISTS too."`, `"author":"mentor"`}},
	})
	// Endorsements count in the level rule.
	before := progressOf(t, learner.c, learner.tok)
	runScenarios(t, s, []scenario{
		{name: "another mentor endorses", method: "POST", url: endorsements, headers: other.auth(), body: map[string]string{"competency": "collaboration", "level": "mid"}, wantStatus: 404, wantBody: notFound},
		{name: "bad level", method: "POST", url: endorsements, headers: mentor.auth(), body: map[string]string{"competency": "collaboration", "level": "guru"}, wantStatus: 400,
			wantBody: apiError("level must be junior, mid, senior or lead")},
		{name: "endorse", method: "POST", url: endorsements, headers: mentor.auth(), body: map[string]string{"competency": "collaboration", "level": "senior", "note": "Runs our standups"}, wantStatus: 201,
			want: []string{`{"id":`}},
	})
	after := progressOf(t, learner.c, learner.tok)
	if !(after.comps["collaboration"] > before.comps["collaboration"]) {
		t.Errorf("collaboration progress %v -> %v, want it to grow", before.comps["collaboration"], after.comps["collaboration"])
	}
	code := mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Open"}).json(t)["join_code"].(string)
	runScenarios(t, s, []scenario{
		{name: "endorsed level", url: "/api/v1/me/progress", headers: learner.auth(), wantStatus: 200, want: []string{`"id":"collaboration","level":"senior"`}},
		// Removing the learner ends the mentor's access.
		{name: "remove member", method: "DELETE", url: fmt.Sprintf("%s/members/%d", cpath, learner.id), headers: mentor.auth(), wantStatus: 204, wantEmpty: true},
		{name: "mentor after removal", url: spath, headers: mentor.auth(), wantStatus: 404, wantBody: notFound},
		// Joining by code.
		{name: "join by code", method: "POST", url: "/api/v1/cohorts/join", headers: stranger.auth(), body: map[string]string{"code": strings.ToLower(code)}, wantStatus: 201,
			want: []string{`"name":"Open"`}},
		{name: "unknown code", method: "POST", url: "/api/v1/cohorts/join", headers: stranger.auth(), body: map[string]string{"code": "NOPE1234"}, wantStatus: 404,
			wantBody: apiError("no cohort has this join code")},
	})
}

// A due date is an RFC 3339 date, or a timestamp whose UTC date is kept;
// an assignment is overdue once its due day has ended in UTC, unless its
// work is done. Checked through the API the learner reads.
func TestDueDates(t *testing.T) {
	clock := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) // sessions start on this clock too
	s := newServerFor(t, content.Files, testPool(t), storeWithClock(t, func() time.Time { return clock }))
	makeUser(t, s, "mentor@example.com", store.RoleMentor)
	makeUser(t, s, "learner@example.com", store.RoleLearner)
	mentor, learner := login(t, s, "mentor@example.com"), login(t, s, "learner@example.com")
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Due"}).json(t)["id"].(float64))
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "learner@example.com"}); r.status != 201 {
		t.Fatalf("add member: %d %s", r.status, r.body)
	}
	assignments := fmt.Sprintf("/api/v1/cohorts/%d/assignments", co)
	// One curriculum each: the same one is assigned to a cohort only once.
	var cur int64
	assign := func(due string) int64 {
		t.Helper()
		cur = int64(mentor.call("POST", "/api/v1/curricula", map[string]any{"title": "Read by " + due, "items": []map[string]string{{"kind": "guide", "ref": "career-path"}}}).json(t)["id"].(float64))
		r := mentor.call("POST", assignments, map[string]any{"curriculum_id": cur, "due": due})
		if r.status != 201 {
			t.Fatalf("assign due %q: %d %s", due, r.status, r.body)
		}
		return int64(r.json(t)["id"].(float64))
	}
	date, utc, westOfUTC := assign("2026-12-01"), assign("2026-12-01T15:00:00Z"), assign("2026-12-01T23:30:00-01:00")
	// The API encodes an assignment's keys in order: due, id, items, overdue.
	entry := func(id int64, due string, done, overdue bool) string {
		return fmt.Sprintf(`"due":%q,"id":%d,"items":[{"kind":"guide","ref":"career-path","done":%t}],"overdue":%t`, due, id, done, overdue)
	}
	clock = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	runScenarios(t, s, []scenario{
		{name: "not an RFC 3339 date", method: "POST", url: assignments, headers: mentor.auth(), body: map[string]any{"curriculum_id": cur, "due": "01/12/2026"},
			wantStatus: 400, wantBody: apiError("due must be an RFC 3339 date such as 2026-12-31")},
		{name: "dates as stored", url: "/api/v1/me/assignments", headers: learner.auth(), wantStatus: 200,
			want: []string{entry(date, "2026-12-01", false, false), entry(utc, "2026-12-01", false, false), entry(westOfUTC, "2026-12-02", false, false)}},
	})
	for _, tt := range []struct {
		name    string
		now     time.Time
		overdue bool
	}{
		{"the day before", time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), false},
		{"the last second of the due day", time.Date(2026, 12, 1, 23, 59, 59, 0, time.UTC), false},
		{"just after the due day", time.Date(2026, 12, 2, 0, 0, 1, 0, time.UTC), true},
		{"the due day's end, in KST", time.Date(2026, 12, 2, 9, 0, 0, 0, time.FixedZone("KST", 9*3600)), false},
	} {
		clock = tt.now
		runScenarios(t, s, []scenario{{name: tt.name, url: "/api/v1/me/assignments", headers: learner.auth(), wantStatus: 200,
			want: []string{entry(date, "2026-12-01", false, tt.overdue)}}})
	}
	if r := learner.call("POST", "/api/v1/guides/career-path/read", nil); r.status != 204 {
		t.Fatalf("mark read: %d %s", r.status, r.body)
	}
	clock = time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC) // past every due day, within the sessions' week
	runScenarios(t, s, []scenario{{name: "done work is never overdue", url: "/api/v1/me/assignments", headers: learner.auth(), wantStatus: 200,
		want: []string{entry(date, "2026-12-01", true, false), entry(westOfUTC, "2026-12-02", true, false)}}})
}

// The mentor pages enforce the same access rules as the API.
func TestMentorPagesAccess(t *testing.T) {
	clock := newTestClock(time.Now().UTC())
	s := newServerFor(t, content.Files, testPool(t), storeWithClock(t, clock.Now))
	mentor, other, learner, _, _ := mentoringWorld(t, s)
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Mine"}).json(t)["id"].(float64))
	mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "learner@example.com"})
	cur := int64(mentor.call("POST", "/api/v1/curricula", map[string]any{"title": "C", "items": []map[string]string{{"kind": "lab", "ref": "filter-sort-orders"}}}).json(t)["id"].(float64))
	page := func(who actor, path string, status int, want ...string) scenario {
		return scenario{name: fmt.Sprintf("%s as %d", path, who.id), url: path, headers: who.auth(), wantStatus: status, want: want}
	}
	const notFound, forbidden = "<h1>Page not found</h1>", "Your account&#39;s role does not allow this page or action."
	runScenarios(t, s, []scenario{
		page(mentor, "/mentor", 200, fmt.Sprintf(`<a href="/mentor/cohorts/%d">Mine</a>`, co), fmt.Sprintf(`<a href="/mentor/curricula/%d">C</a>`, cur)),
		page(mentor, fmt.Sprintf("/mentor/cohorts/%d", co), 200, "<h1>Mine</h1>", `data-learner="learner@example.com"`),
		page(mentor, fmt.Sprintf("/mentor/curricula/%d", cur), 200, "<h1>C</h1>"),
		page(mentor, fmt.Sprintf("/mentor/learners/%d", learner.id), 200, "<h1>learner</h1>", "learner@example.com"),
		page(mentor, fmt.Sprintf("/mentor/cohorts/%d/progress.csv", co), 200, "user_id,email,display_name,level,done,overdue,last_activity\n", fmt.Sprintf("\n%d,learner@example.com,learner,junior,0/0,false,", learner.id)),
		page(other, fmt.Sprintf("/mentor/cohorts/%d", co), 404, notFound),
		page(other, fmt.Sprintf("/mentor/curricula/%d", cur), 404, notFound),
		page(other, fmt.Sprintf("/mentor/learners/%d", learner.id), 404, notFound),
		page(other, fmt.Sprintf("/mentor/cohorts/%d/progress.csv", co), 404, notFound),
		page(learner, "/mentor", 403, forbidden),
		page(learner, fmt.Sprintf("/mentor/learners/%d", learner.id), 403, forbidden),
	})
	runScenarios(t, s, []scenario{
		{name: "nothing assigned is not stuck", url: fmt.Sprintf("/mentor/cohorts/%d?filter=stuck", co), headers: mentor.auth(), wantStatus: 200,
			want: []string{"No learner matches."}, notWant: []string{`data-learner="learner@example.com"`}},
	})
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/assignments", co), map[string]any{"curriculum_id": cur, "due": "2099-01-01"}); r.status != 201 {
		t.Fatalf("assign: %d %s", r.status, r.body)
	}
	progress := fmt.Sprintf("/api/v1/cohorts/%d/progress", co)
	runScenarios(t, s, []scenario{
		{name: "added and assigned just now is not stuck", url: fmt.Sprintf("/mentor/cohorts/%d?filter=stuck&sort=progress", co), headers: mentor.auth(), wantStatus: 200,
			want: []string{"No learner matches."}, notWant: []string{`data-learner="learner@example.com"`}},
		{name: "the API agrees", url: progress, headers: mentor.auth(), wantStatus: 200, want: []string{`"stuck":false`}, notWant: []string{`"stuck":true`}},
	})
	// A week and a day later, with no activity, the learner is stuck.
	clock.Set(clock.Now().Add(domain.StuckAfter + 24*time.Hour))
	mentor = login(t, s, "mentor@example.com") // the first session has expired
	runScenarios(t, s, []scenario{
		{name: "no activity for 8 days and an unfinished assignment is stuck", url: fmt.Sprintf("/mentor/cohorts/%d?filter=stuck&sort=progress", co), headers: mentor.auth(), wantStatus: 200,
			want: []string{`data-learner="learner@example.com"`, `<span class="flag flag-stuck">`}},
		{name: "the API agrees, 8 days on", url: progress, headers: mentor.auth(), wantStatus: 200, want: []string{`"stuck":true`}},
	})
}
