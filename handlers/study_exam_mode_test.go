package handlers_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// TestExamModeForecastAPI: setting an exam date on the pathway puts the learner in
// exam mode, re-plans their cards, and the forecast weights exam-day recall by domain.
func TestExamModeForecastAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		clock.Set(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/study/forecast", ana, nil), 404)
		deck := createDeck(t, s, ana, "CCA", "CCA")
		first := addFlashcard(t, s, ana, deck.ID, 1, "ICD-10-CM conventions")
		addFlashcard(t, s, ana, deck.ID, 6, "Minimum necessary")
		start := clock.Now()
		for i, rating := range []int{3, 3} {
			clock.Set(start.Add(time.Duration(i) * 10 * time.Minute))
			apptest.Must(t, s.API("POST", "/api/v1/reviews", ana, map[string]any{"card_id": first.ID, "rating": rating,
				"client_review_id": "r" + itoa(int64(i)), "reviewed_at": clock.Now().Format(time.RFC3339)}), 201)
		}
		var settings struct {
			ExamDate       *string `json:"exam_date"`
			StudyRetention float64 `json:"study_retention"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/study/settings", ana, nil), 200).JSON(t, &settings)
		if settings.ExamDate != nil || settings.StudyRetention != 0.90 {
			t.Fatalf("got %+v, want no exam and retention 0.90", settings)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "CCA", "exam_scheduled_on": "2031-06-19"}), 200)

		var forecast struct {
			ExamMode bool    `json:"exam_mode"`
			Overall  float64 `json:"overall"`
			Cards    int     `json:"cards"`
			Domains  []struct {
				Position int     `json:"position"`
				Weight   float64 `json:"weight"`
				Studied  int     `json:"studied"`
				Recall   float64 `json:"recall"`
			} `json:"domains"`
			Workload []struct{ Reviews int } `json:"workload"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/study/forecast", ana, nil), 200).JSON(t, &forecast)
		d1 := forecast.Domains[0]
		if !forecast.ExamMode || forecast.Cards != 2 || d1.Studied != 1 || d1.Recall <= 0.5 || forecast.Domains[5].Recall != 0 {
			t.Fatalf("got %+v, want exam mode, 2 cards, domain 1 studied and recalled, domain 6 at 0", forecast)
		}
		if want := d1.Weight * d1.Recall; forecast.Overall < want-1e-9 || forecast.Overall > want+1e-9 {
			t.Fatalf("got overall %.4f, want weight × recall of domain 1 = %.4f", forecast.Overall, want)
		}
		if len(forecast.Workload) != 4 {
			t.Fatalf("got %d workload days, want 4 until the exam", len(forecast.Workload))
		}
		apptest.Must(t, s.API("GET", "/api/v1/study/settings", ana, nil), 200).JSON(t, &settings)
		if settings.ExamDate == nil || *settings.ExamDate != "2031-06-19" || settings.StudyRetention != 0.80 {
			t.Fatalf("got %+v, want the exam date and exam-mode retention", settings)
		}
		var queue queueOut
		apptest.Must(t, s.API("GET", "/api/v1/study/queue", ana, nil), 200).JSON(t, &queue)
		if !queue.ExamMode || queue.NewLeft != 19 {
			t.Fatalf("got %+v, want exam mode with 19 new cards left today", queue)
		}
		var problem struct{ Fields map[string]string }
		apptest.Must(t, s.API("PUT", "/api/v1/study/settings", ana, map[string]any{"target_recall": 1.5, "new_per_day": -1}), 422).JSON(t, &problem)
		if problem.Fields["target_recall"] == "" || problem.Fields["new_per_day"] == "" {
			t.Fatalf("got %v, want both fields refused", problem.Fields)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/study/settings", ana, map[string]any{"target_recall": 0.95, "new_per_day": 5}), 200)
		var planned float64
		s.DB.Table("study_settings").Select("planned_target").Scan(&planned)
		if planned != 0.95 {
			t.Fatalf("got planned target %v, want the cards re-planned for 0.95", planned)
		}
	}, clock.Option())
}

var clientIDRe = regexp.MustCompile(`name="client_review_id" value="([^"]+)"`)

// TestReviewPageWithoutJavaScript walks the review screen with plain forms: the deck
// page adds a card (errors beside the fields), the review page shows the front, then
// the answer with four rating buttons, and a rating schedules the card.
func TestReviewPageWithoutJavaScript(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		clock.Set(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		page := apptest.Must(t, b.Submit("/study/decks", url.Values{"title": {""}, "credential_code": {"CCA"}}), 422).Text()
		if !strings.Contains(page, `id="title-error"`) {
			t.Fatalf("got %v, want an error beside the title", apptest.FieldErrorsIn(page))
		}
		resp := apptest.Must(t, b.Submit("/study/decks", url.Values{"title": {"Privacy"}, "credential_code": {"CCA"}}), 303)
		deckPath := resp.Header.Get("Location")
		page = apptest.Must(t, b.Submit(deckPath+"/cards", url.Values{"kind": {"card"}, "domain_position": {"6"}, "front": {"Minimum **necessary**"}}), 422).Text()
		if !strings.Contains(page, `id="back-error"`) || !strings.Contains(page, `value="Minimum **necessary**"`) {
			t.Fatalf("got %v, want an error beside the back and the front kept", apptest.FieldErrorsIn(page))
		}
		apptest.Must(t, b.Submit(deckPath+"/cards", url.Values{"kind": {"card"}, "domain_position": {"6"}, "front": {"Minimum **necessary** <script>alert(1)</script>"},
			"back": {"Use or disclose only what the purpose needs."}, "source": {"45 CFR 164.502(b)"}}), 303)
		page = apptest.Must(t, b.Get(deckPath), 200).Text()
		if !strings.Contains(page, "<strong>necessary</strong>") || strings.Contains(page, "<script>alert") || !strings.Contains(page, "45 CFR 164.502(b)") {
			t.Fatal("got no rendered Markdown, an unsanitized script, or no source on the deck page")
		}

		for _, tab := range []string{"/study/decks", deckPath, "/study/review", "/study/forecast"} {
			if page := apptest.Must(t, b.Get(tab), 200).Text(); !strings.Contains(page, `href="/study/quiz"`) {
				t.Fatalf("%s has no link to the blueprint quiz", tab)
			}
		}
		page = apptest.Must(t, b.Get("/study/review"), 200).Text()
		if !strings.Contains(page, `id="show-answer"`) || strings.Contains(page, `id="rating-form"`) {
			t.Fatal("got no show-answer link, or the ratings before the answer")
		}
		var cardID int64
		s.DB.Table("study_cards").Select("id").Scan(&cardID)
		page = apptest.Must(t, b.Get("/study/review?card="+itoa(cardID)+"&show=1"), 200).Text()
		for _, want := range []string{"Use or disclose only", `id="rate-1"`, "Good <small>10 min</small>", "Easy <small>16 d</small>"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the answer side", want)
			}
		}
		id := clientIDRe.FindStringSubmatch(page)[1]
		form := url.Values{"card_id": {itoa(cardID)}, "rating": {"3"}, "client_review_id": {id}}
		apptest.Must(t, b.Submit("/study/review", form), 303)
		apptest.Must(t, b.Submit("/study/review", form), 303) // a double submit is one review
		page = apptest.Must(t, b.Get("/study/review"), 200).Text()
		if !strings.Contains(page, "Rated Good. Next review in 10 min.") || !strings.Contains(page, `id="review-done"`) {
			t.Fatalf("got no confirmation or the card still due: %s", page[strings.Index(page, "<main"):])
		}
		var n int64
		s.DB.Table("study_reviews").Count(&n)
		if n != 1 {
			t.Fatalf("got %d reviews, want 1", n)
		}
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Get(deckPath), 404)
		apptest.Must(t, other.Get("/study/review?card="+itoa(cardID)+"&show=1"), 404)
		apptest.Must(t, other.Submit(deckPath+"/cards", url.Values{"front": {"x"}, "back": {"y"}, "domain_position": {"1"}}), 404)
		apptest.Must(t, other.Submit(deckPath+"/delete", nil), 404)
		apptest.Must(t, other.Submit("/study/cards/"+itoa(cardID)+"/delete", nil), 404)
		apptest.Must(t, other.Submit("/study/review", url.Values{"card_id": {itoa(cardID)}, "rating": {"3"}, "client_review_id": {"z"}}), 404)
		anon := s.Browser()
		for _, p := range []string{"/study/decks", deckPath, "/study/review", "/study/forecast"} {
			if r := anon.Get(p); r.Status != 302 || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
				t.Errorf("GET %s signed out: got %d, want a redirect to log in", p, r.Status)
			}
		}
		page = apptest.Must(t, b.Get("/study/forecast"), 200).Text()
		if !strings.Contains(page, "Set your target credential") {
			t.Error("got no pathway hint on the forecast page without a pathway")
		}
		page = apptest.Must(t, b.Submit("/study/settings", url.Values{"target_recall": {"2"}, "new_per_day": {"10"}}), 422).Text()
		if !strings.Contains(page, `id="target_recall-error"`) {
			t.Fatal("got no error beside the target recall")
		}
		apptest.Must(t, b.Submit("/study/settings", url.Values{"target_recall": {"0.92"}, "new_per_day": {"10"}}), 303)
	}, clock.Option())
}
