package handlers

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// buildAuditPDF writes the audit PDF of t into a temporary file and returns it open
// at its start; the caller closes and removes it. Evidence is read from the database
// one file at a time: images become pages of the transcript, PDFs are written to the
// work directory and merged from there.
func (h *Handlers) buildAuditPDF(ctx context.Context, t ceuTranscript) (*os.File, error) {
	dir, err := os.MkdirTemp("", "hitpath-audit-*")
	if err != nil {
		return nil, fmt.Errorf("audit pdf work directory: %w", err)
	}
	defer os.RemoveAll(dir)
	doc := newTranscriptPDF(t)
	var pdfPaths []string
	err = eachEvidenceContent(ctx, h.DB, evidenceInOrder(t), func(f models.EvidenceFile) error {
		if f.ContentType != "application/pdf" {
			addImagePages(doc, []models.EvidenceFile{f})
			return nil
		}
		path := filepath.Join(dir, fmt.Sprintf("evidence-%d.pdf", f.ID))
		pdfPaths = append(pdfPaths, path)
		return os.WriteFile(path, f.Content, 0o600)
	})
	if err != nil {
		return nil, err
	}
	first := filepath.Join(dir, "transcript.pdf")
	if err := doc.OutputFileAndClose(first); err != nil {
		return nil, fmt.Errorf("write audit pdf: %w", err)
	}
	out, err := os.CreateTemp("", "hitpath-audit-*.pdf")
	if err != nil {
		return nil, fmt.Errorf("audit pdf output: %w", err)
	}
	if err := mergePDFFiles(append([]string{first}, pdfPaths...), out); err != nil {
		out.Close()
		os.Remove(out.Name())
		h.Log.Warn("merge audit pdf", "err", err)
		return nil, fiber.NewError(fiber.StatusUnprocessableEntity, "One of your evidence PDFs could not be merged. Download the audit pack as a ZIP instead.")
	}
	if _, err := out.Seek(0, io.SeekStart); err != nil {
		out.Close()
		os.Remove(out.Name())
		return nil, fmt.Errorf("rewind audit pdf: %w", err)
	}
	return out, nil
}

// mergePDFFiles joins the PDFs at paths, in order, into w.
func mergePDFFiles(paths []string, w io.Writer) error {
	var readers []io.ReadSeeker
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		readers = append(readers, f)
	}
	return mergePDFs(readers, w)
}
