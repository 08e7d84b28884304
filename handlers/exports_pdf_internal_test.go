package handlers

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest/pdftext"
	"hitpath/models"
)

func TestPDFDrawableText(t *testing.T) {
	tests := []struct {
		name, in, want string
		replaced       bool
	}{
		{"Latin and Latin Extended", "Siân Łukasiewicz, Şahin Eğitim", "Siân Łukasiewicz, Şahin Eğitim", false},
		{"Vietnamese", "Nguyễn Thị Hồng Nhung, đường", "Nguyễn Thị Hồng Nhung, đường", false},
		{"Vietnamese typed decomposed is composed", "Nguye\u0302\u0303n", "Nguyễn", false},
		{"Greek and Cyrillic", "Ελληνικά, Кириллица", "Ελληνικά, Кириллица", false},
		{"Chinese is marked", "中文 course", "\uFFFD\uFFFD course", true},
		{"emoji beyond the BMP is marked", "Done 😀", "Done \uFFFD", true},
		{"control characters become spaces", "a\tb\nc", "a b c", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, replaced := pdfDrawableText(tt.in)
			if got != tt.want || replaced != tt.replaced {
				t.Errorf("got %q, %v, want %q, %v", got, replaced, tt.want, tt.replaced)
			}
		})
	}
	if !pdfFontCoverage().has(pdfReplacementMark) {
		t.Fatal("the font cannot draw the replacement mark itself")
	}
}

// layoutTranscript is a cycle with rows long enough to wrap and enough of them to
// fill several pages.
func layoutTranscript(rows int) ceuTranscript {
	t := ceuTranscript{Name: "Siân Łukasiewicz-Nguyễn " + strings.Repeat("Bartholomew-", 12) + "end", Email: "sian@example.com",
		Generated: time.Date(2031, 6, 15, 0, 0, 0, 0, time.UTC), Evidence: map[int64][]models.EvidenceFile{}}
	t.Cycle = models.CycleProgress{Body: "AHIMA", Credentials: []string{"RHIT"}, Unit: "CEU", Required: 20,
		Cycle: models.Cycle{Number: 1, Start: t.Generated.AddDate(-1, 0, 0), End: t.Generated.AddDate(1, 0, 0), Due: t.Generated.AddDate(1, 0, 0)}}
	for i := range rows {
		id := int64(i + 1)
		t.Entries = append(t.Entries, models.CEUEntry{ID: id, ActivityDate: t.Generated.AddDate(0, 0, -i), CEUs: 125,
			Title:    fmt.Sprintf("Row%d %s closing%d", i, strings.Repeat("Clinical documentation improvement ", 5), i),
			Provider: "Association of Health Information Professionals of Somewhere Large"})
		t.Evidence[id] = []models.EvidenceFile{{ID: id, EntryID: id, Filename: strings.Repeat("certificate_", 10) + ".pdf",
			ContentType: "application/pdf", SizeBytes: 1234, SHA256: fmt.Sprintf("%064x", i+1)}}
	}
	return t
}

func TestTranscriptLayout(t *testing.T) {
	tr := layoutTranscript(40)
	var buf bytes.Buffer
	if err := newTranscriptPDF(tr).Output(&buf); err != nil {
		t.Fatal(err)
	}
	words := pdftext.Words(t, buf.Bytes())
	pages := words[len(words)-1].Page
	if pages < 3 {
		t.Fatalf("got %d pages, want the table to run over several", pages)
	}
	headers := map[int]bool{}
	for _, w := range words {
		if w.XMax > w.PageWidth-20 || w.YMax > w.PageHeight {
			t.Errorf("word %q on page %d runs off the page (x %.0f–%.0f of %.0f)", w.Text, w.Page, w.XMin, w.XMax, w.PageWidth)
		}
		if w.Text == "Provider" {
			headers[w.Page] = true
		}
	}
	if len(headers) != pages {
		t.Errorf("got the table header on pages %v, want on each of %d pages", headers, pages)
	}
	text := pdftext.Text(t, buf.Bytes())
	for page := 1; page <= pages; page++ {
		if want := fmt.Sprintf("Page %d of %d", page, pages); !strings.Contains(text, want) {
			t.Errorf("got no %q", want)
		}
	}
	const mmToPt = 72 / 25.4
	titleX := (10 + pdfTableColumns[0].Width) * mmToPt
	titles := strings.Join(strings.Fields(pdftext.TextIn(t, buf.Bytes(), titleX, 0, pdfTableColumns[1].Width*mmToPt, 792)), "")
	flat := strings.Join(strings.Fields(text), "")
	for i, e := range tr.Entries {
		if !strings.Contains(titles, strings.Join(strings.Fields(e.Title), "")) {
			t.Errorf("got title %d cut or mixed with another column", i)
		}
		if !strings.Contains(flat, tr.Evidence[e.ID][0].SHA256) {
			t.Errorf("got no whole sha256 for row %d", i)
		}
	}
	if !strings.Contains(flat, strings.Join(strings.Fields(tr.Name), "")) {
		t.Error("got the long name cut")
	}
}

func TestTranscriptColumnsDoNotOverlap(t *testing.T) {
	var buf bytes.Buffer
	if err := newTranscriptPDF(layoutTranscript(3)).Output(&buf); err != nil {
		t.Fatal(err)
	}
	const mmToPt = 72 / 25.4
	left := 10.0 + pdfTableColumns[0].Width
	titleEnd, providerEnd := (left+pdfTableColumns[1].Width)*mmToPt, (left+pdfTableColumns[1].Width+pdfTableColumns[2].Width)*mmToPt
	titleWord, providerWord := regexp.MustCompile(`^(Row\d+|Clinical|documentation|improvement|closing\d+)$`), regexp.MustCompile(`^(Association|Health|Information|Professionals|Somewhere|Large)$`)
	for _, w := range pdftext.Words(t, buf.Bytes()) {
		if titleWord.MatchString(w.Text) && w.XMax > titleEnd {
			t.Errorf("title word %q ends at %.0f pt, past the title column (%.0f)", w.Text, w.XMax, titleEnd)
		}
		if providerWord.MatchString(w.Text) && (w.XMin < titleEnd || w.XMax > providerEnd) {
			t.Errorf("provider word %q at %.0f–%.0f pt, outside its column (%.0f–%.0f)", w.Text, w.XMin, w.XMax, titleEnd, providerEnd)
		}
	}
}

// TestReplacementNoteOnTheRightPages puts characters the font lacks in rows that
// fall on different pages: each page showing the mark carries the note, no other.
func TestReplacementNoteOnTheRightPages(t *testing.T) {
	tr := layoutTranscript(40)
	for i := 5; i < len(tr.Entries); i += 9 {
		tr.Entries[i].Title = "課程 " + tr.Entries[i].Title
	}
	var buf bytes.Buffer
	if err := newTranscriptPDF(tr).Output(&buf); err != nil {
		t.Fatal(err)
	}
	note := strings.TrimPrefix(pdfReplacementNote, "\uFFFD ")
	marked := 0
	for n, page := range strings.Split(strings.TrimRight(pdftext.Text(t, buf.Bytes()), "\f\n"), "\f") {
		hasNote := strings.Contains(page, note)
		body := strings.ReplaceAll(page, pdfReplacementNote, "")
		if hasMark := strings.Contains(body, "\uFFFD\uFFFD"); hasMark != hasNote {
			t.Errorf("page %d: mark %v, note %v", n+1, hasMark, hasNote)
		}
		if hasNote {
			marked++
		}
	}
	if marked < 2 {
		t.Fatalf("got the mark on %d pages, want rows on several pages", marked)
	}
}
