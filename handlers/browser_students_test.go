package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
)

// studentFill sets form fields by id (value property, which date inputs and selects
// accept in ISO form).
func studentFill(fields ...string) chromedp.Action[chromedp.Void] {
	var steps []chromedp.Action[chromedp.Void]
	for i := 0; i+1 < len(fields); i += 2 {
		steps = append(steps, chromedp.SetValue(chromedp.ID(fields[i]), fields[i+1]))
	}
	return chromedp.Steps(steps...)
}

// studentInto runs an action that returns a value and stores the value in dst, so it
// can sit in a list of steps.
func studentInto[T any](a chromedp.Action[T], dst *T) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		v, err := a(ctx, t)
		*dst = v
		return chromedp.Void{}, err
	}
}

func TestBrowserStudentFromTargetToPass(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"), studentClock())
	base := serveForBrowser(t, s)
	ctx := newChromium(t)

	var eligibility, streak, readiness, plan, flash, url string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signup"),
		studentFill("name", "Rae Student", "email", "rae@example.com", "password", goodPassword),
		clickAndWaitForPage(`form[action="/signup"] button[type=submit]`),

		chromedp.Navigate(base+"/pathway?target=RHIT"),
		studentFill("program_name", "Health Information Technology AAS", "institution", "Metro Community College",
			"accreditation", "yes", "program_start", "2033-09-01", "expected_graduation", "2035-05-15",
			"practicum_hours_done", "40", "practicum_hours_required", "90", "exam_scheduled_on", "2035-06-20"),
		clickAndWaitForPage("#save-pathway"),
		studentInto(chromedp.Text(chromedp.CSS(".eligibility")), &eligibility),

		chromedp.Navigate(base+"/study"),
		studentFill("minutes", "60", "domain_position", "4", "topic", "Claims"),
		clickAndWaitForPage("#log-study"),
		studentInto(chromedp.Text(chromedp.CSS("#streak")), &streak),

		chromedp.Navigate(base+"/practice"),
		studentFill("source", "AHIMA practice test", "overall_percent", "68", "domain_1", "75", "domain_2", "60",
			"domain_3", "70", "domain_4", "55", "domain_5", "72", "domain_6", "80"),
		clickAndWaitForPage("#log-practice"),
		studentInto(chromedp.Text(chromedp.CSS("#readiness")), &readiness),
		studentFill("weekly_minutes", "420"),
		clickAndWaitForPage("#show-plan"),
		studentInto(chromedp.Text(chromedp.CSS("#plan")), &plan),

		chromedp.Navigate(base+"/pathway"),
		studentFill("pass_passed_on", "2035-03-09"),
		clickAndWaitForPage("#record-pass"),
		studentInto(chromedp.Text(chromedp.CSS(".flash")), &flash),
		studentInto(chromedp.Location(), &url),
	)
	if err != nil {
		t.Fatalf("drive Chromium: %v", err)
	}
	checks := []struct{ name, got, want string }{
		{"eligibility", eligibility, "Finish your coursework"},
		{"eligibility", eligibility, "Practicum hours"},
		{"streak", streak, "1 day"},
		{"readiness", readiness, "%"},
		{"plan", plan, "420 minutes a week"},
		{"flash", flash, "first CEU cycle runs from 9 Mar 2035 to 8 Mar 2037"},
		{"landing page", url, "/dashboard"},
	}
	for _, c := range checks {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%s: got %q, want it to contain %q", c.name, c.got, c.want)
		}
	}
	if got := heldCredentials(t, s, "rae@example.com"); len(got) != 1 || got[0] != "RHIT 2035-03-09" {
		t.Fatalf("got held credentials %v, want [RHIT 2035-03-09]", got)
	}
}
