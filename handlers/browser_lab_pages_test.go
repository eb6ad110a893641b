package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ladder/content"
	"ladder/domain"
)

// labBrowser drives the lab pages of one test server in one tab.
type labBrowser struct {
	t    *testing.T
	ctx  context.Context
	base string
}

func labCSS(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// do runs actions and fails the test with what was being done.
func (b labBrowser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression whose value is a string.
func (b labBrowser) eval(expr string) string {
	b.t.Helper()
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return out
}

// text is the visible text of the first element sel matches.
func (b labBrowser) text(sel string) string {
	b.t.Helper()
	b.do("wait for "+sel, chromedp.WaitVisible(labCSS(sel)))
	out, err := chromedp.Run(b.ctx, chromedp.Text(labCSS(sel)))
	if err != nil {
		b.t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(out)
}

// setEditor replaces the editor's whole text as a paste would: typed keys
// would be completed and indented by the editor.
func (b labBrowser) setEditor(text string) {
	b.t.Helper()
	editor := labCSS(`.cm-content`)
	b.do("select the editor's text",
		chromedp.WaitVisible(editor),
		chromedp.Click(editor),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	)
	if text == "" {
		b.do("clear the editor", chromedp.KeyEvent("\b"))
		return
	}
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.execCommand("insertText", false, %q)`, text))); err != nil {
		b.t.Fatalf("write into the editor: %v", err)
	}
}

// editorText is what the editor holds, through the textarea it keeps in step.
func (b labBrowser) editorText() string {
	b.t.Helper()
	return b.eval(`document.querySelector("textarea[name=sql]").value`)
}

// cells reads a result table's body cells, row by row.
func (b labBrowser) cells(sel string) [][]string {
	b.t.Helper()
	raw := b.eval(fmt.Sprintf(`JSON.stringify(Array.from(document.querySelectorAll(%q)).map(tr => Array.from(tr.cells).map(td => td.textContent.trim())))`, sel+" tbody tr"))
	var out [][]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatalf("cells of %s: %v (%s)", sel, err, raw)
	}
	return out
}

// signUp makes a learner account through the sign-up page.
func (b labBrowser) signUp(email, name string) {
	b.t.Helper()
	b.do("sign up "+email,
		chromedp.Navigate(b.base+"/signup"),
		chromedp.WaitVisible(labCSS("#email")),
		chromedp.SendKeys(labCSS("#email"), email),
		chromedp.SendKeys(labCSS("#display_name"), name),
		chromedp.SendKeys(labCSS("#password"), "a long enough password"),
		chromedp.Submit(labCSS("#password")),
		chromedp.WaitVisible(labCSS(`[data-testid="dashboard-link"]`)),
	)
}

// openLab opens a lab page and waits for the editor.
func (b labBrowser) openLab(id string) {
	b.t.Helper()
	b.do("open lab "+id, chromedp.Navigate(b.base+"/labs/"+id), chromedp.WaitVisible(labCSS(`.cm-content`)))
}

// press clicks a lab form button and waits for sel to show in the result
// that answers it: the result on screen is marked stale first, and the
// answer replaces it.
func (b labBrowser) press(action, sel string) {
	b.t.Helper()
	b.eval(`(function(){ var r = document.getElementById("lab-result"); if (r) { r.setAttribute("data-stale", "1"); } return ""; })()`)
	if err := chromedp.Do(b.ctx, chromedp.Click(labCSS(`button[data-action="`+action+`"]`)), chromedp.WaitVisible(labCSS(`#lab-result:not([data-stale]) `+sel))); err != nil {
		b.t.Fatalf("%s, then wait for %s: %v (result: %.400s)", action, sel, err, b.eval(`(document.getElementById("lab-result")||{}).textContent||""`))
	}
}

// Bug 7 of issue 14: values show by their DuckDB type, the same way in run
// results, schema samples and feedback; counts are plural only when they
// should be; Run says it runs; the shortcut help needs JavaScript.
func TestBrowserLabValuesByType(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	b := labBrowser{t: t, ctx: ctx, base: serveHTTP(t, s)}
	b.openLab("filter-sort-orders")

	if got := b.eval(`document.querySelector('button[data-action="run"]').getAttribute("data-busy")`); got != "Running…" {
		t.Errorf("Run's busy label = %q, want Running…", got)
	}
	if got := b.eval(`document.querySelector('button[data-action="submit"]').getAttribute("data-busy")`); got != "Grading…" {
		t.Errorf("Submit's busy label = %q, want Grading…", got)
	}
	if help := b.text("#sql-help"); !strings.Contains(help, "Ctrl/Cmd+Enter") {
		t.Errorf("with JavaScript the help = %q, want the shortcuts", help)
	}

	// Run results: DECIMAL(10,2) keeps its scale, a midnight TIMESTAMP its time.
	b.setEditor("SELECT order_id, order_ts, total_amount, CAST(order_ts AS DATE) AS day FROM shop.orders WHERE order_id IN (1001, 1002, 1003) ORDER BY order_id")
	b.press("run", `[data-testid="run-result"] table`)
	want := [][]string{
		{"1001", "2024-02-28 09:15:00", "120.00", "2024-02-28"},
		{"1002", "2024-02-29 23:50:00", "75.50", "2024-02-29"},
		{"1003", "2024-03-01 00:00:00", "89.90", "2024-03-01"},
	}
	if got := b.cells(`[data-testid="run-result"]`); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("run result cells = %q, want %q", got, want)
	}
	if meta := b.text(`[data-testid="run-result"] .meta`); meta != "3 rows" {
		t.Errorf("row count = %q, want 3 rows", meta)
	}
	b.setEditor("SELECT total_amount FROM shop.orders WHERE order_id = 1001")
	b.press("run", `[data-testid="run-result"] table`)
	if meta := b.text(`[data-testid="run-result"] .meta`); meta != "1 row" {
		t.Errorf("row count = %q, want 1 row", meta)
	}

	// Schema samples show the same values the same way.
	b.do("open the orders sample", chromedp.Click(labCSS(`details.schema details summary`)), chromedp.WaitVisible(labCSS(`details.schema details[open] table`)))
	sample := b.cells(`details.schema details[open]`)
	if len(sample) < 3 || sample[0][2] != "2024-02-28 09:15:00" || sample[0][4] != "120.00" || sample[1][4] != "75.50" || sample[2][2] != "2024-03-01 00:00:00" {
		t.Errorf("schema sample = %q, want 2024-02-28 09:15:00, 120.00, 75.50 and 2024-03-01 00:00:00", sample)
	}

	// Feedback names the missed midnight order the same way.
	b.setEditor("SELECT order_id, customer_id, order_ts, status, total_amount FROM shop.orders WHERE status IN ('shipped', 'delivered') AND order_ts > TIMESTAMP '2024-03-01 00:00:00' AND order_ts < TIMESTAMP '2024-04-01 00:00:00' AND total_amount >= 50 ORDER BY total_amount DESC, order_ts, order_id")
	b.press("submit", `[data-testid="verdict"]`)
	if fb := b.text(`[data-testid="verdict"]`); !strings.Contains(fb, "(1003, 13, 2024-03-01 00:00:00, delivered, 89.90)") {
		t.Errorf("feedback = %q, want the missing row (1003, 13, 2024-03-01 00:00:00, delivered, 89.90)", fb)
	}

	// Without JavaScript the shortcuts do nothing, so the help does not offer them.
	noJS, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	nb := labBrowser{t: t, ctx: noJS, base: b.base}
	nb.do("open the lab without JavaScript", chromedp.Navigate(b.base+"/labs/filter-sort-orders"), chromedp.WaitVisible(labCSS(`textarea[name=sql]`)))
	if help := nb.text("#sql-help"); strings.Contains(help, "Ctrl") {
		t.Errorf("without JavaScript the help = %q, want no keyboard shortcuts", help)
	}
}

// listMarker is the marker the browser draws for the list items sel
// matches: "none" when there is no bullet.
func (b labBrowser) listMarkers(sel string) []string {
	b.t.Helper()
	raw := b.eval(fmt.Sprintf(`JSON.stringify(Array.from(document.querySelectorAll(%q)).map(li => getComputedStyle(li).listStyleType))`, sel))
	var out []string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatalf("list markers of %s: %v (%s)", sel, err, raw)
	}
	return out
}

// checked lists which checklist boxes are ticked, and whether each can be.
func (b labBrowser) checked() (ticks []bool, enabled []bool) {
	b.t.Helper()
	raw := b.eval(`JSON.stringify(Array.from(document.querySelectorAll("article.prose li.task-item input[type=checkbox]")).map(i => [i.checked, !i.disabled]))`)
	var pairs [][2]bool
	if err := json.Unmarshal([]byte(raw), &pairs); err != nil {
		b.t.Fatalf("checklist: %v (%s)", err, raw)
	}
	for _, p := range pairs {
		ticks, enabled = append(ticks, p[0]), append(enabled, p[1])
	}
	return ticks, enabled
}

// Bug 8 of issue 14: a checklist item shows its checkbox and no bullet, an
// assignment item its ○/✓ and no bullet; and the guide checklist can be
// ticked, kept per learner and guide on the server, with or without
// JavaScript.
func TestBrowserGuideChecklist(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	b := labBrowser{t: t, ctx: ctx, base: serveHTTP(t, s)}
	const items = `article.prose li:has(> label > input[type=checkbox]), article.prose li:has(> input[type=checkbox])`

	// A visitor sees the checklist read-only, with a way to sign in.
	b.do("open a guide", chromedp.Navigate(b.base+"/guides/career-path"), chromedp.WaitVisible(labCSS("article.prose h1")))
	markers := b.listMarkers(items)
	if len(markers) != 6 {
		t.Fatalf("the career path checklist has %d items, want 6", len(markers))
	}
	for i, m := range markers {
		if m != "none" {
			t.Errorf("checklist item %d has the list marker %q beside its checkbox, want none", i, m)
		}
	}
	if _, enabled := b.checked(); enabled[0] {
		t.Error("a visitor can tick the checklist, which nothing would keep")
	}
	if prompt := b.eval(`(document.querySelector('[data-testid="checklist-signin"]') || {}).textContent || ""`); !strings.Contains(prompt, "Log in") {
		t.Errorf("visitor's checklist prompt = %q", prompt)
	}

	// A learner ticks two items; they stay ticked, in both languages.
	b.signUp("tick@example.com", "Tick")

	// Assignment items on the dashboard: a ○ or ✓ and no bullet.
	makeUser(t, s, "mentor@example.com", "mentor")
	bg := context.Background()
	mentor, _ := s.store.UserByEmail(bg, "mentor@example.com")
	co, err := s.ops.CreateCohort(bg, &mentor, "Checklists")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ops.AddMember(bg, &mentor, co.ID, "tick@example.com"); err != nil {
		t.Fatal(err)
	}
	cur, err := s.ops.CreateCurriculum(bg, &mentor, domain.CurriculumInput{Title: "Start", Items: []content.CurriculumItem{{Kind: "guide", Ref: "career-path"}, {Kind: "lab", Ref: "filter-sort-orders"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ops.Assign(bg, &mentor, domain.AssignInput{CohortID: co.ID, CurriculumID: cur, Due: s.now().AddDate(0, 0, 7).Format("2006-01-02")}); err != nil {
		t.Fatal(err)
	}
	b.do("open the dashboard", chromedp.Navigate(b.base+"/me"), chromedp.WaitVisible(labCSS(`[data-testid="assignment"]`)))
	for i, m := range b.listMarkers(`.assignment-items li`) {
		if m != "none" {
			t.Errorf("assignment item %d has the list marker %q beside its ○/✓, want none", i, m)
		}
	}

	b.do("open the guide signed in", chromedp.Navigate(b.base+"/guides/career-path"), chromedp.WaitVisible(labCSS(`[data-testid="checklist-form"]`)))
	if _, enabled := b.checked(); !enabled[0] {
		t.Fatal("a signed-in learner cannot tick the checklist")
	}
	for _, i := range []int{0, 2} {
		b.do(fmt.Sprintf("tick item %d", i),
			chromedp.Click(labCSS(fmt.Sprintf(`input[type=checkbox][value="%d"]`, i))),
			chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="checklist-status"]').textContent.includes("Saved")`),
		)
		b.eval(`(function(){ document.querySelector('[data-testid="checklist-status"]').textContent = ""; return ""; })()`)
	}
	if save := b.eval(`String(document.querySelector('[data-testid="checklist-save"]').offsetParent !== null)`); save != "false" {
		t.Error("with JavaScript the save button still shows, though each tick saves at once")
	}
	want := "[true false true false false false]"
	b.do("reload", chromedp.Navigate(b.base+"/guides/career-path"), chromedp.WaitVisible(labCSS(`[data-testid="checklist-form"]`)))
	if ticks, _ := b.checked(); fmt.Sprint(ticks) != want {
		t.Errorf("after a reload the ticks are %v, want %v", ticks, want)
	}
	b.do("show the checklist", chromedp.ScrollIntoView(labCSS(`#my-checklist`)))
	screenshot(t, ctx, "guide-checklist.png")
	b.do("open the Korean guide", chromedp.Navigate(b.base+"/guides/career-path-ko"), chromedp.WaitVisible(labCSS(`[data-testid="checklist-form"]`)))
	if ticks, _ := b.checked(); fmt.Sprint(ticks) != want {
		t.Errorf("the Korean version's ticks are %v, want %v", ticks, want)
	}

	// Without JavaScript the form's button saves the whole list.
	noJS, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	nb := labBrowser{t: t, ctx: noJS, base: b.base}
	nb.do("untick one and tick another without JavaScript",
		chromedp.Navigate(b.base+"/guides/career-path"),
		chromedp.WaitVisible(labCSS(`[data-testid="checklist-save"]`)),
		chromedp.Click(labCSS(`input[type=checkbox][value="0"]`)),
		chromedp.Click(labCSS(`input[type=checkbox][value="5"]`)),
		chromedp.Click(labCSS(`[data-testid="checklist-save"]`)),
		chromedp.WaitVisible(labCSS(`[data-testid="checklist-status"].saved`)),
	)
	want = "[false false true false false true]"
	if ticks, _ := nb.checked(); fmt.Sprint(ticks) != want {
		t.Errorf("after the form post the ticks are %v, want %v", ticks, want)
	}

	// Another learner's checklist is their own.
	other := newClient(t, s)
	signupAndLogin(t, other, "other@example.com")
	if page := other.do("GET", "/guides/career-path", "", nil, nil); strings.Contains(page.body, "checked") {
		t.Error("another learner sees the first learner's ticks")
	}

}

// noJSTab opens a tab of the same browser, signed in as ctx is, with
// JavaScript off.
func (b labBrowser) noJSTab() (labBrowser, context.CancelFunc) {
	b.t.Helper()
	tab, cancel := chromedp.NewContext(b.ctx)
	if _, err := chromedp.Call(tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		cancel()
		b.t.Fatalf("turn JavaScript off: %v", err)
	}
	return labBrowser{t: b.t, ctx: tab, base: b.base}, cancel
}

// Bug 1 of issue 14: a hint no longer wipes the learner's SQL and verdict;
// a draft per lab and learner comes back on return; "load my last attempt"
// brings the last submission back; a passed lab opens on the passing
// answer; and without JavaScript the hint's post carries the editor's text.
func TestBrowserLabDraftsAndHints(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	b := labBrowser{t: t, ctx: ctx, base: serveHTTP(t, s)}
	lab := s.labs.Lab("filter-sort-orders")
	b.signUp("draft@example.com", "Dora")
	b.openLab(lab.ID)

	const wrong = "SELECT order_id, customer_id, order_ts, status, total_amount FROM shop.orders ORDER BY order_id"
	b.setEditor(wrong)
	b.press("submit", `[data-testid="verdict"].verdict-fail`)
	const typed = "SELECT order_id FROM shop.orders -- typed after the verdict"
	b.setEditor(typed)
	b.do("reveal a hint",
		chromedp.Click(labCSS(`[data-testid="hint-button"]`)),
		chromedp.WaitVisible(labCSS(`#hints ol.hints li`)),
	)
	if got := b.editorText(); got != typed {
		t.Errorf("after a hint the editor holds %q, want %q", got, typed)
	}
	if v := b.eval(`(document.querySelector('[data-testid="verdict"]') || {}).textContent || ""`); !strings.Contains(v, "Not yet") {
		t.Errorf("after a hint the verdict is %q, want the failed verdict still shown", v)
	}
	if h := b.text(`#hints ol.hints li`); h != strings.Trim(lab.Hints[0], "`") && !strings.Contains(h, "half-open range") {
		t.Errorf("hint shown = %q", h)
	}

	// The draft saves itself as the learner types, and comes back.
	const autosaved = "SELECT order_id FROM shop.orders WHERE status = 'shipped' -- autosaved"
	b.setEditor(autosaved)
	b.do("wait for the autosave", chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="draft-status"]').textContent.includes("Draft saved")`))
	u, _ := s.store.UserByEmail(context.Background(), "draft@example.com")
	if d, err := s.store.Draft(context.Background(), u.ID, lab.ID); err != nil || d.Body != autosaved {
		t.Errorf("stored draft = %q (%v), want the typed text", d.Body, err)
	}
	b.do("leave the lab", chromedp.Navigate(b.base+"/labs"), chromedp.WaitVisible(labCSS(`[data-testid="lab-count"]`)))
	b.openLab(lab.ID)
	if got := b.editorText(); got != autosaved {
		t.Errorf("on return the editor holds %q, want the draft %q", got, autosaved)
	}
	if n := b.eval(`String(document.querySelectorAll("#hints ol.hints li").length)`); n != "1" {
		t.Errorf("on return %s hints show, want the 1 revealed", n)
	}

	// Load my last attempt: the submitted text, not the draft.
	b.do("load the last attempt", chromedp.Click(labCSS(`[data-action="load-last"]`)))
	if got := b.editorText(); got != wrong {
		t.Errorf("after loading the last attempt the editor holds %q, want %q", got, wrong)
	}

	// Without JavaScript: the hint's post keeps what was typed.
	nb, cancel := b.noJSTab()
	defer cancel()
	const noJS = "SELECT 42 AS typed_without_javascript"
	nb.do("type without JavaScript",
		chromedp.Navigate(b.base+"/labs/"+lab.ID),
		chromedp.WaitVisible(labCSS(`textarea[name=sql]`)),
		chromedp.SetValue(labCSS(`textarea[name=sql]`), noJS),
		chromedp.Click(labCSS(`[data-testid="hint-button"]`)),
		chromedp.WaitVisible(labCSS(`#hints ol.hints li:nth-child(2)`)),
	)
	if got, _ := chromedp.Run(nb.ctx, chromedp.Value(labCSS(`textarea[name=sql]`))); got != noJS {
		t.Errorf("without JavaScript the hint brought back %q, want %q", got, noJS)
	}

	// A lab passed elsewhere (here through the API) opens on the passing answer.
	tok := labAPIToken(t, s, "draft@example.com", "a long enough password")
	other := s.labs.Lab("customers-without-orders")
	if r := newClient(t, s).json("POST", "/api/v1/labs/"+other.ID+"/submissions", map[string]string{"sql": other.Solution}, bearer(tok)); r.status != 201 {
		t.Fatalf("pass through the API: %d %s", r.status, r.body)
	}
	b.openLab(other.ID)
	if got := b.editorText(); got != other.Solution {
		t.Errorf("a passed lab opens with %q, want the passing submission", got)
	}
}

// labAPIToken logs in through the API and returns the bearer token.
func labAPIToken(t *testing.T, s *Server, email, password string) string {
	t.Helper()
	r := newClient(t, s).json("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": password}, nil)
	tok, _ := r.json(t)["token"].(string)
	if r.status != 200 || tok == "" {
		t.Fatalf("API login: %d %s", r.status, r.body)
	}
	return tok
}

// rect is an element's box in the viewport, and the viewport's size.
type labRect struct {
	Top, Bottom, Left, Right, Width, Height float64
	ViewW, ViewH                            float64
	Position                                string
}

func (b labBrowser) rect(sel string) labRect {
	b.t.Helper()
	raw := b.eval(fmt.Sprintf(`(function(){ var el = document.querySelector(%q); if (!el) { return "{}"; } var r = el.getBoundingClientRect();
		return JSON.stringify({Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height,
			ViewW: window.innerWidth, ViewH: window.innerHeight, Position: getComputedStyle(el).position}); })()`, sel))
	var r labRect
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		b.t.Fatalf("rect of %s: %v (%s)", sel, err, raw)
	}
	return r
}

// Gap 9 of issue 14: a pass looks like one, says what it moved, links the
// next lab, shows the highlighted solution whole; the editor stays in view
// while the instructions scroll, hints sit by it; a phone stacks the page;
// a quality lab's Run shows every check.
func TestBrowserLabPass(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	b := labBrowser{t: t, ctx: ctx, base: serveHTTP(t, s)}
	bg := context.Background()
	b.signUp("pass@example.com", "Pat")
	makeUser(t, s, "coach@example.com", "mentor")
	coach, _ := s.store.UserByEmail(bg, "coach@example.com")
	co, err := s.ops.CreateCohort(bg, &coach, "Pass")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ops.AddMember(bg, &coach, co.ID, "pass@example.com"); err != nil {
		t.Fatal(err)
	}
	cur, err := s.ops.CreateCurriculum(bg, &coach, domain.CurriculumInput{Title: "Week one", Items: []content.CurriculumItem{
		{Kind: "lab", Ref: "filter-sort-orders"}, {Kind: "guide", Ref: "career-path"}, {Kind: "lab", Ref: "customers-without-orders"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ops.Assign(bg, &coach, domain.AssignInput{CohortID: co.ID, CurriculumID: cur, Due: s.now().AddDate(0, 0, 7).Format("2006-01-02")}); err != nil {
		t.Fatal(err)
	}

	lab := s.labs.Lab("filter-sort-orders")
	b.openLab(lab.ID)
	// Hints sit by the editor, in the workbench.
	if r := b.rect(`.workbench #hints`); r.Height == 0 {
		t.Error("the hints are not in the workbench beside the editor")
	}
	// The editor stays in view while the instructions scroll (1280 px wide).
	b.eval(`(function(){ var h = document.querySelector(".lab-instructions"); window.scrollTo(0, h.getBoundingClientRect().bottom + window.scrollY - window.innerHeight); return ""; })()`)
	if y := b.eval(`String(window.scrollY)`); y == "0" {
		t.Fatal("the page does not scroll: the instructions are too short for this check")
	}
	if r := b.rect(`.cm-editor`); r.Top < 0 || r.Top > r.ViewH-100 {
		t.Errorf("after scrolling the instructions the editor's top is at %.0f px in a %.0f px window, want it in view", r.Top, r.ViewH)
	}
	b.eval(`(function(){ window.scrollTo(0, 0); return ""; })()`)

	b.setEditor(lab.Solution)
	b.press("submit", `[data-testid="verdict"].verdict-pass`)
	// A pass looks like one: a green panel, not a grey box with a green edge.
	bgColor := b.eval(`getComputedStyle(document.querySelector('[data-testid="verdict"]')).backgroundColor`)
	var r, g, bl int
	fmt.Sscanf(bgColor, "rgb(%d, %d, %d)", &r, &g, &bl)
	if !(g > r+10 && g > bl) {
		t.Errorf("the passed verdict's background is %s, want a clearly green one", bgColor)
	}
	moved := b.text(`[data-testid="pass-competencies"]`)
	if !strings.Contains(moved, "SQL querying") || !strings.Contains(moved, "0% → 50%") {
		t.Errorf("what the pass moved = %q, want SQL querying's progress 0%% → 50%%", moved)
	}
	next := b.text(`[data-testid="next-lab"]`)
	wantNext, _ := s.labs.Lab("customers-without-orders").In("en")
	if !strings.Contains(next, wantNext.Title) || !strings.Contains(next, "Week one") {
		t.Errorf("next lab = %q, want %q from the assignment Week one", next, wantNext.Title)
	}
	// The reference solution is highlighted and shown whole.
	if n := b.eval(`String(document.querySelectorAll('[data-testid="solution"] pre.chroma span.k').length)`); n == "0" {
		t.Error("the reference solution has no highlighted keywords")
	}
	clip := b.eval(`(function(){ var p = document.querySelector('[data-testid="solution"] pre'); var s = getComputedStyle(p);
		return s.maxHeight + " " + (p.scrollHeight - p.clientHeight); })()`)
	if clip != "none 0" {
		t.Errorf("the solution's max-height and hidden height are %q, want none 0: no line cut off", clip)
	}

	// Following the link opens the next lab; a pass there that completes
	// mid in a competency says the level rose.
	b.do("follow the next lab", chromedp.Click(labCSS(`[data-testid="next-lab"] a`)), chromedp.WaitVisible(labCSS(`.cm-content`)))
	if got := b.eval(`location.pathname`); got != "/labs/customers-without-orders" {
		t.Errorf("the next-lab link went to %s", got)
	}
	mid := s.labs.Lab("rank-top-products")
	b.openLab(mid.ID)
	b.setEditor(mid.Solution)
	b.press("submit", `[data-testid="verdict"].verdict-pass`)
	if moved := b.text(`[data-testid="pass-competencies"]`); !strings.Contains(moved, "Junior → Mid") {
		t.Errorf("after a mid pass: %q, want the level rise Junior → Mid named", moved)
	}
	if next := b.text(`[data-testid="next-lab"]`); !strings.Contains(next, "Week one") {
		t.Errorf("after a lab outside the assignment, next = %q, want the assignment's open lab first", next)
	}

	// Revisiting a passed lab shows the pass panel again.
	b.openLab(lab.ID)
	if p := b.text(`[data-testid="pass-panel"]`); !strings.Contains(p, "Passed") {
		t.Errorf("a passed lab's page: %q, want the pass panel", p)
	}

	// A quality lab's Run shows every check.
	b.openLab("duplicate-keys")
	b.setEditor("-- check: orders keyed by order_id\nSELECT order_id, count(*) FROM shop.orders GROUP BY order_id HAVING count(*) > 1;\nSELECT order_id FROM shop.orders")
	b.press("run", `[data-testid="check-result"]`)
	checks := b.eval(`JSON.stringify(Array.from(document.querySelectorAll('[data-testid="check-result"]')).map(c => c.getAttribute("data-fired")))`)
	if checks != `["false","true"]` {
		t.Errorf("check results fired = %s, want [false true] for the two checks", checks)
	}
	if txt := b.text(`[data-testid="check-result"]`); !strings.Contains(txt, "orders keyed by order_id") {
		t.Errorf("the first check's result = %q, want its label", txt)
	}

	// At phone width the page stacks: instructions, then the editor.
	b.do("phone width", chromedp.EmulateViewport(390, 844), chromedp.Navigate(b.base+"/labs/"+lab.ID), chromedp.WaitVisible(labCSS(`.cm-content`)))
	ins, bench := b.rect(`.lab-instructions`), b.rect(`.workbench`)
	if bench.Top < ins.Bottom-1 || bench.Position == "sticky" {
		t.Errorf("at 390 px the workbench starts at %.0f (instructions end at %.0f), position %s: want it stacked below", bench.Top, ins.Bottom, bench.Position)
	}
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Errorf("at 390 px the page is %s px wide", w)
	}
	b.setEditor(lab.Solution)
	b.press("submit", `[data-testid="verdict"].verdict-pass`)
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Errorf("after a pass at 390 px the page is %s px wide", w)
	}
	screenshot(t, ctx, "lab-phone.png")

	// The same page in Korean, at desktop width.
	b.do("Korean, desktop", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(b.base+"/lang/ko?next=/labs/"+lab.ID), chromedp.WaitVisible(labCSS(`[data-testid="pass-panel"]`)))
	if p := b.text(`[data-testid="pass-panel"]`); !strings.Contains(p, "통과") {
		t.Errorf("the Korean pass panel = %q", p)
	}
	b.do("show the pass panel", chromedp.ScrollIntoView(labCSS(`[data-testid="pass-panel"]`)))
	screenshot(t, ctx, "lab-ko.png")
}
