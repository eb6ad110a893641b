package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"ladder/domain"
)

// The evidence loop in a real browser: a learner passes a guide's quiz and
// a code lab and sends a reviewed task; the mentor asks for changes; the learner sends a
// new version; the mentor approves it; the learner's level moves.
func TestBrowserEvidenceLoop(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	makeUser(t, s, "mina@example.com", "mentor")
	makeUser(t, s, "leo@example.com", "learner")
	bg := context.Background()
	mina, err := s.store.UserByEmail(bg, "mina@example.com")
	if err != nil {
		t.Fatal(err)
	}
	leo, err := s.store.UserByEmail(bg, "leo@example.com")
	if err != nil {
		t.Fatal(err)
	}
	co, err := s.ops.CreateCohort(bg, &mina, "Reliability")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ops.AddMember(bg, &mina, co.ID, leo.Email); err != nil {
		t.Fatal(err)
	}
	// Leo's mentor already judged data-reliability at mid; the senior task
	// is what can lift it.
	if _, err := s.ops.Endorse(bg, &mina, leo.ID, domain.EndorseInput{Competency: "data-reliability", Level: "mid"}); err != nil {
		t.Fatal(err)
	}
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	signIn := func(ctx context.Context, email string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/login"),
			chromedp.WaitVisible(css("#email")),
			chromedp.SendKeys(css("#email"), email),
			chromedp.SendKeys(css("#password"), "correct horse battery"),
			chromedp.Submit(css("#password")),
			chromedp.WaitVisible(css(`[data-testid="dashboard-link"]`)),
		); err != nil {
			t.Fatalf("sign in %s: %v", email, err)
		}
	}
	text := func(ctx context.Context, sel string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.WaitVisible(css(sel))); err != nil {
			t.Fatalf("wait for %s: %v", sel, err)
		}
		out, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return strings.TrimSpace(out)
	}
	mentorCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()

	// 1. Leo answers the quiz at the end of a guide, every question right.
	signIn(ctx, "leo@example.com")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/me")); err != nil {
		t.Fatal(err)
	}
	if lv := text(ctx, `[data-testid="level-data-reliability"]`); !strings.HasPrefix(lv, "Mid") {
		t.Fatalf("data-reliability before the task: %q, want Mid", lv)
	}
	const slug = "junior-data-engineer"
	actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/guides/" + slug + "#quiz"), chromedp.WaitVisible(css(`[data-testid="quiz-form"]`))}
	for _, q := range s.content.Guide(slug).Quiz.Questions {
		for _, a := range q.Answer {
			actions = append(actions, chromedp.Click(css(fmt.Sprintf(`input[name="q_%s"][value="%d"]`, q.ID, a))))
		}
	}
	actions = append(actions, chromedp.Click(css(`[data-testid="quiz-submit"]`)), chromedp.WaitVisible(css(`[data-testid="quiz-score"]`)))
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("answer the quiz: %v", err)
	}
	if score := text(ctx, `[data-testid="quiz-score"]`); !strings.Contains(score, "Passed") {
		t.Fatalf("quiz score: %q", score)
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(css(`[data-testid="quiz-score"]`))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "quiz.png")

	// 2. Leo passes a code lab, written in the Python-mode editor.
	code := s.labs.Lab("parse-csv-line")
	editor := css(`[data-testid="code-editor"]`)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/labs/"+code.ID),
		chromedp.WaitVisible(editor),
		chromedp.Click(editor),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	); err != nil {
		t.Fatalf("open the code lab: %v", err)
	}
	// insertText pastes the program as it is: typed keys would be indented
	// again by the editor.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.execCommand("insertText", false, %q)`, code.Solution))); err != nil {
		t.Fatalf("write the program: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`button[data-action="submit"]`)), chromedp.WaitVisible(css(`[data-testid="verdict"]`))); err != nil {
		t.Fatalf("submit the code lab: %v", err)
	}
	if v := text(ctx, `[data-testid="verdict"]`); !strings.HasPrefix(v, "Passed") || !strings.Contains(v, "Hidden tests: ✓ passed") {
		t.Fatalf("code lab verdict: %q", v)
	}

	// 3. Leo sends the SLO policy task.
	const task = "slo-error-budget-policy-senior"
	send := func(body string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/tasks/"+task),
			chromedp.WaitVisible(css(`[data-testid="task-body"]`)),
			chromedp.SendKeys(css(`[data-testid="task-body"]`), body),
			chromedp.Click(css(`[data-testid="task-submit"]`)),
			chromedp.WaitVisible(css(`[data-testid="task-sent"]`)),
		); err != nil {
			t.Fatalf("send the task: %v", err)
		}
	}
	send("# SLO policy\n\nFreshness for daily revenue: 08:00.")

	// 4. Mina asks for changes, marking every criterion not met.
	signIn(mentorCtx, "mina@example.com")
	review := func(decision, met string, shot string) {
		t.Helper()
		acts := []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(base + "/mentor/reviews"),
			chromedp.WaitVisible(css(`[data-testid="review-link"]`)),
			chromedp.Click(css(`[data-testid="review-link"]`)),
			chromedp.WaitVisible(css(`[data-testid="review-form"]`)),
		}
		for _, id := range s.content.Task(task).RubricIDs() {
			acts = append(acts, chromedp.Click(css(fmt.Sprintf(`input[name="met_%s"][value="%s"]`, id, met))))
		}
		acts = append(acts, chromedp.SendKeys(css(`textarea[name="comment"]`), "Thanks. "+decision), chromedp.Click(css(`[data-testid="decision-`+decision+`"]`)))
		if err := chromedp.Do(mentorCtx, acts...); err != nil {
			t.Fatalf("fill the review: %v", err)
		}
		if shot != "" {
			fullScreenshot(t, mentorCtx, shot)
		}
		if err := chromedp.Do(mentorCtx, chromedp.Click(css(`[data-testid="review-submit"]`)), chromedp.WaitVisible(css(`[data-testid="queue-empty"]`))); err != nil {
			t.Fatalf("save the review: %v", err)
		}
	}
	review("changes", "no", "review.png")

	// 5. Leo sees the request and sends a second version.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/tasks/"+task+"#versions"), chromedp.WaitVisible(css(`[data-testid="review"]`))); err != nil {
		t.Fatal(err)
	}
	if st := text(ctx, `[data-testid="version-status"]`); st != "Changes requested" {
		t.Fatalf("status after the first review: %q", st)
	}
	send("# SLO policy\n\nSLIs, budgets, the policy and burn-rate alerts.")

	// 6. Mina approves it, and Leo's level moves.
	review("approved", "yes", "")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/me"), chromedp.WaitVisible(css(`[data-testid="overall-level"]`))); err != nil {
		t.Fatal(err)
	}
	if lv := text(ctx, `[data-testid="level-data-reliability"]`); !strings.HasPrefix(lv, "Senior") {
		t.Errorf("data-reliability after the approval: %q, want Senior", lv)
	}
}
