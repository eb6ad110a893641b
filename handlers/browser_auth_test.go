package handlers

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A person signs up, logs out, logs in, changes the password, and a second
// browser signed in as them is signed out.
func TestBrowserAccountLifecycle(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	const email, pw, newPW = "grace@example.com", "first password 123", "second password 456"

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signup"),
		chromedp.WaitVisible(css("form[action='/signup']")),
		chromedp.SendKeys(css("#email"), email),
		chromedp.SendKeys(css("#display_name"), "Grace"),
		chromedp.SendKeys(css("#password"), "short"),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css("#password-error")),
	)
	if err != nil {
		t.Fatalf("signup with a short password: %v", err)
	}
	kept, _ := chromedp.Run(ctx, chromedp.Value(css("#email")))
	if kept != email {
		t.Errorf("email field after an error = %q, want it kept", kept)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(css("#password"), pw),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`[data-testid="account-link"]`)),
	)
	if err != nil {
		t.Fatalf("signup: %v", err)
	}
	if name, _ := chromedp.Run(ctx, chromedp.Text(css(`[data-testid="account-link"]`))); name != "Grace" {
		t.Errorf("account link = %q, want Grace", name)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(css(`[data-testid="logout"]`)),
		chromedp.WaitVisible(css(`a[href="/login"]`)),
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(css("form[action='/login']")),
		chromedp.SendKeys(css("#email"), email),
		chromedp.SendKeys(css("#password"), pw),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`[data-testid="account-link"]`)),
	)
	if err != nil {
		t.Fatalf("log out and in: %v", err)
	}

	// A second, separate browser session for the same person.
	other, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	err = chromedp.Do(other,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(css("#email")),
		chromedp.SendKeys(css("#email"), email),
		chromedp.SendKeys(css("#password"), pw),
		chromedp.Submit(css("#password")),
		chromedp.WaitVisible(css(`[data-testid="account-link"]`)),
	)
	if err != nil {
		t.Fatalf("second browser login: %v", err)
	}

	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/account"),
		chromedp.WaitVisible(css("#current_password")),
		chromedp.SendKeys(css("#current_password"), pw),
		chromedp.SendKeys(css("#new_password"), newPW),
		chromedp.Submit(css("#new_password")),
		chromedp.WaitVisible(css(`p[role="status"]`)),
	)
	if err != nil {
		t.Fatalf("change password: %v", err)
	}
	status, _ := chromedp.Run(ctx, chromedp.Text(css(`p[role="status"]`)))
	if !strings.Contains(status, "Every other session was signed out") {
		t.Errorf("status after password change = %q", status)
	}
	screenshot(t, ctx, "account.png")

	// The other browser's session has ended: the account page sends it to login.
	err = chromedp.Do(other,
		chromedp.Navigate(base+"/account"),
		chromedp.WaitVisible(css("form[action='/login']")),
	)
	if err != nil {
		t.Fatalf("second browser after the password change: %v", err)
	}
	loc, _ := chromedp.Run(other, chromedp.Location())
	if !strings.Contains(loc, "/login?next=%2Faccount") {
		t.Errorf("second browser is at %q, want the login page", loc)
	}
	// The first browser stays signed in with its fresh session.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/account"), chromedp.WaitVisible(css("#current_password"))); err != nil {
		t.Errorf("first browser after the change: %v", err)
	}
}
