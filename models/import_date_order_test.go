package models

import (
	"strings"
	"testing"
)

// TestDecideSlashDateOrder: the whole file decides whether 03/04/2026 is 4 March or
// 3 April; a file that shows both orders is refused naming a line of each, and one
// that shows neither is read month first with a note naming the lines.
func TestDecideSlashDateOrder(t *testing.T) {
	dates := func(texts ...string) []SlashDate {
		var out []SlashDate
		for i, text := range texts {
			out = append(out, SlashDate{Line: i + 2, Text: text})
		}
		return out
	}
	tests := []struct {
		name       string
		dates      []SlashDate
		dayFirst   bool
		wantNote   string // substring; "" means no note
		wantRefuse string // substring of the refusal; "" means none
		iso        string // ISO of the first date as read
	}{
		{"ISO only", dates("2026-03-04", "2026-04-03"), false, "", "", "2026-03-04"},
		{"unambiguous month first", dates("04/13/2026"), false, "", "", "04/13/2026"},
		{"a later row proves day first", dates("03/04/2026", "13/04/2026"), true, "because line 3 (13/04/2026) can only be day first", "", "2026-04-03"},
		{"a row proves month first", dates("03/04/2026", "04/13/2026"), false, "read month first (03/04/2026 is 4 March 2026), because line 3", "", "03/04/2026"},
		{"both proven is refused", dates("13/04/2026", "03/04/2026", "04/13/2026"), false, "", "Line 2 writes the day first (13/04/2026) and line 4 the month first (04/13/2026)", ""},
		{"nothing proves it: month first, lines named", dates("03/04/2026", "2026-01-01", "05/06/2026"), false, "Lines read that way: 2, 4.", "", "03/04/2026"},
		{"same day and month is not ambiguous", dates("04/04/2026"), false, "", "", "04/04/2026"},
		{"day first only, nothing ambiguous", dates("25/12/2025"), true, "", "", "2025-12-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order, problems := DecideSlashDateOrder(tt.dates)
			if tt.wantRefuse != "" {
				if len(problems) != 1 || !strings.Contains(problems[0].Message, tt.wantRefuse) {
					t.Fatalf("got %v, want a refusal with %q", problems, tt.wantRefuse)
				}
				return
			}
			if problems != nil {
				t.Fatalf("got problems %v", problems)
			}
			if order.DayFirst != tt.dayFirst {
				t.Errorf("got day first %v, want %v", order.DayFirst, tt.dayFirst)
			}
			notes := strings.Join(order.Notes, " ")
			if (tt.wantNote == "") != (notes == "") || !strings.Contains(notes, tt.wantNote) {
				t.Errorf("got notes %q, want %q", notes, tt.wantNote)
			}
			if got := order.ISO(tt.dates[0].Text); got != tt.iso {
				t.Errorf("got %s, want %s", got, tt.iso)
			}
		})
	}
}

// TestCEUCSVBadInputIsRefusedClearly: a stray quote in the heading line and a NUL
// byte anywhere each get one clear problem, not a guess at another header.
func TestCEUCSVBadInputIsRefusedClearly(t *testing.T) {
	const row = "2026-03-04,Webinar,AHIMA,ahima,60,,yes,no,online,\n"
	const header = "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n"
	tests := []struct {
		name, csv, want string
		line            int
	}{
		{"stray quote inside a heading", strings.Replace(header, "date", `da"te`, 1) + row, "line of column headings is not valid CSV", 1},
		{"unclosed quote opening the headings", `"` + header + row, "line of column headings is not valid CSV", 1},
		{"NUL in a row", header + strings.Replace(row, "Webinar", "Web\x00inar", 1), "contains a NUL character", 2},
		{"NUL in the header", "da\x00te" + header[4:] + row, "contains a NUL character", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, problems := ParseCEUCSV(strings.NewReader(tt.csv), 7, date("2026-06-01"), date("2024-01-01"))
			if entries != nil || len(problems) != 1 || !strings.Contains(problems[0].Message, tt.want) || problems[0].Line != tt.line {
				t.Fatalf("got %d entries and %+v, want one problem on line %d with %q", len(entries), problems, tt.line, tt.want)
			}
		})
	}
	entries, problems := ParseCEUCSV(strings.NewReader(header+"03/04/2026,A,AHIMA,ahima,60,,yes,no,online,\n13/04/2026,B,AHIMA,ahima,60,,yes,no,online,\n"),
		7, date("2026-06-01"), date("2024-01-01"))
	if problems != nil || len(entries) != 2 || entries[0].ActivityDate.Format("2006-01-02") != "2026-04-03" {
		t.Fatalf("got %+v %v, want 03/04/2026 read as 3 April because line 3 is day first", entries, problems)
	}
}
