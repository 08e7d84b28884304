package models

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CEUCSVHeader is the column list of the CEU CSV export, which the import reads back.
var CEUCSVHeader = []string{"date", "title", "provider", "provider_kind", "minutes", "ceus", "hiim_domain", "category_a", "delivery", "notes"}

// ImportProblem is one reason a CSV row (or the file) was refused.
type ImportProblem struct {
	Line    int    `json:"line"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error formats the problem for a terminal.
func (p ImportProblem) Error() string {
	if p.Field == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Message)
	}
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Field, p.Message)
}

// ParseCEUCSV reads a CEU CSV file into entries for userID, checking every row the
// way the entry form does, with the columns found by their headings
// (MatchCEUColumns). It is all or nothing: when any row has a problem, every
// problem is returned (by line number) and no entries. A file over MaxImportBytes or
// MaxImportRows is refused whole, so that one import holds the write lock briefly.
func ParseCEUCSV(r io.Reader, userID int64, today, earliest time.Time) ([]CEUEntry, []ImportProblem) {
	return ParseCEUCSVColumns(r, nil, userID, today, earliest)
}

// ParseCEUCSVColumns is ParseCEUCSV with the columns chosen by the user; nil
// matches them by their headings.
func ParseCEUCSVColumns(r io.Reader, columns CEUColumns, userID int64, today, earliest time.Time) ([]CEUEntry, []ImportProblem) {
	limited := &importSizeGuard{r: r}
	raw, err := io.ReadAll(limited)
	if err != nil {
		return nil, []ImportProblem{{Line: 1, Message: "The file could not be read."}}
	}
	if limited.over() {
		return nil, []ImportProblem{importTooBig(1 + bytes.Count(raw, []byte{'\n'}))}
	}
	table := ReadCSVTable(raw)
	if len(table.Rows) > MaxImportRows {
		return nil, []ImportProblem{importTooBig(table.Rows[MaxImportRows].Line)}
	}
	if table.Header == nil {
		return nil, append(table.Problems, ImportProblem{Line: 1, Message: "The file is empty or not CSV: the first line must be " + strings.Join(CEUCSVHeader, ",") + "."})
	}
	if columns == nil {
		var ok bool
		if columns, ok = MatchCEUColumns(table.Header); !ok {
			return nil, []ImportProblem{headerProblem(table.Header)}
		}
	}
	var entries []CEUEntry
	problems := table.Problems
	for _, row := range table.Rows {
		if len(row.Cells) != len(table.Header) {
			problems = append(problems, ImportProblem{Line: row.Line, Field: "columns", Message: fmt.Sprintf(
				"Expected %d columns, found %d.", len(table.Header), len(row.Cells))})
			continue
		}
		entry, rowProblems := parseCEURow(columns.Record(row.Cells), row.Line, userID, today, earliest)
		problems = append(problems, rowProblems...)
		entries = append(entries, entry)
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b ImportProblem) int { return a.Line - b.Line })
		return nil, problems
	}
	if len(entries) == 0 {
		return nil, []ImportProblem{{Line: 1, Message: "The file has a header but no activities."}}
	}
	return entries, nil
}

func headerProblem(header []string) ImportProblem {
	return ImportProblem{Line: 1, Field: "header", Message: fmt.Sprintf(
		"The columns must be %s (got %s). Rename them, or choose below which of your columns hold ours.",
		strings.Join(CEUCSVHeader, ","), strings.Join(header, ","))}
}

// parseCEURow turns one record into an entry and the problems found in it.
func parseCEURow(record []string, line int, userID int64, today, earliest time.Time) (CEUEntry, []ImportProblem) {
	if len(record) != len(CEUCSVHeader) {
		return CEUEntry{}, []ImportProblem{{Line: line, Field: "columns", Message: fmt.Sprintf(
			"Expected %d columns, found %d.", len(CEUCSVHeader), len(record))}}
	}
	field := func(i int) string { return strings.TrimSpace(record[i]) }
	fields := map[string]string{}
	e := CEUEntry{UserID: userID, Title: field(1), Provider: field(2), ProviderKind: field(3),
		Delivery: field(8), Notes: field(9)}
	if d, ok := ParseImportDate(field(0)); ok {
		e.ActivityDate = d
	} else if field(0) != "" {
		fields["date"] = "Write the date as YYYY-MM-DD (2025-03-15) or M/D/YYYY (3/15/2025)."
	}
	if text := field(4); text != "" {
		if minutes, ok := ParseImportMinutes(text); ok {
			e.Minutes = &minutes
			e.CEUs = CEUsFromMinutes(minutes)
		} else {
			fields["minutes"] = "Write the minutes as a whole number (165) or hours and minutes (2:45 or 2h 45m)."
		}
	}
	if text := field(5); text != "" {
		if ceus, err := ParseImportCEUs(text); err == nil {
			e.CEUs = ceus
		} else {
			fields["ceus"] = "Write the CEUs as a number with at most two decimals, like 1.5."
		}
	}
	var err error
	if e.InHIIMDomain, err = parseYesNo(field(6)); err != nil {
		fields["hiim_domain"] = err.Error()
	}
	if e.CategoryA, err = parseYesNo(field(7)); err != nil {
		fields["category_a"] = err.Error()
	}
	for name, message := range CEUEntryProblems(e, today, earliest) {
		if name == "activity_date" {
			name = "date"
		}
		if _, seen := fields[name]; !seen {
			fields[name] = message
		}
	}
	return e, rowProblems(line, fields)
}

// rowProblems lists a row's field problems in column order.
func rowProblems(line int, fields map[string]string) []ImportProblem {
	var problems []ImportProblem
	for _, name := range CEUCSVHeader {
		if message, ok := fields[name]; ok {
			problems = append(problems, ImportProblem{Line: line, Field: name, Message: message})
		}
	}
	return problems
}

func parseYesNo(text string) (bool, error) {
	switch strings.ToLower(text) {
	case "yes", "y", "true", "1":
		return true, nil
	case "no", "n", "false", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("Write yes or no, not %q.", text)
}

// WriteCEUCSV writes entries in the format ParseCEUCSV reads, for spreadsheets
// (WriteSpreadsheetCSV).
func WriteCEUCSV(w io.Writer, entries []CEUEntry) error {
	records := [][]string{CEUCSVHeader}
	for _, e := range entries {
		minutes := ""
		if e.Minutes != nil {
			minutes = strconv.Itoa(*e.Minutes)
		}
		record := []string{e.ActivityDate.Format(time.DateOnly), e.Title, e.Provider, e.ProviderKind, minutes,
			FormatCEUs(e.CEUs), ceuYesNoText(e.InHIIMDomain), ceuYesNoText(e.CategoryA), e.Delivery, e.Notes}
		records = append(records, record)
	}
	return WriteSpreadsheetCSV(w, records)
}

func ceuYesNoText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// importBatch is how many rows one INSERT carries: 500 × 13 columns stays far below
// both databases' parameter limits.
const importBatch = 500

// ImportCEUEntries saves parsed entries in one transaction, in batches, calling
// progress after each batch with the number saved so far. Any failure saves nothing.
func ImportCEUEntries(ctx context.Context, db *gorm.DB, entries []CEUEntry, now time.Time, progress func(done int)) error {
	for i := range entries {
		entries[i].ActivityDate = DateOnly(entries[i].ActivityDate)
		entries[i].CreatedAt, entries[i].UpdatedAt = now, now
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for start := 0; start < len(entries); start += importBatch {
			batch := entries[start:min(start+importBatch, len(entries))]
			if err := tx.Create(&batch).Error; err != nil {
				return fmt.Errorf("import ceu entries %d–%d: %w", start+1, start+len(batch), err)
			}
			if progress != nil {
				progress(start + len(batch))
			}
		}
		return nil
	})
}
