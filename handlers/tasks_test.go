package handlers

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// reviewBody marks every rubric criterion of a task, met or not.
func reviewBody(s *Server, taskID, decision string, met bool) map[string]any {
	var criteria []map[string]any
	for _, id := range s.content.Task(taskID).RubricIDs() {
		criteria = append(criteria, map[string]any{"id": id, "met": met, "comment": "on " + id})
	}
	return map[string]any{"decision": decision, "criteria": criteria, "comment": "overall"}
}

func TestTaskAPI(t *testing.T) {
	s := newTestServer(t)
	mentor, other, learner, stranger, admin := mentoringWorld(t, s)
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Tasks"}).json(t)["id"].(float64))
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "learner@example.com"}); r.status != 201 {
		t.Fatalf("add member: %d %s", r.status, r.body)
	}
	const task = "slo-error-budget-policy-senior"
	brief := s.content.Task(task).In("en")
	runScenarios(t, s, []scenario{
		{name: "list", url: "/api/v1/tasks", wantStatus: 200, want: []string{`"id":"` + task + `"`, `"deliverable":"markdown"`, `"level":"senior"`}},
		{name: "one", url: "/api/v1/tasks/" + task, wantStatus: 200, want: []string{`"brief_html":"`, `"rubric":[{"id":"` + brief.Rubric[0].ID + `"`}},
		{name: "unknown task", url: "/api/v1/tasks/nope", wantStatus: 404, wantBody: apiError("not found")},
		{name: "anonymous submission", method: "POST", url: "/api/v1/tasks/" + task + "/submissions", body: map[string]string{"body": "x"},
			wantStatus: 401, wantBody: apiError("authentication required: missing, expired or revoked token")},
		{name: "empty submission", method: "POST", url: "/api/v1/tasks/" + task + "/submissions", headers: learner.auth(), body: map[string]string{"body": "  \n"},
			wantStatus: 400, wantBody: apiError("body is required: write the deliverable")},
		{name: "oversized submission", method: "POST", url: "/api/v1/tasks/" + task + "/submissions", headers: learner.auth(),
			body: map[string]string{"body": strings.Repeat("x", 64<<10+1)}, wantStatus: 400, want: []string{`"error":"the submission is 65537 bytes; the limit is 65536"`}},
		{name: "a learner has no review queue", url: "/api/v1/reviews", headers: learner.auth(), wantStatus: 403, wantBody: apiError("your role does not allow this")},
		{name: "an empty queue", url: "/api/v1/reviews", headers: mentor.auth(), wantStatus: 200, wantBody: "[]"},
	})
	first := learner.call("POST", "/api/v1/tasks/"+task+"/submissions", map[string]string{"body": "# SLOs\n\nFirst version."})
	if first.status != 201 || !strings.Contains(first.body, `"status":"pending"`) {
		t.Fatalf("submit: %d %s", first.status, first.body)
	}
	id := int64(first.json(t)["id"].(float64))
	if r := stranger.call("POST", "/api/v1/tasks/"+task+"/submissions", map[string]string{"body": "not in a cohort"}); r.status != 201 {
		t.Fatalf("stranger's submission: %d", r.status)
	}
	review := fmt.Sprintf("/api/v1/task-submissions/%d/review", id)
	runScenarios(t, s, []scenario{
		{name: "the mentor's queue has their learner's version only", url: "/api/v1/reviews", headers: mentor.auth(), wantStatus: 200,
			want: []string{fmt.Sprintf(`"submission_id":%d`, id), `"display_name":"learner"`}, notWant: []string{fmt.Sprintf(`"user_id":%d`, stranger.id)}},
		{name: "the admin sees every queue", url: "/api/v1/reviews", headers: admin.auth(), wantStatus: 200,
			want: []string{fmt.Sprintf(`"user_id":%d`, learner.id), fmt.Sprintf(`"user_id":%d`, stranger.id)}},
		{name: "another mentor cannot review", method: "POST", url: review, headers: other.auth(), body: reviewBody(s, task, "approved", true),
			wantStatus: 404, wantBody: apiError("not found")},
		{name: "a criterion left out", method: "POST", url: review, headers: mentor.auth(),
			body:       map[string]any{"decision": "approved", "criteria": []map[string]any{{"id": brief.Rubric[0].ID, "met": true}}},
			wantStatus: 400, want: []string{`"error":"criteria: \"` + brief.Rubric[1].ID + `\" is missing`}},
		{name: "an unknown criterion", method: "POST", url: review, headers: mentor.auth(),
			body:       map[string]any{"decision": "approved", "criteria": []map[string]any{{"id": "made-up", "met": true}}},
			wantStatus: 400, wantBody: apiError(`criteria: "made-up" is not in this task's rubric`)},
		{name: "a bad decision", method: "POST", url: review, headers: mentor.auth(), body: reviewBody(s, task, "maybe", true),
			wantStatus: 400, wantBody: apiError("decision must be approved or changes_requested")},
		{name: "the mentor asks for changes", method: "POST", url: review, headers: mentor.auth(), body: reviewBody(s, task, "changes_requested", false),
			wantStatus: 201, want: []string{`"decision":"changes_requested"`}},
		{name: "one review per version", method: "POST", url: review, headers: mentor.auth(), body: reviewBody(s, task, "approved", true),
			wantStatus: 409, wantBody: apiError("this submission is already reviewed; the learner can send a new version")},
		{name: "the learner sees the review", url: "/api/v1/me/tasks", headers: learner.auth(), wantStatus: 200,
			want: []string{`"status":"changes_requested"`, `"comment":"overall"`, `"comment":"on ` + brief.Rubric[0].ID + `"`, `"versions":1`}},
	})
	// A mentor's endorsement holds data-reliability at mid; the approved
	// senior task is what lifts it to senior.
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/users/%d/endorsements", learner.id), map[string]string{"competency": "data-reliability", "level": "mid"}); r.status != 201 {
		t.Fatalf("endorse: %d %s", r.status, r.body)
	}
	if lv := levelOf(t, learner, "data-reliability"); lv != "mid" {
		t.Fatalf("data-reliability after the endorsement = %s, want mid", lv)
	}
	second := learner.call("POST", "/api/v1/tasks/"+task+"/submissions", map[string]string{"body": "# SLOs\n\nSecond version."})
	id2 := int64(second.json(t)["id"].(float64))
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/task-submissions/%d/review", id2), reviewBody(s, task, "approved", true)); r.status != 201 {
		t.Fatalf("approve: %d %s", r.status, r.body)
	}
	runScenarios(t, s, []scenario{
		{name: "approved, both versions kept", url: "/api/v1/me/tasks", headers: learner.auth(), wantStatus: 200,
			want: []string{fmt.Sprintf(`"submission_id":%d`, id2), `"status":"approved"`, `"versions":2`}},
		{name: "progress lists the task", url: "/api/v1/me/progress", headers: learner.auth(), wantStatus: 200,
			want: []string{`"tasks":[`, `{"id":"` + task + `","status":"approved"}`}},
	})
	if lv := levelOf(t, learner, "data-reliability"); lv != "senior" {
		t.Errorf("data-reliability after the approved senior task = %s, want senior", lv)
	}
}

// levelOf reads one competency's level from the learner's progress.
func levelOf(t *testing.T, a actor, comp string) string {
	t.Helper()
	var body struct {
		Competencies []struct{ ID, Level string }
	}
	r := a.call("GET", "/api/v1/me/progress", nil)
	if err := json.Unmarshal([]byte(r.body), &body); err != nil {
		t.Fatalf("progress: %v %s", err, r.body)
	}
	for _, c := range body.Competencies {
		if c.ID == comp {
			return c.Level
		}
	}
	t.Fatalf("no competency %s in %s", comp, r.body)
	return ""
}

func TestTaskPages(t *testing.T) {
	s := newTestServer(t)
	mentor, _, learner, _, _ := mentoringWorld(t, s)
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Pages"}).json(t)["id"].(float64))
	mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "learner@example.com"})
	const task = "slo-error-budget-policy-senior"
	page := newClient(t, s)
	if r := page.do("GET", "/tasks", "", nil, nil); r.status != 200 || !strings.Contains(r.body, `data-task="`+task+`"`) {
		t.Fatalf("task list: %d", r.status)
	}
	if r := page.do("GET", "/tasks/"+task, "", nil, map[string]string{"Cookie": "lang=ko"}); r.status != 200 || !strings.Contains(r.body, escapeText(s.content.Task(task).In("ko").Title)) {
		t.Fatalf("Korean task page: %d", r.status)
	}
	// The learner writes in the browser: a preview first, which stores
	// nothing, then the version.
	lc := newClient(t, s)
	signIn(t, lc, "learner@example.com")
	tok := lc.csrf()
	r := lc.form("/tasks/"+task+"/submit", url.Values{"_csrf": {tok}, "body": {"## Plan\n\n*draft*\n\n<script>alert(1)</script>"}, "action": {"preview"}})
	if r.status != 200 || !strings.Contains(r.body, `data-testid="task-preview-box"`) || !strings.Contains(r.body, "<em>draft</em>") || strings.Contains(r.body, "<script>alert(1)") {
		t.Fatalf("preview: %d", r.status)
	}
	if r := lc.form("/tasks/"+task+"/submit", url.Values{"_csrf": {tok}, "body": {" "}, "action": {"submit"}}); r.status != 400 || !strings.Contains(r.body, "Write your work before sending it.") {
		t.Errorf("an empty version: %d", r.status)
	}
	if r := learner.call("GET", "/api/v1/me/tasks", nil); r.body != "[]" {
		t.Fatalf("the preview or the empty post stored something: %s", r.body)
	}
	r = lc.form("/tasks/"+task+"/submit", url.Values{"_csrf": {tok}, "body": {"## Plan\n\nFirst."}, "action": {"submit"}})
	if r.status != 303 || !strings.HasPrefix(r.header.Get("Location"), "/tasks/"+task+"?sent=1") {
		t.Fatalf("submit: %d %s", r.status, r.header.Get("Location"))
	}
	if r := lc.do("GET", "/tasks/"+task+"?sent=1", "", nil, nil); !strings.Contains(r.body, `data-testid="task-sent"`) || !strings.Contains(r.body, "Waiting for review") {
		t.Errorf("the task page does not show the pending version")
	}
	// The mentor's home shows the queue; the review form marks the rubric.
	mc := newClient(t, s)
	signIn(t, mc, "mentor@example.com")
	if r := mc.do("GET", "/mentor", "", nil, nil); !strings.Contains(r.body, "Waiting for your review: 1") {
		t.Errorf("the mentor's home lacks the queue length")
	}
	q := mc.do("GET", "/mentor/reviews", "", nil, nil)
	if !strings.Contains(q.body, `data-testid="review-link"`) {
		t.Fatalf("queue page: %d", q.status)
	}
	subs, err := s.store.TaskSubmissions(t.Context(), learner.id, task)
	if err != nil || len(subs) != 1 {
		t.Fatalf("stored versions: %v %v", subs, err)
	}
	path := fmt.Sprintf("/mentor/reviews/%d", subs[0].ID)
	if r := mc.do("GET", path, "", nil, nil); r.status != 200 || !strings.Contains(r.body, `data-testid="review-form"`) || !strings.Contains(r.body, `<h2 id="plan">Plan</h2>`) {
		t.Fatalf("review page: %d", r.status)
	}
	mtok := mc.csrf()
	form := url.Values{"_csrf": {mtok}, "decision": {"changes_requested"}, "comment": {"Name the SLI."}}
	if r := mc.form(path, form); r.status != 400 || !strings.Contains(r.body, "Mark every criterion met or not met.") {
		t.Errorf("a review with no criteria marked: %d", r.status)
	}
	for _, id := range s.content.Task(task).RubricIDs() {
		form.Set("met_"+id, "no")
	}
	if r := mc.form(path, form); r.status != 303 || r.header.Get("Location") != "/mentor/reviews?msg=reviewed" {
		t.Fatalf("review: %d %s", r.status, r.body)
	}
	if r := lc.do("GET", "/tasks/"+task, "", nil, nil); !strings.Contains(r.body, "Changes requested") || !strings.Contains(r.body, "Name the SLI.") {
		t.Errorf("the learner does not see the review")
	}
}

// signIn logs a browser client in with the form, so it holds the session
// and CSRF cookies a page needs.
func signIn(t *testing.T, c *client, email string) {
	t.Helper()
	tok := c.csrf()
	if r := c.form("/login", url.Values{"_csrf": {tok}, "email": {email}, "password": {"correct horse battery"}}); r.status != 303 {
		t.Fatalf("login %s: %d", email, r.status)
	}
}

// The catalog on /career puts each lab, quiz and task in its cell.
func TestCareerCatalog(t *testing.T) {
	s := newTestServer(t)
	r := newClient(t, s).do("GET", "/career", "", nil, nil)
	if r.status != 200 || !strings.Contains(r.body, `data-testid="catalog-matrix"`) {
		t.Fatalf("career: %d", r.status)
	}
	cell := func(id string) string {
		i := strings.Index(r.body, `data-cell="`+id+`"`)
		if i < 0 {
			t.Fatalf("no cell %s", id)
		}
		j := strings.Index(r.body[i:], "</td>")
		return r.body[i : i+j]
	}
	for id, want := range map[string]string{
		"sql-querying/junior":     `href="/labs/filter-sort-orders"`,
		"data-reliability/senior": `href="/tasks/slo-error-budget-policy-senior"`,
		"collaboration/junior":    `href="/guides/career-path#quiz"`,
	} {
		if got := cell(id); !strings.Contains(got, want) {
			t.Errorf("cell %s lacks %s: %s", id, want, got)
		}
	}
	if got := cell("sql-querying/junior"); strings.Contains(got, "/tasks/slo-error-budget-policy-senior") {
		t.Errorf("a senior task shows in a junior cell")
	}
}
