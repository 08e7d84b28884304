package handlers_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
)

// A person turns on two-factor sign-in, signs out, signs in with the app's code, and
// later with a recovery code.
func TestBrowserTwoFactorSignIn(t *testing.T) {
	clock := newStepClock()
	s := apptest.New(t, openSQLite(t), apptest.WithClock(clock.Now))
	ctx, base := startBrowser(t, s)
	b := browserSteps{t, ctx}
	b.do("sign up", chromedp.Navigate(base+"/signup"), chromedp.WaitVisible(chromedp.CSS("#name")),
		fill("#name", "Ana Lima"), fill("#email", "ana@example.com"), fill("#password", goodPassword),
		submitAndWaitForPage("#password"))
	b.do("open the set-up", chromedp.Navigate(base+"/account"), chromedp.WaitVisible(chromedp.CSS("main h1")),
		clickAndWaitForPage(`a[href="/account/two-factor"]`),
		clickAndWaitForPage(`form[action="/account/two-factor/setup"] button`))
	secret := b.text("#two-factor-key")
	if secret == "" {
		t.Fatal("the set-up page shows no key to type")
	}
	b.do("a wrong code", fill("#code", "000000"), submitAndWaitForPage("#code"))
	if got := b.text("#code-error"); !strings.Contains(got, "does not match") {
		t.Fatalf("got %q beside the code, want it refused", got)
	}
	b.do("confirm", chromedp.Clear(chromedp.CSS("#code")), fill("#code", clock.code(t, secret)), submitAndWaitForPage("#code"))
	codes := strings.Fields(b.text("#recovery-codes"))
	if len(codes) != 10 {
		t.Fatalf("got recovery codes %v, want 10", codes)
	}
	if got := b.text("#two-factor-status"); !strings.Contains(got, "on") {
		t.Fatalf("got status %q, want on", got)
	}

	b.do("log out", clickAndWaitForPage(`header form[action="/logout"] button`))
	b.do("password", fill("#email", "ana@example.com"), fill("#password", goodPassword), submitAndWaitForPage("#password"))
	if got := b.text("main h1"); got != "Two-factor sign-in" {
		t.Fatalf("got heading %q after the password, want the code step", got)
	}
	b.do("app code", fill("#code", clock.code(t, secret)), submitAndWaitForPage("#code"))
	if got := b.text("main h1"); got != "Hello, Ana Lima" {
		t.Fatalf("got heading %q after the code, want the dashboard", got)
	}

	b.do("log out again", clickAndWaitForPage(`header form[action="/logout"] button`))
	b.do("password again", fill("#email", "ana@example.com"), fill("#password", goodPassword), submitAndWaitForPage("#password"))
	b.do("recovery code", fill("#code", codes[3]), submitAndWaitForPage("#code"))
	if got := b.text("main h1"); got != "Hello, Ana Lima" {
		t.Fatalf("got heading %q after a recovery code, want the dashboard", got)
	}
	b.do("see the codes left", chromedp.Navigate(base+"/account/two-factor"), chromedp.WaitVisible(chromedp.CSS("#two-factor-status")))
	if got := b.text("main"); !strings.Contains(got, "9 unused recovery codes left") {
		t.Fatalf("got %q, want 9 codes left", got)
	}
}
