package handlers_test

import (
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// studyClock is a test clock far from today that a test moves forward.
type studyClock struct {
	mu  sync.Mutex
	now time.Time
}

func newStudyClock() *studyClock {
	return &studyClock{now: time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)}
}

func (c *studyClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *studyClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *studyClock) Option() apptest.Option { return apptest.WithClock(c.Now) }

type deckOut struct {
	ID        int64 `json:"id"`
	CardCount int   `json:"card_count"`
}

type cardOut struct {
	ID      int64    `json:"id"`
	Kind    string   `json:"kind"`
	Options []string `json:"options"`
	Correct string   `json:"correct"`
}

type memoryOut struct {
	State        string  `json:"state"`
	Due          string  `json:"due"`
	EffectiveDue string  `json:"effective_due"`
	Stability    float64 `json:"stability"`
	ExamRecall   float64 `json:"exam_recall"`
}

type reviewOut struct {
	Repeated bool      `json:"repeated"`
	Memory   memoryOut `json:"memory"`
}

type queueOut struct {
	Cards []struct {
		Card    cardOut `json:"card"`
		New     bool    `json:"new"`
		Buttons []struct {
			Rating   int    `json:"rating"`
			Interval string `json:"interval"`
		} `json:"buttons"`
	} `json:"cards"`
	DueCount int64 `json:"due_count"`
	NewLeft  int   `json:"new_left"`
	ExamMode bool  `json:"exam_mode"`
}

func createDeck(t *testing.T, s *apptest.Server, token, code, title string) deckOut {
	t.Helper()
	var d deckOut
	apptest.Must(t, s.API("POST", "/api/v1/decks", token, map[string]any{"credential_code": code, "title": title}), 201).JSON(t, &d)
	return d
}

func addFlashcard(t *testing.T, s *apptest.Server, token string, deckID int64, domain int, front string) cardOut {
	t.Helper()
	var c cardOut
	body := map[string]any{"domain_position": domain, "front": front, "back": "answer to " + front}
	apptest.Must(t, s.API("POST", "/api/v1/decks/"+itoa(deckID)+"/cards", token, body), 201).JSON(t, &c)
	return c
}

func TestDecksAndCardsAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		var problem struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", "/api/v1/decks", ana, map[string]any{"credential_code": "XYZ", "title": " "}), 422).JSON(t, &problem)
		if problem.Fields["credential_code"] == "" || problem.Fields["title"] == "" {
			t.Fatalf("got %v, want messages for credential_code and title", problem.Fields)
		}
		deck := createDeck(t, s, ana, "CCA", "CCA basics")
		path := "/api/v1/decks/" + itoa(deck.ID)
		bad := []struct {
			name  string
			body  map[string]any
			field string
		}{
			{"domain outside CCA", map[string]any{"domain_position": 9, "front": "q", "back": "a"}, "domain_position"},
			{"flashcard without back", map[string]any{"domain_position": 1, "front": "q"}, "back"},
			{"item with three options", map[string]any{"kind": "item", "domain_position": 1, "front": "q", "options": []string{"a", "b", "c"}, "correct": "A"}, "option_d"},
			{"item with answer E", map[string]any{"kind": "item", "domain_position": 1, "front": "q", "options": []string{"a", "b", "c", "d"}, "correct": "E"}, "correct"},
			{"item with five options", map[string]any{"kind": "item", "domain_position": 1, "front": "q", "options": []string{"a", "b", "c", "d", "e"}, "correct": "A"}, "options"},
			{"unknown kind", map[string]any{"kind": "poem", "domain_position": 1, "front": "q", "back": "a"}, "kind"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				var problem struct{ Fields map[string]string }
				apptest.Must(t, s.API("POST", path+"/cards", ana, tt.body), 422).JSON(t, &problem)
				if problem.Fields[tt.field] == "" {
					t.Fatalf("got %v, want a message for %s", problem.Fields, tt.field)
				}
			})
		}
		card := addFlashcard(t, s, ana, deck.ID, 6, "Minimum necessary")
		var item cardOut
		apptest.Must(t, s.API("POST", path+"/cards", ana, map[string]any{"kind": "item", "domain_position": 1, "front": "Which code set?",
			"options": []string{"ICD-10-CM", "CPT", "HCPCS", "LOINC"}, "correct": "a"}), 201).JSON(t, &item)
		if item.Kind != "item" || item.Correct != "A" || len(item.Options) != 4 {
			t.Fatalf("got %+v, want an item with four options and answer A", item)
		}
		var shown struct {
			Deck  deckOut   `json:"deck"`
			Cards []cardOut `json:"cards"`
		}
		apptest.Must(t, s.API("GET", path, ana, nil), 200).JSON(t, &shown)
		if shown.Deck.CardCount != 2 || len(shown.Cards) != 2 {
			t.Fatalf("got %+v, want 2 cards", shown)
		}

		// Another learner sees nothing of Ana's private deck and can change nothing.
		apptest.Must(t, s.API("GET", path, ben, nil), 404)
		apptest.Must(t, s.API("POST", path+"/cards", ben, map[string]any{"domain_position": 1, "front": "q", "back": "a"}), 404)
		apptest.Must(t, s.API("DELETE", path, ben, nil), 404)
		apptest.Must(t, s.API("DELETE", "/api/v1/cards/"+itoa(card.ID), ben, nil), 404)
		apptest.Must(t, s.API("POST", "/api/v1/reviews", ben, map[string]any{"card_id": card.ID, "rating": 3, "client_review_id": "x"}), 404)
		var list struct{ Decks []deckOut }
		apptest.Must(t, s.API("GET", "/api/v1/decks", ben, nil), 200).JSON(t, &list)
		if len(list.Decks) != 0 {
			t.Fatalf("got %d decks for another learner, want 0", len(list.Decks))
		}
		var queue queueOut
		apptest.Must(t, s.API("GET", "/api/v1/study/queue", ben, nil), 200).JSON(t, &queue)
		if len(queue.Cards) != 0 {
			t.Fatalf("got %d queued cards for another learner, want 0", len(queue.Cards))
		}
		for _, route := range [][2]string{{"GET", "/api/v1/decks"}, {"POST", "/api/v1/decks"}, {"GET", path}, {"DELETE", path},
			{"POST", path + "/cards"}, {"DELETE", "/api/v1/cards/1"}, {"GET", "/api/v1/study/queue"}, {"POST", "/api/v1/reviews"},
			{"GET", "/api/v1/study/settings"}, {"PUT", "/api/v1/study/settings"}, {"GET", "/api/v1/study/forecast"}} {
			apptest.Must(t, s.API(route[0], route[1], "", nil), 401)
		}

		apptest.Must(t, s.API("DELETE", "/api/v1/cards/"+itoa(item.ID), ana, nil), 204)
		apptest.Must(t, s.API("DELETE", path, ana, nil), 204)
		apptest.Must(t, s.API("GET", path, ana, nil), 404)
	}, clock.Option())
}

// TestReviewsFollowFSRS reviews a card Good three times at its due times through the
// API: the stored stability reaches go-fsrs's 14.2 days, and a repeated client review
// id changes nothing.
func TestReviewsFollowFSRS(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		clock.Set(time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC))
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Privacy")
		card := addFlashcard(t, s, ana, deck.ID, 6, "Minimum necessary")
		addFlashcard(t, s, ana, deck.ID, 6, "Notice of privacy practices")

		var queue queueOut
		apptest.Must(t, s.API("GET", "/api/v1/study/queue", ana, nil), 200).JSON(t, &queue)
		if len(queue.Cards) != 2 || !queue.Cards[0].New || queue.Cards[0].Card.ID != card.ID || queue.ExamMode {
			t.Fatalf("got %+v, want the two new cards, first card first, no exam mode", queue)
		}
		labels := []string{"1 min", "5 min", "10 min", "16 d"}
		for i, b := range queue.Cards[0].Buttons {
			if b.Interval != labels[i] {
				t.Errorf("button %d: got %q, want %q", b.Rating, b.Interval, labels[i])
			}
		}
		review := func(id string) reviewOut {
			var out reviewOut
			status := 201
			if id == "r1-again" {
				status = 200
			}
			body := map[string]any{"card_id": card.ID, "rating": 3, "client_review_id": id}
			if id == "r1-again" {
				body["client_review_id"] = "r1"
			}
			apptest.Must(t, s.API("POST", "/api/v1/reviews", ana, body), status).JSON(t, &out)
			return out
		}
		var last reviewOut
		for _, id := range []string{"r1", "r1-again", "r2", "r3"} {
			last = review(id)
			if id == "r1-again" && !last.Repeated {
				t.Fatal("got a new review for a repeated client review id, want the stored one")
			}
			due, err := time.Parse(time.RFC3339, last.Memory.EffectiveDue)
			if err != nil {
				t.Fatalf("effective due %q: %v", last.Memory.EffectiveDue, err)
			}
			clock.Set(due)
			ana = s.LoginAPI("ana@example.com", goodPassword) // sessions last 14 days of the test clock
		}
		if math.Abs(last.Memory.Stability-14.2) > 0.1 || last.Memory.State != "review" {
			t.Fatalf("got %+v, want stability 14.2 ± 0.1 in review", last.Memory)
		}
		var n int64
		s.DB.Table("study_reviews").Count(&n)
		if n != 3 {
			t.Fatalf("got %d review-log rows, want 3 (the repeat adds none)", n)
		}
		var problem struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", "/api/v1/reviews", ana, map[string]any{"card_id": card.ID, "rating": 5, "client_review_id": "",
			"reviewed_at": "2099-01-01T00:00:00Z"}), 422).JSON(t, &problem)
		for _, f := range []string{"rating", "client_review_id", "reviewed_at"} {
			if problem.Fields[f] == "" {
				t.Errorf("got %v, want a message for %s", problem.Fields, f)
			}
		}
		// A review dated before the card's last one would rewrite its schedule backwards.
		problem.Fields = nil
		apptest.Must(t, s.API("POST", "/api/v1/reviews", ana, map[string]any{"card_id": card.ID, "rating": 3, "client_review_id": "r-backdated",
			"reviewed_at": "2020-11-30T20:00:00Z"}), 422).JSON(t, &problem)
		if !strings.Contains(problem.Fields["reviewed_at"], "already reviewed after this time") {
			t.Errorf("got %v, want the backdated review refused beside reviewed_at", problem.Fields)
		}
		s.DB.Table("study_reviews").Count(&n)
		if n != 3 {
			t.Fatalf("got %d review-log rows after a refused review, want 3", n)
		}
	}, clock.Option())
}
