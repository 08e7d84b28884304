package handlers

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"hitpath/models"
)

// ceuTranscript is everything a cycle's PDF transcript shows.
type ceuTranscript struct {
	Name, Email string
	Cycle       models.CycleProgress
	Entries     []models.CEUEntry
	// Evidence lists each entry's files (without content), for the audit listing.
	Evidence  map[int64][]models.EvidenceFile
	Generated time.Time
}

// newTranscriptPDF lays out the transcript. Streams are left uncompressed: the file
// stays small (text only) and its text can be searched as written.
func newTranscriptPDF(t ceuTranscript) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.SetCompression(false)
	pdf.SetTitle("CEU transcript", true)
	pdf.SetCreator("hitpath", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AddPage()
	p := t.Cycle
	pdf.SetFont("Helvetica", "B", 16)
	pdf.CellFormat(0, 9, tr("CEU transcript: "+strings.Join(p.Credentials, " + ")+" cycle "+fmt.Sprint(p.Cycle.Number)), "", 1, "", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	for _, line := range []string{
		fmt.Sprintf("%s <%s>", t.Name, t.Email),
		fmt.Sprintf("Cycle %s to %s (due %s), %s", p.Cycle.Start.Format(time.DateOnly), p.Cycle.End.Format(time.DateOnly), p.Cycle.Due.Format(time.DateOnly), p.Body),
		fmt.Sprintf("Status on %s: %s", t.Generated.Format(time.DateOnly), ceuStatusLabels[p.Status]),
	} {
		pdf.CellFormat(0, 6, tr(line), "", 1, "", false, 0, "")
	}
	pdf.Ln(3)
	writeTotals(pdf, tr, p)
	writeEntries(pdf, tr, t)
	return pdf
}

func writeTotals(pdf *fpdf.Fpdf, tr func(string) string, p models.CycleProgress) {
	pdf.SetFont("Helvetica", "B", 12)
	pdf.CellFormat(0, 7, "Totals and rules", "", 1, "", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	rows := [][2]string{
		{"Logged / required", models.FormatCEUs(p.Earned) + " / " + models.FormatCEUs(p.Required) + " " + p.Unit + "s"},
	}
	if p.HIIMRequired > 0 {
		rows = append(rows, [2]string{"In HIIM domains (80% rule)", models.FormatCEUs(p.HIIM) + " / " + models.FormatCEUs(p.HIIMRequired)})
	}
	if p.AHIMASourceRequired > 0 {
		rows = append(rows, [2]string{"From AHIMA sources (40% rule)", models.FormatCEUs(p.AHIMASource) + " / " + models.FormatCEUs(p.AHIMASourceRequired)})
	}
	if p.CategoryARequired > 0 {
		rows = append(rows, [2]string{"Category A", models.FormatCEUs(p.CategoryA) + " / " + models.FormatCEUs(p.CategoryARequired)})
	}
	if p.InPersonRequired > 0 {
		rows = append(rows, [2]string{"In person (two cycles)", models.FormatCEUs(p.InPerson) + " / " + models.FormatCEUs(p.InPersonRequired)})
	}
	for _, row := range rows {
		pdf.CellFormat(70, 6, tr(row[0]), "", 0, "", false, 0, "")
		pdf.CellFormat(0, 6, tr(row[1]), "", 1, "", false, 0, "")
	}
	if len(p.Problems) == 0 {
		pdf.MultiCell(0, 6, "Every requirement hitpath can check is met.", "", "", false)
	}
	for _, problem := range p.Problems {
		pdf.MultiCell(0, 6, tr("- "+problem), "", "", false)
	}
	pdf.Ln(3)
}

func writeEntries(pdf *fpdf.Fpdf, tr func(string) string, t ceuTranscript) {
	pdf.SetFont("Helvetica", "B", 12)
	pdf.CellFormat(0, 7, tr(fmt.Sprintf("Activities (%d)", len(t.Entries))), "", 1, "", false, 0, "")
	widths := []float64{22, 78, 50, 16, 14}
	pdf.SetFont("Helvetica", "B", 9)
	for i, head := range []string{"Date", "Title", "Provider", "CEUs", "HIIM"} {
		pdf.CellFormat(widths[i], 6, head, "B", 0, "", false, 0, "")
	}
	pdf.Ln(-1)
	pdf.SetFont("Helvetica", "", 9)
	for _, e := range t.Entries {
		cells := []string{e.ActivityDate.Format(time.DateOnly), ceuClipText(e.Title, 48), ceuClipText(e.Provider, 30), models.FormatCEUs(e.CEUs), ceuYesNo(e.InHIIMDomain)}
		for i, cell := range cells {
			pdf.CellFormat(widths[i], 6, tr(cell), "", 0, "", false, 0, "")
		}
		pdf.Ln(-1)
		files := t.Evidence[e.ID]
		if t.Evidence != nil && len(files) == 0 {
			pdf.CellFormat(0, 5, "    No evidence attached: an audit risk.", "", 1, "", false, 0, "")
		}
		for _, f := range files {
			pdf.CellFormat(0, 5, tr(fmt.Sprintf("    Evidence: %s (%s, %d bytes) sha256 %s", ceuClipText(f.Filename, 40), f.ContentType, f.SizeBytes, f.SHA256)), "", 1, "", false, 0, "")
		}
	}
}

func ceuClipText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func ceuYesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// addImagePages appends one page per image evidence file, the image fitted to the page;
// an image models.CheckImage refuses is left out.
func addImagePages(pdf *fpdf.Fpdf, files []models.EvidenceFile) {
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	for _, f := range files {
		kind := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[f.ContentType]
		if kind == "" || models.CheckImage(f.Content) != "" {
			// Kept before the pixel limit existed, or damaged: it stays in the ZIP
			// but is never inflated into the document.
			continue
		}
		opts := fpdf.ImageOptions{ImageType: kind, ReadDpi: true}
		info := pdf.RegisterImageOptionsReader("evidence-"+ceuID(f.ID), opts, bytes.NewReader(f.Content))
		if info == nil {
			return
		}
		pdf.AddPage()
		pdf.SetFont("Helvetica", "", 9)
		pdf.CellFormat(0, 5, tr("Evidence: "+f.Filename+" sha256 "+f.SHA256), "", 1, "", false, 0, "")
		width, height := 190.0, 240.0
		w, hgt := info.Width(), info.Height()
		scale := min(width/w, height/hgt)
		pdf.ImageOptions("evidence-"+ceuID(f.ID), 13, 20, w*scale, hgt*scale, false, opts, 0, "")
	}
}

// pdfcpuOffline stops pdfcpu from reading or creating a configuration directory
// in the server's home; the knob is the library's own package variable.
var pdfcpuOffline sync.Once

// mergePDFs joins PDFs, in order, into one written to w.
func mergePDFs(readers []io.ReadSeeker, w io.Writer) error {
	if len(readers) == 1 {
		_, err := io.Copy(w, readers[0])
		return err
	}
	pdfcpuOffline.Do(func() { model.ConfigPath = "disable" })
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return api.MergeRaw(readers, w, false, conf)
}
