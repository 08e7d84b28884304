package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
)

// inZone makes the browser believe it runs in zone, as a device there would.
func inZone(zone string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone})
		return err
	})
}

func (b browserSteps) value(sel string) string {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("read value of %s: %v", sel, err)
	}
	return got
}

// A person in Auckland signs up at 01:40 on 1 December their time (12:40 UTC on 30
// November): the sign-up form takes the browser's zone, and every "today" after it is
// 1 December.
func TestBrowserTimeZoneFromSignup(t *testing.T) {
	instant := time.Date(2031, 11, 30, 12, 40, 0, 0, time.UTC)
	s := apptest.New(t, openSQLite(t), apptest.WithClock(func() time.Time { return instant }))
	ctx, base := startBrowser(t, s)
	b := browserSteps{t, ctx}
	b.do("open sign-up in Auckland", inZone("Pacific/Auckland"), chromedp.Navigate(base+"/signup"),
		chromedp.WaitVisible(chromedp.CSS("#time_zone")))
	if got := b.value("#time_zone"); got != "Pacific/Auckland" {
		t.Fatalf("got time zone field %q, want the browser's Pacific/Auckland", got)
	}
	b.do("sign up", fill("#name", "Kiri"), fill("#email", "kiri@example.com"), fill("#password", goodPassword),
		submitAndWaitForPage("#password"))
	b.do("open the account", chromedp.Navigate(base+"/account"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := b.text("dl.facts"); !strings.Contains(got, "1 Dec 2031 in Pacific/Auckland") {
		t.Fatalf("got account facts %q, want today 1 Dec 2031 in Auckland", got)
	}
	b.do("open a new CEU form", chromedp.Navigate(base+"/ceus/new"), chromedp.WaitVisible(chromedp.CSS("#activity_date")))
	if got := b.value("#activity_date"); got != "2031-12-01" {
		t.Fatalf("got default activity date %q, want 2031-12-01", got)
	}
	b.do("move to Chicago", chromedp.Navigate(base+"/account"), chromedp.WaitVisible(chromedp.CSS("#time_zone")),
		chromedp.Clear(chromedp.CSS("#time_zone")), fill("#time_zone", "America/Chicago"), submitAndWaitForPage("#time_zone"))
	if got := b.text("p.flash"); got != "Your profile is saved." {
		t.Fatalf("got flash %q after saving the zone", got)
	}
	if got := b.text("dl.facts"); !strings.Contains(got, "30 Nov 2031 in America/Chicago") {
		t.Fatalf("got account facts %q, want today 30 Nov 2031 in Chicago", got)
	}
}

func TestBrowserPasswordReset(t *testing.T) {
	now := apptest.FixedNow(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
	s := apptest.New(t, openSQLite(t), apptest.WithClock(func() time.Time { return now }))
	s.RegisterAPI("Rosa", "rosa@example.com", goodPassword)
	ctx, base := startBrowser(t, s)
	b := browserSteps{t, ctx}
	b.do("ask for a link", chromedp.Navigate(base+"/login"), clickAndWaitForPage(`a[href="/forgot-password"]`),
		fill("#email", "rosa@example.com"), submitAndWaitForPage("#email"))
	if got := b.text("p.flash"); !strings.Contains(got, "If an account uses that address") {
		t.Fatalf("got %q, want the one answer", got)
	}
	link := "/reset-password?token=" + emailedToken(t, s, "rosa@example.com", "Reset")
	b.do("choose a new password", chromedp.Navigate(base+link), chromedp.WaitVisible(chromedp.CSS("#new_password")),
		fill("#new_password", "a fresh passphrase"), fill("#confirm_password", "a fresh passphrase"),
		submitAndWaitForPage("#new_password"))
	if got := b.text("p.flash"); !strings.Contains(got, "Your password is changed") {
		t.Fatalf("got flash %q after the reset", got)
	}
	b.do("log in with it", fill("#email", "rosa@example.com"), fill("#password", "a fresh passphrase"),
		submitAndWaitForPage("#password"))
	if got := b.text("main h1"); got != "Hello, Rosa" {
		t.Fatalf("got heading %q after logging in with the new password", got)
	}
	b.do("open the link again", chromedp.Navigate(base+link), chromedp.WaitVisible(chromedp.CSS(".form-error")))
	if got := b.text(".form-error"); !strings.Contains(got, "already used") {
		t.Fatalf("got %q for a used link, want it to say so", got)
	}
}

func TestBrowserEmailVerification(t *testing.T) {
	now := apptest.FixedNow(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
	s := apptest.New(t, openSQLite(t), apptest.WithClock(func() time.Time { return now }))
	ctx, base := startBrowser(t, s)
	b := browserSteps{t, ctx}
	b.do("sign up", chromedp.Navigate(base+"/signup"), fill("#name", "Vera"), fill("#email", "vera@example.com"),
		fill("#password", goodPassword), submitAndWaitForPage("#password"))
	if got := b.text("#confirm-email"); !strings.Contains(got, "Confirm your email address") {
		t.Fatalf("got notice %q, want the request to confirm", got)
	}
	link := "/verify-email?token=" + emailedToken(t, s, "vera@example.com", "Confirm")
	b.do("open the link", chromedp.Navigate(base+link), chromedp.WaitVisible(chromedp.CSS("main form button")),
		submitAndWaitForPage("main form button"))
	if got := b.text("p.flash"); got != "Thank you: vera@example.com is confirmed." {
		t.Fatalf("got flash %q after confirming", got)
	}
	confirmed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#confirm-email") === null`))
	if err != nil || !confirmed {
		t.Fatalf("the dashboard still asks to confirm the address (%v)", err)
	}
}

func TestBrowserDeleteAccount(t *testing.T) {
	now := apptest.FixedNow(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
	s := apptest.New(t, openSQLite(t), apptest.WithClock(func() time.Time { return now }))
	ctx, base := startBrowser(t, s)
	b := browserSteps{t, ctx}
	b.do("sign up", chromedp.Navigate(base+"/signup"), fill("#name", "Del"), fill("#email", "del@example.com"),
		fill("#password", goodPassword), submitAndWaitForPage("#password"))
	b.do("open your data", chromedp.Navigate(base+"/account"), clickAndWaitForPage(`a[href="/account/data"]`),
		fill("#password", "wrong password"), submitAndWaitForPage("#password"))
	if got := b.text("#password-error"); got != "That is not your password." {
		t.Fatalf("got %q for a wrong password", got)
	}
	b.do("delete", fill("#password", goodPassword), submitAndWaitForPage("#password"))
	if got := b.text("p.flash"); got != "Your account and everything in it are deleted." {
		t.Fatalf("got flash %q after deleting", got)
	}
	if got := b.text(`header a[href="/login"]`); got != "Log in" {
		t.Fatalf("got %q in the header, want to be logged out", got)
	}
	var n int64
	s.DB.Table("users").Where("email = ?", "del@example.com").Count(&n)
	if n != 0 {
		t.Fatal("the address is still stored")
	}
}
