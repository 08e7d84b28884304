package handlers_test

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

	"hitpath/app/apptest"
)

// startBrowser serves s on a real port and returns a headless Chromium context with
// the server's base URL.
func startBrowser(t *testing.T, s *apptest.Server) (context.Context, string) {
	t.Helper()
	// Serve first: cleanups run last-in first-out, so Chromium closes its connections
	// before the server shuts down instead of the shutdown waiting for them.
	base := serveForBrowser(t, s)
	return newChromium(t), base
}

// newChromium starts a headless Chromium for one test, which has two minutes. Without
// Chromium the test is skipped, except in CI (CI set), where a missing browser is a
// failure.
func newChromium(t *testing.T) context.Context {
	t.Helper()
	return newChromiumWithin(t, 120*time.Second)
}

// newChromiumWithin is newChromium for a test that needs longer: the tests that visit
// every page twice get a budget that grows with the pages, not the two minutes a
// journey gets.
func newChromiumWithin(t *testing.T, budget time.Duration) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed; .ci/run must install it")
		}
		t.Skip("chromium is not installed")
	}
	artifacts := filepath.Join(os.TempDir(), "hitpath-browser-failures")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(tmp),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1200, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// Start the browser on the context without a deadline: chromedp ties the browser's
	// life to the context of the first call, and a failed test still needs it to look.
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, budget)
	t.Cleanup(cancelTimeout)
	// Runs before the browser closes (cleanups run last-in first-out), on the browser's
	// own context, which has time left even when the test's ran out.
	t.Cleanup(func() {
		if t.Failed() {
			describePage(t, browserCtx, artifacts)
		}
	})
	return ctx
}

// describePage logs what the browser showed when a test failed — its URL, title, flash,
// error messages and first heading — and saves a screenshot that outlives the test, so
// a failure says more than "context deadline exceeded".
func describePage(t *testing.T, browserCtx context.Context, artifacts string) {
	ctx, cancel := context.WithTimeout(browserCtx, 15*time.Second)
	defer cancel()
	const shown = `(() => {
		const texts = sel => [...document.querySelectorAll(sel)].map(e => e.innerText.trim()).filter(Boolean);
		return JSON.stringify({url: location.href, title: document.title,
			flash: texts("p.flash"), errors: texts(".form-error, .error-summary, [id$='-error'], .field-error"),
			heading: texts("main h1").slice(0, 1)});
	})()`
	page, err := chromedp.Run(ctx, chromedp.Evaluate[string](shown))
	if err != nil {
		t.Logf("the browser could not describe its page: %v", err)
		return
	}
	t.Logf("the browser showed: %s", page)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	name := filepath.Join(artifacts, strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+".png")
	if err := os.MkdirAll(artifacts, 0o755); err == nil && os.WriteFile(name, png, 0o644) == nil {
		t.Logf("screenshot: %s", name)
	}
}

// serveForBrowser serves s on a free local port until the test ends and returns its
// base URL.
func serveForBrowser(t *testing.T, s *apptest.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.App.Server.Listener(ln) }()
	t.Cleanup(func() { _ = s.App.Server.Shutdown() })
	return "http://" + ln.Addr().String()
}

// browserSteps wraps a chromedp context with helpers that fail the test on error.
type browserSteps struct {
	t   *testing.T
	ctx context.Context
}

func (b browserSteps) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b browserSteps) text(sel string) string {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(got)
}

func fill(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.SendKeys(chromedp.CSS(sel), value)
}

// TestBrowserSignupLogoutLogin drives the real pages: sign up, see the dashboard, log
// out, fail a login, log in.
func TestBrowserSignupLogoutLogin(t *testing.T) {
	s := apptest.New(t, openSQLite(t))
	ctx, base := startBrowser(t, s)
	b := browserSteps{t, ctx}
	b.do("open sign-up", chromedp.Navigate(base+"/"), clickAndWaitForPage(`header a.button[href="/signup"]`),
		fill("#name", "Ana Lima"), fill("#email", "ana@example.com"), fill("#password", "short"),
		submitAndWaitForPage("#password"))
	if got := b.text("#password-error"); !strings.Contains(got, "at least 10 characters") {
		t.Fatalf("got password error %q, want the length rule", got)
	}
	b.do("sign up", fill("#password", goodPassword), submitAndWaitForPage("#password"))
	if got := b.text("main h1"); got != "Hello, Ana Lima" {
		t.Fatalf("got heading %q after sign-up, want the dashboard greeting", got)
	}
	b.do("log out", clickAndWaitForPage(`header form[action="/logout"] button`))
	if got := b.text("p.flash"); got != "You are logged out." {
		t.Fatalf("got flash %q after logout", got)
	}
	b.do("wrong password", fill("#email", "ana@example.com"), fill("#password", "wrong password"),
		submitAndWaitForPage("#password"))
	if got := b.text(".form-error"); !strings.Contains(got, "do not match an account") {
		t.Fatalf("got login error %q", got)
	}
	b.do("log in", fill("#password", goodPassword), submitAndWaitForPage("#password"))
	if got := b.text("main h1"); got != "Hello, Ana Lima" {
		t.Fatalf("got heading %q after login, want the dashboard", got)
	}
}
