package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
)

// referenceVisitor drives the pages and fails the test on the first error. Each step
// waits for an element only the next page has, so a check never reads the page the
// browser is leaving.
type referenceVisitor struct {
	t   *testing.T
	ctx context.Context
}

func (v referenceVisitor) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	v.t.Helper()
	if err := chromedp.Do(v.ctx, steps...); err != nil {
		v.t.Fatalf("%s: %v", what, err)
	}
}

func (v referenceVisitor) text(sel string) string {
	v.t.Helper()
	got, err := chromedp.Run(v.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		v.t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(got)
}

func (v referenceVisitor) attribute(sel, name string) string {
	v.t.Helper()
	got, err := chromedp.Run(v.ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil || !got.Exists {
		v.t.Fatalf("read %s of %s: %v (exists %v)", name, sel, err, got.Exists)
	}
	return got.Value
}

// locationAwayFrom waits until the browser has left pages starting with prefix and
// returns where it is; reading the location fails while a navigation is under way.
func (v referenceVisitor) locationAwayFrom(prefix string) string {
	v.t.Helper()
	for range 100 {
		location, err := chromedp.Run(v.ctx, chromedp.Location())
		if err == nil && !strings.HasPrefix(location, prefix) {
			return location
		}
		time.Sleep(50 * time.Millisecond)
	}
	v.t.Fatalf("the browser stayed on %s", prefix)
	return ""
}

// TestBrowserVisitorReadsTheCareerReference: from the landing page to the careers
// index, the wages page with its charts and sources, a search, and a certification's
// "Start this pathway" link.
func TestBrowserVisitorReadsTheCareerReference(t *testing.T) {
	s := apptest.New(t, openSQLite(t))
	ctx, base := startBrowser(t, s)
	v := referenceVisitor{t, ctx}
	visible := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.WaitVisible(chromedp.CSS(sel)) }

	v.do("open the landing page", chromedp.Navigate(base+"/"), visible(".landing-audiences"))
	if got := v.text(".landing-audiences"); !strings.Contains(got, "Students") || !strings.Contains(got, "Instructors") {
		t.Fatalf("got audiences %q, want students and instructors among them", got)
	}
	v.do("go to the careers index", chromedp.Click(chromedp.CSS(`.landing-reference a[href="/careers"]`)), visible("ol.reference-index"))
	v.do("open the wages page", chromedp.Click(chromedp.CSS(`ol.reference-index a[href="/careers/wages"]`)), visible("#chart-wage-medians svg"))
	if got := v.text("main h1"); got != "Wages" {
		t.Fatalf("got heading %q, want Wages", got)
	}
	caption := v.text("#chart-wage-medians figcaption")
	for _, want := range []string{"May 2014", "~2017", "May 2019", "Bureau of Labor Statistics"} {
		if !strings.Contains(caption, want) {
			t.Errorf("got chart sources %q, want %q among them", caption, want)
		}
	}
	v.do("show the data table", chromedp.Click(chromedp.CSS("#chart-wage-medians summary")), visible("#chart-wage-medians table"))
	if got := v.text("#chart-wage-medians table"); !strings.Contains(got, "$42,630") {
		t.Fatalf("got table %q, want the May 2019 median", got)
	}

	v.do("search", chromedp.SendKeys(chromedp.CSS(".reference-menu input[name=q]"), "registrar"),
		chromedp.Submit(chromedp.CSS(".reference-menu input[name=q]")), visible("ol.search-results mark"))
	if got := v.text("ol.search-results mark"); !strings.EqualFold(got, "registrar") {
		t.Fatalf("got marked %q, want registrar", got)
	}

	v.do("open certifications", chromedp.Navigate(base+"/careers"), visible("ol.reference-index"),
		chromedp.Click(chromedp.CSS(`ol.reference-index a[href="/careers/certifications"]`)), visible(`a[href="/pathway?target=ODS"]`))
	for _, code := range []string{"RHIT", "CCA", "ODS"} {
		sel := `main a[href="/pathway?target=` + code + `"]`
		if got := v.text(sel); got != "Start this pathway" {
			t.Errorf("got link text %q for %s, want Start this pathway", got, code)
		}
	}
	href := v.attribute(`main a[href="/pathway?target=ODS"]`, "href")
	v.do("follow the ODS pathway link", chromedp.Click(chromedp.CSS(`main a[href="/pathway?target=ODS"]`)))
	location := v.locationAwayFrom(base + "/careers")
	// The pathway planner is another area's page: for a visitor it sends to the login
	// page with the pathway as next, or shows the planner. Either way the target stays.
	if href != "/pathway?target=ODS" || (!strings.HasPrefix(location, base+"/pathway?target=ODS") &&
		!strings.HasPrefix(location, base+"/login?next=%2Fpathway%3Ftarget%3DODS")) {
		t.Fatalf("got link %q landing on %q, want /pathway?target=ODS or the login page leading there", href, location)
	}
}
