package models

import (
	"strings"
	"testing"
)

func TestNewJoinCode(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		code, err := NewJoinCode()
		if err != nil {
			t.Fatal(err)
		}
		if len(code) < 8 || strings.Trim(code, cohortJoinCodeAlphabet) != "" {
			t.Fatalf("got code %q, want %d characters from %s", code, JoinCodeLength, cohortJoinCodeAlphabet)
		}
		if seen[code] {
			t.Fatalf("got code %q twice in 200 draws", code)
		}
		seen[code] = true
	}
}

func TestNormalizeJoinCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abcd-efgh-jk", "ABCDEFGHJK"},
		{"  K7MP Q2XR9A ", "K7MPQ2XR9A"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeJoinCode(tt.in); got != tt.want {
			t.Errorf("NormalizeJoinCode(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpreadsheetSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+2", "'=1+2"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"Ana = Lima", "Ana = Lima"},
		{"", ""},
		{"Zoë", "Zoë"},
		{"'=1", "''=1"},
		{"''-x", "'''-x"},
		{"'plain", "'plain"},
		{"'", "'"},
	}
	for _, tt := range tests {
		got := CSVSafeCell(tt.in)
		if got != tt.want {
			t.Errorf("CSVSafeCell(%q): got %q, want %q", tt.in, got, tt.want)
		}
		if back := CSVCellValue(got); back != tt.in {
			t.Errorf("CSVCellValue(%q): got %q, want %q back", got, back, tt.in)
		}
	}
}
