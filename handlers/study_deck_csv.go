package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// maxDeckImportBytes caps an uploaded deck CSV, and an Anki package sent as a raw
// API body (the server's body limit is 12 MB). An Anki package sent as a multipart
// form may be up to models.MaxAnkiPackageBytes: the server streams it to a
// temporary file (see LargeUploadConfig).
const maxDeckImportBytes = 10 << 20

// deckUpload is a file sent for import, CSV text or an Anki package, read in place
// (an uploaded file stays on disk).
type deckUpload struct {
	r     io.ReaderAt
	size  int64
	close func() error // nil when there is nothing to close
}

// deckImportResult is what an import added, and the images it left out.
type deckImportResult struct {
	Added   int
	LeftOut []models.MediaLeftOut
}

// importDeckFile reads a CSV or an Anki package (.apkg) for a deck the learner may
// edit and adds its cards (and the package's images), all or nothing; a card whose
// guid the deck already holds is skipped.
func (h *Handlers) importDeckFile(c *fiber.Ctx, deckID int64, up deckUpload, defaultDomain int) (models.StudyDeck, deckImportResult, []models.ImportProblem, error) {
	var result deckImportResult
	deck, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deckID)
	if err != nil {
		return deck, result, nil, err
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, deck.CredentialCode)
	if err != nil {
		return deck, result, nil, err
	}
	head := make([]byte, 4)
	n, _ := up.r.ReadAt(head, 0)
	if models.IsAnkiPackage(head[:n]) {
		result, problems, err := h.importAnkiPackage(c, deck, up, outline, defaultDomain)
		return deck, result, problems, err
	}
	if up.size > maxDeckImportBytes {
		return deck, result, oneProblem("The file is larger than 10 MB; split it."), nil
	}
	data, err := io.ReadAll(io.NewSectionReader(up.r, 0, up.size))
	if err != nil {
		return deck, result, oneProblem("The file could not be read. Try again."), nil
	}
	// Read the file in the encoding a spreadsheet wrote it (Windows-1252, UTF-16),
	// like the CEU import, so no card is stored as invalid UTF-8.
	text, _ := models.DecodeCSVText(data)
	if strings.IndexByte(text, 0) >= 0 {
		return deck, result, oneProblem("The file is neither CSV text nor an Anki package (.apkg): save it as CSV UTF-8, or export the deck from Anki as a package."), nil
	}
	cards, problems := models.ParseDeckCSV([]byte(text), outline, deck.CredentialCode, defaultDomain)
	if problems != nil {
		return deck, result, problems, nil
	}
	added, err := models.CreateCards(c.UserContext(), h.DB, deck.ID, cards, h.Now())
	result.Added = len(added)
	return deck, result, nil, err
}

func (h *Handlers) importAnkiPackage(c *fiber.Ctx, deck models.StudyDeck, up deckUpload, outline []models.ExamDomain, domain int) (deckImportResult, []models.ImportProblem, error) {
	var result deckImportResult
	if up.size > models.MaxAnkiPackageBytes {
		return result, oneProblem(fmt.Sprintf("The package is larger than %d MB; export the deck in parts.", models.MaxAnkiPackageBytes>>20)), nil
	}
	pkg, err := models.ReadAnkiPackage(c.UserContext(), up.r, up.size)
	var refused models.ErrAnkiPackage
	if errors.As(err, &refused) {
		return result, oneProblem(refused.Reason), nil
	}
	if err != nil {
		return result, nil, err
	}
	cards, problems := models.AnkiNotesToCards(pkg.Notes, outline, deck.CredentialCode, domain)
	if problems != nil {
		return result, problems, nil
	}
	plan := pkg.PlanAnkiImport(cards)
	added, err := models.SaveAnkiImport(c.UserContext(), h.DB, deck.ID, &plan, h.Now())
	var full models.ErrDeckMediaFull
	if errors.As(err, &full) {
		return result, oneProblem(full.Reason), nil
	}
	return deckImportResult{Added: len(added), LeftOut: plan.LeftOut}, nil, err
}

func oneProblem(message string) []models.ImportProblem {
	return []models.ImportProblem{{Line: 1, Message: message}}
}

func (h *Handlers) exportDeckCSV(c *fiber.Ctx) error {
	deck, err := h.viewableDeck(c)
	if err != nil {
		return err
	}
	cards, err := models.DeckCards(c.UserContext(), h.DB, deck.ID)
	if err != nil {
		return err
	}
	if _, err := models.DeckForEditor(c.UserContext(), h.DB, currentUser(c).ID, deck.ID); err != nil {
		cards = models.WithoutItemAnswers(cards)
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
	up := deckUpload{r: bytes.NewReader(nil)}
	if header, err := c.FormFile("file"); err == nil {
		f, err := header.Open()
		if err != nil {
			return fiber.NewError(fiber.StatusBadRequest, "The file could not be read. Try again.")
		}
		defer f.Close()
		up = deckUpload{r: f, size: header.Size}
	}
	domain := c.QueryInt("domain")
	if v := c.FormValue("domain"); v != "" {
		fmt.Sscan(v, &domain)
	}
	deck, result, problems, err := h.importDeckFile(c, id, up, domain)
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
	message := fmt.Sprintf("Imported %d cards.", result.Added)
	if n := len(result.LeftOut); n > 0 {
		message += fmt.Sprintf(" %d images were left out (each card says which); the first: %s — %s",
			n, result.LeftOut[0].Name, result.LeftOut[0].Reason)
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/decks/%d", deck.ID), message)
}

func (h *Handlers) apiImportDeckCSV(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	up, domain, err := apiDeckUpload(c)
	if err != nil {
		return err
	}
	if up.close != nil {
		defer up.close()
	}
	_, result, problems, err := h.importDeckFile(c, id, up, domain)
	if err != nil {
		return err
	}
	if problems != nil {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{
			"error": "Nothing was imported: fix the lines listed and send the file again.", "problems": problems})
	}
	leftOut := result.LeftOut
	if leftOut == nil {
		leftOut = []models.MediaLeftOut{}
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"imported": result.Added, "images_left_out": leftOut})
}

// apiDeckUpload reads an API import: a multipart form's "file" (streamed to disk by
// the server, up to 100 MB), a JSON {"csv", "default_domain"}, or the file as the body.
func apiDeckUpload(c *fiber.Ctx) (deckUpload, int, error) {
	domain := c.QueryInt("default_domain")
	media, _, _ := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	switch media {
	case fiber.MIMEMultipartForm:
		header, err := c.FormFile("file")
		if err != nil {
			return deckUpload{}, 0, &validationError{Fields: FieldErrors{"file": "Send the CSV or .apkg file in the form field \"file\"."}}
		}
		f, err := header.Open()
		if err != nil {
			return deckUpload{}, 0, fiber.NewError(fiber.StatusBadRequest, "The file could not be read. Try again.")
		}
		if v := c.FormValue("default_domain"); v != "" {
			fmt.Sscan(v, &domain)
		}
		return deckUpload{r: f, size: header.Size, close: f.Close}, domain, nil
	case fiber.MIMEApplicationJSON:
		var in struct {
			CSV           string `json:"csv" api:"required"`
			DefaultDomain int    `json:"default_domain"`
		}
		if err := readJSON(c, &in); err != nil {
			return deckUpload{}, 0, err
		}
		return deckUpload{r: strings.NewReader(in.CSV), size: int64(len(in.CSV))}, in.DefaultDomain, nil
	}
	body := c.Body()
	return deckUpload{r: bytes.NewReader(body), size: int64(len(body))}, domain, nil
}
