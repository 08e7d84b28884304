package handlers

import (
	"errors"
	"fmt"
	"html/template"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// cardForm is the add-card form of the deck page.
type cardForm struct {
	Kind        string `form:"kind"`
	Domain      int    `form:"domain_position"`
	Front       string `form:"front"`
	Back        string `form:"back"`
	OptionA     string `form:"option_a"`
	OptionB     string `form:"option_b"`
	OptionC     string `form:"option_c"`
	OptionD     string `form:"option_d"`
	Correct     string `form:"correct"`
	Explanation string `form:"explanation"`
	Tags        string `form:"tags"`
	Source      string `form:"source"`
}

// readCardForm reads a posted card form. A domain that does not read is left to
// ValidateCardInput, which asks to choose one of the exam's domains: the field is a
// list, where "enter a whole number" would puzzle.
func readCardForm(c *fiber.Ctx) (cardForm, FieldErrors, error) {
	var form cardForm
	unread, err := formFieldProblems(readForm(c, &form))
	delete(unread, "domain_position")
	return form, unread, err
}

func (f cardForm) input() models.CardInput {
	return models.CardInput{Kind: f.Kind, Domain: f.Domain, Front: f.Front, Back: f.Back,
		Options: [4]string{f.OptionA, f.OptionB, f.OptionC, f.OptionD}, Correct: f.Correct,
		Explanation: f.Explanation, Tags: f.Tags, Source: f.Source}
}

// cardView is a card as the deck and review pages show it: its Markdown rendered
// safely, its images only the deck's own.
type cardView struct {
	models.StudyCard
	FrontHTML, BackHTML, ExplanationHTML template.HTML
	OptionsHTML                          []template.HTML
}

func renderCard(c models.StudyCard) (cardView, error) {
	v := cardView{StudyCard: c}
	var err error
	if v.FrontHTML, err = views.RenderCardMarkdown(c.Front, c.DeckID); err != nil {
		return v, err
	}
	if v.BackHTML, err = views.RenderCardMarkdown(c.Back, c.DeckID); err != nil {
		return v, err
	}
	if v.ExplanationHTML, err = views.RenderCardMarkdown(c.Explanation, c.DeckID); err != nil {
		return v, err
	}
	for _, o := range c.Options() {
		html, err := views.RenderCardMarkdown(o, c.DeckID)
		if err != nil {
			return v, err
		}
		v.OptionsHTML = append(v.OptionsHTML, html)
	}
	return v, nil
}

func (h *Handlers) decksPageData(c *fiber.Ctx, in models.DeckInput, errs FieldErrors) (fiber.Map, error) {
	decks, err := models.VisibleDecks(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Title": "Study decks", "Decks": decks, "Input": in, "Errors": errs,
		"Exams": []string{string(models.TargetCCA), string(models.TargetRHIT), string(models.TargetODS)}}, nil
}

func (h *Handlers) showDecks(c *fiber.Ctx) error {
	data, err := h.decksPageData(c, models.DeckInput{}, nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/study_decks", data)
}

func (h *Handlers) createDeck(c *fiber.Ctx) error {
	var in models.DeckInput
	if err := readForm(c, &in); err != nil {
		return err
	}
	deck, fields := models.ValidateDeckInput(in)
	if fields != nil {
		data, err := h.decksPageData(c, in, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study_decks", data)
	}
	if err := models.CreateDeck(c.UserContext(), h.DB, currentUser(c).ID, &deck, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deck.ID), "Deck created. Add its first card below.")
}

func (h *Handlers) deckPageData(c *fiber.Ctx, deck models.StudyDeck, form cardForm, errs FieldErrors) (fiber.Map, error) {
	userID := currentUser(c).ID
	page, err := models.DeckCardsPage(c.UserContext(), h.DB, deck.ID, c.QueryInt("page", 1))
	if err != nil {
		return nil, err
	}
	_, editErr := models.DeckForEditor(c.UserContext(), h.DB, userID, deck.ID)
	if editErr != nil {
		page.Cards = models.WithoutItemAnswers(page.Cards)
	}
	views := make([]cardView, len(page.Cards))
	for i, card := range page.Cards {
		if views[i], err = renderCard(card); err != nil {
			return nil, err
		}
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return nil, err
	}
	if form.Kind == "" {
		form.Kind = models.KindFlashcard
	}
	data := fiber.Map{"Title": deck.Title, "Deck": deck, "Cards": views, "Outline": outline, "Form": form,
		"FirstNumber": page.FirstNumber(), "Pager": newPager(fmt.Sprintf("/study/decks/%d", deck.ID), url.Values{}, page.Page, page.Pages()),
		"Errors": errs, "CanEdit": editErr == nil, "Owned": deck.OwnerID == userID}
	if editErr == nil {
		if err := h.deckTeachingData(c, deck, views, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}

func (h *Handlers) showDeck(c *fiber.Ctx) error {
	deck, err := h.viewableDeck(c)
	if err != nil {
		return err
	}
	data, err := h.deckPageData(c, deck, cardForm{}, nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/study_deck", data)
}

// addCardToDeck validates a card for a deck userID may edit and saves it; unread holds
// the form's fields that did not read (readForm), refused alongside the card's checks.
func (h *Handlers) addCardToDeck(c *fiber.Ctx, deckID int64, in models.CardInput, unread FieldErrors) (models.StudyDeck, models.StudyCard, map[string]string, error) {
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deckID)
	if err != nil {
		return deck, models.StudyCard{}, nil, err
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return deck, models.StudyCard{}, nil, err
	}
	card, problems := models.ValidateCardInput(in, outline, deck.CredentialCode)
	if fields := mergeFields(unread, problems); fields != nil {
		return deck, card, fields, nil
	}
	added, err := models.CreateCards(c.UserContext(), h.DB, deck.ID, []models.StudyCard{card}, h.Now())
	if err != nil {
		return deck, card, nil, err
	}
	return deck, added[0], nil, nil
}

func (h *Handlers) addCard(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	form, unread, err := readCardForm(c)
	if err != nil {
		return err
	}
	deck, _, fields, err := h.addCardToDeck(c, id, form.input(), unread)
	if err != nil {
		return err
	}
	if fields != nil {
		data, err := h.deckPageData(c, deck, form, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study_deck", data)
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deck.ID), "Card added.")
}

// refuseDeckForm re-shows the deck page of a deck the user may edit with the
// problems of a form posted on it.
func (h *Handlers) refuseDeckForm(c *fiber.Ctx, deckID int64, form cardForm, fields FieldErrors) error {
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deckID)
	if err != nil {
		return err
	}
	data, err := h.deckPageData(c, deck, form, fields)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusUnprocessableEntity, "pages/study_deck", data)
}

func (h *Handlers) deleteDeck(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	err = models.DeleteDeck(c.UserContext(), h.DB, currentUser(c).ID, id)
	if errors.Is(err, models.ErrAnsweredByOthers) { // back to the deck, where its sharing is
		return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", id), msgDeckAnswered)
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/study/decks", "Deck deleted.")
}

func (h *Handlers) deleteCard(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	deckID, err := models.CardDeckID(c.UserContext(), h.DB, id)
	if err != nil {
		return err
	}
	err = models.DeleteCard(c.UserContext(), h.DB, currentUser(c).ID, id)
	if errors.Is(err, models.ErrAnsweredByOthers) {
		return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deckID), msgItemAnswered)
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deckID), "Card deleted.")
}

// viewableDeck is the deck named by the path's id that the signed-in user may view
// (owner, cohort member or instructor); models.ErrNotFound otherwise.
func (h *Handlers) viewableDeck(c *fiber.Ctx) (models.StudyDeck, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return models.StudyDeck{}, err
	}
	return models.DeckForViewer(c.UserContext(), h.DB, currentUser(c).ID, id)
}

// What a refused deletion says (409): other learners' submitted quiz results hold
// answers to the deck's items.
const (
	msgDeckAnswered = "Learners have answered this deck's items in submitted quizzes, and deleting it would remove those answers from their results. Stop sharing the deck instead: members no longer study it and their results stay whole."
	msgItemAnswered = "Learners have answered this item in submitted quizzes, and deleting it would remove those answers from their results."
)

// deletionRefused words models.ErrAnsweredByOthers as a 409 with message; other
// errors pass through.
func deletionRefused(err error, message string) error {
	if errors.Is(err, models.ErrAnsweredByOthers) {
		return fiber.NewError(fiber.StatusConflict, message)
	}
	return err
}
