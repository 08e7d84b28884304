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

func cohortLogIn(base, email string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)),
	)
}

func cohortLogOut() chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/login"]`)),
	)
}

// cohortText runs steps, then returns the text of sel.
func cohortText(ctx context.Context, sel string, steps ...chromedp.Action[chromedp.Void]) (string, error) {
	if err := chromedp.Do(ctx, steps...); err != nil {
		return "", err
	}
	return chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
}

// TestBrowserCohortJourney drives Chromium through the pages: an instructor creates a
// cohort, a student joins with its code and consents, the instructor sees the student
// and their flags and exports CSV, the student leaves and the instructor loses access.
func TestBrowserCohortJourney(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"))
	base := serveForBrowser(t, s)
	ctx := newChromium(t)
	s.RegisterAPI("Olga Owner", "owner@example.com", goodPassword)
	s.SetRole("owner@example.com", "instructor")
	s.RegisterAPI("Sam Student", "sam@example.com", goodPassword)
	examOn := time.Now().UTC().AddDate(0, 0, 20).Format("01022006") // typed into a date input as mmddyyyy

	code, err := cohortText(ctx, "#join-code",
		cohortLogIn(base, "owner@example.com"),
		chromedp.Navigate(base+"/cohorts"),
		chromedp.SendKeys(chromedp.CSS("#name"), "HIT 210 spring"),
		chromedp.SetValue(chromedp.CSS("#target_code"), "RHIT"),
		chromedp.SendKeys(chromedp.CSS("#target_exam_on"), examOn),
		chromedp.Click(chromedp.CSS(`form[action="/cohorts"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#join-code")),
	)
	if err != nil {
		t.Fatalf("instructor creates a cohort: %v", err)
	}
	if len(code) < 8 {
		t.Fatalf("got join code %q, want at least 8 characters", code)
	}

	preview, err := cohortText(ctx, "main",
		cohortLogOut(),
		cohortLogIn(base, "sam@example.com"),
		chromedp.Navigate(base+"/join"),
		chromedp.SendKeys(chromedp.CSS("#code"), code),
		chromedp.Click(chromedp.CSS(`form[action="/join"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#consent")),
	)
	if err != nil {
		t.Fatalf("student enters the code: %v", err)
	}
	if !strings.Contains(preview, "What these instructors will see") || !strings.Contains(preview, "Olga Owner") {
		t.Fatalf("got join preview %q, want what instructors will see", preview)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#consent")),
		chromedp.Click(chromedp.CSS(`form[action="/join"][method="post"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`details.confirm summary`)),
		cohortLogOut(),
	)
	if err != nil {
		t.Fatalf("student consents and joins: %v", err)
	}

	dashboard, err := cohortText(ctx, "#cohort-rows",
		cohortLogIn(base, "owner@example.com"),
		chromedp.Navigate(base+"/cohorts"),
		chromedp.Click(chromedp.CSS(`table a[href^="/cohorts/"]`)),
		chromedp.WaitVisible(chromedp.CSS("#cohort-rows")),
	)
	if err != nil {
		t.Fatalf("instructor opens the dashboard: %v", err)
	}
	if !strings.Contains(dashboard, "Sam Student") || !strings.Contains(dashboard, "rule: readiness must be on course for 70% within 120 days of the exam") {
		t.Fatalf("got dashboard %q, want Sam with the readiness flag naming its rule", dashboard)
	}
	studentLink, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`#cohort-rows th[scope=row] a`), "href"))
	if err != nil {
		t.Fatal(err)
	}
	csvText, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector("#export-csv").href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("instructor exports CSV: %v", err)
	}
	if !strings.HasPrefix(csvText, "name,email,") || !strings.Contains(csvText, "Sam Student,sam@example.com") {
		t.Fatalf("got CSV %q, want a header and Sam's row", csvText)
	}

	notFound, err := cohortText(ctx, "main",
		cohortLogOut(),
		cohortLogIn(base, "sam@example.com"),
		chromedp.Navigate(base+"/join"),
		chromedp.Click(chromedp.CSS(`details.confirm summary`)), // leaving asks first
		chromedp.Click(chromedp.CSS(`form[action$="/leave"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
		cohortLogOut(),
		cohortLogIn(base, "owner@example.com"),
		chromedp.Navigate(base+studentLink.Value),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	if err != nil {
		t.Fatalf("student leaves: %v", err)
	}
	if !strings.Contains(notFound, "Not found") || strings.Contains(notFound, "Sam Student") {
		t.Fatalf("got %q on the drill-down after the student left, want Not found", notFound)
	}
}
