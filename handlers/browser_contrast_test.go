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

// lowContrastText is run in the page: it lists visible text whose colour against the
// nearest opaque background is under WCAG AA (4.5:1, or 3:1 for large text). Chart
// SVGs are left out: the chart package picks their colours for its white panel.
const lowContrastText = `(() => {
  const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const problems = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest("svg, option, .visually-hidden, .skip") || !el.checkVisibility()) continue;
    const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join(" ").trim();
    if (!text) continue;
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;
    const a = lum(rgb(style.color).slice(0, 3)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) problems.push(JSON.stringify(text.slice(0, 40)) + " " + ratio.toFixed(2) + ":1 (" + style.color + " on " + background(el).join(",") + ")");
  }
  return problems.slice(0, 5);
})()`

// TestBrowserContrastInBothSchemes loads the everyday pages in the light and the dark
// colour scheme and fails on text under WCAG AA contrast.
func TestBrowserContrastInBothSchemes(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"), cohortManyAuthAttempts())
	visits := phoneWorld(t, s)
	base := serveForBrowser(t, s)
	ctx := newChromiumWithin(t, time.Duration(len(visits))*6*time.Second)
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
			err := chromedp.Do(ctx, colourScheme(scheme), chromedp.Navigate(base+v.path),
				studentInto(chromedp.Evaluate[[]string](lowContrastText), &problems))
			if err != nil {
				t.Fatalf("load %s: %v", v.path, err)
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
