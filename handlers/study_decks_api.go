package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// deckJSON is the API shape of a deck.
type deckJSON struct {
	ID             int64  `json:"id"`
	CredentialCode string `json:"credential_code"`
	Title          string `json:"title"`
	Description    string `json:"description"`
	CohortID       *int64 `json:"cohort_id"`
	Owned          bool   `json:"owned"`
	CardCount      int    `json:"card_count"`
}

func toDeckJSON(d models.StudyDeck, userID int64) deckJSON {
	return deckJSON{ID: d.ID, CredentialCode: d.CredentialCode, Title: d.Title, Description: d.Description,
		CohortID: d.CohortID, Owned: d.OwnerID == userID, CardCount: d.CardCount}
}

// cardJSON is the API shape of a flashcard or item; options and correct are set for items only.
type cardJSON struct {
	ID             int64    `json:"id"`
	DeckID         int64    `json:"deck_id"`
	Kind           string   `json:"kind"`
	DomainPosition int      `json:"domain_position"`
	Front          string   `json:"front"`
	Back           string   `json:"back"`
	Options        []string `json:"options,omitempty"`
	Correct        string   `json:"correct,omitempty"`
	Explanation    string   `json:"explanation"`
	Tags           string   `json:"tags"`
	Source         string   `json:"source"`
}

func toCardJSON(c models.StudyCard) cardJSON {
	out := cardJSON{ID: c.ID, DeckID: c.DeckID, Kind: c.Kind, DomainPosition: c.DomainPosition, Front: c.Front,
		Back: c.Back, Explanation: c.Explanation, Tags: c.Tags, Source: c.Source}
	if c.Kind == models.KindItem {
		out.Options, out.Correct = c.Options(), c.CorrectLetter()
	}
	return out
}

// cardBody is POST /api/v1/decks/{id}/cards.
type cardBody struct {
	models.CardInput
	Options []string `json:"options"`
}

func (b cardBody) input() (models.CardInput, FieldErrors) {
	in := b.CardInput
	if len(b.Options) > 4 {
		return in, FieldErrors{"options": "Give exactly four options."}
	}
	copy(in.Options[:], b.Options)
	return in, nil
}

func (h *Handlers) apiListDecks(c *fiber.Ctx) error {
	userID := currentUser(c).ID
	decks, err := models.VisibleDecks(c.UserContext(), h.DB, userID)
	if err != nil {
		return err
	}
	out := make([]deckJSON, len(decks))
	for i, d := range decks {
		out[i] = toDeckJSON(d, userID)
	}
	return c.JSON(fiber.Map{"decks": out})
}

func (h *Handlers) apiCreateDeck(c *fiber.Ctx) error {
	var in models.DeckInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	deck, fields := models.ValidateDeckInput(in)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err := models.CreateDeck(c.UserContext(), h.DB, currentUser(c).ID, &deck, h.Now()); err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toDeckJSON(deck, deck.OwnerID))
}

func (h *Handlers) apiShowDeck(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	userID := currentUser(c).ID
	deck, err := models.DeckForViewer(c.UserContext(), h.DB, userID, id)
	if err != nil {
		return err
	}
	page, err := models.DeckCardsPage(c.UserContext(), h.DB, deck.ID, c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	if _, err := models.DeckForEditor(c.UserContext(), h.DB, userID, deck.ID); err != nil {
		page.Cards = models.WithoutItemAnswers(page.Cards)
	}
	out := make([]cardJSON, len(page.Cards))
	for i, card := range page.Cards {
		out[i] = toCardJSON(card)
	}
	return c.JSON(fiber.Map{"deck": toDeckJSON(deck, userID), "cards": out, "page": page.Page, "pages": page.Pages(),
		"per_page": page.PerPage, "total_cards": page.Total})
}

func (h *Handlers) apiDeleteDeck(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeleteDeck(c.UserContext(), h.DB, currentUser(c).ID, id); err != nil {
		return deletionRefused(err, msgDeckAnswered)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiAddCard(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var body cardBody
	if err := readJSON(c, &body); err != nil {
		return err
	}
	in, fields := body.input()
	if fields != nil {
		return &validationError{Fields: fields}
	}
	_, card, problems, err := h.addCardToDeck(c, id, in, nil)
	if err != nil {
		return err
	}
	if problems != nil {
		return &validationError{Fields: problems}
	}
	return c.Status(fiber.StatusCreated).JSON(toCardJSON(card))
}

func (h *Handlers) apiDeleteCard(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeleteCard(c.UserContext(), h.DB, currentUser(c).ID, id); err != nil {
		return deletionRefused(err, msgItemAnswered)
	}
	return c.SendStatus(fiber.StatusNoContent)
}
