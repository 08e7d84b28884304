package models

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCEUCSVCorpus reads files as spreadsheets and scripts write them (testdata/ceu_csv)
// and compares what the import makes of each with the .want file beside it: one
// "entry: date|title|provider|kind|minutes|ceus|hiim|category_a|delivery|notes" line
// per activity, or one "problem: line field" line per refusal.
func TestCEUCSVCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/ceu_csv/*.csv")
	if err != nil || len(files) < 8 {
		t.Fatalf("got corpus %v (%v), want the spreadsheet files", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want, err := os.ReadFile(strings.TrimSuffix(path, ".csv") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			entries, problems := ParseCEUCSV(f, 1, date("2026-01-01"), date("2024-01-01"))
			if got := corpusResult(entries, problems); got != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func corpusResult(entries []CEUEntry, problems []ImportProblem) string {
	var b strings.Builder
	for _, e := range entries {
		minutes := ""
		if e.Minutes != nil {
			minutes = strconv.Itoa(*e.Minutes)
		}
		cells := []string{e.ActivityDate.Format("2006-01-02"), e.Title, e.Provider, e.ProviderKind, minutes, FormatCEUs(e.CEUs),
			YesNo(e.InHIIMDomain), YesNo(e.CategoryA), e.Delivery, strings.ReplaceAll(e.Notes, "\n", `\n`)}
		b.WriteString("entry: " + strings.Join(cells, "|") + "\n")
	}
	for _, p := range problems {
		b.WriteString("problem: " + strconv.Itoa(p.Line) + " " + p.Field + "\n")
	}
	return b.String()
}
