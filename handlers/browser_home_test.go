package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// Phone and desktop widths the layout tests use: a common phone, and a
// laptop.
var (
	phone   = chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)
	desktop = chromedp.EmulateViewport(1280, 900)
)

// withoutJS turns the tab's scripts off, as for a reader who blocks them.
func withoutJS() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// newTab opens a tab of its own (cookies, viewport and script setting
// apart from the other tabs).
func newTab(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// noHorizontalOverflow fails the test when the document is wider than the
// window: the reader would have to scroll sideways.
func noHorizontalOverflow(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	over, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	if err != nil {
		t.Fatalf("%s: measure overflow: %v", page, err)
	}
	if over > 0 {
		wide, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var w=document.documentElement.clientWidth, out=[]; document.querySelectorAll("body *").forEach(function(el){var r=el.getBoundingClientRect(); if (r.right > w+1 && out.length < 5) out.push(el.tagName+"."+el.className+" "+Math.round(r.right))}); return out.join("; ")})()`))
		t.Errorf("%s: the document is %d px wider than the window (widest: %s)", page, over, wide)
	}
}

// slashKey presses "/" as a keyboard does: one keyDown carrying its text,
// so a handler that prevents the default keeps it out of the box.
// chromedp.KeyEvent sends the text as a separate char event, which
// nothing can prevent.
var slashKey = chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
	for _, p := range []input.DispatchKeyEventParams{
		{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", UnmodifiedText: "/", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191},
		{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191},
	} {
		if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, p); err != nil {
			return err
		}
	}
	return nil
})

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// Search from the header, first with JavaScript off (a plain GET form),
// then with it on ("/" jumps to the box), at a desktop and a phone width.
func TestBrowserSearch(t *testing.T) {
	browser := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }

	// JavaScript off: type in the header's box and press the button.
	off := newTab(t, browser)
	err := chromedp.Do(off, withoutJS(), desktop,
		chromedp.Navigate(base+"/guides"),
		chromedp.WaitVisible(css(`[data-testid="search-q"]`)),
	)
	if err != nil {
		t.Fatalf("open the guides with JavaScript off: %v", err)
	}
	// app.js hides the filter's button; here it must still show.
	if shown, _ := chromedp.Run(off, chromedp.Evaluate[bool](`!document.querySelector("form[data-autosubmit] [data-nojs]").hidden`)); !shown {
		t.Fatal("scripts ran in the tab that has them off")
	}
	err = chromedp.Do(off,
		chromedp.SendKeys(css(`[data-testid="search-q"]`), "파티션"),
		chromedp.Click(css(`[data-testid="search-button"]`)),
		chromedp.WaitVisible(css(`[data-testid="search-results"] li`)),
	)
	if err != nil {
		t.Fatalf("search with JavaScript off: %v", err)
	}
	loc, _ := chromedp.Run(off, chromedp.Location())
	if !strings.Contains(loc, "/search?q=%ED%8C%8C%ED%8B%B0%EC%85%98") {
		t.Errorf("after the search the address is %q, want /search?q=파티션", loc)
	}
	marks, err := chromedp.Run(off, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("[data-testid=search-results] mark")).map(function(m){return m.textContent})`))
	if err != nil || len(marks) == 0 {
		t.Fatalf("no marked match in the results (%v)", err)
	}
	for _, m := range marks {
		if m != "파티션" {
			t.Errorf("a mark holds %q, want 파티션", m)
		}
	}
	if v, _ := chromedp.Run(off, chromedp.Value(css(`[data-testid="search-page-q"]`))); v != "파티션" {
		t.Errorf("the search box holds %q, want the query", v)
	}
	// A result leads to its page.
	first, _ := chromedp.Run(off, chromedp.AttributeValue(css(`[data-testid="search-results"] li a`), "href"))
	err = chromedp.Do(off, chromedp.Click(css(`[data-testid="search-results"] li a`)), chromedp.WaitVisible(css("main h1")))
	if loc, _ := chromedp.Run(off, chromedp.Location()); err != nil || !strings.HasSuffix(loc, first.Value) {
		t.Errorf("the first result's link goes to %q (%v), want %s", loc, err, first.Value)
	}

	// JavaScript on, at a phone's width: "/" goes to the box.
	on := newTab(t, browser)
	err = chromedp.Do(on, phone,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(css("main h1")),
		slashKey,
	)
	if err != nil {
		t.Fatalf("open the home page: %v", err)
	}
	if focused, _ := chromedp.Run(on, chromedp.Evaluate[string](`document.activeElement && document.activeElement.getAttribute("data-testid")`)); focused != "search-q" {
		t.Fatalf(`after "/", the focus is on %q, want the search box`, focused)
	}
	step, cancelStep := context.WithTimeout(on, 5*time.Second)
	err = chromedp.Do(step,
		chromedp.KeyEvent("partition"),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(css(`[data-testid="search-results"] li`)),
	)
	cancelStep()
	if err != nil {
		loc, _ := chromedp.Run(on, chromedp.Location())
		v, _ := chromedp.Run(on, chromedp.Evaluate[string](`document.activeElement.value + "|" + document.body.innerText.slice(0,300)`))
		t.Fatalf("search with JavaScript on: %v (%s, %s)", err, loc, v)
	}
	count := text(t, on, `[data-testid="search-count"]`)
	if !strings.Contains(count, "“partition”") {
		t.Errorf("the count line reads %q, want it to echo the query", count)
	}
	kinds, _ := chromedp.Run(on, chromedp.Evaluate[[]string](`Array.from(new Set(Array.from(document.querySelectorAll("[data-testid=search-results] li")).map(function(li){return li.dataset.kind})))`))
	if len(kinds) < 2 {
		t.Errorf("results are all of kinds %v, want guides and labs", kinds)
	}
	noHorizontalOverflow(t, on, "the search page at 390 px")
	screenshot(t, on, "search-phone.png")

	// The next page keeps the query.
	err = chromedp.Do(on, chromedp.Navigate(base+"/search?q=data"), chromedp.WaitVisible(css(`[data-testid="search-next"]`)),
		chromedp.Click(css(`[data-testid="search-next"]`)), chromedp.WaitVisible(css(`[data-testid="search-results"] li`)))
	if loc, _ := chromedp.Run(on, chromedp.Location()); err != nil || !strings.Contains(loc, "q=data") || !strings.Contains(loc, "page=2") {
		t.Errorf("the next page is %q (%v), want q=data and page=2", loc, err)
	}
}
