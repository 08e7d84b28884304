package handlers_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
)

// TestBrowserDeckStats: an instructor builds a deck in
// the browser, shares it with her cohort on the deck page, a member takes a blueprint
// quiz from it, and the instructor reads each item's first-attempt statistics and the
// cohort's mastery by domain on the deck page; on each database.
func TestBrowserDeckStats(t *testing.T) {
	for _, dialect := range testdb.Dialects() {
		t.Run(dialect, func(t *testing.T) { browserInstructorSharesDeck(t, dialect) })
	}
}

func browserInstructorSharesDeck(t *testing.T, dialect string) {
	clock := newStudyClock()
	s := apptest.New(t, testdb.Open(t, dialect), clock.Option())
	s.RegisterAPI("Ines", "ines@example.com", goodPassword)
	s.SetRole("ines@example.com", "instructor")
	ines := s.LoginAPI("ines@example.com", goodPassword)
	var cohort struct {
		ID       int64  `json:"id"`
		JoinCode string `json:"join_code"`
	}
	apptest.Must(t, s.API("POST", "/api/v1/cohorts", ines, map[string]any{"name": "Fall CCA", "target_code": "CCA"}), 201).JSON(t, &cohort)
	ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
	apptest.Must(t, s.API("POST", "/api/v1/memberships", ana, map[string]any{"code": cohort.JoinCode, "consent": true}), 201)
	apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "CCA"}), 200)

	ctx, base := startBrowser(t, s)
	b := browserSteps{t: t, ctx: ctx}
	b.do("create a deck",
		cohortLogIn(base, "ines@example.com"),
		chromedp.Navigate(base+"/study/decks"),
		studentFill("title", "Fall CCA items", "credential_code", "CCA"),
		clickAndWaitForPage("#create-deck"),
	)
	var deckID int64
	s.DB.Table("study_decks").Select("id").Scan(&deckID)
	addItems(t, s, ines, deckID, 1)
	b.do("share it with the cohort",
		chromedp.Navigate(base+"/study/decks/"+itoa(deckID)),
		studentFill("cohort_id", itoa(cohort.ID)),
		clickAndWaitForPage("#share-deck"),
	)
	if got := b.text("main"); !strings.Contains(got, "shared with a cohort") {
		t.Fatalf("got deck page %q, want it shared with the cohort", got)
	}

	var quiz quizOut
	apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 6}), 201).JSON(t, &quiz)
	var answers []map[string]any
	for _, it := range quiz.Items {
		option := "A"
		if it.DomainPosition <= 3 {
			option = "B"
		}
		answers = append(answers, map[string]any{"position": it.Position, "option": option})
	}
	apptest.Must(t, s.API("POST", "/api/v1/quizzes/"+itoa(quiz.ID)+"/submit", ana, map[string]any{"answers": answers}), 200)

	b.do("read the item statistics", chromedp.Navigate(base+"/study/decks/"+itoa(deckID)))
	if got := b.text(".item-stats"); !strings.HasPrefix(got, "First attempts: 1 · facility") {
		t.Fatalf("got item statistics %q, want one first attempt with its facility", got)
	}
	mastery := b.text("#cohort-mastery")
	for _, want := range []string{"Cohort mastery by domain", "100%", "0%"} {
		if !strings.Contains(mastery, want) {
			t.Errorf("got mastery %q, want %q in it", mastery, want)
		}
	}
}
