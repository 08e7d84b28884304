package handlers_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

type quizOut struct {
	ID               int64 `json:"id"`
	TimeLimitMinutes int   `json:"time_limit_minutes"`
	Submitted        bool  `json:"submitted"`
	Correct          int   `json:"correct"`
	Total            int   `json:"total"`
	Items            []struct {
		Position       int     `json:"position"`
		CardID         int64   `json:"card_id"`
		DomainPosition int     `json:"domain_position"`
		Stem           string  `json:"stem"`
		Correct        *string `json:"correct"`
		Right          *bool   `json:"right"`
	} `json:"items"`
	Domains []struct {
		Position int     `json:"position"`
		Items    int     `json:"items"`
		Percent  float64 `json:"percent"`
	} `json:"domains"`
}

// addItems adds perDomain items to each of the six CCA domains; the answer is always B.
func addItems(t *testing.T, s *apptest.Server, token string, deckID int64, perDomain int) {
	t.Helper()
	for d := 1; d <= 6; d++ {
		for i := 0; i < perDomain; i++ {
			body := map[string]any{"kind": "item", "domain_position": d, "front": fmt.Sprintf("Domain %d question %d", d, i),
				"options": []string{"wrong 1", "right", "wrong 2", "wrong 3"}, "correct": "B", "explanation": "Because."}
			apptest.Must(t, s.API("POST", "/api/v1/decks/"+itoa(deckID)+"/cards", token, body), 201)
		}
	}
}

func TestBlueprintQuizAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		clock.Set(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		var problem struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 6}), 422).JSON(t, &problem)
		if problem.Fields["items"] == "" {
			t.Fatalf("got %v, want a message asking for a pathway", problem.Fields)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "CCA"}), 200)
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 6}), 422) // no items yet
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 0}), 422)
		deck := createDeck(t, s, ana, "CCA", "CCA items")
		addItems(t, s, ana, deck.ID, 2)

		var quiz quizOut
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 6, "timed": true}), 201).JSON(t, &quiz)
		perDomain := map[int]int{}
		for _, it := range quiz.Items {
			perDomain[it.DomainPosition]++
			if it.Correct != nil {
				t.Fatal("got the answer in an unsubmitted quiz")
			}
		}
		if want := map[int]int{1: 2, 2: 1, 3: 1, 4: 1, 5: 1}; fmt.Sprint(perDomain) != fmt.Sprint(want) || quiz.TimeLimitMinutes != 7 {
			t.Fatalf("got %v items per domain and %d minutes, want %v (largest remainder) and 7", perDomain, quiz.TimeLimitMinutes, want)
		}
		path := "/api/v1/quizzes/" + itoa(quiz.ID)
		apptest.Must(t, s.API("GET", path, ben, nil), 404)
		apptest.Must(t, s.API("POST", path+"/submit", ben, map[string]any{"answers": []any{}}), 404)
		apptest.Must(t, s.API("POST", path+"/submit", ana, map[string]any{"answers": []any{map[string]any{"position": 1, "option": "Z"}}}), 422)
		var twice struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", path+"/submit", ana, map[string]any{"answers": []any{map[string]any{"position": 1, "option": "A"},
			map[string]any{"position": 1, "option": "B"}}}), 422).JSON(t, &twice)
		if twice.Fields["answer_1"] != "Answer each position once." {
			t.Fatalf("got %v, want position 1 answered twice refused", twice.Fields)
		}
		var nowhere struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", path+"/submit", ana, map[string]any{"answers": []any{map[string]any{"position": 9999, "option": "A"}}}), 422).JSON(t, &nowhere)
		if !strings.Contains(nowhere.Fields["answer_9999"], "This quiz has no item 9999") {
			t.Fatalf("got %v, want an unknown position named as such", nowhere.Fields)
		}
		var missing struct{ Fields map[string]string }
		apptest.Must(t, s.API("PUT", path+"/answers", ana, map[string]any{"answers": []any{map[string]any{"position": 1}}}), 422).JSON(t, &missing)
		if missing.Fields["option"] == "" {
			t.Fatalf("got %v, want an answer without its option refused beside option", missing.Fields)
		}

		var answers []map[string]any
		for _, it := range quiz.Items {
			option := "A"
			if it.DomainPosition == 1 {
				option = "B"
			}
			answers = append(answers, map[string]any{"position": it.Position, "option": option})
		}
		clock.Set(clock.Now().Add(4*time.Minute + 30*time.Second))
		var scored quizOut
		apptest.Must(t, s.API("POST", path+"/submit", ana, map[string]any{"answers": answers}), 200).JSON(t, &scored)
		if !scored.Submitted || scored.Correct != 2 || scored.Total != 6 || scored.Domains[0].Percent != 100 || scored.Domains[1].Percent != 0 {
			t.Fatalf("got %+v, want 2 of 6 right: domain 1 at 100%%, domain 2 at 0%%", scored)
		}
		apptest.Must(t, s.API("POST", path+"/submit", ana, map[string]any{"answers": answers}), 409)

		var exams struct {
			Exams []struct {
				Source         string  `json:"source"`
				OverallPercent float64 `json:"overall_percent"`
			} `json:"practice_exams"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/practice-exams", ana, nil), 200).JSON(t, &exams)
		if len(exams.Exams) != 1 || exams.Exams[0].Source != "hitpath blueprint quiz" || exams.Exams[0].OverallPercent != 33.33 {
			t.Fatalf("got %+v, want the quiz recorded as a 33.33%% practice exam", exams.Exams)
		}
		var readiness struct {
			HasData bool `json:"has_data"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/readiness", ana, nil), 200).JSON(t, &readiness)
		if !readiness.HasData {
			t.Fatal("got no readiness after a quiz, want the quiz to feed it")
		}
		var minutes []int
		s.DB.Table("study_sessions").Pluck("minutes", &minutes)
		if len(minutes) != 1 || minutes[0] != 5 {
			t.Fatalf("got study minutes %v, want one session of 5 minutes", minutes)
		}
		var states int64
		s.DB.Table("study_card_states").Count(&states)
		if states != 6 {
			t.Fatalf("got %d card states, want the 6 quiz items scheduled", states)
		}

		var stats struct {
			N        int      `json:"n"`
			Facility *float64 `json:"facility"`
		}
		item := itoa(quiz.Items[0].CardID)
		apptest.Must(t, s.API("GET", "/api/v1/items/"+item+"/stats", ana, nil), 200).JSON(t, &stats)
		if stats.N != 1 || stats.Facility == nil {
			t.Fatalf("got %+v, want one first attempt with a facility", stats)
		}
		apptest.Must(t, s.API("GET", "/api/v1/items/"+item+"/stats", ben, nil), 404)
		for _, route := range [][2]string{{"POST", "/api/v1/quizzes"}, {"GET", path}, {"POST", path + "/submit"}, {"GET", "/api/v1/items/" + item + "/stats"}} {
			apptest.Must(t, s.API(route[0], route[1], "", nil), 401)
		}

		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "RHIT"}), 200)
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 5, "timed": true}), 422).JSON(t, &problem)
		if problem.Fields["timed"] == "" {
			t.Fatalf("got %v, want the timed option refused for RHIT (pace unknown)", problem.Fields)
		}
	}, clock.Option())
}

var quizPathRe = regexp.MustCompile(`/study/quizzes/(\d+)`)

func TestBlueprintQuizPages(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		clock.Set(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "CCA"}), 200)
		deck := createDeck(t, s, ana, "CCA", "CCA items")
		addItems(t, s, ana, deck.ID, 1)
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		apptest.Must(t, b.Get("/study/quiz"), 200)
		page := apptest.Must(t, b.Submit("/study/quiz", url.Values{"items": {"500"}}), 422).Text()
		if !strings.Contains(page, `id="items-error"`) {
			t.Fatal("got no error beside the number of items")
		}
		resp := apptest.Must(t, b.Submit("/study/quiz", url.Values{"items": {"4"}}), 303)
		quizPath := resp.Header.Get("Location")
		if !quizPathRe.MatchString(quizPath) {
			t.Fatalf("got redirect %q, want a quiz page", quizPath)
		}
		page = apptest.Must(t, b.Get(quizPath), 200).Text()
		if strings.Count(page, `type="radio"`) != 16 {
			t.Fatalf("got %d radio buttons, want 4 items × 4 options", strings.Count(page, `type="radio"`))
		}
		apptest.Must(t, b.Submit(quizPath, url.Values{"answer_1": {"B"}, "answer_2": {"B"}}), 303)
		page = apptest.Must(t, b.Get(quizPath), 200).Text()
		for _, want := range []string{`id="quiz-score">2 / 4`, "Recorded as a practice exam", "you chose nothing"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the results page", want)
			}
		}
		apptest.Must(t, b.Submit(quizPath, url.Values{"answer_1": {"B"}}), 409)
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Get(quizPath), 404)
		apptest.Must(t, other.Submit(quizPath, nil), 404)
	}, clock.Option())
}

// TestItemStatisticsRoundHalvesUp checks the deck page rounds an item's facility the
// way people do: five of eight first attempts right is 62.5, shown as 63, not 62.
func TestItemStatisticsRoundHalvesUp(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Rounding")
		card := addFlashcard(t, s, ana, deck.ID, 1, "Q")
		for i := range 8 {
			args := map[string]any{"card": card.ID, "right": i < 5, "n": i}
			seed := []string{
				`INSERT INTO study_quizzes (user_id, credential_code, seed, started_at, submitted_at, item_count, answered_right)
					SELECT owner_id, 'CCA', @n, created_at, created_at, 1, CASE WHEN @right THEN 1 ELSE 0 END FROM study_decks WHERE id = (SELECT deck_id FROM study_cards WHERE id = @card)`,
				`INSERT INTO study_quiz_items (quiz_id, position, card_id, domain_position, correct, first_attempt)
					SELECT MAX(id), 1, @card, 1, @right, TRUE FROM study_quizzes`,
			}
			for _, sql := range seed {
				if err := s.DB.Exec(sql, args).Error; err != nil {
					t.Fatalf("seed %q: %v", sql, err)
				}
			}
		}
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		page := apptest.Must(t, b.Get("/study/decks/"+itoa(deck.ID)), 200).Text()
		if !strings.Contains(page, "First attempts: 8 · facility 63") {
			t.Fatalf("got no \"facility 63\" for 5 of 8 right in %q", page)
		}
	})
}
