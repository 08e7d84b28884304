package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// maxDeckImportBytes caps an uploaded deck CSV or Anki package (the server's body
// limit is 12 MB).
const maxDeckImportBytes = 10 << 20

// importDeckCSV reads a CSV or an Anki package (.apkg) for a deck the learner may edit
// and adds its cards, all or nothing; a card whose guid the deck already holds is skipped.
func (h *Handlers) importDeckCSV(c *fiber.Ctx, deckID int64, data []byte, defaultDomain int) (models.StudyDeck, int, []models.ImportProblem, error) {
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deckID)
	if err != nil {
		return deck, 0, nil, err
	}
	if len(data) > maxDeckImportBytes {
		return deck, 0, []models.ImportProblem{{Line: 1, Message: "The file is larger than 10 MB; split it."}}, nil
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return deck, 0, nil, err
	}
	cards, problems, err := h.parseDeckFile(c, data, outline, deck.CredentialCode, defaultDomain)
	if err != nil {
		return deck, 0, nil, err
	}
	if problems != nil {
		return deck, 0, problems, nil
	}
	added, err := models.CreateCards(c.UserContext(), h.DB, deck.ID, cards, h.Now())
	return deck, len(added), nil, err
}

func (h *Handlers) parseDeckFile(c *fiber.Ctx, data []byte, outline []models.ExamDomain, code string, domain int) ([]models.StudyCard, []models.ImportProblem, error) {
	if !models.IsAnkiPackage(data) {
		cards, problems := models.ParseDeckCSV(data, outline, code, domain)
		return cards, problems, nil
	}
	notes, err := models.ReadAnkiPackage(c.UserContext(), data)
	var refused models.ErrAnkiPackage
	if errors.As(err, &refused) {
		return nil, []models.ImportProblem{{Line: 1, Message: refused.Reason}}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	cards, problems := models.AnkiNotesToCards(notes, outline, code, domain)
	return cards, problems, nil
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
