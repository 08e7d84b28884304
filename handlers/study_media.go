package handlers

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// mediaCSP is the policy sent with a deck image: nothing in it may run or load, even
// if a browser were talked into rendering it as a document.
const mediaCSP = "default-src 'none'; sandbox"

// mediaView is a deck image as the media page lists it.
type mediaView struct {
	models.DeckMedia
	URL string
	KB  int64
}

func toMediaViews(media []models.DeckMedia) []mediaView {
	out := make([]mediaView, len(media))
	for i, m := range media {
		out[i] = mediaView{DeckMedia: m, URL: mediaURL(m), KB: (m.SizeBytes + 1023) / 1024}
	}
	return out
}

func mediaURL(m models.DeckMedia) string {
	return views.DeckMediaPath(m.DeckID) + models.MediaPathEscape(m.Name)
}

// mediaNameParam reads the :name segment, unescaped.
func mediaNameParam(c *fiber.Ctx) (string, error) {
	name, err := url.PathUnescape(c.Params("name"))
	if err != nil || name == "" {
		return "", models.ErrNotFound
	}
	return name, nil
}

func (h *Handlers) showDeckMedia(c *fiber.Ctx) error {
	deck, err := h.viewableDeck(c)
	if err != nil {
		return err
	}
	return h.renderDeckMedia(c, fiber.StatusOK, deck, "", nil)
}

func (h *Handlers) renderDeckMedia(c *fiber.Ctx, status int, deck models.StudyDeck, name string, errs FieldErrors) error {
	media, err := models.DeckMediaList(c.UserContext(), h.DB, deck.ID)
	if err != nil {
		return err
	}
	_, editErr := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deck.ID)
	return h.render(c, status, "pages/study_deck_media", fiber.Map{
		"Title": "Images of " + deck.Title, "Deck": deck, "Media": toMediaViews(media), "CanEdit": editErr == nil,
		"Errors": errs, "Name": name, "MaxMB": models.MaxDeckMediaBytes >> 20,
	})
}

// readMediaUpload reads the multipart file field "file", at most one byte past the
// image limit, so an oversize image is recognised without being held whole.
func readMediaUpload(c *fiber.Ctx) (string, []byte, FieldErrors) {
	header, err := c.FormFile("file")
	if err != nil {
		return "", nil, FieldErrors{"file": "Choose a PNG, JPEG, GIF or WebP image to upload."}
	}
	f, err := header.Open()
	if err != nil {
		return "", nil, FieldErrors{"file": "The file could not be read. Try again."}
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, models.MaxDeckMediaBytes+1))
	if err != nil {
		return "", nil, FieldErrors{"file": "The file could not be read. Try again."}
	}
	return header.Filename, content, nil
}

// saveDeckImage checks and stores an image in a deck userID may edit. Problems come
// back per field (file, name); a full deck is a problem of the file.
func (h *Handlers) saveDeckImage(c *fiber.Ctx, deck models.StudyDeck, name string, content []byte) (models.DeckMedia, bool, FieldErrors, error) {
	m, fields := models.NewDeckMedia(name, content)
	if fields != nil {
		return m, false, fields, nil
	}
	replaced, err := models.SaveDeckMedia(c.UserContext(), h.DB, deck.ID, &m, h.Now())
	var full models.ErrDeckMediaFull
	if errors.As(err, &full) {
		return m, false, FieldErrors{"file": full.Reason}, nil
	}
	return m, replaced, nil, err
}

func (h *Handlers) uploadDeckMedia(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	filename, content, fields := readMediaUpload(c)
	name := c.FormValue("name")
	if fields == nil {
		if name == "" {
			name = filename
		}
		var m models.DeckMedia
		var replaced bool
		m, replaced, fields, err = h.saveDeckImage(c, deck, name, content)
		if err != nil {
			return err
		}
		if fields == nil {
			verb := "Uploaded"
			if replaced {
				verb = "Replaced"
			}
			return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d/media", deck.ID),
				fmt.Sprintf("%s %s. Show it on a card with %s", verb, m.Name, m.Markdown()))
		}
	}
	return h.renderDeckMedia(c, fiber.StatusUnprocessableEntity, deck, name, fields)
}

func (h *Handlers) deleteDeckMedia(c *fiber.Ctx) error {
	deck, name, err := h.editableDeckMedia(c)
	if err != nil {
		return err
	}
	if err := models.DeleteDeckMedia(c.UserContext(), h.DB, deck.ID, name); err != nil {
		return err
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d/media", deck.ID), "Deleted "+name+". Cards that showed it now show its description instead.")
}

func (h *Handlers) editableDeckMedia(c *fiber.Ctx) (models.StudyDeck, string, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return models.StudyDeck{}, "", err
	}
	name, err := mediaNameParam(c)
	if err != nil {
		return models.StudyDeck{}, "", err
	}
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, id)
	return deck, name, err
}

// serveDeckMedia sends a deck's image to someone who may study the deck: its owner,
// a current member or an instructor of the cohort it is shared with. Anyone else gets
// 404, as for a deck that does not exist. The browser revalidates each time (so a
// member who left loses access) but downloads again only when the image changed.
func (h *Handlers) serveDeckMedia(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	name, err := mediaNameParam(c)
	if err != nil {
		return err
	}
	deck, err := models.DeckForViewer(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	m, err := models.DeckMediaByName(c.UserContext(), h.DB, deck.ID, name)
	if err != nil {
		return err
	}
	etag := `"` + m.SHA256 + `"`
	c.Set(fiber.HeaderContentType, m.ContentType)
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderContentSecurityPolicy, mediaCSP)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("inline", map[string]string{"filename": m.Name}))
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	c.Set(fiber.HeaderETag, etag)
	if c.Get(fiber.HeaderIfNoneMatch) == etag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	return c.Send(m.Content)
}
