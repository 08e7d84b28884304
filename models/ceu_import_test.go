package models

import (
	"bytes"
	"strings"
	"testing"
)

const csvHeader = "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n"

func TestParseCEUCSV(t *testing.T) {
	today, earned := date("2026-01-01"), date("2024-03-15")
	tests := []struct {
		name string
		csv  string
		want []string // "line field" of each problem; empty means accepted
	}{
		{"good rows", csvHeader + "2025-01-02,A,AHIMA,ahima,165,,yes,no,online,\n2025-01-03,\"B, quoted\",X,other,,0.5,no,no,live,note\n", nil},
		{"byte order mark in header", "\ufeff" + csvHeader + "2025-01-02,A,AHIMA,ahima,,1,yes,no,online,\n", nil},
		{"wrong header", "date,title\n2025-01-02,A\n", []string{"1 header"}},
		{"missing columns", csvHeader + "2025-01-02,A,AHIMA\n", []string{"2 columns"}},
		{"bad date", csvHeader + "31/31/2025,A,AHIMA,ahima,,1,yes,no,online,\n2025-13-01,A,AHIMA,ahima,,1,yes,no,online,\n", []string{"2 date", "3 date"}},
		{"stray quote in the first field", csvHeader + "2025-01-02 \"x,A,AHIMA,ahima,,1,yes,no,online,\n2025-01-03,B,AHIMA,ahima,,1,yes,no,online,\n", []string{"2"}},
		{"rows of only commas are skipped", csvHeader + ",,,,,,,,,\n2025-01-02,A,AHIMA,ahima,,1,yes,no,online,\n,,,,,,,,,\n", nil},
		{"future and before earned", csvHeader + "2026-01-02,A,AHIMA,ahima,,1,yes,no,online,\n2024-03-14,A,AHIMA,ahima,,1,yes,no,online,\n", []string{"2 date", "3 date"}},
		{"zero and too many CEUs", csvHeader + "2025-01-02,A,AHIMA,ahima,,0,yes,no,online,\n2025-01-02,A,AHIMA,ahima,,40.01,yes,no,online,\n", []string{"2 ceus", "3 ceus"}},
		{"bad flags and kinds", csvHeader + "2025-01-02,A,AHIMA,vendor,,1,perhaps,no,mail,\n", []string{"2 provider_kind", "2 hiim_domain", "2 delivery"}},
		{"broken quoting", csvHeader + "2025-01-02,\"A,AHIMA,ahima,,1,yes,no,online,\n", []string{"2 "}},
		{"stray quote in the first field", csvHeader + "2025-01-02,A,AHIMA,ahima,,1,yes,no,online,\n20\"25-01-02,A,AHIMA,ahima,,1,yes,no,online,\n", []string{"3 "}},
		{"minutes beyond 32 bits", csvHeader + "2025-01-02,A,AHIMA,ahima,2147483648,1,yes,no,online,\n", []string{"2 minutes"}},
		{"minutes beyond 64 bits", csvHeader + "2025-01-02,A,AHIMA,ahima,99999999999999999999,1,yes,no,online,\n", []string{"2 minutes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, problems := ParseCEUCSV(strings.NewReader(tt.csv), 7, today, earned)
			var got []string
			for _, p := range problems {
				got = append(got, strings.TrimSpace(itoaTest(p.Line)+" "+p.Field))
			}
			if len(tt.want) == 0 {
				if problems != nil || len(entries) == 0 {
					t.Fatalf("got problems %v, want the rows accepted", problems)
				}
				return
			}
			if entries != nil {
				t.Fatalf("got %d entries alongside problems, want none (all or nothing)", len(entries))
			}
			if strings.Join(got, ";") != strings.TrimSpace(strings.Join(tt.want, ";")) {
				t.Fatalf("got problems %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCEUCSVRoundTrip(t *testing.T) {
	minutes := 165
	in := []CEUEntry{
		{ActivityDate: date("2025-01-02"), Title: "A, \"quoted\"", Provider: "AHIMA", ProviderKind: "ahima", Minutes: &minutes, CEUs: 300, InHIIMDomain: true, Delivery: "online"},
		{ActivityDate: date("2025-02-03"), Title: "B", Provider: "NCRA", ProviderKind: "other", CEUs: 125, CategoryA: true, Delivery: "in_person", Notes: "line one\nline two"},
	}
	var buf bytes.Buffer
	if err := WriteCEUCSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, problems := ParseCEUCSV(&buf, 1, date("2026-01-01"), date("2024-01-01"))
	if problems != nil {
		t.Fatalf("got problems %v", problems)
	}
	for i := range in {
		a, b := in[i], out[i]
		if !a.ActivityDate.Equal(b.ActivityDate) || a.Title != b.Title || a.CEUs != b.CEUs || a.InHIIMDomain != b.InHIIMDomain ||
			a.CategoryA != b.CategoryA || a.Delivery != b.Delivery || a.Notes != b.Notes || (a.Minutes == nil) != (b.Minutes == nil) {
			t.Errorf("row %d: got %+v, want %+v", i, b, a)
		}
	}
}

func TestParseCEUs(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"2", 200, true}, {"1.5", 150, true}, {"0.25", 25, true}, {".5", 50, true}, {"-1", -100, true},
		{"1.255", 0, false}, {"abc", 0, false}, {"", 0, false}, {"1e3", 0, false}, {"1,5", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseCEUs(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseCEUs(%q): got %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func itoaTest(n int) string { return FormatCEUs(n * 100) }

func TestParseCEUCSVLimits(t *testing.T) {
	today, earned := date("2026-01-01"), date("2024-03-15")
	row := "2025-01-02,A,AHIMA,ahima,,1,yes,no,online,\n"
	padded := "2025-01-02,A,AHIMA,ahima,,1,yes,no,online," + strings.Repeat("n", 1500) + "\n"
	tests := []struct {
		name     string
		csv      string
		wantLine int // 0: accepted
	}{
		{"the most rows", csvHeader + strings.Repeat(row, MaxImportRows), 0},
		{"one row too many", csvHeader + strings.Repeat(row, MaxImportRows+1), MaxImportRows + 2},
		{"over a megabyte", csvHeader + strings.Repeat(padded, 800), MaxImportBytes/len(padded) + 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, problems := ParseCEUCSV(strings.NewReader(tt.csv), 7, today, earned)
			if tt.wantLine == 0 {
				if problems != nil || len(entries) != MaxImportRows {
					t.Fatalf("got %d entries and problems %v, want %d entries", len(entries), problems, MaxImportRows)
				}
				return
			}
			if entries != nil || len(problems) != 1 {
				t.Fatalf("got %d entries and problems %v, want one problem and nothing imported", len(entries), problems)
			}
			if p := problems[0]; p.Line < max(tt.wantLine-2, 1) || p.Line > tt.wantLine+2 || !strings.Contains(p.Message, "1000 activities and 1 MB") {
				t.Fatalf("got %+v, want line about %d naming both limits", p, tt.wantLine)
			}
		})
	}
}

func TestParseMinutes(t *testing.T) {
	tests := []struct {
		text string
		want int // 0: refused
	}{
		{"90", 90}, {" 45 ", 45}, {"10000", 10000}, {"10001", 0}, {"0", 0}, {"-5", 0}, {"", 0},
		{"2147483648", 0}, {"99999999999999999999", 0}, {"1.5", 0}, {"1e3", 0}, {"+5", 0}, {"-", 0}, {"٣", 0},
	}
	for _, tt := range tests {
		got, err := ParseMinutes(tt.text)
		if got != tt.want || (err == nil) != (tt.want != 0) {
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d", tt.text, got, err, tt.want)
		}
	}
}
