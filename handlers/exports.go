package handlers

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

func (h *Handlers) exportCEUCSV(c *fiber.Ctx) error {
	entries, err := models.ListCEUEntries(c.UserContext(), h.DB, currentUser(c).ID, models.CEUFilter{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := models.WriteCEUCSV(&buf, entries); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="ceus.csv"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(buf.Bytes())
}

// cycleTranscript loads the transcript of the cycle the query names (default: the
// current one). An unknown cycle is a 404.
func (h *Handlers) cycleTranscript(c *fiber.Ctx, withEvidence bool) (ceuTranscript, error) {
	holder, err := h.loadHolder(c)
	if err != nil {
		return ceuTranscript{}, err
	}
	p, ok := holder.Cycle(c.Query("cycle"))
	if c.Query("cycle") == "" {
		p, ok = holder.DefaultCycle()
	}
	if !ok {
		return ceuTranscript{}, fiber.NewError(fiber.StatusNotFound, "No such cycle: add a credential first, or pick a cycle from the list.")
	}
	user := currentUser(c)
	entries, err := models.ListCEUEntries(c.UserContext(), h.DB, user.ID, models.CEUFilter{From: p.Cycle.Start, To: p.Cycle.End})
	if err != nil {
		return ceuTranscript{}, err
	}
	t := ceuTranscript{Name: user.Name, Email: user.Email, Cycle: p, Entries: entries, Generated: holder.Today,
		Certificates: transcriptCertificates(holder.Held, p.Credentials)}
	if withEvidence {
		files, err := models.ListEvidence(c.UserContext(), h.DB, user.ID, ceuEntryIDs(t.Entries))
		if err != nil {
			return t, err
		}
		t.Evidence = map[int64][]models.EvidenceFile{}
		for _, f := range files {
			t.Evidence[f.EntryID] = append(t.Evidence[f.EntryID], f)
		}
	}
	return t, nil
}

// transcriptCertificates names the certificate number of each credential counting
// in the cycle, for whoever audits the transcript.
func transcriptCertificates(held []models.HeldCredential, codes []string) []string {
	var out []string
	for _, h := range held {
		if !slices.Contains(codes, h.CredentialCode) {
			continue
		}
		number := h.CertificateNumber
		if number == "" {
			number = "not recorded"
		}
		out = append(out, h.CredentialCode+" certificate "+number)
	}
	return out
}

func ceuEntryIDs(entries []models.CEUEntry) []int64 {
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

func ceuSendDownload(c *fiber.Ctx, contentType, filename string, body []byte) error {
	setDownloadHeaders(c, contentType, filename)
	return c.Send(body)
}

func (h *Handlers) exportTranscriptPDF(c *fiber.Ctx) error {
	t, err := h.cycleTranscript(c, true) // evidence names, not content
	if err != nil {
		return err
	}
	doc := newTranscriptPDF(t)
	if err := doc.Error(); err != nil {
		return fmt.Errorf("lay out transcript pdf: %w", err)
	}
	return h.streamDownload(c, "application/pdf", "ceu-transcript-"+models.CycleKey(t.Cycle)+".pdf", func() {},
		func(w io.Writer) error { return doc.Output(w) })
}

// exportAuditZip streams the transcript and every evidence file of a cycle as a ZIP,
// reading one evidence file at a time. At most HeavyExports audit packs are built at
// once; past that the answer is 429 with Retry-After.
func (h *Handlers) exportAuditZip(c *fiber.Ctx) error {
	release, ok := h.exports.take()
	if !ok {
		return busyExporting(c)
	}
	t, err := h.cycleTranscript(c, true)
	if err != nil {
		release()
		return err
	}
	doc := newTranscriptPDF(t)
	if err := doc.Error(); err != nil {
		release()
		return fmt.Errorf("lay out transcript pdf: %w", err)
	}
	ctx, db, files, now := context.WithoutCancel(c.UserContext()), h.DB, evidenceInOrder(t), h.Now()
	return h.streamDownload(c, "application/zip", "audit-pack-"+models.CycleKey(t.Cycle)+".zip", release, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		var transcript bytes.Buffer
		if err := doc.Output(&transcript); err != nil {
			return fmt.Errorf("write transcript pdf: %w", err)
		}
		if err := ceuAddZipFile(zw, "transcript.pdf", now, transcript.Bytes()); err != nil {
			return err
		}
		err := eachEvidenceContent(ctx, db, files, func(f models.EvidenceFile) error {
			return ceuAddZipFile(zw, fmt.Sprintf("evidence/%d-%d-%s", f.EntryID, f.ID, f.Filename), f.CreatedAt, f.Content)
		})
		if err != nil {
			return err
		}
		return zw.Close()
	})
}

// ceuAddZipFile adds a compressed entry dated when its content was made (the
// transcript now, evidence at upload), in UTC as the ZIP's extended time field says.
func ceuAddZipFile(zw *zip.Writer, name string, modified time.Time, content []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified.UTC()})
	if err != nil {
		return fmt.Errorf("add %s to audit zip: %w", name, err)
	}
	_, err = w.Write(content)
	return err
}

// exportAuditPDF builds the transcript, one page per image and every evidence PDF
// merged into one document on disk, loading one evidence file at a time, then
// streams the file. A PDF that cannot be merged is a 422 suggesting the ZIP.
func (h *Handlers) exportAuditPDF(c *fiber.Ctx) error {
	release, ok := h.exports.take()
	if !ok {
		return busyExporting(c)
	}
	t, err := h.cycleTranscript(c, true)
	if err != nil {
		release()
		return err
	}
	merged, err := h.buildAuditPDF(c.UserContext(), t)
	if err != nil {
		release()
		return err
	}
	done := func() { merged.Close(); os.Remove(merged.Name()); release() }
	return h.streamDownload(c, "application/pdf", "audit-pack-"+models.CycleKey(t.Cycle)+".pdf", done,
		func(w io.Writer) error { _, err := io.Copy(w, merged); return err })
}

// ceuPackSize is an audit pack's estimated size for the page.
type ceuPackSize struct {
	Label string
	Large bool
}

// auditPackSizes labels each current cycle's estimated audit pack for the page, from
// one listing of the holder's evidence.
func (h *Handlers) auditPackSizes(c *fiber.Ctx, holder models.Holder) (map[string]ceuPackSize, error) {
	files, err := models.ListEvidence(c.UserContext(), h.DB, currentUser(c).ID, nil)
	if err != nil {
		return nil, err
	}
	sizes := map[string]ceuPackSize{}
	for key, size := range models.EstimateAuditPacks(holder, files) {
		label := fmt.Sprintf("%.1f MB", float64(size.Bytes)/(1<<20))
		if size.Bytes < 1<<20 {
			label = fmt.Sprintf("%d KB", (size.Bytes+1023)/1024)
		}
		sizes[key] = ceuPackSize{Label: label, Large: size.TooLarge}
	}
	return sizes, nil
}
