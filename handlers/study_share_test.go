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

		// Ana takes a quiz from the shared deck's items; the instructors read mastery by domain.
		addItems(t, s, ines, deck.ID, 1)
		for _, who := range []struct {
			token, want string
		}{{ana, ""}, {ines, "B"}, {carl, "B"}} {
			var got struct {
				Cards []cardOut `json:"cards"`
			}
			apptest.Must(t, s.API("GET", path, who.token, nil), 200).JSON(t, &got)
			if last := got.Cards[len(got.Cards)-1]; last.Kind != "item" || last.Correct != who.want {
				t.Fatalf("got item %+v, want answer %q (members see no answers, editors do)", last, who.want)
			}
		}
		if csv := apptest.Must(t, s.API("GET", path+"/export.csv", ana, nil), 200).Text(); strings.Contains(csv, ",B,") {
			t.Fatalf("got a member's export with the items' answers:\n%s", csv)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "CCA"}), 200)
		var quiz quizOut
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 6}), 201).JSON(t, &quiz)
		var answers []map[string]any
		for _, it := range quiz.Items {
			answers = append(answers, map[string]any{"position": it.Position, "option": "B"})
		}
		apptest.Must(t, s.API("POST", "/api/v1/quizzes/"+itoa(quiz.ID)+"/submit", ana, map[string]any{"answers": answers}), 200)
		var mastery struct {
			Domains []struct {
				Answers int     `json:"answers"`
				Percent float64 `json:"percent"`
			} `json:"domains"`
		}
		apptest.Must(t, s.API("GET", path+"/mastery", ines, nil), 200).JSON(t, &mastery)
		if len(mastery.Domains) != 6 || mastery.Domains[0].Answers != 1 || mastery.Domains[0].Percent != 100 {
			t.Fatalf("got %+v, want six domains answered once, all right", mastery.Domains)
		}
		apptest.Must(t, s.API("GET", path+"/mastery", ana, nil), 404)
		apptest.Must(t, s.API("GET", path+"/mastery", "", nil), 401)

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

		// Ana's submitted quiz holds the deck's items: deleting the deck or an item she
		// answered would rewrite her result, so both are refused; a flashcard no quiz
		// used can go. A co-instructor never deletes the owner's deck.
		apptest.Must(t, s.API("PUT", path+"/share", ines, map[string]any{"cohort_id": cohort.ID}), 200)
		apptest.Must(t, s.API("DELETE", path, carl, nil), 404)
		var refused struct{ Error string }
		apptest.Must(t, s.API("DELETE", path, ines, nil), 409).JSON(t, &refused)
		if !strings.Contains(refused.Error, "Stop sharing the deck instead") {
			t.Fatalf("got %q, want the refusal to say what to do instead", refused.Error)
		}
		apptest.Must(t, s.API("DELETE", "/api/v1/cards/"+itoa(quiz.Items[0].CardID), ines, nil), 409)
		b := s.Browser()
		apptest.Must(t, b.LogIn("ines@example.com", goodPassword), 303)
		deckPage := "/study/decks/" + itoa(deck.ID)
		if loc := apptest.Must(t, b.Submit(deckPage+"/delete", nil), 303).Header.Get("Location"); loc != deckPage {
			t.Fatalf("got a refused page deletion sent to %q, want back to the deck", loc)
		}
		if page := apptest.Must(t, b.Get(deckPage), 200).Text(); !strings.Contains(page, "Stop sharing the deck instead") {
			t.Fatal("got no message on the deck page saying why it was not deleted")
		}
		apptest.Must(t, s.API("DELETE", "/api/v1/cards/"+itoa(card.ID), carl, nil), 204)
		var after quizOut
		apptest.Must(t, s.API("GET", "/api/v1/quizzes/"+itoa(quiz.ID), ana, nil), 200).JSON(t, &after)
		if len(after.Items) != len(quiz.Items) || after.Total != len(quiz.Items) {
			t.Fatalf("got %d items, total %d after the refused deletions; want all %d kept", len(after.Items), after.Total, len(quiz.Items))
		}
		// The owner's own quiz on her private deck does not hold it.
		own := createDeck(t, s, ines, "CCA", "Own deck")
		addItems(t, s, ines, own.ID, 1)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ines, map[string]any{"target": "CCA"}), 200)
		var mine quizOut
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ines, map[string]any{"items": 6}), 201).JSON(t, &mine)
		apptest.Must(t, s.API("POST", "/api/v1/quizzes/"+itoa(mine.ID)+"/submit", ines, map[string]any{"answers": []any{}}), 200)
		apptest.Must(t, s.API("DELETE", "/api/v1/decks/"+itoa(own.ID), ines, nil), 204)
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
		if !strings.Contains(page, `<details class="confirm"><summary>Delete this deck</summary>`) {
			t.Fatal("got no confirmation step before deleting the deck")
		}
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Submit(deckPath+"/share", url.Values{"cohort_id": {"0"}}), 404)
		apptest.Must(t, other.Submit(deckPath+"/delete", nil), 404)
		apptest.Must(t, b.Submit(deckPath+"/delete", nil), 303)
		apptest.Must(t, b.Get(deckPath), 404)
	}, clock.Option())
}
