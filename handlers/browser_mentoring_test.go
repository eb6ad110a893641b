package handlers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The whole mentoring flow in a real browser: a mentor sets up a cohort and
// a curriculum, the learner works through it, the mentor reviews, and the
// learner sees the review.
func TestBrowserMentoringFlow(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	makeUser(t, s, "mina@example.com", "mentor")
	makeUser(t, s, "leo@example.com", "learner")
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	signIn := func(ctx context.Context, email string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/login"),
			chromedp.WaitVisible(css("#email")),
			chromedp.SendKeys(css("#email"), email),
			chromedp.SendKeys(css("#password"), "correct horse battery"),
			chromedp.Submit(css("#password")),
			chromedp.WaitVisible(css(`[data-testid="dashboard-link"]`)),
		)
		if err != nil {
			t.Fatalf("sign in %s: %v", email, err)
		}
	}
	learnerCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()

	// 1. The mentor creates a cohort, adds the learner, builds and assigns a curriculum.
	signIn(ctx, "mina@example.com")
	due := time.Now().AddDate(0, 0, 30).Format("2006-01-02")
	err := chromedp.Do(ctx,
		chromedp.Click(css(`[data-testid="mentor-link"]`)),
		chromedp.WaitVisible(css(`[data-testid="cohort-name"]`)),
		chromedp.SendKeys(css(`[data-testid="cohort-name"]`), "Winter onboarding"),
		chromedp.Submit(css(`[data-testid="cohort-name"]`)),
		chromedp.WaitVisible(css(`[data-testid="member-email"]`)),
		chromedp.SendKeys(css(`[data-testid="member-email"]`), "leo@example.com"),
		chromedp.Submit(css(`[data-testid="member-email"]`)),
		chromedp.WaitVisible(css(`a[href^="/mentor/learners/"]`)),
		chromedp.Navigate(base+"/mentor"),
		chromedp.Click(css("#curricula details summary")),
		chromedp.SendKeys(css(`[data-testid="curriculum-title"]`), "Week one"),
		chromedp.Click(css(`[data-testid="create-curriculum"]`)),
		chromedp.WaitVisible(css(`[data-testid="item-picker"]`)),
		chromedp.SetValue(css(`[data-testid="item-picker"]`), "lab:customers-without-orders"),
		chromedp.Click(css(`[data-testid="add-item"]`)),
		chromedp.WaitVisible(css(`[data-testid="curriculum-items"]`)),
		chromedp.SetValue(css(`[data-testid="item-picker"]`), "guide:junior-data-engineer"),
		chromedp.Click(css(`[data-testid="add-item"]`)),
		chromedp.WaitVisible(css(`[data-testid="curriculum-items"] li:nth-child(2)`)),
		// Move the guide before the lab; the page after the post confirms it.
		chromedp.Click(css(`[data-testid="curriculum-items"] li:nth-child(2) button[value="up"]`)),
		chromedp.WaitVisible(css(`[data-flash="flash.item_moved"]`)),
	)
	if err != nil {
		t.Fatalf("mentor setup: %v", err)
	}
	first, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="curriculum-items"] li:first-child a`)))
	if !strings.Contains(first, "junior data engineer") {
		t.Errorf("first item after moving up = %q, want the junior guide", first)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/mentor"),
		chromedp.Click(css(`#cohorts a[href^="/mentor/cohorts/"]`)),
		chromedp.WaitVisible(css(`[data-testid="assign-due"]`)),
		chromedp.SetValue(css(`[data-testid="assign-due"]`), due),
		chromedp.Click(css(`[data-testid="assign-submit"]`)),
		chromedp.WaitVisible(css(`[data-testid="cohort-table"]`)),
	)
	if err != nil {
		t.Fatalf("assign: %v", err)
	}
	cohortURL, _ := chromedp.Run(ctx, chromedp.Location())
	cohortURL, _, _ = strings.Cut(cohortURL, "?") // a fresh load later, not a jump within the page

	// 2. The learner sees it, passes the lab and reads the guide.
	signIn(learnerCtx, "leo@example.com")
	err = chromedp.Do(learnerCtx, chromedp.Navigate(base+"/me"), chromedp.WaitVisible(css(`[data-testid="assignment"]`)))
	if err != nil {
		t.Fatalf("learner dashboard: %v", err)
	}
	asg, _ := chromedp.Run(learnerCtx, chromedp.Text(css(`[data-testid="assignment"]`)))
	if !strings.Contains(asg, "Week one") || !strings.Contains(asg, due) || !strings.Contains(asg, "0/2") {
		t.Errorf("assignment on the dashboard = %q", asg)
	}
	editor := css(`[data-testid="sql-editor"]`)
	err = chromedp.Do(learnerCtx,
		chromedp.Navigate(base+"/labs/customers-without-orders"),
		chromedp.WaitVisible(editor),
		chromedp.Click(editor),
		chromedp.SendKeys(editor, "SELECT c.customer_id, c.full_name, c.email FROM shop.customers c WHERE NOT EXISTS (SELECT 1 FROM shop.orders o WHERE o.customer_id = c.customer_id AND o.status = 'paid')"),
		chromedp.Click(css(`button[data-action="submit"]`)),
		chromedp.WaitVisible(css(`[data-testid="verdict"].verdict-pass`)),
		chromedp.Navigate(base+"/guides/junior-data-engineer"),
		chromedp.Click(css(`[data-testid="mark-read"]`)),
		chromedp.WaitVisible(css(`[data-testid="guide-read"]`)),
	)
	if err != nil {
		t.Fatalf("learner work: %v", err)
	}

	// 3. The mentor sees the progress, comments and endorses.
	err = chromedp.Do(ctx, chromedp.Navigate(cohortURL), chromedp.WaitVisible(css(`[data-testid="cohort-table"]`)))
	if err != nil {
		t.Fatal(err)
	}
	done, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="cohort-table"] tr[data-learner="leo@example.com"] td.cell-done').length`))
	if done != 2 {
		t.Errorf("cohort table shows %d done cells for the learner, want 2", done)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(css(`tr[data-learner="leo@example.com"] a[href^="/mentor/learners/"]`)),
		chromedp.WaitVisible(css(`[data-testid="comment-body"]`)),
		chromedp.SendKeys(css(`[data-testid="comment-body"]`), "Nice: NOT EXISTS is safe with NULLs."),
		chromedp.Click(css(`[data-testid="comment-submit"]`)),
		chromedp.WaitVisible(css(`blockquote.comment`)),
		chromedp.SetValue(css(`[data-testid="endorse-competency"]`), "collaboration"),
		chromedp.SetValue(css(`[data-testid="endorse-level"]`), "mid"),
		chromedp.Click(css(`[data-testid="endorse-submit"]`)),
		chromedp.WaitVisible(css(`#endorse ul li`)),
	)
	if err != nil {
		t.Fatalf("mentor review: %v", err)
	}

	// 4. The learner sees the comment, with an unread marker, and the endorsement.
	err = chromedp.Do(learnerCtx, chromedp.Navigate(base+"/me"), chromedp.WaitVisible(css(`[data-testid="unread-comments"]`)), chromedp.WaitVisible(css(`[data-testid="endorsements"]`)))
	if err != nil {
		t.Fatalf("learner sees the review: %v", err)
	}
	endorsed, _ := chromedp.Run(learnerCtx, chromedp.Text(css(`[data-testid="endorsements"]`)))
	if !strings.Contains(endorsed, "Collaboration") || !strings.Contains(endorsed, "Mid-level") || !strings.Contains(endorsed, "mentor") {
		t.Errorf("endorsement on the dashboard = %q", endorsed)
	}
	level, _ := chromedp.Run(learnerCtx, chromedp.Text(css(`[data-testid="level-collaboration"]`)))
	if !strings.Contains(level, "endorsed as Mid-level") {
		t.Errorf("collaboration level = %q, want the endorsement shown", level)
	}
	fullScreenshot(t, learnerCtx, "learner-review.png")
	err = chromedp.Do(learnerCtx, chromedp.Navigate(base+"/labs/customers-without-orders"), chromedp.WaitVisible(css(`[data-testid="attempt-comment"]`)))
	if err != nil {
		t.Fatalf("comment beside the attempt: %v", err)
	}
	comment, _ := chromedp.Run(learnerCtx, chromedp.Text(css(`[data-testid="attempt-comment"]`)))
	if !strings.Contains(comment, "NOT EXISTS is safe with NULLs") {
		t.Errorf("comment beside the attempt = %q", comment)
	}
	// Having seen it, the marker is gone.
	if err := chromedp.Do(learnerCtx, chromedp.Navigate(base+"/me"), chromedp.WaitVisible(css(`#comments`))); err != nil {
		t.Fatal(err)
	}
	// Count the comments too: a page without them would show no marker either.
	if n, err := chromedp.Run(learnerCtx, chromedp.Evaluate[[]int](`[document.querySelectorAll('[data-testid="unread-comments"]').length, document.querySelectorAll('#comments li').length]`)); err != nil || len(n) != 2 || n[0] != 0 || n[1] != 1 {
		t.Errorf("unread markers and comments after reading = %v (%v), want no marker beside the one comment", n, err)
	}
}
