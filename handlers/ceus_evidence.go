package handlers

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

func ceuID(id int64) string { return strconv.FormatInt(id, 10) }

func (h *Handlers) showEvidence(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	return h.renderEvidence(c, fiber.StatusOK, entry, nil)
}

func (h *Handlers) renderEvidence(c *fiber.Ctx, status int, entry models.CEUEntry, fields FieldErrors) error {
	files, err := models.ListEvidence(c.UserContext(), h.DB, entry.UserID, []int64{entry.ID})
	if err != nil {
		return err
	}
	storage, err := h.evidenceStorage(c, entry.UserID)
	if err != nil {
		return err
	}
	return h.render(c, status, "pages/ceus_evidence", fiber.Map{
		"Title": "Evidence for “" + entry.Title + "”", "Entry": entry, "Files": files, "Errors": fields,
		"Storage": storage,
	})
}

// evidenceStorage is how much of their evidence quota the user takes.
func (h *Handlers) evidenceStorage(c *fiber.Ctx, userID int64) (models.EvidenceStorage, error) {
	used, err := models.EvidenceUsage(c.UserContext(), h.DB, userID)
	return models.EvidenceStorage{UsedBytes: used, QuotaBytes: h.EvidenceQuota}, err
}

// ceuReadUpload reads the multipart file field "file", at most one byte past the limit
// so an oversize file is recognised without being held whole.
func ceuReadUpload(c *fiber.Ctx) (string, []byte, string) {
	header, err := c.FormFile("file")
	if err != nil {
		return "", nil, "Choose a PDF, PNG or JPEG file to upload."
	}
	f, err := header.Open()
	if err != nil {
		return "", nil, "The file could not be read. Try again."
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, models.MaxEvidenceBytes+1))
	if err != nil {
		return "", nil, "The file could not be read. Try again."
	}
	return header.Filename, content, ""
}

func (h *Handlers) uploadEvidence(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	name, content, problem := ceuReadUpload(c)
	file := models.EvidenceFile{}
	if problem == "" {
		file, problem = models.NewEvidenceFile(name, content)
	}
	if problem != "" {
		return h.renderEvidence(c, fiber.StatusUnprocessableEntity, entry, FieldErrors{"file": problem})
	}
	err = models.AddEvidence(c.UserContext(), h.DB, entry.UserID, entry.ID, &file, h.EvidenceQuota, h.Now())
	if quota, ok := errors.AsType[*models.EvidenceQuotaError](err); ok {
		return h.renderEvidence(c, fiber.StatusUnprocessableEntity, entry, FieldErrors{"file": quota.Message()})
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/ceus/"+ceuID(entry.ID)+"/evidence", "Attached "+file.Filename+".")
}

func (h *Handlers) loadOwnEvidence(c *fiber.Ctx) (models.EvidenceFile, error) {
	entryID, err := ceuIDParam(c, "id")
	if err != nil {
		return models.EvidenceFile{}, err
	}
	fileID, err := ceuIDParam(c, "fid")
	if err != nil {
		return models.EvidenceFile{}, err
	}
	return models.EvidenceForUser(c.UserContext(), h.DB, currentUser(c).ID, entryID, fileID)
}

func (h *Handlers) downloadEvidence(c *fiber.Ctx) error {
	file, err := h.loadOwnEvidence(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, file.ContentType)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": file.Filename}))
	c.Set("X-Content-SHA256", file.SHA256)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(file.Content)
}

func (h *Handlers) deleteEvidence(c *fiber.Ctx) error {
	file, err := h.loadOwnEvidence(c)
	if err != nil {
		return err
	}
	if err := models.DeleteEvidence(c.UserContext(), h.DB, file.UserID, file.EntryID, file.ID); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/ceus/"+ceuID(file.EntryID)+"/evidence", "Removed "+file.Filename+".")
}

// evidenceJSON describes an evidence file in the API; content only when asked for.
type evidenceJSON struct {
	ID            int64  `json:"id"`
	EntryID       int64  `json:"entry_id"`
	Filename      string `json:"filename"`
	ContentType   string `json:"content_type"`
	SizeBytes     int64  `json:"size_bytes"`
	SHA256        string `json:"sha256"`
	ContentBase64 string `json:"content_base64,omitempty"`
}

func toEvidenceJSON(f models.EvidenceFile) evidenceJSON {
	return evidenceJSON{ID: f.ID, EntryID: f.EntryID, Filename: f.Filename, ContentType: f.ContentType, SizeBytes: f.SizeBytes, SHA256: f.SHA256}
}

func (h *Handlers) apiListEvidence(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	files, err := models.ListEvidence(c.UserContext(), h.DB, entry.UserID, []int64{entry.ID})
	if err != nil {
		return err
	}
	out := make([]evidenceJSON, len(files))
	for i, f := range files {
		out[i] = toEvidenceJSON(f)
	}
	storage, err := h.evidenceStorage(c, entry.UserID)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"files": out, "storage": fiber.Map{"used_bytes": storage.UsedBytes, "quota_bytes": storage.QuotaBytes}})
}

func (h *Handlers) apiUploadEvidence(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	var in struct {
		Filename      string `json:"filename"`
		ContentBase64 string `json:"content_base64"`
	}
	if err := readJSON(c, &in); err != nil {
		return err
	}
	content, err := base64.StdEncoding.DecodeString(in.ContentBase64)
	if err != nil {
		return &validationError{Fields: FieldErrors{"content_base64": "Send the file's bytes in standard base64."}}
	}
	file, problem := models.NewEvidenceFile(in.Filename, content)
	if problem != "" {
		return &validationError{Fields: FieldErrors{"content_base64": problem}}
	}
	err = models.AddEvidence(c.UserContext(), h.DB, entry.UserID, entry.ID, &file, h.EvidenceQuota, h.Now())
	if quota, ok := errors.AsType[*models.EvidenceQuotaError](err); ok {
		return c.Status(fiber.StatusRequestEntityTooLarge).JSON(apiProblem{
			Error: quota.Message(), Fields: FieldErrors{"content_base64": quota.Message()}})
	}
	if err != nil {
		return fmt.Errorf("api upload evidence: %w", err)
	}
	return c.Status(fiber.StatusCreated).JSON(toEvidenceJSON(file))
}

func (h *Handlers) apiDownloadEvidence(c *fiber.Ctx) error {
	file, err := h.loadOwnEvidence(c)
	if err != nil {
		return err
	}
	out := toEvidenceJSON(file)
	out.ContentBase64 = base64.StdEncoding.EncodeToString(file.Content)
	return c.JSON(out)
}

func (h *Handlers) apiDeleteEvidence(c *fiber.Ctx) error {
	file, err := h.loadOwnEvidence(c)
	if err != nil {
		return err
	}
	if err := models.DeleteEvidence(c.UserContext(), h.DB, file.UserID, file.EntryID, file.ID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
