package handlers

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startBrowser returns a chromedp context on a headless Debian chromium. The
// test may skip only on a developer machine without chromium; in CI a
// missing browser is a failure.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed, and CI is set: .ci/run must install it")
		}
		t.Skip("chromium is not installed (install Debian's chromium to run browser tests)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// serveHTTP runs the server on a loopback port and returns its base URL.
func serveHTTP(t testing.TB, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.App().Listener(ln)
	t.Cleanup(func() { s.App().ShutdownWithTimeout(5 * time.Second) })
	return "http://" + ln.Addr().String()
}

// screenshot saves a PNG. With UPDATE_SCREENSHOTS=1 it replaces the one the
// README shows; otherwise it goes to a temporary folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shoot(t, ctx, name, chromedp.CaptureScreenshot())
}

// fullScreenshot captures the whole page, not only the window.
func fullScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shoot(t, ctx, name, chromedp.FullScreenshot(100))
}

func shoot(t *testing.T, ctx context.Context, name string, action chromedp.Action[[]byte]) {
	t.Helper()
	png, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if len(png) < 1000 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s: not a PNG (%d bytes)", name, len(png))
	}
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "assets", "screenshots")
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserReadGuideAndSwitchLanguage(t *testing.T) {
	ctx := startBrowser(t)
	s := newTestServer(t)
	base := serveHTTP(t, s)
	en := s.content.Guide("career-path")
	ko := s.content.Translation(en, "ko")
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(css("main h1")),
		// Go to the first guide the way a newcomer does: the call to action.
		chromedp.Click(css(`a[role="button"][href="/guides/career-path"]`)),
		chromedp.WaitVisible(css("article.prose h1")),
	)
	if err != nil {
		t.Fatalf("open guide: %v", err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(css("article.prose h1")))
	if err != nil || h1 != en.Title {
		t.Errorf("guide heading = %q (%v), want %q", h1, err, en.Title)
	}
	tocItems, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("nav.toc li a").length`))
	if err != nil || tocItems != len(en.Body.TOC) || tocItems < 3 {
		t.Errorf("table of contents has %d links (%v), want %d (at least 3)", tocItems, err, len(en.Body.TOC))
	}
	screenshot(t, ctx, "guide.png")
	// The first table-of-contents link leads to a heading on the page.
	if err := chromedp.Do(ctx, chromedp.Click(css("nav.toc li a"))); err != nil {
		t.Fatalf("click TOC: %v", err)
	}
	target, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(){var el=document.getElementById(decodeURIComponent(location.hash.slice(1))); return el ? el.tagName : ""})()`))
	if err != nil || target != "H2" {
		t.Errorf("TOC link target = %q (%v), want an H2", target, err)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(css(`[data-testid="lang-switch"]`)),
		chromedp.WaitVisible(css(`html[lang="ko"] article.prose h1`)),
	)
	if err != nil {
		t.Fatalf("switch language: %v", err)
	}
	if h1, err = chromedp.Run(ctx, chromedp.Text(css("article.prose h1"))); err != nil || h1 != ko.Title {
		t.Errorf("Korean heading = %q (%v), want %q", h1, err, ko.Title)
	}
	lang, err := chromedp.Run(ctx, chromedp.AttributeValue(css("html"), "lang"))
	if err != nil || lang.Value != "ko" {
		t.Errorf("<html lang> = %q (%v), want ko", lang.Value, err)
	}
	// The choice is remembered: the home page now comes in Korean.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	nav, err := chromedp.Run(ctx, chromedp.Text(css(`header nav a[href="/guides"]`)))
	if err != nil || strings.TrimSpace(nav) != s.msgs.T("ko", "nav.guides") {
		t.Errorf("home navigation after switching = %q (%v), want %q", nav, err, s.msgs.T("ko", "nav.guides"))
	}
	screenshot(t, ctx, "home-ko.png")
}
