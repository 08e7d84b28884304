package handlers_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
)

func ceuDo(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func ceuText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(got)
}

// TestBrowserCEUHolder drives the real pages: add a credential, log an activity by
// minutes, see the cycle's progress, upload evidence and export the CSV.
func TestBrowserCEUHolder(t *testing.T) {
	s := apptest.New(t, testdb.Open(t, "sqlite"), ceuClock())
	ctx, base := startBrowser(t, s)
	type css = chromedp.CSS
	ceuDo(t, ctx, "sign up", chromedp.Navigate(base+"/signup"), chromedp.WaitVisible(css("#name")),
		chromedp.SendKeys(css("#name"), "Ana Lima"), chromedp.SendKeys(css("#email"), "ana@example.com"),
		chromedp.SendKeys(css("#password"), goodPassword), submitAndWaitForPage("#password"), chromedp.WaitVisible(css("p.flash")))

	ceuDo(t, ctx, "add a credential", chromedp.Navigate(base+"/credentials"), chromedp.WaitVisible(css("#credential_code")),
		chromedp.SetValue(css("#credential_code"), "RHIT"), chromedp.SetValue(css("#earned_on"), ceuEarned.Format(time.DateOnly)),
		chromedp.SendKeys(css("#certificate_number"), "R-12345"), submitAndWaitForPage("#earned_on"), chromedp.WaitVisible(css("p.flash")))
	if got := ceuText(t, ctx, "p.flash"); got != "Added RHIT." {
		t.Fatalf("got flash %q after adding a credential", got)
	}

	ceuDo(t, ctx, "log an activity by minutes", chromedp.Navigate(base+"/ceus/new"), chromedp.WaitVisible(css("#title")),
		chromedp.SetValue(css("#activity_date"), ceuDaysAgo(7)), chromedp.SendKeys(css("#title"), "Coding Clinic webinar"),
		chromedp.SendKeys(css("#provider"), "AHIMA"), chromedp.SetValue(css("#provider_kind"), "ahima"),
		chromedp.SendKeys(css("#minutes"), "165"), chromedp.Click(css("#in_hiim_domain")),
		submitAndWaitForPage("#title"), chromedp.WaitVisible(css("p.flash")))
	if got := ceuText(t, ctx, "p.flash"); !strings.Contains(got, "3 CEUs") {
		t.Fatalf("got flash %q, want 165 minutes counted as 3 CEUs", got)
	}
	if got := ceuText(t, ctx, ".cycle-card label"); got != "3 of 20 CEUs" {
		t.Fatalf("got progress %q, want 3 of 20 CEUs", got)
	}
	if got := ceuText(t, ctx, ".cycle-card .status"); got != "Behind" {
		t.Fatalf("got status %q, want Behind", got)
	}

	png := filepath.Join(t.TempDir(), "certificate.png")
	if err := os.WriteFile(png, ceuPNG, 0o600); err != nil {
		t.Fatal(err)
	}
	ceuDo(t, ctx, "upload evidence", clickAndWaitForPage("a.risk"), chromedp.WaitVisible(css("#file")),
		chromedp.SetUploadFiles(css("#file"), []string{png}), submitAndWaitForPage("#file"), chromedp.WaitVisible(css("p.flash")))
	if got := ceuText(t, ctx, "p.flash"); got != "Attached certificate.png." {
		t.Fatalf("got flash %q after uploading", got)
	}
	if got := ceuText(t, ctx, "main table"); !strings.Contains(got, "image/png") {
		t.Fatalf("got evidence table %q, want the PNG listed", got)
	}

	ceuDo(t, ctx, "open the CEU list", chromedp.Navigate(base+"/ceus"), chromedp.WaitVisible(css("#entries")))
	csv, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch("/ceus/export.csv").then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("export CSV: %v", err)
	}
	if !strings.HasPrefix(csv, "id,date,title,") || !strings.Contains(csv, ceuDaysAgo(7)+",Coding Clinic webinar,AHIMA,ahima,165,3,yes") {
		t.Fatalf("got CSV %q, want the logged activity", csv)
	}
	ceuReimport(t, ctx, base, csv)
	ceuOldCredential(t, ctx, base)
	ceuAlignedCycles(t, ctx, base)
}

// ceuReimport uploads the holder's own export: the preview says the row is already
// in the log, importing saves nothing and the cycle keeps its 3 CEUs.
func ceuReimport(t *testing.T, ctx context.Context, base, csv string) {
	type css = chromedp.CSS
	file := filepath.Join(t.TempDir(), "ceus.csv")
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	ceuDo(t, ctx, "re-import the export", chromedp.Navigate(base+"/ceus/import"), chromedp.WaitVisible(css("#file")),
		chromedp.SetUploadFiles(css("#file"), []string{file}), submitAndWaitForPage("#file"), chromedp.WaitVisible(css("#import-duplicates")))
	if got := ceuText(t, ctx, "#import-duplicates"); got != "1 already in your log — skipped." {
		t.Fatalf("got %q in the preview, want the row recognised", got)
	}
	ceuDo(t, ctx, "confirm the import", submitAndWaitForPage("input[name=csv]"), chromedp.WaitVisible(css("p.flash")))
	if got := ceuText(t, ctx, "p.flash"); got != "Imported 0 activities. 1 already in your log — skipped." {
		t.Fatalf("got flash %q after re-importing", got)
	}
	if got := ceuText(t, ctx, ".cycle-card label"); got != "3 of 20 CEUs" {
		t.Fatalf("got progress %q after re-importing, want still 3 of 20 CEUs", got)
	}
}

// ceuOldCredential adds an ODS passed three and a half years ago, held now: its first
// cycle reads as recertified outside hitpath, not revoked.
func ceuOldCredential(t *testing.T, ctx context.Context, base string) {
	type css = chromedp.CSS
	ceuDo(t, ctx, "add an old credential", chromedp.Navigate(base+"/credentials"), chromedp.WaitVisible(css("#credential_code")),
		chromedp.SetValue(css("#credential_code"), "ODS"), chromedp.SetValue(css("#earned_on"), ceuToday.AddDate(-3, -6, 0).Format(time.DateOnly)),
		submitAndWaitForPage("#earned_on"), chromedp.WaitVisible(css("p.flash")))
	ceuOpenCredential(t, ctx, "ODS")
	page := ceuText(t, ctx, "main")
	if !strings.Contains(page, "Recertified (not tracked here)") || strings.Contains(page, "Revoked") || strings.Contains(page, "Inactive") {
		t.Fatalf("got the old ODS cycle judged: %s", page)
	}
}

// ceuAlignedCycles adds a CCS earned a month ago: it joins RHIT's cycle, the page says
// why and how, and CCS's own form points to RHIT for the shared dates.
func ceuAlignedCycles(t *testing.T, ctx context.Context, base string) {
	type css = chromedp.CSS
	earned := ceuToday.AddDate(0, -1, 0)
	ceuDo(t, ctx, "add a second AHIMA credential", chromedp.Navigate(base+"/credentials"), chromedp.WaitVisible(css("#credential_code")),
		chromedp.SetValue(css("#credential_code"), "CCS"), chromedp.SetValue(css("#earned_on"), earned.Format(time.DateOnly)),
		submitAndWaitForPage("#earned_on"), chromedp.WaitVisible(css("p.flash")))
	ceuOpenCredential(t, ctx, "CCS")
	page := ceuText(t, ctx, "main")
	if !strings.Contains(page, "CCS was earned on "+earned.Format("2 Jan 2006")+", during this cycle") || !strings.Contains(page, "3 of 30 CEUs") {
		t.Fatalf("got no explanation of the shared 30-CEU cycle on the CCS page: %s", page)
	}
	ceuDo(t, ctx, "edit CCS", clickAndWaitForPage("a[href$='/edit']"), chromedp.WaitVisible(css("#shared-cycle")))
	if got := ceuText(t, ctx, "#shared-cycle"); !strings.Contains(got, "set the shared cycle dates on RHIT") {
		t.Fatalf("got %q, want the shared cycle set on RHIT", got)
	}
}

// ceuOpenCredential opens a credential's page from the credentials list.
func ceuOpenCredential(t *testing.T, ctx context.Context, code string) {
	t.Helper()
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll("main table a")].find(a => a.textContent.trim() === "`+code+`").href`))
	if err != nil {
		t.Fatalf("find %s: %v", code, err)
	}
	ceuDo(t, ctx, "open "+code, chromedp.Navigate(href), chromedp.WaitVisible(chromedp.CSS("h1")))
}
