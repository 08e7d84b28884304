package handlers

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// pdfFontFamily is the embedded DejaVu Sans (free licence, shipped as Go bytes by
// go-fonts/dejavu): Latin with its extensions, Vietnamese, Greek and Cyrillic.
const pdfFontFamily = "dejavu"

// pdfReplacementMark stands in for a character the font cannot draw, so nothing
// the user typed disappears silently from the document.
const pdfReplacementMark = '\uFFFD'

// pdfReplacementNote is printed at the foot of every page that shows the mark.
const pdfReplacementNote = "\uFFFD marks a character the embedded font cannot show (see the CSV export for the exact text)."

// pdfCoverage is the set of Basic Multilingual Plane characters both the regular
// and the bold face can draw; fpdf's Unicode fonts cannot address characters above it.
type pdfCoverage [0x10000 / 64]uint64

func (c *pdfCoverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r/64]&(1<<(r%64)) != 0
}

// pdfFontCoverage parses the two faces once and lists what they both cover.
var pdfFontCoverage = sync.OnceValue(func() *pdfCoverage {
	cov := &pdfCoverage{}
	faces := make([]*sfnt.Font, 0, 2)
	for _, ttf := range [][]byte{dejavusans.TTF, dejavusansbold.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic(fmt.Sprintf("parse the embedded pdf font: %v", err))
		}
		faces = append(faces, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		covered := true
		for _, f := range faces {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				covered = false
			}
		}
		if covered {
			cov[r/64] |= 1 << (r % 64)
		}
	}
	return cov
})

// pdfDrawableText composes the text (NFC, as fpdf draws no combining sequences),
// turns control characters into spaces and replaces every character the font
// cannot show with the replacement mark. It reports whether it replaced any.
func pdfDrawableText(s string) (string, bool) {
	cov := pdfFontCoverage()
	replaced := false
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsControl(r) || unicode.IsSpace(r):
			b.WriteRune(' ')
		case cov.has(r):
			b.WriteRune(r)
		default:
			b.WriteRune(pdfReplacementMark)
			replaced = true
		}
	}
	return b.String(), replaced
}

// pdfDoc is a Letter page document in the embedded Unicode font, with "Page X of
// Y" and, where needed, the replacement note at the foot of each page.
type pdfDoc struct {
	*fpdf.Fpdf
	markedOnPage bool
}

// newPDFDoc starts a document with both faces registered and the footer set.
func newPDFDoc(title string) *pdfDoc {
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.SetCompression(true)
	pdf.SetTitle(title, true)
	pdf.SetCreator("hitpath", true)
	pdf.AddUTF8FontFromBytes(pdfFontFamily, "", dejavusans.TTF)
	pdf.AddUTF8FontFromBytes(pdfFontFamily, "B", dejavusansbold.TTF)
	pdf.SetAutoPageBreak(true, 18)
	pdf.AliasNbPages("{nb}")
	d := &pdfDoc{Fpdf: pdf}
	pdf.SetFooterFunc(d.footer)
	return d
}

// footer numbers the page and notes the replacement mark where one was drawn.
func (d *pdfDoc) footer() {
	d.SetY(-15)
	d.SetFont(pdfFontFamily, "", 8)
	if d.markedOnPage {
		d.CellFormat(0, 4, pdfReplacementNote, "", 1, "L", false, 0, "")
		d.markedOnPage = false
	}
	// The page count is filled in when the document closes, after the embedded
	// font was cut down to the characters used: a core font draws every digit.
	d.SetY(-11)
	d.SetFont("Helvetica", "", 8)
	d.CellFormat(0, 4, fmt.Sprintf("Page %d of {nb}", d.PageNo()), "", 0, "R", false, 0, "")
}

// text makes s drawable (see pdfDrawableText).
func (d *pdfDoc) text(s string) string {
	out, _ := pdfDrawableText(s)
	return out
}

// cell draws one line of drawable text, noting a replacement mark for the footer
// of the page it lands on.
func (d *pdfDoc) cell(w, h float64, line string, ln int, align string) {
	if strings.ContainsRune(line, pdfReplacementMark) {
		d.markedOnPage = true
	}
	d.CellFormat(w, h, line, "", ln, align, false, 0, "")
}

// lines wraps s to width w (mm) in the current font, breaking inside a word only
// when the word alone is wider than w (hashes, long file names).
func (d *pdfDoc) lines(s string, w float64) []string {
	lines := d.SplitText(d.text(s), w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}

// paragraph writes s wrapped across the full width.
func (d *pdfDoc) paragraph(height float64, s string) {
	text := d.text(s)
	if strings.ContainsRune(text, pdfReplacementMark) {
		d.markedOnPage = true
	}
	d.MultiCell(0, height, text, "", "L", false)
}

// fitsOnPage reports whether a block of height h still fits above the bottom margin.
func (d *pdfDoc) fitsOnPage(h float64) bool {
	_, pageHeight := d.GetPageSize()
	_, _, _, bottom := d.GetMargins()
	return d.GetY()+h <= pageHeight-bottom
}
