package handlers

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"hitpath/models"
	"hitpath/views"
)

// ceuTranscript is everything a cycle's PDF transcript shows.
type ceuTranscript struct {
	Name, Email string
	Cycle       models.CycleProgress
	Entries     []models.CEUEntry
	// Evidence lists each entry's files (without content), for the audit listing.
	Evidence  map[int64][]models.EvidenceFile
	Generated time.Time
	// Certificates names each counting credential's certificate number.
	Certificates []string
}

// newTranscriptPDF lays out the transcript in the embedded Unicode font.
func newTranscriptPDF(t ceuTranscript) *pdfDoc {
	d := newPDFDoc("CEU transcript")
	d.AddPage()
	p := t.Cycle
	d.SetFont(pdfFontFamily, "B", 16)
	d.paragraph(8, "CEU transcript: "+strings.Join(p.Credentials, " + ")+" cycle "+fmt.Sprint(p.Cycle.Number))
	d.SetFont(pdfFontFamily, "", 10)
	for _, line := range []string{
		fmt.Sprintf("%s <%s>", t.Name, t.Email),
		fmt.Sprintf("Cycle %s to %s (due %s), %s", p.Cycle.Start.Format(time.DateOnly), p.Cycle.End.Format(time.DateOnly), p.Cycle.Due.Format(time.DateOnly), p.Body),
		fmt.Sprintf("Status on %s: %s", t.Generated.Format(time.DateOnly), views.CycleStatus(p.Status)),
		strings.Join(t.Certificates, "; "),
	} {
		d.paragraph(6, line)
	}
	d.Ln(3)
	writeTotals(d, p)
	writeEntries(d, t)
	return d
}

func writeTotals(d *pdfDoc, p models.CycleProgress) {
	d.SetFont(pdfFontFamily, "B", 12)
	d.paragraph(7, "Totals and rules")
	d.SetFont(pdfFontFamily, "", 10)
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
		d.cell(70, 6, d.text(row[0]), 0, "")
		d.paragraph(6, row[1])
	}
	if len(p.Problems) == 0 {
		d.paragraph(6, "Every requirement hitpath can check is met.")
	}
	for _, problem := range p.Problems {
		d.paragraph(6, "- "+problem)
	}
	d.Ln(3)
}

// pdfTableColumns are the activity table's headings and widths (mm); the last two
// are right-aligned numbers and flags.
var pdfTableColumns = []struct {
	Head  string
	Width float64
	Align string
}{{"Date", 22, "L"}, {"Title", 88, "L"}, {"Provider", 52, "L"}, {"CEUs", 16, "R"}, {"HIIM", 14, "R"}}

// pdfRowLine is the height (mm) of one wrapped line in the activity table.
const pdfRowLine = 4.6

func writeEntries(d *pdfDoc, t ceuTranscript) {
	d.SetFont(pdfFontFamily, "B", 12)
	d.paragraph(7, fmt.Sprintf("Activities (%d)", len(t.Entries)))
	writeTableHeader(d)
	for _, e := range t.Entries {
		writeTableRow(d, []string{e.ActivityDate.Format(time.DateOnly), e.Title, e.Provider, models.FormatCEUs(e.CEUs), ceuYesNo(e.InHIIMDomain)})
		files := t.Evidence[e.ID]
		if t.Evidence != nil && len(files) == 0 {
			writeTableNote(d, "No evidence attached: an audit risk.")
		}
		for _, f := range files {
			writeTableNote(d, fmt.Sprintf("Evidence: %s (%s, %d bytes) sha256 %s", f.Filename, f.ContentType, f.SizeBytes, f.SHA256))
		}
	}
}

// writeTableHeader draws the column headings, at the table's start and again at
// the top of every page the table continues on.
func writeTableHeader(d *pdfDoc) {
	d.SetFont(pdfFontFamily, "B", 9)
	for _, col := range pdfTableColumns {
		d.CellFormat(col.Width, 6, col.Head, "B", 0, col.Align, false, 0, "")
	}
	d.Ln(-1)
	d.SetFont(pdfFontFamily, "", 9)
}

// writeTableRow wraps each cell to its column's measured width and draws the row
// whole, on a new page under a repeated header when it does not fit.
func writeTableRow(d *pdfDoc, cells []string) {
	wrapped := make([][]string, len(cells))
	rows := 1
	for i, cell := range cells {
		wrapped[i] = d.lines(cell, pdfTableColumns[i].Width)
		rows = max(rows, len(wrapped[i]))
	}
	tableRoom(d, float64(rows)*pdfRowLine+1)
	x, y := d.GetX(), d.GetY()
	for i, lines := range wrapped {
		for n, line := range lines {
			d.SetXY(x, y+float64(n)*pdfRowLine)
			d.cell(pdfTableColumns[i].Width, pdfRowLine, line, 0, pdfTableColumns[i].Align)
		}
		x += pdfTableColumns[i].Width
	}
	left, _, _, _ := d.GetMargins()
	d.SetXY(left, y+float64(rows)*pdfRowLine+1)
}

// writeTableNote writes an indented line under a row (evidence, hashes), wrapped
// to the table's width.
func writeTableNote(d *pdfDoc, note string) {
	left, _, right, _ := d.GetMargins()
	pageWidth, _ := d.GetPageSize()
	indent := 6.0
	for _, line := range d.lines(note, pageWidth-left-right-indent) {
		tableRoom(d, pdfRowLine)
		d.SetX(left + indent)
		d.cell(0, pdfRowLine, line, 1, "L")
	}
}

// tableRoom starts a new page with the header repeated when h mm do not fit.
func tableRoom(d *pdfDoc, h float64) {
	if !d.fitsOnPage(h) {
		d.AddPage()
		writeTableHeader(d)
	}
}

func ceuYesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
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
