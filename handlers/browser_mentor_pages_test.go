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
