package handlers

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// Editing a card or item: the page (GET and POST /study/cards/:id/edit) and the API
// (PUT /api/v1/cards/:id), for those who may edit its deck.

// editCard validates in as an edit of the card named by the path and saves it. It
// returns the card as saved (or as typed, with field errors) and its deck.
func (h *Handlers) editCard(c *fiber.Ctx, in models.CardInput, unread FieldErrors) (models.StudyCard, models.StudyDeck, map[string]string, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return models.StudyCard{}, models.StudyDeck{}, nil, err
	}
	existing, deck, err := models.CardForEditor(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return existing, deck, nil, err
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return existing, deck, nil, err
	}
	edited, problems := models.ValidateCardEdit(existing, in, outline, deck.CredentialCode)
	if fields := mergeFields(unread, problems); fields != nil {
		return edited, deck, fields, nil
	}
	saved, err := models.UpdateCard(c.UserContext(), h.DB, edited, h.Now())
	return saved, deck, nil, err
}

func (h *Handlers) showCardEdit(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	card, deck, err := models.CardForEditor(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	return h.renderCardEdit(c, fiber.StatusOK, card, deck, cardFormOf(card), nil)
}

func (h *Handlers) saveCardEdit(c *fiber.Ctx) error {
	form, unread, err := readCardForm(c)
	if err != nil {
		return err
	}
	card, deck, fields, err := h.editCard(c, form.input(), unread)
	if err != nil {
		return err
	}
	if fields != nil {
		return h.renderCardEdit(c, fiber.StatusUnprocessableEntity, card, deck, form, fields)
	}
	back, err := h.cardOnDeckPage(c, card)
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, back, "Card saved.")
}

// cardOnDeckPage is the address of the deck page that shows card, at the card.
func (h *Handlers) cardOnDeckPage(c *fiber.Ctx, card models.StudyCard) (string, error) {
	page, err := models.CardPageNumber(c.UserContext(), h.DB, card)
	return fmt.Sprintf("/study/decks/%d?page=%d#card-%d", card.DeckID, page, card.ID), err
}

func (h *Handlers) renderCardEdit(c *fiber.Ctx, status int, card models.StudyCard, deck models.StudyDeck, form cardForm, fields map[string]string) error {
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return err
	}
	back, err := h.cardOnDeckPage(c, card)
	if err != nil {
		return err
	}
	form.Kind = card.Kind
	return h.render(c, status, "pages/study_card_edit", fiber.Map{"Title": "Edit card", "CardID": card.ID, "Deck": deck,
		"Form": form, "Errors": fields, "Outline": outline, "Back": back})
}

// cardFormOf fills the edit form from a stored card.
func cardFormOf(c models.StudyCard) cardForm {
	correct := ""
	if c.Kind == models.KindItem {
		correct = c.CorrectLetter()
	}
	return cardForm{Kind: c.Kind, Domain: c.DomainPosition, Front: c.Front, Back: c.Back, OptionA: c.OptionA,
		OptionB: c.OptionB, OptionC: c.OptionC, OptionD: c.OptionD, Correct: correct, Explanation: c.Explanation,
		Tags: c.Tags, Source: c.Source}
}

func (h *Handlers) apiUpdateCard(c *fiber.Ctx) error {
	var body cardBody
	if err := readJSON(c, &body); err != nil {
		return err
	}
	in, fields := body.input()
	if fields != nil {
		return &validationError{Fields: fields}
	}
	card, _, problems, err := h.editCard(c, in, nil)
	if err != nil {
		return err
	}
	if problems != nil {
		return &validationError{Fields: problems}
	}
	return c.JSON(toCardJSON(card))
}
