package handlers

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"hitpath/models"
)

// personalExport is everything an export writes, loaded before the response starts
// except the evidence and deck image bytes, which are read one file at a time while
// streaming.
type personalExport struct {
	userID   int64
	at       time.Time // when the export was made: the date of the JSON and CSV entries
	sections []models.ExportSection
	entries  []models.CEUEntry
	evidence []models.EvidenceFile
	images   []models.DeckMedia
}

func (h *Handlers) showExportData(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/account_data", fiber.Map{"Title": "Your data"})
}

// exportMyData streams one ZIP with a JSON file per kind of record, the CEU log as
// CSV, every evidence file and every image of the user's decks; only one of those
// files is in memory at a time.
func (h *Handlers) exportMyData(c *fiber.Ctx) error {
	ctx, user := c.UserContext(), currentUser(c)
	export := personalExport{userID: user.ID, at: h.Now()}
	var err error
	if export.sections, err = models.PersonalDataSections(ctx, h.DB, user.ID); err != nil {
		return err
	}
	if export.entries, err = models.ListCEUEntries(ctx, h.DB, user.ID, models.CEUFilter{}); err != nil {
		return err
	}
	if export.evidence, err = models.EvidenceToExport(ctx, h.DB, user.ID); err != nil {
		return err
	}
	if export.images, err = models.DeckImagesToExport(ctx, h.DB, user.ID); err != nil {
		return err
	}
	name := "hitpath-data-" + h.today(c).Format("2006-01-02") + ".zip"
	c.Set(fiber.HeaderContentType, "application/zip")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	db, log := h.DB, h.Log
	// The writer runs after the handler returns, when c is no longer ours: it uses
	// only the values copied above.
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		if err := export.write(context.Background(), db, w); err != nil {
			log.Error("stream personal data export", "user", export.userID, "err", err)
		}
	})
	return nil
}

func (e personalExport) write(ctx context.Context, db *gorm.DB, w *bufio.Writer) error {
	zw := zip.NewWriter(w)
	for _, s := range e.sections {
		body, err := json.MarshalIndent(s.Rows, "", "  ")
		if err != nil {
			return fmt.Errorf("encode %s: %w", s.Name, err)
		}
		if err := addZipFile(zw, s.Name+".json", e.at, writeBytes(body)); err != nil {
			return err
		}
	}
	if err := addZipFile(zw, "ceus.csv", e.at, func(out io.Writer) error { return models.WriteCEUCSV(out, e.entries) }); err != nil {
		return err
	}
	if err := e.writeEvidence(ctx, db, zw, w); err != nil {
		return err
	}
	if err := e.writeDeckImages(ctx, db, zw, w); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return w.Flush()
}

// writeEvidence adds the evidence files one at a time, flushing each to the client;
// a file deleted since the export started is left out.
func (e personalExport) writeEvidence(ctx context.Context, db *gorm.DB, zw *zip.Writer, w *bufio.Writer) error {
	for _, f := range e.evidence {
		file, err := models.EvidenceForUser(ctx, db, e.userID, f.EntryID, f.ID)
		if errors.Is(err, models.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		name := fmt.Sprintf("evidence/%d-%d-%s", f.EntryID, f.ID, f.Filename)
		if err := addZipFile(zw, name, file.CreatedAt, writeBytes(file.Content)); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// writeDeckImages adds the images of the user's decks one at a time, by deck, under
// the names the cards use; an image deleted since the export started is left out.
func (e personalExport) writeDeckImages(ctx context.Context, db *gorm.DB, zw *zip.Writer, w *bufio.Writer) error {
	for _, m := range e.images {
		image, err := models.DeckMediaByName(ctx, db, m.DeckID, m.Name)
		if errors.Is(err, models.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		name := fmt.Sprintf("study_deck_images/%d/%s", m.DeckID, m.Name)
		if err := addZipFile(zw, name, image.CreatedAt, writeBytes(image.Content)); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}

func writeBytes(body []byte) func(io.Writer) error {
	return func(out io.Writer) error { _, err := out.Write(body); return err }
}

// addZipFile adds one compressed entry dated modified (without a date, a ZIP entry
// shows as 1980), in UTC as the ZIP's extended time field says, like the audit pack.
func addZipFile(zw *zip.Writer, name string, modified time.Time, fill func(io.Writer) error) error {
	out, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified.UTC()})
	if err != nil {
		return fmt.Errorf("add %s to export: %w", name, err)
	}
	if err := fill(out); err != nil {
		return fmt.Errorf("write %s to export: %w", name, err)
	}
	return nil
}
