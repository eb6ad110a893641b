package handlers

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ladder/content"
	"ladder/domain"
	"ladder/store"
)

// Issue 14, the mentor's side, in a real browser: assignments refused,
// changed and deleted; "stuck" for new learners; the curriculum builder's
// refusals and confirmations; the learner page's progress column; and the
// cohort table at desktop and phone widths.

// testClock is the one clock of a test server, moved by the test while the
// server reads it from its own goroutines.
type testClock struct{ ns atomic.Int64 }

func newTestClock(at time.Time) *testClock {
	c := &testClock{}
	c.Set(at)
	return c
}

func (c *testClock) Now() time.Time  { return time.Unix(0, c.ns.Load()).UTC() }
func (c *testClock) Set(t time.Time) { c.ns.Store(t.UnixNano()) }

// mentorPages is a server on a test clock with a mentor, learners and a
// browser tab, for the tests below.
type mentorPages struct {
	t      *testing.T
	s      *Server
	base   string
	ctx    context.Context
	clock  *testClock
	mentor *store.User
}

// newMentorPages starts the server on a clock at noon UTC of today: the
// session cookie expires a week after the server's now, so the clock must
// not lag the browser's.
func newMentorPages(t *testing.T, learners ...string) (*mentorPages, []*store.User) {
	t.Helper()
	ctx := startBrowser(t)
	clock := newTestClock(time.Now().UTC().Truncate(24 * time.Hour).Add(12 * time.Hour))
	s := newServerFor(t, content.Files, testPool(t), storeWithClock(t, clock.Now))
	m := &mentorPages{t: t, s: s, base: serveHTTP(t, s), ctx: ctx, clock: clock}
	makeUser(t, s, "mina@example.com", store.RoleMentor)
	m.mentor = m.user("mina@example.com")
	var out []*store.User
	for _, email := range learners {
		makeUser(t, s, email, store.RoleLearner)
		out = append(out, m.user(email))
	}
	return m, out
}

func (m *mentorPages) user(email string) *store.User {
	m.t.Helper()
	u, err := m.s.store.UserByEmail(context.Background(), email)
	if err != nil {
		m.t.Fatal(err)
	}
	return &u
}

// signIn signs the tab in as email.
func (m *mentorPages) signIn(email string) {
	m.t.Helper()
	if err := chromedp.Do(m.ctx,
		chromedp.Navigate(m.base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), "correct horse battery"),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid="dashboard-link"]`)),
	); err != nil {
		m.t.Fatalf("sign in %s: %v", email, err)
	}
}

// open loads path and waits for sel.
func (m *mentorPages) open(path, sel string) {
	m.t.Helper()
	if err := chromedp.Do(m.ctx, chromedp.Navigate(m.base+path), chromedp.WaitVisible(chromedp.CSS(sel))); err != nil {
		m.t.Fatalf("open %s, wait for %s: %v", path, sel, err)
	}
}

// act runs steps that end in a page load (a click on a submit button, a
// link, a form.submit()) and waits for sel on the new page. The old page
// is marked first, so sel matching there as well cannot end the wait.
func (m *mentorPages) act(what, sel string, steps ...chromedp.Action[chromedp.Void]) error {
	m.t.Helper()
	if _, err := chromedp.Run(m.ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.stale = "1"; true`)); err != nil {
		return fmt.Errorf("%s: mark the page: %w", what, err)
	}
	steps = append(steps, chromedp.WaitVisible(chromedp.CSS(`html:not([data-stale]) `+sel)))
	ctx, cancel := context.WithTimeout(m.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		return fmt.Errorf("%s, then wait for %s: %w", what, sel, err)
	}
	return nil
}

func (m *mentorPages) eval(js string) string {
	m.t.Helper()
	out, err := chromedp.Run(m.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		m.t.Fatalf("evaluate %s: %v", js, err)
	}
	return out
}

// text is the visible text of sel, trimmed; "" when nothing matches.
func (m *mentorPages) text(sel string) string {
	m.t.Helper()
	return strings.TrimSpace(m.eval(fmt.Sprintf(`(function(){var e=document.querySelector(%q); return e ? e.innerText : ""})()`, sel)))
}

func (m *mentorPages) count(sel string) int {
	m.t.Helper()
	n, err := chromedp.Run(m.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
	if err != nil {
		m.t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

func (m *mentorPages) msg(key string, args ...any) string { return m.s.msgs.T("en", key, args...) }

func (m *mentorPages) cohort(name string, members ...*store.User) store.Cohort {
	m.t.Helper()
	co, err := m.s.ops.CreateCohort(context.Background(), m.mentor, name)
	if err != nil {
		m.t.Fatal(err)
	}
	for _, u := range members {
		if _, err := m.s.ops.AddMember(context.Background(), m.mentor, co.ID, u.Email); err != nil {
			m.t.Fatal(err)
		}
	}
	return co
}

func (m *mentorPages) curriculum(title string, items ...string) int64 {
	m.t.Helper()
	in := domain.CurriculumInput{Title: title}
	for _, it := range items {
		kind, ref, _ := strings.Cut(it, ":")
		in.Items = append(in.Items, content.CurriculumItem{Kind: kind, Ref: ref})
	}
	id, err := m.s.ops.CreateCurriculum(context.Background(), m.mentor, in)
	if err != nil {
		m.t.Fatal(err)
	}
	return id
}

func (m *mentorPages) assign(co store.Cohort, cur int64, due string) int64 {
	m.t.Helper()
	id, err := m.s.ops.Assign(context.Background(), m.mentor, domain.AssignInput{CohortID: co.ID, CurriculumID: cur, Due: due})
	if err != nil {
		m.t.Fatalf("assign curriculum %d due %s: %v", cur, due, err)
	}
	return id
}

func (m *mentorPages) day(offset int) string {
	return m.clock.Now().AddDate(0, 0, offset).Format("2006-01-02")
}

// Bug 2: the server refuses a due date in the past and a second assignment
// of the same curriculum; the mentor changes a due date and deletes an
// assignment after confirming, and the learner's work stays.
func TestBrowserAssignmentsRefusedChangedDeleted(t *testing.T) {
	m, learners := newMentorPages(t, "leo@example.com")
	leo := learners[0]
	co := m.cohort("Winter", leo)
	cur := m.curriculum("Week one", "lab:filter-sort-orders", "guide:career-path")
	bg := context.Background()
	// Leo's evidence, which deleting the assignment must leave alone.
	lab := m.s.labs.Lab("filter-sort-orders")
	if _, err := m.s.store.SaveSubmission(bg, store.Submission{UserID: leo.ID, LabID: lab.ID, SQL: lab.Solution, Passed: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.s.store.SaveQuizAttempt(bg, store.QuizAttempt{UserID: leo.ID, GuideKey: "career-path", Slug: "career-path", Correct: 4, Total: 4, Passed: true}); err != nil {
		t.Fatal(err)
	}
	m.signIn("mina@example.com")
	page := cohortURL(co.ID)
	m.open(page, `[data-testid="assign-due"]`)

	// A past date that the browser's min would stop: the form is sent
	// without the browser's check, as an old browser or a script would.
	setDue := func(v string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(function(){
			document.querySelector('[data-testid="assign-curriculum"]').value = "%d";
			var f = document.querySelector('[data-testid="assign-due"]'); f.value = %q; f.form.submit()})()`, cur, v))
	}
	if err := m.act("assign due yesterday", "#assign", setDue(m.day(-1))); err != nil {
		t.Fatal(err)
	}
	if got, want := m.text(`[role="alert"]`), m.msg("flash.due_past"); got != want {
		t.Errorf("assigning a past due date: alert %q, want %q", got, want)
	}
	if n := m.count(`[data-testid="assignment-row"]`); n != 0 {
		t.Errorf("after a past due date the cohort has %d assignments, want none", n)
	}
	// Today is fine: the due day ends at midnight UTC.
	if err := m.act("assign due today", `[data-flash="flash.assigned"]`, setDue(m.day(0))); err != nil {
		t.Fatal(err)
	}
	// The same curriculum again, to the cohort or to its learner.
	if err := m.act("assign it again", `[role="alert"]`, setDue(m.day(30))); err != nil {
		t.Errorf("%v", err)
	} else if got, want := m.text(`[role="alert"]`), m.msg("flash.already_assigned"); got != want {
		t.Errorf("assigning the same curriculum twice: alert %q, want %q", got, want)
	}
	if n := m.count(`[data-testid="assignment-row"]`); n != 1 {
		t.Fatalf("the cohort has %d assignments, want 1", n)
	}

	// Change the due date, in place.
	newDue := m.day(45)
	if err := m.act("change the due date", `[data-flash="flash.due_changed"]`,
		chromedp.SetValue(chromedp.CSS(`[data-testid="assignment-row"] [data-testid="edit-due"]`), newDue),
		chromedp.Click(chromedp.CSS(`[data-testid="assignment-row"] [data-testid="save-due"]`)),
	); err != nil {
		t.Fatal(err)
	}
	if row := m.text(`[data-testid="assignment-row"]`); !strings.Contains(row, "Week one") {
		t.Errorf("assignment row after the change: %q", row)
	}
	if v := m.eval(`document.querySelector('[data-testid="assignment-row"] [data-testid="edit-due"]').value`); v != newDue {
		t.Errorf("due date after the change = %q, want %q", v, newDue)
	}
	// A past date is refused here too, and changes nothing.
	if err := m.act("move the due date into the past", `[role="alert"]`,
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(function(){var f=document.querySelector('[data-testid="edit-due"]'); f.value=%q; f.form.submit()})()`, m.day(-3))),
	); err != nil {
		t.Fatal(err)
	}
	if got, want := m.text(`[role="alert"]`), m.msg("flash.due_past"); got != want {
		t.Errorf("changing to a past date: alert %q, want %q", got, want)
	}
	if v := m.eval(`document.querySelector('[data-testid="edit-due"]').value`); v != newDue {
		t.Errorf("due date after a refused change = %q, want %q", v, newDue)
	}

	// Delete asks first; cancelling keeps the assignment.
	if err := m.act("ask to delete", `[data-testid="confirm"]`, chromedp.Click(chromedp.CSS(`[data-testid="delete-assignment"]`))); err != nil {
		t.Fatal(err)
	}
	if q := m.text(`[data-testid="confirm-message"]`); !strings.Contains(q, "Week one") || !strings.Contains(q, newDue) {
		t.Errorf("confirmation = %q, want the curriculum and due date named", q)
	}
	if err := m.act("cancel", `[data-testid="assignment-row"]`, chromedp.Click(chromedp.CSS(`[data-testid="confirm-cancel"]`))); err != nil {
		t.Fatal(err)
	}
	if err := m.act("ask to delete again", `[data-testid="confirm"]`, chromedp.Click(chromedp.CSS(`[data-testid="delete-assignment"]`))); err != nil {
		t.Fatal(err)
	}
	if err := m.act("confirm the deletion", `[data-flash="flash.assignment_deleted"]`, chromedp.Click(chromedp.CSS(`[data-testid="confirm-submit"]`))); err != nil {
		t.Fatal(err)
	}
	if n := m.count(`[data-testid="assignment-row"]`); n != 0 {
		t.Errorf("after deleting, the cohort has %d assignments, want none", n)
	}
	// Only the assignment went: the submissions and quiz attempts stay, and
	// so does the evidence they give.
	subs, err := m.s.store.Submissions(bg, leo.ID, "", 10)
	if err != nil || len(subs) != 1 || !subs[0].Passed {
		t.Errorf("Leo's submissions after the deletion = %v (%v), want the one passed attempt", subs, err)
	}
	if qa, err := m.s.store.QuizAttempts(bg, leo.ID, "career-path", 10); err != nil || len(qa) != 1 {
		t.Errorf("Leo's quiz attempts after the deletion = %d (%v), want 1", len(qa), err)
	}
	m.open(learnerURL(leo.ID), `article.submission`)
	if st := m.text(`article.submission .status`); st != m.msg("lab.passed") {
		t.Errorf("Leo's submission on his page after the deletion: %q", st)
	}
}

// Bug 3: a learner added minutes ago, with an assignment made minutes ago
// and no activity, is not stuck; a week and a day later, still idle, they
// are.
func TestBrowserNewLearnerIsNotStuck(t *testing.T) {
	m, learners := newMentorPages(t, "leo@example.com")
	co := m.cohort("Spring", learners[0])
	m.assign(co, m.curriculum("Week one", "lab:filter-sort-orders"), m.day(30))
	m.signIn("mina@example.com")
	row := `tr[data-learner="leo@example.com"]`
	m.open(cohortURL(co.ID), row)
	if n := m.count(row + ` .flag-stuck`); n != 0 {
		t.Errorf("a learner added and assigned just now is flagged stuck (%q)", m.text(row))
	}
	m.open(cohortURL(co.ID)+"?filter=stuck", `#progress`)
	if n := m.count(row); n != 0 {
		t.Errorf(`"stuck" lists a learner added just now`)
	}
	// Eight days on without activity, the learner is stuck.
	m.clock.Set(m.clock.Now().Add(8 * 24 * time.Hour))
	m.signIn("mina@example.com")
	m.open(cohortURL(co.ID)+"?filter=stuck", row)
	if n := m.count(row + ` .flag-stuck`); n != 1 {
		t.Errorf("after eight idle days the learner is not flagged stuck (%q)", m.text(row))
	}
}

// Bug 4: the builder refuses an item already in the curriculum, confirms
// each change after the redirect, and asks before removing an item.
func TestBrowserCurriculumBuilderRefusesDuplicatesAndConfirms(t *testing.T) {
	m, _ := newMentorPages(t)
	cur := m.curriculum("Week one")
	m.signIn("mina@example.com")
	m.open(curriculumURL(cur), `[data-testid="item-picker"]`)
	labTitle := m.s.labs.Lab("customers-without-orders").Title
	guideTitle := m.s.content.Guide("career-path").Title
	add := func(value, flashKey string) {
		t.Helper()
		if err := m.act("add "+value, `[data-flash="`+flashKey+`"]`,
			chromedp.SetValue(chromedp.CSS(`[data-testid="item-picker"]`), value),
			chromedp.Click(chromedp.CSS(`[data-testid="add-item"]`)),
		); err != nil {
			t.Fatal(err)
		}
	}
	add("lab:customers-without-orders", "flash.item_added")
	if got, want := m.text(`[data-flash="flash.item_added"]`), m.msg("flash.item_added", labTitle); got != want {
		t.Errorf("after adding: %q, want %q", got, want)
	}
	add("guide:career-path", "flash.item_added")
	if got, want := m.text(`[data-flash="flash.item_added"]`), m.msg("flash.item_added", guideTitle); got != want {
		t.Errorf("after adding the guide: %q, want %q", got, want)
	}
	// The same lab again is refused, and the list keeps two items.
	add("lab:customers-without-orders", "flash.item_duplicate")
	if got, want := m.text(`[role="alert"]`), m.msg("flash.item_duplicate", labTitle); got != want {
		t.Errorf("adding a duplicate: %q, want %q", got, want)
	}
	if n := m.count(`[data-testid="curriculum-items"] li`); n != 2 {
		t.Errorf("the curriculum has %d items after a duplicate, want 2", n)
	}
	// Moving is confirmed too.
	if err := m.act("move the guide up", `[data-flash="flash.item_moved"]`,
		chromedp.Click(chromedp.CSS(`[data-testid="curriculum-items"] li:nth-child(2) button[value="up"]`))); err != nil {
		t.Fatal(err)
	}
	if first := m.text(`[data-testid="curriculum-items"] li:first-child a`); first != guideTitle {
		t.Errorf("first item after moving the guide up = %q, want %q", first, guideTitle)
	}
	// Removing asks first; cancelling keeps the item.
	remove := `[data-testid="curriculum-items"] li:nth-child(2) [data-testid="remove-item"]`
	if err := m.act("ask to remove the lab", `[data-testid="confirm"]`, chromedp.Click(chromedp.CSS(remove))); err != nil {
		t.Fatal(err)
	}
	if q := m.text(`[data-testid="confirm-message"]`); !strings.Contains(q, labTitle) || !strings.Contains(q, "Week one") {
		t.Errorf("confirmation = %q, want the lab and the curriculum named", q)
	}
	if err := m.act("cancel", `[data-testid="curriculum-items"]`, chromedp.Click(chromedp.CSS(`[data-testid="confirm-cancel"]`))); err != nil {
		t.Fatal(err)
	}
	if n := m.count(`[data-testid="curriculum-items"] li`); n != 2 {
		t.Errorf("after cancelling, the curriculum has %d items, want 2", n)
	}
	if err := m.act("ask again", `[data-testid="confirm"]`, chromedp.Click(chromedp.CSS(remove))); err != nil {
		t.Fatal(err)
	}
	if err := m.act("remove", `[data-flash="flash.item_removed"]`, chromedp.Click(chromedp.CSS(`[data-testid="confirm-submit"]`))); err != nil {
		t.Fatal(err)
	}
	if got, want := m.text(`[data-flash="flash.item_removed"]`), m.msg("flash.item_removed", labTitle); got != want {
		t.Errorf("after removing: %q, want %q", got, want)
	}
	if n := m.count(`[data-testid="curriculum-items"] li`); n != 1 {
		t.Errorf("after removing, the curriculum has %d items, want 1", n)
	}
}

// Bug 5: on the mentor's learner page each progress figure stays inside
// its cell, and the column's header names what the figure measures. The
// table is found by its place (the page's first section), as it was before
// the fix, so the test shows the bug on the old page too.
func TestBrowserMentorLearnerProgressColumn(t *testing.T) {
	for _, width := range []int64{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			m, learners := newMentorPages(t, "leo@example.com")
			leo := learners[0]
			m.cohort("Spring", leo)
			lab := m.s.labs.Lab("filter-sort-orders")
			if _, err := m.s.store.SaveSubmission(context.Background(), store.Submission{UserID: leo.ID, LabID: lab.ID, SQL: lab.Solution, Passed: true}); err != nil {
				t.Fatal(err)
			}
			m.signIn("mina@example.com")
			if err := chromedp.Do(m.ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			m.open(learnerURL(leo.ID), `main > section:first-of-type table`)
			if got, want := m.text(`main > section:first-of-type table thead th:nth-child(3)`), m.msg("mentor.progress_next"); got != want {
				t.Errorf("progress column header = %q, want %q", got, want)
			}
			// Every figure's text ends inside its cell.
			over := m.eval(`(function(){
				var bad = [];
				document.querySelectorAll('main > section:first-of-type table tbody tr').forEach(function(tr){
					var td = tr.children[2], r = document.createRange();
					r.selectNodeContents(td);
					if (r.getBoundingClientRect().right > td.getBoundingClientRect().right + 0.5 || td.scrollWidth > td.clientWidth) {
						bad.push(tr.children[0].innerText + ": " + td.innerText);
					}
				});
				return bad.join("; ");
			})()`)
			if over != "" {
				t.Errorf("progress figures that overflow their cell: %s", over)
			}
			// Each bar says which level it leads to.
			labels := m.eval(`Array.from(document.querySelectorAll('main > section:first-of-type table tbody progress')).map(function(p){return p.getAttribute("aria-label")}).join("|")`)
			for _, l := range strings.Split(labels, "|") {
				if !strings.HasPrefix(l, "progress toward ") || strings.TrimPrefix(l, "progress toward ") == "" {
					t.Errorf("a progress bar is labelled %q, want the level it leads to", l)
				}
			}
			if n, err := chromedp.Run(m.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`)); err != nil || !n {
				t.Errorf("the learner page overflows the window at %d px (%v)", width, err)
			}
		})
	}
}

// Gap 10: a cohort with a 9-item curriculum fits a 1,280 px window with
// its summary columns and due date in view, and becomes one list per
// learner on a 390 px phone.
func TestBrowserCohortTableScales(t *testing.T) {
	m, learners := newMentorPages(t, "ada@example.com", "bo@example.com", "chae@example.com")
	for i, name := range []string{"Ada Park", "Bo Kim", "Chae Lee"} {
		if err := m.s.store.SetDisplayName(context.Background(), learners[i].ID, name); err != nil {
			t.Fatal(err)
		}
	}
	co := m.cohort("Autumn bootcamp", learners...)
	items := []string{"guide:junior-data-engineer", "lab:filter-sort-orders", "lab:customers-without-orders", "lab:revenue-by-category-having",
		"guide:data-reliability-engineering", "lab:null-traps-discounts", "lab:point-in-time-training-set", "lab:rerunnable-daily-partition-load", "lab:pii-leak-in-analytics"}
	cur := m.curriculum("First 30 days", items...)
	due := m.day(21)
	m.assign(co, cur, due)
	lab := m.s.labs.Lab("filter-sort-orders")
	if _, err := m.s.store.SaveSubmission(context.Background(), store.Submission{UserID: learners[0].ID, LabID: lab.ID, SQL: lab.Solution, Passed: true}); err != nil {
		t.Fatal(err)
	}
	m.signIn("mina@example.com")
	fits := func(width int64) {
		t.Helper()
		ok, err := chromedp.Run(m.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
		if err != nil || !ok {
			w := m.eval(`document.documentElement.scrollWidth + " px; past the edge: " + Array.from(document.querySelectorAll("body *")).filter(function(e){return e.getBoundingClientRect().right > window.innerWidth+1}).slice(0,8).map(function(e){return e.tagName+"."+e.className+" to "+Math.round(e.getBoundingClientRect().right)}).join(", ")`)
			t.Errorf("at %d px the page is %s (%v)", width, w, err)
		}
	}
	// inView says whether sel is shown and lies inside the window's width.
	inView := func(sel string) bool {
		t.Helper()
		v, err := chromedp.Run(m.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(function(){var e=document.querySelector(%q); if(!e) return false; var r=e.getBoundingClientRect(); return r.width>0 && r.height>0 && r.left>=0 && r.right<=window.innerWidth})()`, sel)))
		if err != nil {
			t.Fatalf("in view %s: %v", sel, err)
		}
		return v
	}

	// Desktop.
	if err := chromedp.Do(m.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	m.open(cohortURL(co.ID), `[data-testid="cohort-table"]`)
	fits(1280)
	if w := m.eval(`(function(){var t=document.querySelector('[data-testid="cohort-table"]'); return t.offsetWidth + "/" + t.parentElement.clientWidth})()`); !fitsIn(w) {
		t.Errorf("the 9-item table is wider than its place (table/container px: %s)", w)
	}
	for _, col := range []string{"col-done", "col-activity", "col-level"} {
		if !inView(`[data-testid="cohort-table"] [data-testid="` + col + `"]`) {
			t.Errorf("summary column %s is not in view at 1280 px", col)
		}
	}
	if !inView(`[data-testid="cohort-table"] [data-testid="group-due"]`) || !strings.Contains(m.text(`[data-testid="cohort-table"] [data-testid="group-due"]`), due) {
		t.Errorf("the assignment's due date %s is not in view in the table's header: %q", due, m.text(`[data-testid="cohort-table"] thead`))
	}
	// Summary columns come first, after the learner.
	if order := m.eval(`Array.from(document.querySelectorAll('[data-testid="cohort-table"] thead tr:first-child th')).slice(1,4).map(function(th){return th.dataset.testid}).join(",")`); order != "col-done,col-activity,col-level" {
		t.Errorf("the header's first columns after the learner = %q, want done, last activity, level", order)
	}
	// Item headers are short, and carry the full title for the mouse and
	// for screen readers.
	heads := m.eval(`JSON.stringify(Array.from(document.querySelectorAll('[data-testid="cohort-table"] th.item-col')).map(function(th){return [th.title, th.textContent.replace(/\s+/g," ").trim(), String(th.getBoundingClientRect().height)]}))`)
	for _, ref := range items {
		kind, id, _ := strings.Cut(ref, ":")
		title := m.s.itemTitle("en", kind, id)
		if !strings.Contains(heads, fmt.Sprintf("[%q,", title)) {
			t.Errorf("no item header with the title %q on hover: %s", title, heads)
		}
	}
	if n := m.count(`[data-testid="cohort-table"] th.item-col`); n != len(items) {
		t.Errorf("%d item headers, want %d", n, len(items))
	}
	if tall := m.eval(`String(Math.max.apply(null, Array.from(document.querySelectorAll('[data-testid="cohort-table"] th.item-col')).map(function(th){return th.getBoundingClientRect().height})))`); atof(tall) > 60 {
		t.Errorf("item headers are %s px tall: they wrap into stacks", tall)
	}
	fullScreenshot(t, m.ctx, "mentor-cohort.png")

	// Phone.
	if err := chromedp.Do(m.ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	m.open(cohortURL(co.ID), `[data-testid="cohort-list"]`)
	fits(390)
	if inView(`[data-testid="cohort-table"]`) {
		t.Error("the wide table is shown at 390 px; want the list per learner")
	}
	if n := m.count(`[data-testid="cohort-list"] > li`); n != len(learners) {
		t.Errorf("the phone list has %d learners, want %d", n, len(learners))
	}
	ada := `[data-testid="cohort-list"] > li[data-learner="ada@example.com"]`
	if !inView(ada+` [data-testid="learner-done"]`) || m.text(ada+` [data-testid="learner-done"]`) != "1/9" {
		t.Errorf("Ada's items done on the phone: %q, want 1/9 in view", m.text(ada+` [data-testid="learner-done"]`))
	}
	if !inView(ada+` [data-testid="group-due"]`) || !strings.Contains(m.text(ada+` [data-testid="group-due"]`), due) {
		t.Errorf("the due date on the phone: %q, want %s in view", m.text(ada+` [data-testid="group-due"]`), due)
	}
	// A learner's items fold out, without JavaScript.
	if err := chromedp.Do(m.ctx, chromedp.Click(chromedp.CSS(ada+` details summary`)), chromedp.WaitVisible(chromedp.CSS(ada+` details .assignment-items`))); err != nil {
		t.Fatalf("open Ada's items: %v", err)
	}
	if n := m.count(ada + ` details .assignment-items li`); n != len(items) {
		t.Errorf("Ada's folded-out items: %d, want %d", n, len(items))
	}
	fits(390)
	screenshot(t, m.ctx, "mentor-cohort-phone.png")
	// The Korean interface fits as well, at both widths.
	m.open("/lang/ko?next="+cohortURL(co.ID), `html[lang="ko"] [data-testid="cohort-list"]`)
	fits(390)
	screenshot(t, m.ctx, "mentor-cohort-phone-ko.png")
	if err := chromedp.Do(m.ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	m.open(cohortURL(co.ID), `html[lang="ko"] [data-testid="cohort-table"]`)
	fits(1280)
	if w := m.eval(`(function(){var t=document.querySelector('[data-testid="cohort-table"]'); return t.offsetWidth + "/" + t.parentElement.clientWidth})()`); !fitsIn(w) {
		t.Errorf("in Korean the 9-item table is wider than its place (table/container px: %s)", w)
	}

	// Very many items scroll inside the table's own box; the page still
	// does not overflow, and the summary columns stay in view.
	var many []string
	for _, l := range m.s.labs.Labs[:40] {
		many = append(many, "lab:"+l.ID)
	}
	big := m.cohort("Everything", learners...)
	m.assign(big, m.curriculum("Every lab", many...), m.day(60))
	m.open("/lang/en?next="+cohortURL(big.ID), `html[lang="en"] [data-testid="cohort-table"]`)
	fits(1280)
	for _, col := range []string{"col-done", "col-activity", "col-level"} {
		if !inView(`[data-testid="cohort-table"] [data-testid="` + col + `"]`) {
			t.Errorf("with 40 items, summary column %s is not in view", col)
		}
	}
}

// fitsIn reads "a/b" and says whether a <= b.
func fitsIn(ratio string) bool {
	a, b, _ := strings.Cut(ratio, "/")
	return atof(a) <= atof(b)
}

func atof(s string) float64 {
	var f float64
	fmt.Sscan(s, &f)
	return f
}
