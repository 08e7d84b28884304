package handlers

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// maxDeckImportBytes caps an uploaded deck CSV.
const maxDeckImportBytes = 4 << 20

// importDeckCSV parses a CSV for a deck the learner may edit and adds its cards, all
// or nothing; a card whose guid the deck already holds is skipped.
func (h *Handlers) importDeckCSV(c *fiber.Ctx, deckID int64, data []byte, defaultDomain int) (models.StudyDeck, int, []models.ImportProblem, error) {
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deckID)
	if err != nil {
		return deck, 0, nil, err
	}
	if len(data) > maxDeckImportBytes {
		return deck, 0, []models.ImportProblem{{Line: 1, Message: "The file is larger than 4 MB; split it."}}, nil
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return deck, 0, nil, err
	}
	cards, problems := models.ParseDeckCSV(data, outline, deck.CredentialCode, defaultDomain)
	if problems != nil {
		return deck, 0, problems, nil
	}
	added, err := models.CreateCards(c.UserContext(), h.DB, deck.ID, cards, h.Now())
	return deck, len(added), nil, err
}

func (h *Handlers) exportDeckCSV(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	deck, err := models.DeckForViewer(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	cards, err := models.DeckCards(c.UserContext(), h.DB, deck.ID)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := models.WriteDeckCSV(&buf, cards); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="deck-%d.csv"`, deck.ID))
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(buf.Bytes())
}

func (h *Handlers) importDeckPage(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var data []byte
	if header, err := c.FormFile("file"); err == nil {
		f, err := header.Open()
		if err != nil {
			return fiber.NewError(fiber.StatusBadRequest, "The file could not be read. Try again.")
		}
		defer f.Close()
		if data, err = io.ReadAll(io.LimitReader(f, maxDeckImportBytes+1)); err != nil {
			return fiber.NewError(fiber.StatusBadRequest, "The file could not be read. Try again.")
		}
	}
	domain := c.QueryInt("domain")
	if v := c.FormValue("domain"); v != "" {
		fmt.Sscan(v, &domain)
	}
	deck, n, problems, err := h.importDeckCSV(c, id, data, domain)
	if err != nil {
		return err
	}
	if problems != nil {
		data, err := h.deckPageData(c, deck, cardForm{}, nil)
		if err != nil {
			return err
		}
		data["ImportProblems"] = problems
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study_deck", data)
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deck.ID), fmt.Sprintf("Imported %d cards.", n))
}

func (h *Handlers) apiImportDeckCSV(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	text, domain := c.Body(), c.QueryInt("default_domain")
	if strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
		var in struct {
			CSV           string `json:"csv"`
			DefaultDomain int    `json:"default_domain"`
		}
		if err := readJSON(c, &in); err != nil {
			return err
		}
		text, domain = []byte(in.CSV), in.DefaultDomain
	}
	_, n, problems, err := h.importDeckCSV(c, id, text, domain)
	if err != nil {
		return err
	}
	if problems != nil {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{
			"error": "Nothing was imported: fix the lines listed and send the file again.", "problems": problems})
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"imported": n})
}
