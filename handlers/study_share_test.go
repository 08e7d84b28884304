package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestSharedDeckAccess: an instructor shares a deck with a cohort; a consenting member
// studies it but can't edit it, a co-instructor can edit it, outsiders see nothing,
// and a member who leaves loses it.
func TestSharedDeckAccess(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Ines", "ines@example.com", goodPassword)
		s.RegisterAPI("Carl", "carl@example.com", goodPassword)
		s.SetRole("ines@example.com", "instructor")
		s.SetRole("carl@example.com", "instructor")
		ines := s.LoginAPI("ines@example.com", goodPassword)
		carl := s.LoginAPI("carl@example.com", goodPassword)
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ola := s.RegisterAPI("Ola", "ola@example.com", goodPassword)
		var cohort struct {
			ID       int64  `json:"id"`
			JoinCode string `json:"join_code"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/cohorts", ines, map[string]any{"name": "Fall CCA", "target_code": "CCA"}), 201).JSON(t, &cohort)
		var other struct{ ID int64 }
		apptest.Must(t, s.API("POST", "/api/v1/cohorts", carl, map[string]any{"name": "Carl's", "target_code": "CCA"}), 201).JSON(t, &other)
		var membership struct {
			CohortID int64 `json:"cohort_id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/memberships", ana, map[string]any{"code": cohort.JoinCode, "consent": true}), 201).JSON(t, &membership)

		deck := createDeck(t, s, ines, "CCA", "Cohort deck")
		card := addFlashcard(t, s, ines, deck.ID, 6, "Minimum necessary")
		path := "/api/v1/decks/" + itoa(deck.ID)
		apptest.Must(t, s.API("GET", path, ana, nil), 404)
		apptest.Must(t, s.API("PUT", path+"/share", ines, map[string]any{"cohort_id": other.ID}), 404) // not her cohort
		apptest.Must(t, s.API("PUT", path+"/share", ana, map[string]any{"cohort_id": cohort.ID}), 404) // not her deck
		var shared deckOut
		apptest.Must(t, s.API("PUT", path+"/share", ines, map[string]any{"cohort_id": cohort.ID}), 200).JSON(t, &shared)

		apptest.Must(t, s.API("GET", path, ana, nil), 200)
		apptest.Must(t, s.API("POST", "/api/v1/reviews", ana, map[string]any{"card_id": card.ID, "rating": 3, "client_review_id": "a1"}), 201)
		apptest.Must(t, s.API("POST", path+"/cards", ana, map[string]any{"domain_position": 1, "front": "q", "back": "a"}), 404)
		apptest.Must(t, s.API("DELETE", "/api/v1/cards/"+itoa(card.ID), ana, nil), 404)
		apptest.Must(t, s.API("DELETE", path, ana, nil), 404)
		apptest.Must(t, s.API("GET", path, ola, nil), 404)
		apptest.Must(t, s.API("POST", "/api/v1/reviews", ola, map[string]any{"card_id": card.ID, "rating": 3, "client_review_id": "o1"}), 404)
		apptest.Must(t, s.API("GET", path, carl, nil), 404)

		apptest.Must(t, s.API("POST", "/api/v1/cohorts/"+itoa(cohort.ID)+"/instructors", ines, map[string]any{"email": "carl@example.com"}), 200)
		apptest.Must(t, s.API("POST", path+"/cards", carl, map[string]any{"domain_position": 1, "front": "ICD-10-CM", "back": "Diagnoses"}), 201)

		apptest.Must(t, s.API("DELETE", "/api/v1/memberships/"+itoa(membership.CohortID), ana, nil), 204)
		apptest.Must(t, s.API("GET", path, ana, nil), 404)
		var queue queueOut
		apptest.Must(t, s.API("GET", "/api/v1/study/queue", ana, nil), 200).JSON(t, &queue)
		if len(queue.Cards) != 0 || queue.DueCount != 0 {
			t.Fatalf("got %+v, want nothing from a cohort she left", queue)
		}
		apptest.Must(t, s.API("PUT", path+"/share", "", map[string]any{"cohort_id": nil}), 401)
		apptest.Must(t, s.API("PUT", path+"/share", ines, map[string]any{"cohort_id": nil}), 200)
		apptest.Must(t, s.API("POST", path+"/cards", carl, map[string]any{"domain_position": 1, "front": "q", "back": "a"}), 404)
	}, clock.Option())
}

func TestShareDeckPage(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Ines", "ines@example.com", goodPassword)
		s.SetRole("ines@example.com", "instructor")
		ines := s.LoginAPI("ines@example.com", goodPassword)
		var cohort struct{ ID int64 }
		apptest.Must(t, s.API("POST", "/api/v1/cohorts", ines, map[string]any{"name": "Fall CCA", "target_code": "CCA"}), 201).JSON(t, &cohort)
		deck := createDeck(t, s, ines, "CCA", "Cohort deck")
		b := s.Browser()
		apptest.Must(t, b.LogIn("ines@example.com", goodPassword), 303)
		deckPath := "/study/decks/" + itoa(deck.ID)
		page := apptest.Must(t, b.Get(deckPath), 200).Text()
		if !strings.Contains(page, "Share with a cohort") || !strings.Contains(page, "Fall CCA") {
			t.Fatal("got no share form listing the instructor's cohort")
		}
		apptest.Must(t, b.Submit(deckPath+"/share", url.Values{"cohort_id": {itoa(cohort.ID)}}), 303)
		page = apptest.Must(t, b.Get(deckPath), 200).Text()
		if !strings.Contains(page, "Shared: the cohort") || !strings.Contains(page, "shared with a cohort") {
			t.Fatal("got no confirmation that the deck is shared")
		}
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Submit(deckPath+"/share", url.Values{"cohort_id": {"0"}}), 404)
	}, clock.Option())
}
