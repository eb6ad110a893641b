package handlers

import (
	"context"
	"html/template"
	"net/url"
	"strings"
	"testing"
)

// The lab page without JavaScript: plain form posts, full pages back.
func TestLabPagesWithoutJavaScript(t *testing.T) {
	s := newTestServer(t)
	anon := newClient(t, s)
	tok := anon.csrf()
	runScenarios(t, s, []scenario{
		{name: "catalog", url: "/labs", wantStatus: 200, want: []string{"/labs/filter-sort-orders", "badge level-junior", "Data quality", "progress is kept only after you sign in"}},
		{name: "catalog filtered", url: "/labs?kind=etl&level=senior", wantStatus: 200, want: []string{"/labs/scd-type2-customers", "/labs/late-arriving-events"}, notWant: []string{"/labs/filter-sort-orders\""}},
		{name: "catalog empty", url: "/labs?kind=etl&level=junior&competency=ml-basics", wantStatus: 200, want: []string{"No lab matches these filters."}},
		{name: "lab page", url: "/labs/filter-sort-orders", wantStatus: 200,
			want:    []string{"<h1>Filter and sort March orders</h1>", `data-testid="anon-banner"`, "shop.orders", `name="sql"`, `formaction="/labs/filter-sort-orders/run"`, "Show hint 1 of", "/guides/junior-data-engineer"},
			notWant: []string{`data-testid="solution"`}},
		{name: "unknown lab", url: "/labs/nope", wantStatus: 404, want: []string{"Page not found"}},
		{name: "guide links to labs", url: "/guides/data-reliability-engineering", wantStatus: 200, want: []string{"Practise this", "/labs/freshness-check"}},
	})
	post := func(name, path string, form url.Values, status int, want ...string) scenario {
		form.Set("_csrf", tok)
		return scenario{name: name, client: anon, method: "POST", url: path, body: form, wantStatus: status, want: want}
	}
	runScenarios(t, s, []scenario{
		// The SQL typed is kept in the textarea.
		post("run form", "/labs/filter-sort-orders/run", url.Values{"sql": {"SELECT order_id FROM shop.orders ORDER BY order_id LIMIT 3"}}, 200,
			`data-testid="run-result"`, "3 rows", "<html", "ORDER BY order_id LIMIT 3</textarea>"),
		post("anonymous submit form", "/labs/filter-sort-orders/submit", url.Values{"sql": {"SELECT 1"}}, 200, "verdict-fail", "Not saved"),
		{name: "submitted SQL is echoed escaped", client: anon, method: "POST", url: "/labs/filter-sort-orders/submit",
			body: url.Values{"_csrf": {tok}, "sql": {"SELECT <script>alert(1)</script>"}}, wantStatus: 422,
			want: []string{"SELECT &lt;script&gt;alert(1)&lt;/script&gt;</textarea>"}, notWant: []string{"<script>alert(1)"}},
		// A hint is a button of the lab's form: the page comes back with the
		// text that was in the editor, and the next hint.
		{name: "anonymous hint", client: anon, method: "POST", url: "/labs/filter-sort-orders/hints", body: url.Values{"_csrf": {tok}, "hints": {"0"}, "sql": {"SELECT 'kept <b>'"}},
			wantStatus: 200, want: []string{"SELECT &#39;kept &lt;b&gt;&#39;</textarea>", string(inlineCode(s.labs.Lab("filter-sort-orders").Hints[0])), `name="hints" value="1"`, "Show hint 2 of"}},
		{name: "the first hint is shown", client: anon, url: "/labs/filter-sort-orders?hints=1", wantStatus: 200,
			want: []string{template.HTMLEscapeString(s.labs.Lab("filter-sort-orders").Hints[0])}},
	})

	// Signed in: attempts, hints and the solution are remembered.
	user := newClient(t, s)
	_, uid := signupAndLogin(t, user, "jun@example.com")
	tok = user.csrf()
	lab := s.labs.Lab("filter-sort-orders")
	user.form("/labs/filter-sort-orders/hints", url.Values{"_csrf": {tok}})
	user.form("/labs/filter-sort-orders/hints", url.Values{"_csrf": {tok}})
	if n, _ := s.store.HintsRevealed(context.Background(), uid, lab.ID); n != 2 {
		t.Errorf("%d hints recorded, want 2", n)
	}
	r := user.form("/labs/filter-sort-orders/submit", url.Values{"_csrf": {tok}, "sql": {lab.Solution}})
	if r.status != 200 || !strings.Contains(r.body, "verdict-pass") || !strings.Contains(r.body, `data-testid="solution"`) || !strings.Contains(r.body, "Your attempts") {
		t.Errorf("signed-in submit: %d", r.status)
	}
	page := user.do("GET", "/labs/filter-sort-orders", "", nil, nil)
	if !strings.Contains(page.body, `data-testid="solution"`) || !strings.Contains(page.body, "status-passed") || strings.Count(page.body, `class="attempt"`) != 1 {
		t.Errorf("lab page after a pass lacks the solution, status or attempt")
	}
	if !strings.Contains(page.body, string(inlineCode(lab.Hints[1]))) {
		t.Error("revealed hints are not shown again")
	}
	if r := user.form("/labs/filter-sort-orders/submit", url.Values{"_csrf": {tok}, "sql": {strings.Repeat("x", 70<<10)}}); r.status != 413 || !strings.Contains(r.body, "larger than 64 KB") {
		t.Errorf("oversized form submit: %d", r.status)
	}

	// Dashboard, mark as read and self-assessment.
	runScenarios(t, s, []scenario{
		{name: "mark read form", client: user, method: "POST", url: "/guides/career-path/read", body: url.Values{"_csrf": {tok}}, wantStatus: 303,
			wantHeaderIs: map[string]string{"Location": "/guides/career-path#read"}},
	})
	if g := user.do("GET", "/guides/career-path-ko", "", nil, nil); !strings.Contains(g.body, `data-testid="guide-read"`) {
		t.Error("the Korean version does not show as read")
	}
	dash := user.do("GET", "/me", "", nil, nil)
	for _, w := range []string{`data-testid="overall-level"`, `<svg class="radar"`, `data-testid="radar-shape"`, `data-testid="next-steps"`, "Passed", lab.Title, `data-testid="progress-sql-querying"`, "Still needed for"} {
		if !strings.Contains(dash.body, w) {
			t.Errorf("dashboard lacks %q", w)
		}
	}
	r = user.form("/me/self-assessment", url.Values{"_csrf": {tok}, "rating_sql-querying": {"3"}, "note_sql-querying": {"I write window functions <daily>"}})
	if r.status != 303 {
		t.Fatalf("self-assessment: %d %s", r.status, r.body)
	}
	if r.header.Get("Location") != "/me/self-assessment?saved=1" {
		t.Errorf("self-assessment redirects to %q", r.header.Get("Location"))
	}
	own := user.do("GET", "/me/self-assessment", "", nil, nil)
	if !strings.Contains(own.body, `<option value="3" selected>`) || !strings.Contains(own.body, "I write window functions &lt;daily&gt;") {
		t.Error("the self-assessment page does not show the saved rating and note")
	}
	dash = user.do("GET", "/me", "", nil, nil)
	if !strings.Contains(dash.body, "3 / 4") || !strings.Contains(dash.body, `data-testid="self-assessment-link"`) {
		t.Error("the dashboard lacks the self-rating or the link to its page")
	}
	if !strings.Contains(dash.body, `data-testid="level-sql-querying">Junior`) {
		t.Error("the self-assessment changed the evidence-based level")
	}
	runScenarios(t, s, []scenario{
		{name: "rating 9", client: user, method: "POST", url: "/me/self-assessment", body: url.Values{"_csrf": {tok}, "rating_sql-querying": {"9"}}, wantStatus: 400,
			want: []string{`data-testid="self-error"`, "must be a whole number from 1 to 4"}},
		{name: "anonymous dashboard", url: "/me", wantStatus: 303, wantHeaderIs: map[string]string{"Location": "/login?next=%2Fme"}},
	})
}

// A code lab's page without JavaScript: the Python editor's textarea, the
// visible tests, Run's table of tests and printed output, and Submit.
func TestCodeLabPages(t *testing.T) {
	s := newTestServer(t)
	anon := newClient(t, s)
	tok := anon.csrf()
	lab := s.labs.Lab("parse-csv-line")
	runScenarios(t, s, []scenario{
		{name: "catalog of code labs", url: "/labs?kind=code", wantStatus: 200,
			want: []string{"/labs/parse-csv-line", "/labs/normalise-payment-record", "/labs/test-batching-function", ">Code<"}, notWant: []string{"/labs/filter-sort-orders\""}},
		{name: "code lab page", url: "/labs/parse-csv-line", wantStatus: 200,
			want:    []string{"<h1>Parse a line of a messy CSV export</h1>", "Your code", `data-language="python"`, `data-testid="visible-tests"`, "def test_quoted_comma():", "Starlark program"},
			notWant: []string{`data-testid="solution"`, "Tables in this lab", "test_quoted_spaces_kept", "Your SQL"}},
		{name: "test-writing lab page", url: "/labs/test-batching-function", wantStatus: 200,
			want:    []string{"Your tests", `data-language="python"`, "test_* that check the function"},
			notWant: []string{`data-testid="visible-tests"`, "test_input_unchanged"}},
	})
	r := anon.form("/labs/parse-csv-line/run", url.Values{"_csrf": {tok}, "sql": {"print('<b>hi</b>')\ndef parse_line(line):\n    return line.split(\",\")\n"}})
	if r.status != 200 || !strings.Contains(r.body, `data-testid="run-result"`) || !strings.Contains(r.body, "<html") {
		t.Fatalf("run form: %d %.300s", r.status, r.body)
	}
	for _, w := range []string{"<code>test_plain_fields</code>", "✓ passed", "✗ failed", "a quoted field keeps its comma", `data-testid="run-output">&lt;b&gt;hi&lt;/b&gt;`, "2 of 8 tests pass."} {
		if !strings.Contains(r.body, w) {
			t.Errorf("run page lacks %q", w)
		}
	}
	if strings.Contains(r.body, "<b>hi</b>") {
		t.Error("printed output is echoed unescaped")
	}
	r = anon.form("/labs/parse-csv-line/submit", url.Values{"_csrf": {tok}, "code": {"def parse_line(line):\n    return line.split(\",\")\n"}})
	if r.status != 200 || !strings.Contains(r.body, "verdict-fail") || !strings.Contains(r.body, "Visible tests: ✗") || !strings.Contains(r.body, "test_quoted_comma: parse_line(") {
		t.Errorf("submit form with the code field: %d", r.status)
	}
	r = anon.form("/labs/parse-csv-line/submit", url.Values{"_csrf": {tok}, "sql": {"def parse_line(line)\n"}})
	if r.status != 422 || !strings.Contains(r.body, "does not compile") || !strings.Contains(r.body, "submission.star:2:1") {
		t.Errorf("syntax error in the form: %d", r.status)
	}

	// Signed in: a pass is stored and shows the reference; a test-writing
	// lab shows its reference tests.
	user := newClient(t, s)
	signupAndLogin(t, user, "mina@example.com")
	tok = user.csrf()
	r = user.form("/labs/parse-csv-line/submit", url.Values{"_csrf": {tok}, "sql": {lab.Solution}})
	if r.status != 200 || !strings.Contains(r.body, "verdict-pass") || !strings.Contains(r.body, `data-testid="solution"`) || !strings.Contains(r.body, "Your attempts") {
		t.Errorf("signed-in code submit: %d", r.status)
	}
	batching := s.labs.Lab("test-batching-function")
	r = user.form("/labs/test-batching-function/submit", url.Values{"_csrf": {tok}, "sql": {batching.VisibleTests}})
	if r.status != 200 || !strings.Contains(r.body, "verdict-pass") || !strings.Contains(r.body, "def test_input_unchanged():") {
		t.Errorf("test-writing submit: %d", r.status)
	}
	r = user.form("/labs/test-batching-function/submit", url.Values{"_csrf": {tok}, "sql": {"def test_one():\n    assert_eq(batches([1, 2, 3], 2), [[1, 2], [3]])\n"}})
	if r.status != 200 || !strings.Contains(r.body, "survive: ") || !strings.Contains(r.body, "empties-the-callers-list") {
		t.Errorf("weak tests: %d", r.status)
	}
}
