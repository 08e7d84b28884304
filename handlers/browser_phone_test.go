package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// phoneViewports are the phone sizes every page must fit without sideways scrolling.
var phoneViewports = []struct{ width, height int64 }{{360, 740}, {390, 844}}

// phoneVisit is one page seen by one person (empty email: nobody signed in).
type phoneVisit struct{ email, path string }

// phoneLayoutProblems is run in the page: it reports a page wider than the viewport
// (the device width, %d: a phone browser zooms out to show a wide page, widening innerWidth),
// chart labels smaller than 11 px on screen and chart labels that overlap.
const phoneLayoutProblems = `(() => {
  const problems = [];
  const width = Math.max(document.documentElement.scrollWidth, window.innerWidth), view = %d;
  if (width > view) {
    const wide = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > view + 1 && !e.closest(".table-scroll, .chart-scroll"))
      .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? "." + e.className : ""));
    problems.push("page is " + width + " px wide in a " + view + " px viewport (" + wide.join(", ") + ")");
  }
  for (const svg of document.querySelectorAll("svg")) {
    if (svg.getBoundingClientRect().width === 0) continue;
    const labels = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim() !== "");
    const boxes = labels.map(t => t.getBoundingClientRect());
    let smallest = null;
    labels.forEach((t, i) => {
      const px = parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a;
      if (px < 10.95 && (smallest === null || px < smallest.px)) smallest = {px, text: t.textContent};
      for (let j = 0; j < i; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          problems.push("chart labels " + JSON.stringify(labels[j].textContent) + " and " + JSON.stringify(t.textContent) + " overlap");
      }
    });
    if (smallest) problems.push("chart label " + JSON.stringify(smallest.text) + " is " + smallest.px.toFixed(1) + " px");
  }
  return problems;
})()`

// TestBrowserEveryPageFitsAPhone loads every page a learner, an instructor, an admin
// and a visitor can reach at 360×740 and 390×844, fails when a page scrolls sideways
// or a chart label is too small or overlaps another, and saves a screenshot of each
// (in HITPATH_SCREENSHOTS when set, else the test's temp dir).
func TestBrowserEveryPageFitsAPhone(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"), cohortManyAuthAttempts())
	visits := phoneWorld(t, s)
	base := serveForBrowser(t, s)
	ctx := newChromiumWithin(t, time.Duration(len(visits))*6*time.Second)
	shots := os.Getenv("HITPATH_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	signedIn := ""
	only := os.Getenv("HITPATH_PHONE_ONLY") // a path fragment, to look at one page while fixing it
	for _, v := range visits {
		if only != "" && !strings.Contains(v.path, only) {
			continue
		}
		if v.email != signedIn {
			phoneSignIn(t, ctx, base, signedIn, v.email)
			signedIn = v.email
		}
		for _, vp := range phoneViewports {
			var problems []string
			var shot []byte
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateMobile),
				chromedp.Navigate(base+v.path),
				studentInto(chromedp.Evaluate[[]string](fmt.Sprintf(phoneLayoutProblems, vp.width)), &problems),
				studentInto(chromedp.FullScreenshot(100), &shot),
			)
			if err != nil {
				t.Fatalf("load %s at %d px: %v", v.path, vp.width, err)
			}
			page := strings.NewReplacer("/", "_", "?", "_", "=", "_").Replace(v.path)
			if len(page) > 80 { // a file name has at most 255 bytes
				page = page[:80]
			}
			name := fmt.Sprintf("%s%s-%d.png", phoneUser(v.email), page, vp.width)
			if err := os.WriteFile(filepath.Join(shots, name), shot, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("%s as %s at %d×%d: %s", v.path, phoneUser(v.email), vp.width, vp.height, p)
			}
		}
	}
	t.Logf("screenshots in %s", shots)
}

func phoneUser(email string) string {
	if email == "" {
		return "visitor"
	}
	return strings.SplitN(email, "@", 2)[0]
}

// phoneSignIn logs whoever is signed in out (at desktop size, where the menu is open)
// and logs email in.
func phoneSignIn(t *testing.T, ctx context.Context, base, from, to string) {
	t.Helper()
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(1200, 900)}
	if from != "" {
		steps = append(steps, chromedp.Navigate(base+"/logout"), clickAndWaitForPage(`main form[action="/logout"] button`))
	}
	steps = append(steps, chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS("#email"), to), chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		submitAndWaitForPage("#password"))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("sign in as %q: %v", to, err)
	}
}

// phoneWorld fills a school with everything the pages show: a learner with a pathway,
// study, practice, an RHIT with CEUs and evidence, in a cohort; an instructor; an
// admin. It returns the pages to visit, grouped by who visits them.
func phoneWorld(t *testing.T, s *apptest.Server) []phoneVisit {
	t.Helper()
	w := newCohortWorld(t, s)
	cohortSeedSam(t, s, w.student.ID)
	pathway := map[string]any{"target": "RHIT", "education": "high_school", "program_name": "Health Information Technology AAS",
		"institution": "Metro Community College", "accreditation": "yes", "program_start": cohortRelDay(-400),
		"expected_graduation": cohortRelDay(30), "practicum_hours_done": 40, "practicum_hours_required": 90,
		"exam_scheduled_on": cohortRelDay(45), "weekly_goal_minutes": 300}
	apptest.Must(t, s.API("PUT", "/api/v1/pathway", w.student.Token, pathway), http.StatusOK)
	sam := w.student.Browser
	apptest.Must(t, sam.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {cohortRelDay(-400)}}), http.StatusSeeOther)
	ceu := itoa(ceuLog(t, s, sam, cohortRelDay(-30), "Coding updates for outpatient encounters and denials management", "2.5"))
	ceuLog(t, s, sam, cohortRelDay(-60), "Privacy webinar", "1")
	apptest.Must(t, ceuUpload(t, sam, "/ceus/"+ceu+"/evidence", "file", "a-very-long-certificate-file-name-from-the-provider.png", ceuPNG), http.StatusSeeOther)
	var credential, rule, fact, session, attempt int64
	s.DB.Raw("SELECT MAX(id) FROM held_credentials").Scan(&credential)
	s.DB.Raw("SELECT MAX(id) FROM study_sessions WHERE user_id = ?", w.student.ID).Scan(&session)
	s.DB.Raw("SELECT MAX(id) FROM practice_exams WHERE user_id = ?", w.student.ID).Scan(&attempt)
	s.DB.Raw("SELECT MIN(id) FROM maintenance_rules").Scan(&rule)
	s.DB.Raw("SELECT MIN(id) FROM reference_facts").Scan(&fact)
	var slugs []string
	s.DB.Raw("SELECT slug FROM reference_pages ORDER BY position").Scan(&slugs)
	// A deck whose title is one long word: its page and its images page must wrap it.
	deck := models.StudyDeck{CredentialCode: "RHIT", Title: strings.Repeat("Pharmacology", 10)}
	if err := models.CreateDeck(context.Background(), s.DB, w.student.ID, &deck, time.Now()); err != nil {
		t.Fatal(err)
	}
	deckPage := "/study/decks/" + itoa(deck.ID)

	visits := []phoneVisit{{"", "/"}, {"", "/login"}, {"", "/signup"}, {"", "/careers"}, {"", "/careers/search?q=salary"}, {"", "/careers/search?q=" + strings.Repeat("a", 300)}, {"", "/help/recertification"},
		{"", "/privacy"}, {"", "/forgot-password"}}
	for _, slug := range slugs {
		visits = append(visits, phoneVisit{"", "/careers/" + slug})
	}
	cred := "/credentials/" + itoa(credential)
	for _, p := range []string{"/", "/dashboard", "/pathway", "/coursework", "/study", "/practice", "/credentials", cred,
		cred + "/edit", cred + "/delete", "/ceus", "/ceus/new", "/ceus/what-if", "/ceus/import", "/ceus/" + ceu + "/edit",
		"/ceus/" + ceu + "/delete", "/ceus/" + ceu + "/evidence", "/join", "/account", "/logout",
		"/study/decks", "/study/review", "/study/forecast", "/study/quiz", "/notices", "/account/sessions", "/account/data",
		"/study/" + itoa(session) + "/edit", "/practice/" + itoa(attempt) + "/edit", deckPage, deckPage + "/media"} {
		visits = append(visits, phoneVisit{w.student.Email, p})
	}
	cohort := "/cohorts/" + itoa(w.cohortID)
	for _, p := range []string{"/dashboard", "/notices", "/cohorts", cohort, cohort + "/students/" + itoa(w.student.ID)} {
		visits = append(visits, phoneVisit{w.owner.Email, p})
	}
	for _, p := range []string{"/admin", "/admin/audit", "/admin/instructor-requests", "/admin/rules", "/admin/rules/" + itoa(rule), "/admin/reference",
		"/admin/reference/pages/" + slugs[0], "/admin/reference/facts/" + itoa(fact)} {
		visits = append(visits, phoneVisit{w.admin.Email, p})
	}
	return visits
}
