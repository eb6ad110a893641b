package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
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

// signInAt logs in on /login (with the given query) and returns where the
// browser landed, as a path with its query.
func signInAt(t *testing.T, ctx context.Context, base, query, email string) string {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"+query),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="dashboard-link"]`)),
	)
	if err != nil {
		t.Fatalf("sign in %s: %v", email, err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname + location.search`))
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// Signing in with no page to return to lands where the role works:
// learners on their progress, mentors and admins on the mentor's home. A
// return page is kept, and one that leaves the site is ignored.
func TestBrowserLoginLanding(t *testing.T) {
	s := newTestServer(t)
	base := serveHTTP(t, s)
	makeUser(t, s, "lee@example.com", "learner")
	makeUser(t, s, "mina@example.com", "mentor")
	makeUser(t, s, "ada@example.com", "admin")
	tests := []struct{ name, query, email, want string }{
		{"a learner, no return page", "", "lee@example.com", "/me"},
		{"a mentor, no return page", "", "mina@example.com", "/mentor"},
		{"an admin, no return page", "", "ada@example.com", "/mentor"},
		{"a learner with a return page", "?next=" + url.QueryEscape("/labs?kind=etl"), "lee@example.com", "/labs?kind=etl"},
		{"a mentor with a return page", "?next=/guides", "mina@example.com", "/guides"},
		{"a return page on another site is no return page", "?next=" + url.QueryEscape("//evil.example/x"), "lee@example.com", "/me"},
		{"a mentor sent off-site", "?next=" + url.QueryEscape("https://evil.example/"), "mina@example.com", "/mentor"},
	}
	var browser context.Context
	for i, tt := range tests {
		if i%4 == 0 {
			// A fresh browser every few sign-ins: each has one deadline
			// for all it does, and bcrypt is slow on a busy machine.
			browser = startBrowser(t)
		}
		tab := newTab(t, browser)
		if got := signInAt(t, tab, base, tt.query, tt.email); got != tt.want {
			t.Errorf("%s: landed on %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The home page, as a visitor, a learner with an assignment and a mentor
// see it, at a phone's width and a laptop's.
func TestBrowserHome(t *testing.T) {
	browser := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	makeUser(t, s, "lee@example.com", "learner")
	makeUser(t, s, "mina@example.com", "mentor")
	mentor, learner := login(t, s, "mina@example.com"), login(t, s, "lee@example.com")
	r := mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Winter"})
	cohort := int64(r.json(t)["id"].(float64))
	mentor.call("POST", "/api/v1/cohorts/"+strconv.FormatInt(cohort, 10)+"/members", map[string]string{"email": "lee@example.com"})
	r = mentor.call("POST", "/api/v1/curricula", map[string]any{"title": "Week one", "items": []map[string]string{
		{"kind": "lab", "ref": "filter-sort-orders"}, {"kind": "guide", "ref": "junior-data-engineer"}}})
	curriculum := int64(r.json(t)["id"].(float64))
	due := s.now().AddDate(0, 0, 30).UTC().Format("2006-01-02")
	if r := mentor.call("POST", "/api/v1/cohorts/"+strconv.FormatInt(cohort, 10)+"/assignments", map[string]any{"curriculum_id": curriculum, "due": due}); r.status != 201 {
		t.Fatalf("assign: %d %s", r.status, r.body)
	}
	// The learner passes one lab, so the home's level and next step are
	// the rule's, not a fresh account's defaults.
	lab := s.labs.Lab("customers-without-orders")
	if r := learner.call("POST", "/api/v1/labs/customers-without-orders/submissions", map[string]string{"sql": lab.Solution}); r.status != 201 {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}

	for _, width := range []struct {
		name string
		size chromedp.Action[chromedp.Void]
	}{{"390 px", phone}, {"1280 px", desktop}} {
		// A visitor learns what labs are and finds the catalog.
		visitor := newTab(t, browser)
		if err := chromedp.Do(visitor, width.size, chromedp.Navigate(base+"/"), chromedp.WaitVisible(css(`[data-testid="home-labs"]`))); err != nil {
			t.Fatalf("%s: the visitor's home has no labs section: %v", width.name, err)
		}
		if n, _ := chromedp.Run(visitor, chromedp.Evaluate[int](`document.querySelectorAll('main [data-testid="home-labs"] a[href="/labs"]').length`)); n == 0 {
			t.Errorf("%s: the labs section does not link the lab catalog", width.name)
		}
		if got := text(t, visitor, `[data-testid="home-labs"]`); !strings.Contains(got, strconv.Itoa(len(s.labs.Labs))) {
			t.Errorf("%s: the labs section = %q, want it to say how many labs there are (%d)", width.name, got, len(s.labs.Labs))
		}
		if width.name == "390 px" {
			noHorizontalOverflow(t, visitor, "the visitor's home at 390 px")
		}

		// The learner: level, next step and assignments with due dates.
		tab := newTab(t, browser)
		if err := chromedp.Do(tab, width.size); err != nil {
			t.Fatal(err)
		}
		signInAt(t, tab, base, "", "lee@example.com")
		err := chromedp.Do(tab, chromedp.Navigate(base+"/me"), chromedp.WaitVisible(css(`[data-testid="overall-level"]`)))
		if err != nil {
			t.Fatal(err)
		}
		wantLevel := text(t, tab, `[data-testid="overall-level"]`)
		wantNext, _ := chromedp.Run(tab, chromedp.AttributeValue(css(`[data-testid="next-steps"] li a`), "href"))
		if err := chromedp.Do(tab, chromedp.Navigate(base+"/"), chromedp.WaitVisible(css(`[data-testid="home-level"]`))); err != nil {
			t.Fatalf("%s: the learner's home shows no level: %v", width.name, err)
		}
		if got := text(t, tab, `[data-testid="home-level"]`); got != wantLevel {
			t.Errorf("%s: the home's level = %q, the dashboard's = %q", width.name, got, wantLevel)
		}
		next, err := chromedp.Run(tab, chromedp.AttributeValue(css(`[data-testid="home-next"] a`), "href"))
		if err != nil || next.Value != wantNext.Value || next.Value == "" {
			t.Errorf("%s: the home's next step links %q (%v), the dashboard's first step %q", width.name, next.Value, err, wantNext.Value)
		}
		assignment := text(t, tab, `[data-testid="home-assignment"]`)
		if done := s.msgs.T("en", "home.done_of", 0, 2); !strings.Contains(assignment, "Week one") || !strings.Contains(assignment, done) {
			t.Errorf("%s: the home's assignment = %q, want its title and %q", width.name, assignment, done)
		}
		if d, _ := chromedp.Run(tab, chromedp.AttributeValue(css(`[data-testid="home-assignment"] time`), "datetime")); d.Value != due {
			t.Errorf("%s: the assignment's due date = %q, want %s", width.name, d.Value, due)
		}
		if width.name == "390 px" {
			noHorizontalOverflow(t, tab, "the learner's home at 390 px")
			screenshot(t, tab, "home-learner-phone.png")
		} else {
			screenshot(t, tab, "home-learner.png")
		}

		// The mentor: their cohorts and the review queue.
		mtab := newTab(t, browser)
		if err := chromedp.Do(mtab, width.size); err != nil {
			t.Fatal(err)
		}
		signInAt(t, mtab, base, "", "mina@example.com")
		if err := chromedp.Do(mtab, chromedp.Navigate(base+"/"), chromedp.WaitVisible(css(`[data-testid="home-cohorts"]`))); err != nil {
			t.Fatalf("%s: the mentor's home lists no cohorts: %v", width.name, err)
		}
		href, _ := chromedp.Run(mtab, chromedp.AttributeValue(css(`[data-testid="home-cohorts"] a[href^="/mentor/cohorts/"]`), "href"))
		if href.Value != "/mentor/cohorts/"+strconv.FormatInt(cohort, 10) {
			t.Errorf("%s: the mentor's home links cohort %q, want /mentor/cohorts/%d", width.name, href.Value, cohort)
		}
		if n, _ := chromedp.Run(mtab, chromedp.Evaluate[int](`document.querySelectorAll('main [data-testid="home-reviews"] a[href="/mentor/reviews"]').length`)); n == 0 {
			t.Errorf("%s: the mentor's home does not link the review queue", width.name)
		}
		if width.name == "390 px" {
			noHorizontalOverflow(t, mtab, "the mentor's home at 390 px")
		}
	}
}

// rect is an element's box in the window, in CSS pixels.
type rect struct {
	Top, Bottom, Left, Right, Width float64
}

func boxOf(t *testing.T, ctx context.Context, sel string) rect {
	t.Helper()
	r, err := chromedp.Run(ctx, chromedp.Evaluate[rect](`(function(){var el=document.querySelector(`+"`"+sel+"`"+`); if (!el) return null; var r=el.getBoundingClientRect(); return {Top:r.top, Bottom:r.bottom, Left:r.left, Right:r.right, Width:r.width}})()`))
	if err != nil {
		t.Fatalf("the box of %s: %v", sel, err)
	}
	return r
}

// On a phone the guide's title and introduction come first and the table
// of contents after them, folded (a <details>, so it unfolds without
// JavaScript too); on a laptop it is an open column beside the text.
func TestBrowserGuideLayout(t *testing.T) {
	browser := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	g := s.content.Guide("senior-data-engineer")
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	const inline = "article.prose details.toc-inline"
	for _, tc := range []struct {
		name  string
		setup []chromedp.Action[chromedp.Void]
	}{
		{"390 px", []chromedp.Action[chromedp.Void]{phone}},
		{"390 px without JavaScript", []chromedp.Action[chromedp.Void]{phone, withoutJS()}},
	} {
		tab := newTab(t, browser)
		steps := append(tc.setup, chromedp.Navigate(base+"/guides/"+g.Slug), chromedp.WaitVisible(css("article.prose h1")))
		if err := chromedp.Do(tab, steps...); err != nil {
			t.Fatalf("%s: open the guide: %v", tc.name, err)
		}
		// Whatever table of contents shows, it comes after the title and
		// the introduction, and the title is on the first screen.
		h1, summary := boxOf(t, tab, "article.prose h1"), boxOf(t, tab, "article.prose header > p:nth-of-type(2)")
		height, _ := chromedp.Run(tab, chromedp.Evaluate[float64](`window.innerHeight`))
		if h1.Bottom > height || h1.Top < 0 || summary.Bottom > height {
			t.Errorf("%s: the title (%.0f-%.0f px) or the introduction (bottom %.0f px) is below the fold of %.0f px", tc.name, h1.Top, h1.Bottom, summary.Bottom, height)
		}
		shown, _ := chromedp.Run(tab, chromedp.Evaluate[[]rect](`Array.from(document.querySelectorAll("nav.toc, .toc-inline")).filter(function(el){return el.getClientRects().length > 0}).map(function(el){var r=el.getBoundingClientRect(); return {Top:r.top, Bottom:r.bottom, Left:r.left, Right:r.right, Width:r.width}})`))
		if len(shown) != 1 {
			t.Fatalf("%s: %d tables of contents show, want one", tc.name, len(shown))
		}
		if shown[0].Top < summary.Bottom {
			t.Errorf("%s: the table of contents (top %.0f px) comes before the title and introduction (bottom %.0f px)", tc.name, shown[0].Top, summary.Bottom)
		}
		open, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.querySelector("`+inline+`").open`))
		if err != nil || open {
			t.Errorf("%s: the table of contents is open (%v), want it folded under its title", tc.name, err)
		}
		links, _ := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll("`+inline+` li a").length`))
		if links != len(g.Body.TOC) {
			t.Errorf("%s: the table of contents has %d links, want %d", tc.name, links, len(g.Body.TOC))
		}
		// Unfold it and follow a link.
		err = chromedp.Do(tab, chromedp.Click(css(inline+" summary")), chromedp.WaitVisible(css(inline+" li a")), chromedp.Click(css(inline+" li a")))
		if err != nil {
			t.Fatalf("%s: unfold the table of contents and follow a link: %v", tc.name, err)
		}
		if hash, _ := chromedp.Run(tab, chromedp.Evaluate[string](`location.hash`)); hash != "#"+g.Body.TOC[0].ID {
			t.Errorf("%s: after the first link, the address ends in %q, want #%s", tc.name, hash, g.Body.TOC[0].ID)
		}
		noHorizontalOverflow(t, tab, "the guide at "+tc.name)
		if tc.name == "390 px" {
			if err := chromedp.Do(tab, chromedp.Navigate(base+"/guides/"+g.Slug), chromedp.WaitVisible(css("article.prose h1"))); err != nil {
				t.Fatal(err)
			}
			screenshot(t, tab, "guide-phone.png")
		}
	}

	// A laptop: the table of contents is an open column left of the text,
	// and the folded one is not shown.
	tab := newTab(t, browser)
	if err := chromedp.Do(tab, desktop, chromedp.Navigate(base+"/guides/"+g.Slug), chromedp.WaitVisible(css("nav.toc li a"))); err != nil {
		t.Fatalf("1280 px: the table of contents is not shown open: %v", err)
	}
	h1, toc := boxOf(t, tab, "article.prose h1"), boxOf(t, tab, "nav.toc")
	if toc.Right > h1.Left || toc.Top > h1.Bottom {
		t.Errorf("1280 px: the table of contents (%.0f-%.0f px across, top %.0f) is not a column beside the title (from %.0f px, bottom %.0f)", toc.Left, toc.Right, toc.Top, h1.Left, h1.Bottom)
	}
	if n, _ := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelector("`+inline+`").getClientRects().length`)); n != 0 {
		t.Error("1280 px: the folded table of contents shows beside the open one")
	}
	noHorizontalOverflow(t, tab, "the guide at 1280 px")
}

// The career matrix shows every level on a phone (one card per
// competency), and stays a table on a laptop.
func TestBrowserCareerMatrix(t *testing.T) {
	browser := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	cells := func(ctx context.Context, row string) []rect {
		t.Helper()
		r, err := chromedp.Run(ctx, chromedp.Evaluate[[]rect](`Array.from(document.querySelectorAll(`+"`"+row+" > td`"+`)).map(function(el){var r=el.getBoundingClientRect(); return {Top:r.top, Bottom:r.bottom, Left:r.left, Right:r.right, Width:r.width}})`))
		if err != nil || len(r) != 4 {
			t.Fatalf("the cells of %s: %d (%v), want 4", row, len(r), err)
		}
		return r
	}
	for _, lang := range []string{"en", "ko"} {
		tab := newTab(t, browser)
		if err := chromedp.Do(tab, phone, chromedp.Navigate(base+"/lang/"+lang+"?next=/career"), chromedp.WaitVisible(css("#sql-querying"))); err != nil {
			t.Fatalf("%s: open the matrix at 390 px: %v", lang, err)
		}
		for _, row := range []string{"#sql-querying", `tr[data-competency="leadership"]`} {
			for i, c := range cells(tab, row) {
				level := s.msgs.T(lang, "level."+[]string{"junior", "mid", "senior", "lead"}[i])
				if c.Width == 0 || c.Left < 0 || c.Right > 390 {
					t.Errorf("%s: %s, level %s: the cell spans %.0f-%.0f px, outside the 390 px window", lang, row, level, c.Left, c.Right)
				}
				label, _ := chromedp.Run(tab, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelectorAll(%q)[%d].innerText`, row+" > td", i)))
				if !strings.Contains(label, level) {
					t.Errorf("%s: %s, the %s cell does not name its level: %q", lang, row, level, label)
				}
			}
		}
		noHorizontalOverflow(t, tab, lang+": the career matrix at 390 px")
		if lang == "ko" {
			screenshot(t, tab, "career-phone-ko.png")
		}
	}
	tab := newTab(t, browser)
	if err := chromedp.Do(tab, desktop, chromedp.Navigate(base+"/career"), chromedp.WaitVisible(css("#sql-querying"))); err != nil {
		t.Fatalf("open the matrix at 1280 px: %v", err)
	}
	for _, row := range []string{"#sql-querying", `tr[data-competency="leadership"]`} {
		c := cells(tab, row)
		for i := 1; i < len(c); i++ {
			if c[i].Top != c[0].Top || c[i].Left < c[i-1].Right-1 || c[i].Right > 1280 {
				t.Errorf("1280 px: %s is not one row of four columns in the window: %+v", row, c)
				break
			}
		}
	}
	noHorizontalOverflow(t, tab, "the career matrix at 1280 px")
}
