package models

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseImportDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-03-15", "2025-03-15"}, {"3/15/2025", "2025-03-15"}, {"03/05/2025", "2025-03-05"},
		{"15.03.2025", "2025-03-15"}, {"2/30/2025", ""}, {"13/1/2025", ""}, {"3/15/25", ""}, {"March 15", ""},
	}
	for _, tt := range tests {
		got, ok := ParseImportDate(tt.in)
		if (tt.want == "") == ok || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("ParseImportDate(%q): got %v %v, want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestParseImportMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"165", 165, true}, {"2:45", 165, true}, {"0:45", 45, true}, {"2h 45m", 165, true}, {"2h45m", 165, true},
		{"2 hours", 120, true}, {"45 min", 45, true}, {"1H 5M", 65, true}, {"2:75", 0, false}, {"h", 0, false}, {"", 0, false}, {"1.5", 0, false},
	}
	for _, tt := range tests {
		if got, ok := ParseImportMinutes(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("ParseImportMinutes(%q): got %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseImportCEUs(t *testing.T) {
	for in, want := range map[string]int{"1.5": 150, "1,5": 150, "2": 200, "0.25": 25} {
		if got, err := ParseImportCEUs(in); err != nil || got != want {
			t.Errorf("ParseImportCEUs(%q): got %d %v, want %d", in, got, err, want)
		}
	}
	if _, err := ParseImportCEUs("1,000.5"); err == nil {
		t.Error("got 1,000.5 accepted")
	}
}

func TestSpreadsheetCSVRoundTripKeepsFormulaLikeText(t *testing.T) {
	in := []CEUEntry{{ActivityDate: date("2025-01-02"), Title: "=SUM(A1)", Provider: "'@home", ProviderKind: "ahima", CEUs: 100, Delivery: "online", Notes: "-note\r\n+more"},
		{ActivityDate: date("2025-01-03"), Title: "''=x", Provider: "+1", ProviderKind: "other", CEUs: 100, Delivery: "live", Notes: "@mention"}}
	var buf bytes.Buffer
	if err := WriteCEUCSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if !strings.HasPrefix(raw, "\ufeffid,date,") || strings.Count(raw, "\n") != strings.Count(raw, "\r\n") {
		t.Fatalf("got no BOM or a line without CRLF: %q", raw)
	}
	for _, cell := range []string{"'=SUM(A1)", "'-note", "'''=x", "'+1", "'@mention"} {
		if !strings.Contains(raw, cell) {
			t.Errorf("got no guarded cell %q in %q", cell, raw)
		}
	}
	out, problems := ParseCEUCSV(&buf, 1, date("2026-01-01"), date("2024-01-01"))
	if problems != nil {
		t.Fatal(problems)
	}
	for i := range in {
		want := in[i]
		want.Notes = strings.ReplaceAll(want.Notes, "\r\n", "\n")
		if out[i].Title != want.Title || out[i].Provider != want.Provider || out[i].Notes != want.Notes {
			t.Errorf("row %d: got %q %q %q, want %q %q %q", i, out[i].Title, out[i].Provider, out[i].Notes, want.Title, want.Provider, want.Notes)
		}
	}
}

func TestMatchCEUColumns(t *testing.T) {
	columns, ok := MatchCEUColumns([]string{"Activity Date", "Course", "Sponsor", "Credits"})
	if !ok || columns["date"] != 0 || columns["title"] != 1 || columns["provider"] != 2 || columns["ceus"] != 3 || columns["minutes"] != -1 {
		t.Fatalf("got %v %v", columns, ok)
	}
	if got := columns.Record([]string{"2025-01-02", "A", "B", "1"}); strings.Join(got, ",") != ",2025-01-02,A,B,approved,,1,,,online," {
		t.Fatalf("got record %q", got)
	}
	if _, ok := MatchCEUColumns([]string{"When", "What"}); ok {
		t.Fatal("got unknown headings matched")
	}
}
