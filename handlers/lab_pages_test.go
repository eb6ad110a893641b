package handlers

import (
	"context"
	"net/url"
	"strings"
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

// Drafts: a normal CSRF-checked post, bounded like a submission, kept per
// learner and lab and shown to nobody else; Run, Submit and a hint keep one
// too; the page opens on it, or on the last attempt when asked.
func TestLabDrafts(t *testing.T) {
	s := newTestServer(t)
	user := newClient(t, s)
	_, uid := signupAndLogin(t, user, "drafter@example.com")
	tok := user.csrf()
	other := newClient(t, s)
	signupAndLogin(t, other, "other@example.com")
	anon := newClient(t, s)
	anonTok := anon.csrf()
	const path = "/labs/filter-sort-orders"
	draft := func() string {
		t.Helper()
		d, err := s.store.Draft(context.Background(), uid, "filter-sort-orders")
		if err != nil {
			t.Fatalf("the stored draft: %v", err)
		}
		return d.Body
	}
	runScenarios(t, s, []scenario{
		{name: "visitors keep no draft", client: anon, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {anonTok}, "sql": {"SELECT 1"}},
			wantStatus: 303, wantHeader: map[string]string{"Location": "/login"}},
		{name: "no CSRF token", client: user, method: "POST", url: path + "/draft", body: url.Values{"sql": {"SELECT 1"}},
			wantStatus: 403, want: []string{"CSRF"}},
		{name: "no text", client: user, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {tok}},
			wantStatus: 400, want: []string{"The draft needs the editor"}},
		{name: "too large", client: user, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {tok}, "sql": {strings.Repeat("x", 65<<10)}},
			headers: map[string]string{"X-Fragment": "1"}, wantStatus: 413, want: []string{"larger than 64 KB"}},
		{name: "too large without JavaScript keeps the text", client: user, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {tok}, "sql": {strings.Repeat("y", 65<<10)}},
			wantStatus: 413, want: []string{"larger than 64 KB", strings.Repeat("y", 1000)}},
		{name: "autosave", client: user, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 'draft <one>'"}},
			headers: map[string]string{"X-Fragment": "1"}, wantStatus: 204, wantEmpty: true,
			after: func(t *testing.T, _ reply) {
				if got := draft(); got != "SELECT 'draft <one>'" {
					t.Errorf("draft = %q", got)
				}
			}},
		{name: "the page opens on the draft, escaped", client: user, url: path, wantStatus: 200,
			want: []string{"SELECT &#39;draft &lt;one&gt;&#39;</textarea>", `data-draft="/labs/filter-sort-orders/draft"`}},
		{name: "nobody else sees it", client: other, url: path, wantStatus: 200,
			want: []string{`data-language="sql" data-schema=`}, notWant: []string{"draft &lt;one&gt;"}},
		{name: "save draft button", client: user, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 2"}},
			wantStatus: 303, wantHeaderIs: map[string]string{"Location": path + "?draft=saved#lab-form"}},
		{name: "saved, said", client: user, url: path + "?draft=saved", wantStatus: 200, want: []string{"Draft saved ✓", "SELECT 2</textarea>"}},
		{name: "run keeps the draft", client: user, method: "POST", url: path + "/run", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 3 AS three"}},
			wantStatus: 200, want: []string{"1 row"},
			after: func(t *testing.T, _ reply) {
				if got := draft(); got != "SELECT 3 AS three" {
					t.Errorf("after a run the draft = %q", got)
				}
			}},
		{name: "a hint in place keeps the draft", client: user, method: "POST", url: path + "/hints", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 4"}},
			headers: map[string]string{"X-Fragment": "1"}, wantStatus: 200, want: []string{`<section id="hints"`, "Show hint 2 of"}, notWant: []string{"<html"},
			after: func(t *testing.T, _ reply) {
				if got := draft(); got != "SELECT 4" {
					t.Errorf("after a hint the draft = %q", got)
				}
			}},
		{name: "a hint without JavaScript comes back to the page", client: user, method: "POST", url: path + "/hints", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 5"}},
			wantStatus: 303, wantHeaderIs: map[string]string{"Location": path + "#hints"}},
		{name: "which holds the text", client: user, url: path, wantStatus: 200, want: []string{"SELECT 5</textarea>", "Show hint 3 of"}},
		{name: "nothing to load yet", client: user, url: path + "?load=last", wantStatus: 200, want: []string{"You have no attempt at this lab yet", "SELECT 5</textarea>"}},
		{name: "submit keeps the draft", client: user, method: "POST", url: path + "/submit", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 6 AS attempt"}},
			wantStatus: 200, want: []string{"verdict-fail"},
			after: func(t *testing.T, _ reply) {
				if got := draft(); got != "SELECT 6 AS attempt" {
					t.Errorf("after a submission the draft = %q", got)
				}
			}},
		{name: "type on", client: user, method: "POST", url: path + "/draft", body: url.Values{"_csrf": {tok}, "sql": {"SELECT 7"}},
			headers: map[string]string{"X-Fragment": "1"}, wantStatus: 204, wantEmpty: true},
		{name: "load my last attempt", client: user, url: path + "?load=last", wantStatus: 200,
			want: []string{"SELECT 6 AS attempt</textarea>", `data-testid="loaded-attempt"`, `data-action="load-last"`}},
		{name: "the draft stays", client: user, url: path, wantStatus: 200, want: []string{"SELECT 7</textarea>"}},
		{name: "unknown lab", client: user, method: "POST", url: "/labs/nope/draft", body: url.Values{"_csrf": {tok}, "sql": {"x"}},
			wantStatus: 404, want: []string{"Page not found"}},
	})
}
