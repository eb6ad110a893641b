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

func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

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
	b.do("wait for "+sel, chromedp.WaitVisible(css(sel)))
	out, err := chromedp.Run(b.ctx, chromedp.Text(css(sel)))
	if err != nil {
		b.t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(out)
}

// setEditor replaces the editor's whole text as a paste would: typed keys
// would be completed and indented by the editor.
func (b labBrowser) setEditor(text string) {
	b.t.Helper()
	editor := css(`.cm-content`)
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
		chromedp.WaitVisible(css("#email")),
		chromedp.SendKeys(css("#email"), email),
		chromedp.SendKeys(css("#display_name"), name),
		chromedp.SendKeys(css("#password"), "a long enough password"),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`[data-testid="dashboard-link"]`)),
	)
}

// openLab opens a lab page and waits for the editor.
func (b labBrowser) openLab(id string) {
	b.t.Helper()
	b.do("open lab "+id, chromedp.Navigate(b.base+"/labs/"+id), chromedp.WaitVisible(css(`.cm-content`)))
}

// press clicks a lab form button and waits for sel to show in the result
// that answers it: the result on screen is marked stale first, and the
// answer replaces it.
func (b labBrowser) press(action, sel string) {
	b.t.Helper()
	b.eval(`(function(){ var r = document.getElementById("lab-result"); if (r) { r.setAttribute("data-stale", "1"); } return ""; })()`)
	if err := chromedp.Do(b.ctx, chromedp.Click(css(`button[data-action="`+action+`"]`)), chromedp.WaitVisible(css(`#lab-result:not([data-stale]) `+sel))); err != nil {
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
	b.do("open the orders sample", chromedp.Click(css(`details.schema details summary`)), chromedp.WaitVisible(css(`details.schema details[open] table`)))
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
	nb.do("open the lab without JavaScript", chromedp.Navigate(b.base+"/labs/filter-sort-orders"), chromedp.WaitVisible(css(`textarea[name=sql]`)))
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
	b.do("open a guide", chromedp.Navigate(b.base+"/guides/career-path"), chromedp.WaitVisible(css("article.prose h1")))
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
	b.do("open the dashboard", chromedp.Navigate(b.base+"/me"), chromedp.WaitVisible(css(`[data-testid="assignment"]`)))
	for i, m := range b.listMarkers(`.assignment-items li`) {
		if m != "none" {
			t.Errorf("assignment item %d has the list marker %q beside its ○/✓, want none", i, m)
		}
	}

	b.do("open the guide signed in", chromedp.Navigate(b.base+"/guides/career-path"), chromedp.WaitVisible(css(`[data-testid="checklist-form"]`)))
	if _, enabled := b.checked(); !enabled[0] {
		t.Fatal("a signed-in learner cannot tick the checklist")
	}
	for _, i := range []int{0, 2} {
		b.do(fmt.Sprintf("tick item %d", i),
			chromedp.Click(css(fmt.Sprintf(`input[type=checkbox][value="%d"]`, i))),
			chromedp.Poll[chromedp.Void](`document.querySelector('[data-testid="checklist-status"]').textContent.includes("Saved")`),
		)
		b.eval(`(function(){ document.querySelector('[data-testid="checklist-status"]').textContent = ""; return ""; })()`)
	}
	if save := b.eval(`String(document.querySelector('[data-testid="checklist-save"]').offsetParent !== null)`); save != "false" {
		t.Error("with JavaScript the save button still shows, though each tick saves at once")
	}
	want := "[true false true false false false]"
	b.do("reload", chromedp.Navigate(b.base+"/guides/career-path"), chromedp.WaitVisible(css(`[data-testid="checklist-form"]`)))
	if ticks, _ := b.checked(); fmt.Sprint(ticks) != want {
		t.Errorf("after a reload the ticks are %v, want %v", ticks, want)
	}
	b.do("show the checklist", chromedp.ScrollIntoView(css(`#my-checklist`)))
	screenshot(t, ctx, "guide-checklist.png")
	b.do("open the Korean guide", chromedp.Navigate(b.base+"/guides/career-path-ko"), chromedp.WaitVisible(css(`[data-testid="checklist-form"]`)))
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
		chromedp.WaitVisible(css(`[data-testid="checklist-save"]`)),
		chromedp.Click(css(`input[type=checkbox][value="0"]`)),
		chromedp.Click(css(`input[type=checkbox][value="5"]`)),
		chromedp.Click(css(`[data-testid="checklist-save"]`)),
		chromedp.WaitVisible(css(`[data-testid="checklist-status"].saved`)),
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
