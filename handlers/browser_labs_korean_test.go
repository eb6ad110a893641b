package handlers

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A reader who chose Korean submits a wrong answer on the lab page and
// reads the verdict in Korean, put in place by the page's script; a broken
// run's error is Korean too.
func TestBrowserKoreanVerdict(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
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
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/lang/ko?next=/labs/filter-sort-orders"),
		chromedp.WaitVisible(editor),
	)
	if err != nil {
		t.Fatalf("open the lab in Korean: %v", err)
	}
	typeSQL("SELECT order_id FROM shop.orders")
	if err := chromedp.Do(ctx, chromedp.Click(css(`button[data-action="submit"]`)), chromedp.WaitVisible(css(`[data-testid="verdict"].verdict-fail`))); err != nil {
		t.Fatalf("submit a wrong answer: %v", err)
	}
	verdict, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="verdict"] .verdict-message`)))
	if verdict != "결과의 컬럼은 1개인데, 기대 결과는 5개입니다." {
		t.Errorf("verdict = %q, want the Korean message", verdict)
	}
	typeSQL("SELECT nope FROM shop.orders")
	if err := chromedp.Do(ctx, chromedp.Click(css(`button[data-action="run"]`)), chromedp.WaitVisible(css(`[data-testid="run-error"]`))); err != nil {
		t.Fatalf("run a broken query: %v", err)
	}
	msg, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="run-error"] pre`)))
	if !strings.HasPrefix(msg, "1번째 문장(1번째 줄에서 시작)에서 SQL 오류가 났습니다: Binder Error") || !strings.Contains(msg, `"nope"`) {
		t.Errorf("run error = %q, want the Korean sentence around DuckDB's message", msg)
	}
}
