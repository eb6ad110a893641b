package handlers

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// A learner signs in, opens a lab, runs a broken query, submits a wrong
// answer, then the right one, and sees their dashboard move.
func TestBrowserLabToDashboard(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	const labURL = "/labs/customers-without-orders"

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signup"),
		chromedp.WaitVisible(css("#email")),
		chromedp.SendKeys(css("#email"), "hana@example.com"),
		chromedp.SendKeys(css("#display_name"), "Hana"),
		chromedp.SendKeys(css("#password"), "a long enough password"),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`[data-testid="dashboard-link"]`)),
	)
	if err != nil {
		t.Fatalf("sign up: %v", err)
	}
	progressBefore := progressValue(t, ctx, base, "sql-querying")

	editor := css(`[data-testid="sql-editor"]`)
	typeSQL := func(sql string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Click(editor),
			chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
			chromedp.KeyEvent("\b"),
			chromedp.SendKeys(editor, sql),
		)
		if err != nil {
			t.Fatalf("type SQL: %v", err)
		}
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+labURL),
		chromedp.WaitVisible(editor),
		chromedp.WaitVisible(css("details.schema summary")),
	)
	if err != nil {
		t.Fatalf("open lab: %v", err)
	}

	// A broken query: the error shows in place, with its position.
	typeSQL("SELECT nope FROM shop.customers")
	if err := chromedp.Do(ctx, chromedp.Click(css(`button[data-action="run"]`)), chromedp.WaitVisible(css(`[data-testid="run-error"]`))); err != nil {
		ta, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("textarea[name=sql]").value + " | " + document.getElementById("lab-result").outerHTML.slice(0, 500) + " | editor:" + (window.LadderEditor ? "yes" : "no")`))
		screenshot(t, ctx, "debug.png")
		t.Fatalf("run a broken query: %v (%s)", err, ta)
	}
	msg, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="run-error"]`)))
	if !strings.Contains(msg, "statement 1") || !strings.Contains(msg, "nope") || !strings.Contains(msg, "LINE 1") {
		t.Errorf("run error = %q, want the statement, the column and the position", msg)
	}
	// A wrong answer: NOT IN meets a NULL.
	typeSQL("SELECT customer_id, full_name, email FROM shop.customers WHERE customer_id NOT IN (SELECT customer_id FROM shop.orders WHERE status = 'paid')")
	if err := chromedp.Do(ctx, chromedp.Click(css(`button[data-action="submit"]`)), chromedp.WaitVisible(css(`[data-testid="verdict"].verdict-fail`))); err != nil {
		t.Fatalf("submit a wrong answer: %v", err)
	}
	fb, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="verdict"]`)))
	if !strings.Contains(fb, "missing") {
		t.Errorf("feedback = %q, want the missing rows named", fb)
	}
	// The right answer, submitted with the keyboard shortcut.
	typeSQL("SELECT c.customer_id, c.full_name, c.email FROM shop.customers AS c LEFT JOIN shop.orders AS o ON o.customer_id = c.customer_id AND o.status = 'paid' WHERE o.order_id IS NULL")
	err = chromedp.Do(ctx,
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl|chromedp.ModifierShift)),
		chromedp.WaitVisible(css(`[data-testid="verdict"].verdict-pass`)),
		chromedp.WaitVisible(css(`[data-testid="solution"]`)),
	)
	if err != nil {
		fb, _ := chromedp.Run(ctx, chromedp.Text(css("#lab-result")))
		t.Fatalf("submit the right answer: %v (result: %q)", err, fb)
	}
	attempts, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#lab-attempts details.attempt").length`))
	if attempts != 2 {
		t.Errorf("attempt history shows %d attempts, want 2 (the run is not an attempt)", attempts)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="lab-status"]`))); st != "Passed" {
		t.Errorf("lab status after the pass = %q, want Passed", st)
	}
	chromedp.Do(ctx, chromedp.KeyEvent("\x1b")) // close the completion list before the picture
	screenshot(t, ctx, "lab.png")               // the window: the workbench beside the instructions, scrolled to the verdict

	after := progressValue(t, ctx, base, "sql-querying")
	if after <= progressBefore {
		t.Errorf("sql-querying progress %d%% -> %d%%, want it to grow after a pass", progressBefore, after)
	}
	act, _ := chromedp.Run(ctx, chromedp.Text(css("ul.activity")))
	if !strings.Contains(act, "Passed") || !strings.Contains(act, s.labs.Lab("customers-without-orders").Title) {
		t.Errorf("recent activity = %q", act)
	}
	fullScreenshot(t, ctx, "dashboard.png")
}

// progressValue opens the dashboard and reads a competency's progress bar.
func progressValue(t *testing.T, ctx context.Context, base, comp string) int {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Navigate(base+"/me"), chromedp.WaitVisible(chromedp.CSS(`[data-testid="overall-level"]`)))
	if err != nil {
		t.Fatalf("open dashboard: %v", err)
	}
	v, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`[data-testid="progress-`+comp+`"]`), "value"))
	if err != nil {
		t.Fatalf("progress of %s: %v", comp, err)
	}
	n, _ := strconv.Atoi(v.Value)
	return n
}

// A code lab in the browser: the editor is CodeMirror in Python mode, Run
// shows the visible tests and the printed output in place, Submit grades.
func TestBrowserCodeLab(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	editor := css(`[data-testid="code-editor"]`)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/labs/parse-csv-line"),
		chromedp.WaitVisible(editor),
		chromedp.WaitVisible(css(`[data-testid="visible-tests"]`)),
	)
	if err != nil {
		t.Fatalf("open the code lab: %v", err)
	}
	lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('[data-testid="code-editor"]').getAttribute("data-language")`))
	if lang != "python" {
		t.Errorf("editor language = %q, want python", lang)
	}
	// Enter indents after the colon, as a Python editor should. A raw key
	// press: chromedp's own Enter also inserts its text, a second newline.
	enter := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			p := input.DispatchKeyEventParams{Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, p); err != nil {
				return err
			}
		}
		return nil
	})
	err = chromedp.Do(ctx,
		chromedp.Click(editor),
		chromedp.SendKeys(editor, "print('from the program')"), enter,
		chromedp.SendKeys(editor, "def parse_line(line):"), enter,
		chromedp.SendKeys(editor, "return line.split(',')"),
		chromedp.Click(css(`button[data-action="run"]`)),
		chromedp.WaitVisible(css(`[data-testid="run-output"]`)),
	)
	if err != nil {
		dbg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("textarea[name=sql]").value + " | " + document.getElementById("lab-result").textContent`))
		t.Fatalf("run: %v (%s)", err, dbg)
	}
	typed, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("textarea[name=sql]").value`))
	if !strings.Contains(typed, "\n    return line.split(',')") {
		t.Errorf("textarea = %q, want the body indented by four spaces", typed)
	}
	out, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="run-result"]`)))
	for _, w := range []string{"from the program", "test_plain_fields", "of 8 tests pass."} {
		if !strings.Contains(out, w) {
			t.Errorf("run result lacks %q: %s", w, out)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`button[data-action="submit"]`)), chromedp.WaitVisible(css(`[data-testid="verdict"].verdict-fail`))); err != nil {
		t.Fatalf("submit: %v", err)
	}
	fb, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="verdict"]`)))
	if !strings.Contains(fb, "test_quoted_comma") || !strings.Contains(fb, "Visible tests") {
		t.Errorf("feedback = %q, want the failing visible tests named", fb)
	}
}
