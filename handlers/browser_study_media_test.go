package handlers_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models/ankitest"
)

// TestBrowserImageOnReviewedCard: a student uploads an image to a deck, writes a card
// that shows it, and sees the image drawn (loaded through the access-checked media
// route with her session) when the card comes up for review.
func TestBrowserImageOnReviewedCard(t *testing.T) {
	clock := newStudyClock()
	s := apptest.New(t, testdb.Open(t, "sqlite"), clock.Option())
	ctx, base := startBrowser(t, s)
	b := browserSteps{t: t, ctx: ctx}
	image := filepath.Join(t.TempDir(), "retention chart.png")
	if err := os.WriteFile(image, ankitest.PNG(t, 64, 48), 0o600); err != nil {
		t.Fatal(err)
	}

	b.do("sign up, create a deck and upload an image",
		chromedp.Navigate(base+"/signup"),
		studentFill("name", "Rae Student", "email", "rae@example.com", "password", goodPassword),
		clickAndWaitForPage(`form[action="/signup"] button[type=submit]`),
		chromedp.Navigate(base+"/study/decks"),
		studentFill("title", "Record retention", "credential_code", "CCA"),
		clickAndWaitForPage("#create-deck"),
		clickAndWaitForPage("#deck-media"),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{image}),
		clickAndWaitForPage("#upload-media"),
	)
	if got := b.text(".flash"); !strings.Contains(got, "![retention chart.png](retention%20chart.png)") {
		t.Fatalf("got flash %q, want the Markdown that shows the image", got)
	}
	b.do("write a card that shows it",
		chromedp.Navigate(base+"/study/decks"),
		clickAndWaitForPage(`a[href^="/study/decks/"]`),
		studentFill("domain_position", "4", "front", "How long are these kept? ![Retention periods by record type](retention%20chart.png)",
			"back", "As long as the longest period shown."),
		clickAndWaitForPage("#add-card"),
		chromedp.Navigate(base+"/study/review"),
	)
	var width int
	b.do("see the image while reviewing",
		studentInto(chromedp.Evaluate[int](`new Promise(resolve => {
			const i = document.querySelector('.review-card img[alt="Retention periods by record type"]');
			if (!i) { resolve(-1); return; }
			if (i.complete) { resolve(i.naturalWidth); return; }
			i.addEventListener('load', () => resolve(i.naturalWidth));
			i.addEventListener('error', () => resolve(0));
		})`, chromedp.EvalAwaitPromise), &width),
	)
	if width != 64 {
		t.Fatalf("got an image %d pixels wide on the review card, want the uploaded 64", width)
	}
}
