package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
)

// TestBrowserPhoneJourney is a holder on a 390 px phone: the menu starts closed and
// opens without JavaScript, they add a credential, log a CEU and read their progress,
// and no page scrolls sideways on the way.
func TestBrowserPhoneJourney(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"))
	base := serveForBrowser(t, s)
	ctx := newChromium(t)
	today := time.Now().UTC()
	var menuClosed, menuOpen bool
	var flash, progress string
	var widths []int
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(base+"/signup"),
		studentFill("name", "Pia Phone", "email", "pia@example.com", "password", goodPassword),
		clickAndWaitForPage(`form[action="/signup"] button[type=submit]`),
		studentInto(chromedp.Evaluate[bool](`!document.querySelector('header a[href="/ceus"]').checkVisibility()`), &menuClosed),
		chromedp.Click(chromedp.CSS("header details.menu > summary")),
		studentInto(chromedp.Evaluate[bool](`document.querySelector('header a[href="/ceus"]').checkVisibility()`), &menuOpen),
		clickAndWaitForPage(`header a[href="/credentials"]`),
		studentFill("credential_code", "RHIT", "earned_on", today.AddDate(-1, 0, 0).Format(time.DateOnly)),
		clickAndWaitForPage(`form[action="/credentials"] button[type=submit]`),
		chromedp.Navigate(base+"/ceus/new"),
		studentFill("activity_date", today.AddDate(0, 0, -3).Format(time.DateOnly), "title", "Coding clinic webinar",
			"provider", "AHIMA", "provider_kind", "ahima", "ceus", "2.5"),
		clickAndWaitForPage(`form[action="/ceus"] button[type=submit]`),
		studentInto(chromedp.Text(chromedp.CSS("p.flash")), &flash),
		studentInto(chromedp.Text(chromedp.CSS(".cycle-card label")), &progress),
		scrollWidthInto(&widths),
		chromedp.Navigate(base+"/credentials"),
		scrollWidthInto(&widths),
		chromedp.Navigate(base+"/dashboard"),
		scrollWidthInto(&widths),
	)
	if err != nil {
		t.Fatalf("drive Chromium: %v", err)
	}
	if !menuClosed || !menuOpen {
		t.Errorf("got menu closed %v then open %v, want a closed menu that opens from its summary", menuClosed, menuOpen)
	}
	if !strings.Contains(flash, "2.5 CEUs") {
		t.Errorf("got flash %q, want the saved CEUs", flash)
	}
	if !strings.HasPrefix(progress, "2.5 of ") {
		t.Errorf("got progress %q, want 2.5 CEUs earned", progress)
	}
	for i, w := range widths {
		if w > 390 {
			t.Errorf("page %d of the journey is %d px wide on a 390 px phone", i+1, w)
		}
	}
}

// scrollWidthInto appends the page's width to widths.
func scrollWidthInto(widths *[]int) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		w, err := chromedp.Evaluate[int](`document.documentElement.scrollWidth`)(ctx, t)
		*widths = append(*widths, w)
		return chromedp.Void{}, err
	}
}

// TestBrowserPathwayErrorSummary submits the long pathway form with a mistake near its
// end: the page comes back titled "Error: …" with a focused summary at the top whose
// link leads to the field.
func TestBrowserPathwayErrorSummary(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"))
	base := serveForBrowser(t, s)
	ctx := newChromium(t)
	var title, focused, link, summary string
	var fieldExists bool
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signup"),
		studentFill("name", "Eli Error", "email", "eli@example.com", "password", goodPassword),
		clickAndWaitForPage(`form[action="/signup"] button[type=submit]`),
		chromedp.Navigate(base+"/pathway?target=RHIT"),
		studentFill("practicum_hours_done", "-5"),
		clickAndWaitForPage("#save-pathway"),
		studentInto(chromedp.Title(), &title),
		studentInto(chromedp.Evaluate[string](`document.activeElement.className`), &focused),
		studentInto(chromedp.Text(chromedp.CSS(".error-summary")), &summary),
		studentInto(chromedp.Evaluate[string](`document.querySelector(".error-summary a").getAttribute("href")`), &link),
		studentInto(chromedp.Evaluate[bool](`document.querySelector(document.querySelector(".error-summary a").getAttribute("href")) !== null`), &fieldExists),
	)
	if err != nil {
		t.Fatalf("drive Chromium: %v", err)
	}
	if !strings.HasPrefix(title, "Error: ") {
		t.Errorf("got title %q, want it to start with \"Error: \"", title)
	}
	if focused != "error-summary" {
		t.Errorf("got focus on %q, want the error summary", focused)
	}
	if !strings.Contains(summary, "Enter from 0 to") || link != "#practicum_hours_done" || !fieldExists {
		t.Errorf("got summary %q linking to %q (field found %v), want the practicum message linking to its field", summary, link, fieldExists)
	}
}
