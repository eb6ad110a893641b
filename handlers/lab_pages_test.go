package handlers

import (
	"context"
	"net/url"
	"testing"
)

// The guide checklist's form: only a signed-in reader's own ticks, CSRF on
// the post, and a clear refusal of an item the checklist lacks.
func TestGuideChecklistForm(t *testing.T) {
	s := newTestServer(t)
	user := newClient(t, s)
	_, uid := signupAndLogin(t, user, "check@example.com")
	tok := user.csrf()
	anon := newClient(t, s)
	anonTok := anon.csrf()
	runScenarios(t, s, []scenario{
		{name: "visitor sees a read-only checklist", url: "/guides/career-path", wantStatus: 200,
			want:    []string{`<li class="task-item"><label><input type="checkbox" value="0" disabled>`, `data-testid="checklist-signin"`},
			notWant: []string{`form="guide-checklist"`}},
		{name: "visitor cannot post", client: anon, method: "POST", url: "/guides/career-path/checklist", body: url.Values{"_csrf": {anonTok}, "done": {"1"}},
			wantStatus: 303, wantHeader: map[string]string{"Location": "/login"}},
		{name: "no CSRF token", client: user, method: "POST", url: "/guides/career-path/checklist", body: url.Values{"done": {"1"}},
			wantStatus: 403, want: []string{"CSRF"}},
		{name: "tick two", client: user, method: "POST", url: "/guides/career-path/checklist", body: url.Values{"_csrf": {tok}, "done": {"3", "1", "3"}},
			wantStatus: 303, wantHeaderIs: map[string]string{"Location": "/guides/career-path?checklist=saved#my-checklist"}},
		{name: "the page keeps them", client: user, url: "/guides/career-path?checklist=saved", wantStatus: 200,
			want: []string{`value="1" name="done" form="guide-checklist" checked>`, `value="3" name="done" form="guide-checklist" checked>`, `value="0" name="done" form="guide-checklist">`, "Saved ✓"}},
		{name: "the Korean version shares them", client: user, url: "/guides/career-path-ko", wantStatus: 200,
			want: []string{`value="1" name="done" form="guide-checklist" checked>`}},
		{name: "an item the checklist lacks", client: user, method: "POST", url: "/guides/career-path/checklist", body: url.Values{"_csrf": {tok}, "done": {"2", "6"}},
			wantStatus: 400, want: []string{"That is not an item of this checklist."}},
		{name: "not a number", client: user, method: "POST", url: "/guides/career-path/checklist", body: url.Values{"_csrf": {tok}, "done": {"first"}},
			wantStatus: 400, want: []string{"That is not an item of this checklist."}},
		{name: "script save answers JSON", client: user, method: "POST", url: "/guides/career-path/checklist", body: url.Values{"_csrf": {tok}, "done": {"0"}},
			headers: map[string]string{"X-Fragment": "1"}, wantStatus: 200, wantBody: `{"done":[0],"total":6}`},
		{name: "unknown guide", client: user, method: "POST", url: "/guides/nope/checklist", body: url.Values{"_csrf": {tok}},
			wantStatus: 404, want: []string{"Page not found"}},
	})
	ticks, err := s.store.ChecklistTicks(context.Background(), uid, "career-path")
	if err != nil || len(ticks) != 1 || !ticks[0] {
		t.Errorf("stored ticks = %v (%v), want only item 0: a refused post changes nothing", ticks, err)
	}
	// Untick everything: a post without done clears the list.
	if r := user.form("/guides/career-path/checklist", url.Values{"_csrf": {tok}}); r.status != 303 {
		t.Fatalf("clear the checklist: %d", r.status)
	}
	if ticks, _ := s.store.ChecklistTicks(context.Background(), uid, "career-path"); len(ticks) != 0 {
		t.Errorf("after unticking all, stored ticks = %v", ticks)
	}
}
