package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
)

// pressAndWaitForPage presses a key on the page and waits for the page it loads.
func pressAndWaitForPage(key string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(markDocument(), chromedp.KeyEvent(key), waitForNewDocument())
}

// TestBrowserReviewSessionAndQuiz: a student builds a deck in the browser, sets the
// exam date on the pathway page, reviews with the keyboard over several simulated days
// (the server's clock is fixed in 2031 and moved by the test), takes a blueprint quiz
// and sees readiness move and the exam-day forecast; on each database.
func TestBrowserReviewSessionAndQuiz(t *testing.T) {
	for _, dialect := range testdb.Dialects() {
		t.Run(dialect, func(t *testing.T) { browserReviewSessionAndQuiz(t, dialect) })
	}
}

func browserReviewSessionAndQuiz(t *testing.T, dialect string) {
	clock := newStudyClock()
	s := apptest.New(t, testdb.Open(t, dialect), clock.Option())
	ctx, base := startBrowser(t, s)
	b := browserSteps{t: t, ctx: ctx}

	b.do("sign up and create a deck",
		chromedp.Navigate(base+"/signup"),
		studentFill("name", "Rae Student", "email", "rae@example.com", "password", goodPassword),
		clickAndWaitForPage(`form[action="/signup"] button[type=submit]`),
		chromedp.Navigate(base+"/study/decks"),
		studentFill("title", "CCA privacy", "credential_code", "CCA"),
		clickAndWaitForPage("#create-deck"),
		studentFill("domain_position", "6", "front", "What does *minimum necessary* mean?", "back", "Use or disclose only the PHI the purpose needs.",
			"source", "45 CFR 164.502(b)"),
		clickAndWaitForPage("#add-card"),
	)
	if got := b.text("#cards"); !strings.Contains(got, "minimum necessary") || !strings.Contains(got, "45 CFR 164.502(b)") {
		t.Fatalf("got deck %q, want the new card with its source", got)
	}
	token := s.LoginAPI("rae@example.com", goodPassword)
	apptest.Must(t, s.API("PUT", "/api/v1/pathway", token, map[string]any{"target": "CCA"}), 200)
	b.do("set the exam date on the pathway page",
		chromedp.Navigate(base+"/pathway"),
		studentFill("exam_scheduled_on", "2031-07-20"),
		clickAndWaitForPage(`form[action="/pathway"] button[type=submit]`),
	)
	var examOn string
	s.DB.Table("pathways").Select("exam_scheduled_on").Scan(&examOn)
	if !strings.HasPrefix(examOn, "2031-07-20") {
		t.Fatalf("got exam date %q saved from the pathway page, want 2031-07-20", examOn)
	}
	b.do("readiness before any quiz", chromedp.Navigate(base+"/practice"))
	if got := b.text("#readiness"); !strings.HasPrefix(got, "No practice exams yet") {
		t.Fatalf("got readiness %q before the quiz, want none yet", got)
	}
	var deckID int64
	s.DB.Table("study_decks").Select("id").Scan(&deckID)
	addItems(t, s, token, deckID, 1)

	b.do("first review with the keyboard",
		chromedp.Navigate(base+"/study/review"),
		pressAndWaitForPage(" "),
	)
	if got := b.text("#rating-form"); !strings.Contains(got, "Good 10 min") {
		t.Fatalf("got rating buttons %q, want Good to show 10 min", got)
	}
	b.do("rate Good with key 3", pressAndWaitForPage("3"))
	if got := b.text(".flash"); got != "Rated Good. Next review in 10 min." {
		t.Fatalf("got flash %q", got)
	}
	if got := b.text("#queue-status"); !strings.Contains(got, "exam mode") || !strings.Contains(got, "20 Jul 2031") {
		t.Fatalf("got %q, want exam mode aiming at the exam date", got)
	}
	b.text("#review-done")

	for review := 2; review <= 3; review++ {
		var due int64
		s.DB.Table("study_card_states").Select("effective_due").Scan(&due)
		clock.Set(time.Unix(due, 0).UTC().Add(time.Minute)) // the day the card comes back
		b.do("review again",
			chromedp.Navigate(base+"/study/review"),
			clickAndWaitForPage("#show-answer"),
			clickAndWaitForPage("#rate-3"),
		)
		if got := b.text(".flash"); !strings.HasPrefix(got, "Rated Good. Next review in") || strings.Contains(got, "min") {
			t.Fatalf("review %d: got flash %q, want the card scheduled days ahead", review, got)
		}
	}

	b.do("take a blueprint quiz",
		chromedp.Navigate(base+"/study/quiz"),
		chromedp.Clear(chromedp.ID("items")),
		fill("#items", "6"),
		clickAndWaitForPage("#start-quiz"),
	)
	var radios int
	b.do("answer B everywhere and submit",
		studentInto(chromedp.Evaluate[int](`(() => { const r = document.querySelectorAll('input[type=radio][value="B"]'); r.forEach(x => x.click()); return r.length; })()`), &radios),
		clickAndWaitForPage("#submit-quiz"),
	)
	if radios != 6 {
		t.Fatalf("got %d items, want 6", radios)
	}
	if got := b.text("#quiz-score"); got != "6 / 6" {
		t.Fatalf("got score %q, want 6 / 6", got)
	}
	b.do("open readiness", chromedp.Navigate(base+"/practice"))
	if got := b.text("#readiness"); got != "100.0%" {
		t.Fatalf("got readiness %q, want 100.0%% from the quiz", got)
	}
	b.do("open the forecast", chromedp.Navigate(base+"/study/forecast"))
	if got := b.text("#exam-mode"); !strings.Contains(got, "20 Jul 2031") {
		t.Fatalf("got %q, want exam mode for 20 Jul 2031", got)
	}
	if got := b.text("#forecast-overall"); got == "0.0%" || !strings.HasSuffix(got, "%") {
		t.Fatalf("got forecast %q, want a positive exam-day recall", got)
	}
}
