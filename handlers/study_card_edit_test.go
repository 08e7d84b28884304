package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestEditCardAPI: the deck's owner fixes a typo in a flashcard and an item; the card
// keeps its id and the learner's memory of it; a different kind or an empty front is
// a 422 beside the field; others get 404 and anonymous callers 401.
func TestEditCardAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Privacy")
		card := addFlashcard(t, s, ana, deck.ID, 6, "Minimum necesary")
		apptest.Must(t, s.API("POST", "/api/v1/reviews", ana, map[string]any{"card_id": card.ID, "rating": 3, "client_review_id": "r1"}), 201)
		path := "/api/v1/cards/" + itoa(card.ID)

		var saved struct {
			ID             int64  `json:"id"`
			Front          string `json:"front"`
			DomainPosition int    `json:"domain_position"`
		}
		apptest.Must(t, s.API("PUT", path, ana, map[string]any{"domain_position": 5, "front": "Minimum necessary", "back": "Only what the purpose needs."}), 200).JSON(t, &saved)
		if saved.ID != card.ID || saved.Front != "Minimum necessary" || saved.DomainPosition != 5 {
			t.Fatalf("got %+v, want card %d with the corrected front in domain 5", saved, card.ID)
		}
		var queue queueOut
		apptest.Must(t, s.API("GET", "/api/v1/study/queue", ana, nil), 200).JSON(t, &queue)
		if queue.DueCount != 0 || len(queue.Cards) != 0 {
			t.Fatalf("got %+v, want the reviewed card still scheduled for later, not new again", queue)
		}

		var refused struct{ Fields map[string]string }
		apptest.Must(t, s.API("PUT", path, ana, map[string]any{"kind": "item", "domain_position": 5, "front": "Q",
			"options": []string{"a", "b", "c", "d"}, "correct": "A"}), 422).JSON(t, &refused)
		if !strings.Contains(refused.Fields["kind"], "keeps its kind") {
			t.Fatalf("got %v, want the kind change refused beside kind", refused.Fields)
		}
		apptest.Must(t, s.API("PUT", path, ana, map[string]any{"domain_position": 5, "front": " ", "back": "b"}), 422).JSON(t, &refused)
		if refused.Fields["front"] == "" {
			t.Fatalf("got %v, want an empty front refused beside front", refused.Fields)
		}

		addItems(t, s, ana, deck.ID, 1)
		var cards struct {
			Cards []cardOut `json:"cards"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/decks/"+itoa(deck.ID), ana, nil), 200).JSON(t, &cards)
		item := cards.Cards[len(cards.Cards)-1]
		var edited cardOut
		apptest.Must(t, s.API("PUT", "/api/v1/cards/"+itoa(item.ID), ana, map[string]any{"domain_position": 6, "front": "Which?",
			"options": []string{"w", "x", "y", "z"}, "correct": "D"}), 200).JSON(t, &edited)
		if edited.Kind != "item" || edited.Correct != "D" || edited.Options[3] != "z" {
			t.Fatalf("got %+v, want the item with answer D", edited)
		}

		apptest.Must(t, s.API("PUT", path, ben, map[string]any{"domain_position": 5, "front": "Mine", "back": "b"}), 404)
		apptest.Must(t, s.API("PUT", path, "", map[string]any{"domain_position": 5, "front": "Mine", "back": "b"}), 401)
		apptest.Must(t, s.API("PUT", "/api/v1/cards/999999", ana, map[string]any{"domain_position": 5, "front": "x", "back": "b"}), 404)
	}, clock.Option())
}

// TestEditCardPage: the deck page links each card to its edit form, which is filled
// in; a mistake re-shows the form with the error beside the field and what was
// typed; saving returns to the deck; another user gets 404 for both.
func TestEditCardPage(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Privacy")
		card := addFlashcard(t, s, ana, deck.ID, 6, "Minimum necesary")
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		deckPath := "/study/decks/" + itoa(deck.ID)
		editPath := "/study/cards/" + itoa(card.ID) + "/edit"
		if page := apptest.Must(t, b.Get(deckPath), 200).Text(); !strings.Contains(page, `href="`+editPath+`"`) {
			t.Fatal("got no edit link on the deck page")
		}
		page := apptest.Must(t, b.Get(editPath), 200).Text()
		if !strings.Contains(page, `value="Minimum necesary"`) || !strings.Contains(page, `name="kind" value="card"`) {
			t.Fatal("got an edit form without the card's text and kind")
		}
		page = apptest.Must(t, b.Submit(editPath, url.Values{"kind": {"card"}, "domain_position": {"6"}, "front": {"Minimum necessary"}, "back": {""}}), 422).Text()
		if !strings.Contains(page, `id="back-error"`) || !strings.Contains(page, `value="Minimum necessary"`) || !strings.Contains(page, "There is a problem") {
			t.Fatalf("got %v, want an error beside the back, the summary and the typed front kept", apptest.FieldErrorsIn(page))
		}
		resp := apptest.Must(t, b.Submit(editPath, url.Values{"kind": {"card"}, "domain_position": {"6"}, "front": {"Minimum necessary"}, "back": {"Only what is needed."}}), 303)
		if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, deckPath) {
			t.Fatalf("got redirect to %q, want the deck", loc)
		}
		if page := apptest.Must(t, b.Get(deckPath), 200).Text(); !strings.Contains(page, "Minimum necessary") || strings.Contains(page, "necesary") {
			t.Fatal("got the old text on the deck page after saving")
		}
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Get(editPath), 404)
		apptest.Must(t, other.Submit(editPath, url.Values{"domain_position": {"6"}, "front": {"x"}, "back": {"y"}}), 404)
		if got := s.Browser().Get(editPath); got.Status != 302 || !strings.HasPrefix(got.Header.Get("Location"), "/login") {
			t.Fatalf("got %d for a signed-out visitor, want a redirect to sign in", got.Status)
		}
	}, clock.Option())
}

// TestDeckCardsArePaged: a deck of 120 cards shows and returns 50 a page, with links
// between the pages; past the last page there are none.
func TestDeckCardsArePaged(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Big")
		for i := 1; i <= 120; i++ {
			addFlashcard(t, s, ana, deck.ID, 1+i%6, "Card "+itoa(int64(i)))
		}
		var got struct {
			Cards      []cardOut `json:"cards"`
			Page       int       `json:"page"`
			Pages      int       `json:"pages"`
			TotalCards int       `json:"total_cards"`
		}
		path := "/api/v1/decks/" + itoa(deck.ID)
		for _, c := range []struct {
			query       string
			cards, page int
		}{{"", 50, 1}, {"?page=3", 20, 3}, {"?page=4", 0, 4}, {"?page=-2", 50, 1}} {
			apptest.Must(t, s.API("GET", path+c.query, ana, nil), 200).JSON(t, &got)
			if len(got.Cards) != c.cards || got.Page != c.page || got.Pages != 3 || got.TotalCards != 120 {
				t.Fatalf("%s: got %d cards, page %d of %d, %d in all; want %d cards on page %d of 3, 120 in all",
					c.query, len(got.Cards), got.Page, got.Pages, got.TotalCards, c.cards, c.page)
			}
		}
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		page := apptest.Must(t, b.Get("/study/decks/"+itoa(deck.ID)), 200).Text()
		if !strings.Contains(page, "Page 1 of 3") || !strings.Contains(page, "page=2") || strings.Contains(page, ">Card 51<") || strings.Count(page, `class="card study-card"`) != 50 {
			t.Fatal("got no first page of 50 cards with a link to the next")
		}
		var second struct {
			Cards []cardOut `json:"cards"`
		}
		apptest.Must(t, s.API("GET", path+"?page=2", ana, nil), 200).JSON(t, &second)
		editPath := "/study/cards/" + itoa(second.Cards[0].ID) + "/edit"
		back := "/study/decks/" + itoa(deck.ID) + "?page=2#card-" + itoa(second.Cards[0].ID)
		if page := apptest.Must(t, b.Get(editPath), 200).Text(); !strings.Contains(page, `href="`+back+`">Cancel`) {
			t.Fatalf("got no Cancel link back to %s", back)
		}
		saved := apptest.Must(t, b.Submit(editPath, url.Values{"domain_position": {"2"}, "front": {"Card 51, edited"}, "back": {"b"}}), 303)
		if loc := saved.Header.Get("Location"); loc != back {
			t.Fatalf("got redirect to %q after saving card 51, want %q", loc, back)
		}
		page = apptest.Must(t, b.Get("/study/decks/"+itoa(deck.ID)+"?page=3"), 200).Text()
		if !strings.Contains(page, `start="101"`) || strings.Count(page, `class="card study-card"`) != 20 {
			t.Fatal("got no last page of 20 cards numbered from 101")
		}
	}, clock.Option())
}

// TestEditCardPageRefusesAnUnreadableDomain: a domain number too large to read is
// refused beside the field on the re-shown edit form, not on a bare error page.
func TestEditCardPageRefusesAnUnreadableDomain(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Privacy")
		card := addFlashcard(t, s, ana, deck.ID, 6, "Minimum necessary")
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		editPath := "/study/cards/" + itoa(card.ID) + "/edit"
		page := apptest.Must(t, b.Submit(editPath, url.Values{"kind": {"card"}, "domain_position": {"99999999999999999999999"},
			"front": {"Minimum necessary, edited"}, "back": {"b"}}), 422).Text()
		if !strings.Contains(page, `id="domain_position-error">Choose one of the CCA exam domains.`) || !strings.Contains(page, `value="Minimum necessary, edited"`) {
			t.Fatalf("got %v, want the domain refused beside it and the typed front kept", apptest.FieldErrorsIn(page))
		}
	}, clock.Option())
}
