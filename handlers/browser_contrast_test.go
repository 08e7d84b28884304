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
	"hitpath/app/testdb"
)

// axeContrast runs axe-core's colour-contrast rule (WCAG AA) on the page and lists
// the serious and critical findings, at most five.
const axeContrast = `axe.run(document, {runOnly: {type: "rule", values: ["color-contrast"]}, resultTypes: ["violations"]})
  .then(r => r.violations.flatMap(v => v.nodes.filter(n => n.impact === "serious" || n.impact === "critical")
    .map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 160))).slice(0, 5))`

// TestBrowserContrastInBothSchemes loads the everyday pages in the light and the dark
// colour scheme and fails on any serious or critical colour-contrast finding of
// axe-core (WCAG AA).
func TestBrowserContrastInBothSchemes(t *testing.T) {
	axeSource := axeCoreSource(t)
	s := apptest.New(t, testdb.Open(t, "sqlite"), cohortManyAuthAttempts())
	visits := phoneWorld(t, s)
	base := serveForBrowser(t, s)
	ctx := newChromiumWithin(t, time.Duration(len(visits))*6*time.Second)
	// The check itself: grey on grey must be found, or axe did not run.
	var planted []string
	var loaded bool
	err := chromedp.Do(ctx, chromedp.Navigate(base+"/login"),
		studentInto(chromedp.Evaluate[bool](axeSource+`;(() => {
			// Styles set through the CSSOM, which the page's CSP allows (a style attribute it would block).
			const p = document.createElement("p");
			p.textContent = "Faint planted text";
			p.style.color = "#888";
			p.style.background = "#999";
			document.querySelector("main").prepend(p);
		})();typeof axe === 'object'`), &loaded),
		studentInto(chromedp.Evaluate[[]string](axeContrast, chromedp.EvalAwaitPromise), &planted))
	if err != nil || !loaded || len(planted) == 0 {
		t.Fatalf("axe-core found nothing in planted grey-on-grey text (loaded %v, %v)", loaded, err)
	}
	signedIn := ""
	for _, v := range visits {
		if strings.HasPrefix(v.path, "/admin") {
			continue // the admin tables share their styles with the pages checked here
		}
		if v.email != signedIn {
			phoneSignIn(t, ctx, base, signedIn, v.email)
			signedIn = v.email
		}
		for _, scheme := range []string{"light", "dark"} {
			var problems []string
			var loaded bool
			err := chromedp.Do(ctx, colourScheme(scheme), chromedp.Navigate(base+v.path),
				studentInto(chromedp.Evaluate[bool](axeSource+";typeof axe === 'object'"), &loaded),
				studentInto(chromedp.Evaluate[[]string](axeContrast, chromedp.EvalAwaitPromise), &problems))
			if err != nil || !loaded {
				t.Fatalf("load %s with axe-core (loaded %v): %v", v.path, loaded, err)
			}
			for _, p := range problems {
				t.Errorf("%s as %s, %s scheme: %s", v.path, phoneUser(v.email), scheme, p)
			}
		}
	}
}

// colourScheme makes the page's prefers-color-scheme report scheme.
func colourScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return chromedp.Void{}, err
	}
}
