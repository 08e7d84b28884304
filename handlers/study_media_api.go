package handlers

import (
	"encoding/base64"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// mediaJSON is a deck image in the API: its name, the Markdown that shows it on a
// card, and where to fetch it.
type mediaJSON struct {
	models.DeckMedia
	Markdown string `json:"markdown"`
	URL      string `json:"url"`
}

func toMediaJSON(m models.DeckMedia) mediaJSON {
	return mediaJSON{DeckMedia: m, Markdown: m.Markdown(), URL: fmt.Sprintf("/api/v1/decks/%d/media/", m.DeckID) + models.MediaPathEscape(m.Name)}
}

func (h *Handlers) apiListDeckMedia(c *fiber.Ctx) error {
	deck, err := h.viewableDeck(c)
	if err != nil {
		return err
	}
	media, err := models.DeckMediaList(c.UserContext(), h.DB, deck.ID)
	if err != nil {
		return err
	}
	out := make([]mediaJSON, len(media))
	for i, m := range media {
		out[i] = toMediaJSON(m)
	}
	return c.JSON(fiber.Map{"media": out})
}

func (h *Handlers) apiUploadDeckMedia(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	var in struct {
		Name          string `json:"name"`
		ContentBase64 string `json:"content_base64"`
	}
	if err := readJSON(c, &in); err != nil {
		return err
	}
	content, err := base64.StdEncoding.DecodeString(in.ContentBase64)
	if err != nil {
		return &validationError{Fields: FieldErrors{"content_base64": "Send the image's bytes in standard base64."}}
	}
	m, replaced, fields, err := h.saveDeckImage(c, deck, in.Name, content)
	if err != nil {
		return err
	}
	if fields != nil {
		if problem, ok := fields["file"]; ok {
			fields = FieldErrors{"content_base64": problem}
		}
		return &validationError{Fields: fields}
	}
	status := fiber.StatusCreated
	if replaced {
		status = fiber.StatusOK
	}
	m.Content = nil
	return c.Status(status).JSON(toMediaJSON(m))
}

func (h *Handlers) apiDeleteDeckMedia(c *fiber.Ctx) error {
	deck, name, err := h.editableDeckMedia(c)
	if err != nil {
		return err
	}
	if err := models.DeleteDeckMedia(c.UserContext(), h.DB, deck.ID, name); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
