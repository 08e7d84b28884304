package handlers

import (
	"archive/zip"
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"hitpath/models"
)

// personalExport is everything an export writes, loaded before the response starts
// except the evidence bytes, which are read one file at a time while streaming.
type personalExport struct {
	userID   int64
	sections []models.ExportSection
	entries  []models.CEUEntry
	evidence []models.EvidenceFile
}

func (h *Handlers) showExportData(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/account_data", fiber.Map{"Title": "Your data"})
}

// exportMyData streams one ZIP with a JSON file per kind of record, the CEU log as
// CSV and every evidence file; only one evidence file is in memory at a time.
func (h *Handlers) exportMyData(c *fiber.Ctx) error {
	ctx, user := c.UserContext(), currentUser(c)
	export := personalExport{userID: user.ID}
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
		if err := addZipFile(zw, s.Name+".json", func(out io.Writer) error { _, err := out.Write(body); return err }); err != nil {
			return err
		}
	}
	if err := addZipFile(zw, "ceus.csv", func(out io.Writer) error { return models.WriteCEUCSV(out, e.entries) }); err != nil {
		return err
	}
	for _, f := range e.evidence {
		file, err := models.EvidenceForUser(ctx, db, e.userID, f.EntryID, f.ID)
		if err != nil {
			return err
		}
		name := fmt.Sprintf("evidence/%d-%d-%s", f.EntryID, f.ID, f.Filename)
		if err := addZipFile(zw, name, func(out io.Writer) error { _, err := out.Write(file.Content); return err }); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return w.Flush()
}

func addZipFile(zw *zip.Writer, name string, fill func(io.Writer) error) error {
	out, err := zw.Create(name)
	if err != nil {
		return fmt.Errorf("add %s to export: %w", name, err)
	}
	if err := fill(out); err != nil {
		return fmt.Errorf("write %s to export: %w", name, err)
	}
	return nil
}
