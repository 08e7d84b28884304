package handlers

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"hitpath/models"
)

// setDownloadHeaders marks the response as a private file download.
func setDownloadHeaders(c *fiber.Ctx, contentType, filename string) {
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
}

// streamDownload sends what write produces as the body, chunk by chunk, after the
// handler returns, so a large export is never held whole in memory. done runs once
// the last byte is written or the write failed. write must not touch c: Fiber reuses
// the context once the handler has returned. A failure half-way is logged; the client
// gets a truncated file that its reader refuses (a ZIP without its directory, a PDF
// without its trailer), never a file that looks whole.
func (h *Handlers) streamDownload(c *fiber.Ctx, contentType, filename string, done func(), write func(w io.Writer) error) error {
	setDownloadHeaders(c, contentType, filename)
	path, log := c.Path(), h.Log
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		defer done()
		if err := write(w); err != nil {
			log.Error("stream download", "path", path, "err", err)
			return
		}
		if err := w.Flush(); err != nil {
			log.Info("stream download: client went away", "path", path, "err", err)
		}
	})
	return nil
}

// evidenceInOrder lists a transcript's evidence files (without content) in the order
// of its entries.
func evidenceInOrder(t ceuTranscript) []models.EvidenceFile {
	var files []models.EvidenceFile
	for _, e := range t.Entries {
		files = append(files, t.Evidence[e.ID]...)
	}
	return files
}

// eachEvidenceContent loads the content of files one at a time and hands each to fn,
// so no more than one evidence file is in memory at once.
func eachEvidenceContent(ctx context.Context, db *gorm.DB, files []models.EvidenceFile, fn func(models.EvidenceFile) error) error {
	for _, listed := range files {
		f, err := models.EvidenceForUser(ctx, db, listed.UserID, listed.EntryID, listed.ID)
		if err != nil {
			return fmt.Errorf("load evidence %d: %w", listed.ID, err)
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}
