package handlers

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// shareForm shares a deck with a cohort; CohortID 0 (or null) makes it private again.
type shareForm struct {
	CohortID *int64 `form:"cohort_id" json:"cohort_id" api:"required"`
}

func (f shareForm) target() *int64 {
	if f.CohortID == nil || *f.CohortID <= 0 {
		return nil
	}
	return f.CohortID
}

// shareDeck shares the owner's deck with a cohort they teach (members study it, its
// instructors may edit it) or makes it private.
func (h *Handlers) shareDeck(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var form shareForm
	unread, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	if unread != nil {
		return h.refuseDeckForm(c, id, cardForm{}, unread)
	}
	deck, err := models.ShareDeck(c.UserContext(), h.DB, currentUser(c).ID, id, form.target(), h.Now())
	if err != nil {
		return err
	}
	msg := "The deck is private again."
	if deck.CohortID != nil {
		msg = "Shared: the cohort's members can study this deck; its instructors can edit it."
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deck.ID), msg)
}

func (h *Handlers) apiShareDeck(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var form shareForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	userID := currentUser(c).ID
	deck, err := models.ShareDeck(c.UserContext(), h.DB, userID, id, form.target(), h.Now())
	if err != nil {
		return err
	}
	return c.JSON(toDeckJSON(deck, userID))
}

// deckTeachingData adds what the owner and editors of a deck see: the cohorts it can be
// shared with and each item's statistics over first attempts.
func (h *Handlers) deckTeachingData(c *fiber.Ctx, deck models.StudyDeck, cards []cardView, data fiber.Map) error {
	user := currentUser(c)
	if deck.OwnerID == user.ID {
		cohorts, err := models.CohortsForInstructor(c.UserContext(), h.DB, user.ID, false)
		if err != nil {
			return err
		}
		data["ShareCohorts"] = cohorts
	}
	stats, err := models.DeckItemStats(c.UserContext(), h.DB, user.ID, deck.ID)
	if err != nil {
		return err
	}
	data["ItemStats"] = stats
	mastery, err := models.CohortMastery(c.UserContext(), h.DB, user.ID, deck.ID)
	data["Mastery"] = mastery
	return err
}

func (h *Handlers) apiCohortMastery(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	mastery, err := models.CohortMastery(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	out := make([]fiber.Map, len(mastery))
	for i, m := range mastery {
		out[i] = fiber.Map{"domain_position": m.Position, "answers": m.Answers, "correct": m.Correct, "percent": m.Percent()}
	}
	return c.JSON(fiber.Map{"domains": out})
}
