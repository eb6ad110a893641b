package handlers

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"ladder/content"
)

// Assignments (issue 14, bug 2): the server refuses a past due date and a
// second assignment of the same curriculum; mentors change due dates and
// delete assignments through the API and the pages, under the same access
// rules, and deleting leaves the learners' work alone.
func TestAssignmentChanges(t *testing.T) {
	clock := newTestClock(time.Date(2026, 12, 10, 12, 0, 0, 0, time.UTC))
	s := newServerFor(t, content.Files, testPool(t), storeWithClock(t, clock.Now))
	mentor, other, learner, _, admin := mentoringWorld(t, s)
	id := func(r reply) int64 {
		t.Helper()
		if r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		return int64(r.json(t)["id"].(float64))
	}
	co := id(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Winter"}))
	co2 := id(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Spring"}))
	if r := mentor.call("POST", fmt.Sprintf("/api/v1/cohorts/%d/members", co), map[string]string{"email": "learner@example.com"}); r.status != 201 {
		t.Fatalf("add member: %d %s", r.status, r.body)
	}
	curriculum := func(who actor, title string) int64 {
		return id(who.call("POST", "/api/v1/curricula", map[string]any{"title": title, "items": []map[string]string{{"kind": "lab", "ref": "filter-sort-orders"}, {"kind": "guide", "ref": "career-path"}}}))
	}
	week, extra, admins := curriculum(mentor, "Week one"), curriculum(mentor, "Extra"), curriculum(admin, "Admin's")
	lab := s.labs.Lab("filter-sort-orders")
	sub := id(learner.call("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": lab.Solution}))
	if r := learner.call("POST", "/api/v1/guides/career-path/quiz", map[string]any{"answers": map[string][]int{}}); r.status != 200 {
		t.Fatalf("quiz attempt: %d %s", r.status, r.body)
	}

	list := fmt.Sprintf("/api/v1/cohorts/%d/assignments", co)
	pastDue := apiError("due must be today (2026-12-10 in UTC) or later")
	twice := apiError("this curriculum is already assigned to this cohort or to this learner: change that assignment's due date instead")
	notFound, forbidden := apiError("not found"), apiError("your role does not allow this")
	var weekID, extraID, adminsID, springID int64
	keep := func(into *int64) func(*testing.T, reply) {
		return func(t *testing.T, r reply) { *into = int64(r.json(t)["id"].(float64)) }
	}
	runScenarios(t, s, []scenario{
		{name: "due yesterday", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2026-12-09"}, wantStatus: 400, wantBody: pastDue},
		{name: "a timestamp on yesterday's UTC day", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2026-12-10T01:00:00+03:00"}, wantStatus: 400, wantBody: pastDue},
		{name: "due today", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2026-12-10"}, wantStatus: 201, want: []string{`{"id":`}, after: keep(&weekID)},
		{name: "the same curriculum again", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2027-01-31"}, wantStatus: 409, wantBody: twice},
		{name: "the same curriculum to a learner who has it from the cohort", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2027-01-31", "user_id": learner.id}, wantStatus: 409, wantBody: twice},
		{name: "another curriculum to the learner", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": extra, "due": "2027-01-31", "user_id": learner.id}, wantStatus: 201, want: []string{`{"id":`}, after: keep(&extraID)},
		{name: "that curriculum to the learner again", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": extra, "due": "2027-02-28", "user_id": learner.id}, wantStatus: 409, wantBody: twice},
		{name: "that curriculum to the whole cohort, which has the learner", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": extra, "due": "2027-01-31"}, wantStatus: 409, wantBody: twice},
		{name: "the same curriculum to another cohort", method: "POST", url: fmt.Sprintf("/api/v1/cohorts/%d/assignments", co2), headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2027-01-31"}, wantStatus: 201, want: []string{`{"id":`}, after: keep(&springID)},
		{name: "an admin's curriculum to the learner", method: "POST", url: list, headers: admin.auth(), body: map[string]any{"curriculum_id": admins, "due": "2027-01-31", "user_id": learner.id}, wantStatus: 201, want: []string{`{"id":`}, after: keep(&adminsID)},
	})
	one := func(aid int64) string { return fmt.Sprintf("%s/%d", list, aid) }
	runScenarios(t, s, []scenario{
		{name: "list", url: list, headers: mentor.auth(), wantStatus: 200, want: []string{
			fmt.Sprintf(`{"cohort_id":%d,"curriculum":"Week one","curriculum_id":%d,"due":"2026-12-10","id":%d}`, co, week, weekID),
			fmt.Sprintf(`{"curriculum":"Extra","curriculum_id":%d,"due":"2027-01-31","id":%d,"user_id":%d}`, extra, extraID, learner.id)},
			notWant: []string{fmt.Sprintf(`"id":%d,`, springID)}},
		{name: "another mentor lists", url: list, headers: other.auth(), wantStatus: 404, wantBody: notFound},
		{name: "a learner lists", url: list, headers: learner.auth(), wantStatus: 403, wantBody: forbidden},
		{name: "change the due date", method: "PATCH", url: one(weekID), headers: mentor.auth(), body: map[string]string{"due": "2027-01-15"}, wantStatus: 200,
			wantBody: fmt.Sprintf(`{"cohort_id":%d,"curriculum":"Week one","curriculum_id":%d,"due":"2027-01-15","id":%d}`, co, week, weekID)},
		{name: "change it to the past", method: "PATCH", url: one(weekID), headers: mentor.auth(), body: map[string]string{"due": "2026-12-01"}, wantStatus: 400, wantBody: pastDue},
		{name: "change it to no date", method: "PATCH", url: one(weekID), headers: mentor.auth(), body: map[string]string{"due": "soon"}, wantStatus: 400,
			wantBody: apiError("due must be an RFC 3339 date such as 2026-12-31")},
		{name: "change with no body", method: "PATCH", url: one(weekID), headers: mentor.auth(), wantStatus: 400, wantBody: apiError("the request body must be a JSON object")},
		{name: "change with a form body", method: "PATCH", url: one(weekID), headers: mentor.auth(), body: "due=2027-01-01", contentType: "application/x-www-form-urlencoded", wantStatus: 415,
			want: []string{"the request body must be JSON"}},
		{name: "the refused changes changed nothing", url: list, headers: mentor.auth(), wantStatus: 200, want: []string{fmt.Sprintf(`"due":"2027-01-15","id":%d}`, weekID)}},
		{name: "another mentor changes it", method: "PATCH", url: one(weekID), headers: other.auth(), body: map[string]string{"due": "2027-01-20"}, wantStatus: 404, wantBody: notFound},
		{name: "a learner changes it", method: "PATCH", url: one(weekID), headers: learner.auth(), body: map[string]string{"due": "2027-01-20"}, wantStatus: 403, wantBody: forbidden},
		{name: "another cohort's assignment through this cohort", method: "PATCH", url: one(springID), headers: mentor.auth(), body: map[string]string{"due": "2027-01-20"}, wantStatus: 404, wantBody: notFound},
		{name: "an unknown assignment", method: "PATCH", url: one(999999), headers: mentor.auth(), body: map[string]string{"due": "2027-01-20"}, wantStatus: 404, wantBody: notFound},
		{name: "the learner's assignment with a curriculum of the mentor's", method: "PATCH", url: one(extraID), headers: mentor.auth(), body: map[string]string{"due": "2027-02-01"}, wantStatus: 200,
			want: []string{`"due":"2027-02-01"`, fmt.Sprintf(`"user_id":%d`, learner.id)}},
		{name: "the learner's assignment with the admin's curriculum, by the mentor", method: "PATCH", url: one(adminsID), headers: mentor.auth(), body: map[string]string{"due": "2027-02-01"}, wantStatus: 404, wantBody: notFound},
		{name: "the same, by the admin", method: "PATCH", url: one(adminsID), headers: admin.auth(), body: map[string]string{"due": "2027-02-01"}, wantStatus: 200, want: []string{`"due":"2027-02-01"`}},
		{name: "another mentor deletes it", method: "DELETE", url: one(weekID), headers: other.auth(), wantStatus: 404, wantBody: notFound},
		{name: "a learner deletes it", method: "DELETE", url: one(weekID), headers: learner.auth(), wantStatus: 403, wantBody: forbidden},
		{name: "delete", method: "DELETE", url: one(weekID), headers: mentor.auth(), wantStatus: 204, wantEmpty: true},
		{name: "delete again", method: "DELETE", url: one(weekID), headers: mentor.auth(), wantStatus: 404, wantBody: notFound},
		{name: "the other cohort keeps its own", url: fmt.Sprintf("/api/v1/cohorts/%d/assignments", co2), headers: mentor.auth(), wantStatus: 200, want: []string{fmt.Sprintf(`"id":%d}`, springID)}},
		{name: "the learner no longer has it", url: "/api/v1/me/assignments", headers: learner.auth(), wantStatus: 200, want: []string{`"curriculum":"Extra"`}, notWant: []string{`"curriculum":"Week one"`}},
		// Only the assignment went: the learner's work and its evidence stay.
		{name: "the submission stays", url: fmt.Sprintf("/api/v1/submissions/%d", sub), headers: learner.auth(), wantStatus: 200, want: []string{`"passed":true`}},
		{name: "the lab is still passed", url: "/api/v1/me/progress", headers: learner.auth(), wantStatus: 200,
			want: []string{`{"id":"filter-sort-orders","status":"passed"}`, `"slug":"career-path","lang":"en","passed":false,"attempted":true`}},
		{name: "once deleted, it can be assigned again", method: "POST", url: list, headers: mentor.auth(), body: map[string]any{"curriculum_id": week, "due": "2027-03-01"}, wantStatus: 201, want: []string{`{"id":`}, after: keep(&weekID)},
	})

	// Cookie sessions need the CSRF token on these routes too.
	browser := newClient(t, s)
	if r := browser.json("POST", "/api/v1/auth/login", map[string]string{"email": "mentor@example.com", "password": "correct horse battery"}, nil); r.status != 200 {
		t.Fatalf("cookie login: %d %s", r.status, r.body)
	}
	tok := browser.csrf()
	page := cohortURL(co) + "/assignments/" + fmt.Sprint(weekID)
	runScenarios(t, s, []scenario{
		{name: "API change without the CSRF token", client: browser, method: "PATCH", url: one(weekID), body: map[string]string{"due": "2027-03-02"}, wantStatus: 403, want: []string{"CSRF"}},
		{name: "API delete without the CSRF token", client: browser, method: "DELETE", url: one(weekID), wantStatus: 403, want: []string{"CSRF"}},
		{name: "API change with it", client: browser, method: "PATCH", url: one(weekID), headers: map[string]string{"X-Csrf-Token": tok}, body: map[string]string{"due": "2027-03-02"}, wantStatus: 200, want: []string{`"due":"2027-03-02"`}},
		// The pages.
		{name: "page: change without the token", client: browser, method: "POST", url: page, body: url.Values{"due": {"2027-03-03"}}, wantStatus: 403, want: []string{"CSRF"}},
		{name: "page: change", client: browser, method: "POST", url: page, body: url.Values{"_csrf": {tok}, "due": {"2027-03-03"}}, wantStatus: 303,
			wantHeaderIs: map[string]string{"Location": cohortURL(co) + "?msg=due_changed#assign"}},
		{name: "page: change to the past is answered in place", client: browser, method: "POST", url: page, body: url.Values{"_csrf": {tok}, "due": {"2026-12-09"}}, wantStatus: 400,
			want: []string{`data-flash="flash.due_past"`, "The due date is in the past.", `value="2027-03-03"`}},
		{name: "page: assign twice is answered in place, keeping the choices", client: browser, method: "POST", url: cohortURL(co) + "/assignments",
			body: url.Values{"_csrf": {tok}, "curriculum_id": {fmt.Sprint(week)}, "user_id": {"0"}, "due": {"2027-04-01"}}, wantStatus: 409,
			want: []string{`data-flash="flash.already_assigned"`, fmt.Sprintf(`<option value="%d" selected>Week one</option>`, week), `value="2027-04-01" data-testid="assign-due"`}},
		{name: "page: the confirmation", client: browser, url: page + "/delete", wantStatus: 200,
			want: []string{"Delete this assignment?", "“Week one”, due 2027-03-03, will no longer be assigned to everyone in Winter.", `action="` + page + `/delete"`, `name="_csrf"`}},
		{name: "page: the confirmation in Korean", client: browser, url: page + "/delete", headers: map[string]string{"Accept-Language": "ko"}, wantStatus: 200,
			want: []string{"이 배정을 삭제할까요?", "Winter 전체에게 배정한 “Week one”(마감 2027-03-03)을(를) 취소합니다."}, notWant: []string{"%!"}},
		{name: "page: another mentor's confirmation", url: page + "/delete", headers: other.auth(), wantStatus: 404, want: []string{"<h1>Page not found</h1>"}},
		{name: "page: another mentor deletes", method: "POST", url: page + "/delete", headers: other.auth(), body: url.Values{}, wantStatus: 404, want: []string{"<h1>Page not found</h1>"}},
		{name: "page: delete without the token", client: browser, method: "POST", url: page + "/delete", body: url.Values{}, wantStatus: 403, want: []string{"CSRF"}},
		{name: "page: delete", client: browser, method: "POST", url: page + "/delete", body: url.Values{"_csrf": {tok}}, wantStatus: 303,
			wantHeaderIs: map[string]string{"Location": cohortURL(co) + "?msg=assignment_deleted#assign"}},
		{name: "page: deleted", client: browser, url: cohortURL(co) + "?msg=assignment_deleted", wantStatus: 200,
			want: []string{"Assignment deleted. The learners&#39; work is kept and still counts."}, notWant: []string{">Week one</strong>"}},
	})
	// A curriculum with no items yet heads no column group.
	empty := id(mentor.call("POST", "/api/v1/curricula", map[string]any{"title": "Empty so far", "items": []map[string]string{}}))
	if r := mentor.call("POST", list, map[string]any{"curriculum_id": empty, "due": "2027-05-01"}); r.status != 201 {
		t.Fatalf("assign the empty curriculum: %d %s", r.status, r.body)
	}
	runScenarios(t, s, []scenario{
		{name: "page: an empty assignment", url: cohortURL(co), headers: mentor.auth(), wantStatus: 200,
			want: []string{"<strong>Empty so far</strong>", `data-testid="cohort-table"`}, notWant: []string{`colspan="0"`, `class="group-head"`, `rowspan="2"`}},
	})
}
