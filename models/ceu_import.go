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
// The id lets a re-import recognise entries already in the log; columns are found by
// their headings (MatchCEUColumns), so a file without the id is read too.
var CEUCSVHeader = []string{"id", "date", "title", "provider", "provider_kind", "minutes", "ceus", "hiim_domain", "category_a", "delivery", "notes"}

// CEUCSVHeaderWithoutID is the header of files without an id column (older exports).
var CEUCSVHeaderWithoutID = CEUCSVHeader[1:]

// csvFieldNames maps CEUEntryInput's field names to the CSV's column names.
var csvFieldNames = map[string]string{FieldActivityDate: "date", FieldInHIIMDomain: "hiim_domain"}

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

// CEURow is one activity read from a CSV file.
type CEURow struct {
	// Line is the row's line number in the file.
	Line int
	// SourceID is the id column's value: the entry's id in the log it was exported
	// from; 0 when the file has none.
	SourceID int64
	// Entry is the activity, not yet saved (ID 0).
	Entry CEUEntry
}

// ParseCEUCSV reads a CEU CSV file into entries for userID; see ReadCEUCSVColumns.
func ParseCEUCSV(r io.Reader, userID int64, today, earliest time.Time) ([]CEUEntry, []ImportProblem) {
	return ParseCEUCSVColumns(r, nil, userID, today, earliest)
}

// ParseCEUCSVColumns is ParseCEUCSV with the columns chosen by the user; nil
// matches them by their headings.
func ParseCEUCSVColumns(r io.Reader, columns CEUColumns, userID int64, today, earliest time.Time) ([]CEUEntry, []ImportProblem) {
	rows, problems := ReadCEUCSVColumns(r, columns, userID, today, earliest)
	if problems != nil {
		return nil, problems
	}
	entries := make([]CEUEntry, len(rows))
	for i, row := range rows {
		entries[i] = row.Entry
	}
	return entries, nil
}

// ReadCEUCSV reads a CEU CSV file with the columns found by their headings.
func ReadCEUCSV(r io.Reader, userID int64, today, earliest time.Time) ([]CEURow, []ImportProblem) {
	return ReadCEUCSVColumns(r, nil, userID, today, earliest)
}

// ReadCEUCSVColumns reads a CEU CSV file into rows for userID, checking every row
// with CEUEntryInput.Entry, the parser every way in shares, with the columns chosen
// (nil: found by their headings, MatchCEUColumns). It is all or nothing: when any
// row has a problem, every problem is returned (by line number) and no rows. A file
// over MaxImportBytes or MaxImportRows is refused whole, so that one import holds the
// write lock briefly.
func ReadCEUCSVColumns(r io.Reader, columns CEUColumns, userID int64, today, earliest time.Time) ([]CEURow, []ImportProblem) {
	rows, _, problems := readCEUCSV(r, columns, userID, today, earliest)
	return rows, problems
}

// readCEUCSV is ReadCEUCSVColumns that also returns notes on how the file was read
// (the order of its slash dates, DecideSlashDateOrder).
func readCEUCSV(r io.Reader, columns CEUColumns, userID int64, today, earliest time.Time) ([]CEURow, []string, []ImportProblem) {
	limited := &importSizeGuard{r: r}
	raw, err := io.ReadAll(limited)
	if err != nil {
		return nil, nil, []ImportProblem{{Line: 1, Message: "The file could not be read."}}
	}
	if limited.over() {
		return nil, nil, []ImportProblem{importTooBig(1 + bytes.Count(raw, []byte{'\n'}))}
	}
	table := ReadCSVTable(raw)
	if len(table.Rows) > MaxImportRows {
		return nil, nil, []ImportProblem{importTooBig(table.Rows[MaxImportRows].Line)}
	}
	if table.Header == nil {
		if len(table.Problems) > 0 {
			return nil, nil, table.Problems
		}
		return nil, nil, []ImportProblem{{Line: 1, Message: "The file is empty or not CSV: the first line must be " + strings.Join(CEUCSVHeader, ",") + "."}}
	}
	if columns == nil {
		var ok bool
		if columns, ok = MatchCEUColumns(table.Header); !ok {
			return nil, nil, []ImportProblem{headerProblem(table.Header)}
		}
	}
	problems := table.Problems
	var records []CSVRow
	var dates []SlashDate
	for _, cells := range table.Rows {
		if len(cells.Cells) != len(table.Header) {
			problems = append(problems, ImportProblem{Line: cells.Line, Field: "columns", Message: fmt.Sprintf(
				"Expected %d columns, found %d.", len(table.Header), len(cells.Cells))})
			continue
		}
		record := CSVRow{Line: cells.Line, Cells: columns.Record(cells.Cells)}
		records = append(records, record)
		dates = append(dates, SlashDate{Line: record.Line, Text: record.Cells[ceuDateColumn]})
	}
	order, orderProblems := DecideSlashDateOrder(dates)
	if orderProblems != nil {
		// Every slash date would be misread either way: say only that.
		return nil, nil, append(problems, orderProblems...)
	}
	var rows []CEURow
	for _, record := range records {
		record.Cells[ceuDateColumn] = order.ISO(record.Cells[ceuDateColumn])
		row, rowProblems := parseCEURow(record.Cells, record.Line, userID, today, earliest)
		problems = append(problems, rowProblems...)
		rows = append(rows, row)
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b ImportProblem) int { return a.Line - b.Line })
		return nil, nil, problems
	}
	if len(rows) == 0 {
		return nil, nil, []ImportProblem{{Line: 1, Message: "The file has a header but no activities."}}
	}
	return rows, order.Notes, nil
}

// ceuDateColumn is the date's place in CEUCSVHeader.
var ceuDateColumn = slices.Index(CEUCSVHeader, "date")

func headerProblem(header []string) ImportProblem {
	return ImportProblem{Line: 1, Field: "header", Message: fmt.Sprintf(
		"The columns must be %s (got %s). Rename them, or choose below which of your columns hold ours.",
		strings.Join(CEUCSVHeader, ","), strings.Join(header, ","))}
}

// parseCEURow turns one record, in CEUCSVHeader order, into a row and the problems
// found in it, each filed under the CSV's name for the field.
func parseCEURow(record []string, line int, userID int64, today, earliest time.Time) (CEURow, []ImportProblem) {
	if len(record) != len(CEUCSVHeader) {
		return CEURow{Line: line}, []ImportProblem{{Line: line, Field: "columns", Message: fmt.Sprintf(
			"Expected %d columns, found %d.", len(CEUCSVHeader), len(record))}}
	}
	value := map[string]string{}
	for i, name := range CEUCSVHeader {
		value[name] = strings.TrimSpace(record[i])
	}
	in := CEUEntryInput{ActivityDate: value["date"], Title: value["title"], Provider: value["provider"],
		ProviderKind: value["provider_kind"], Minutes: value["minutes"], CEUs: value["ceus"],
		InHIIMDomain: value["hiim_domain"], CategoryA: value["category_a"], Delivery: value["delivery"], Notes: value["notes"]}
	row := CEURow{Line: line}
	problems := Problems{}
	if text := value["id"]; text != "" {
		id, err := strconv.ParseInt(text, 10, 64)
		if err != nil || id <= 0 {
			problems.add("id", "The id must be a whole number from an export, or empty.")
		}
		row.SourceID = id
	}
	var entryProblems Problems
	row.Entry, entryProblems = in.Entry(CEUEntry{UserID: userID}, today, earliest)
	for field, message := range entryProblems {
		if name, ok := csvFieldNames[field]; ok {
			field = name
		}
		problems.add(field, message)
	}
	return row, rowProblems(line, problems)
}

// rowProblems lists a row's field problems in column order.
func rowProblems(line int, fields Problems) []ImportProblem {
	var problems []ImportProblem
	for _, name := range CEUCSVHeader {
		if message, ok := fields[name]; ok {
			problems = append(problems, ImportProblem{Line: line, Field: name, Message: message})
		}
	}
	return problems
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
		id := ""
		if e.ID != 0 {
			id = strconv.FormatInt(e.ID, 10)
		}
		record := []string{id, e.ActivityDate.Format(time.DateOnly), e.Title, e.Provider, e.ProviderKind, minutes,
			FormatCEUs(e.CEUs), YesNo(e.InHIIMDomain), YesNo(e.CategoryA), e.Delivery, e.Notes}
		records = append(records, record)
	}
	return WriteSpreadsheetCSV(w, records)
}

// ImportCEUEntries saves parsed entries in one transaction, in batches, calling
// progress after each batch with the number saved so far. Any failure saves nothing.
func ImportCEUEntries(ctx context.Context, db *gorm.DB, entries []CEUEntry, now time.Time, progress func(done int)) error {
	for i := range entries {
		entries[i].ActivityDate = DateOnly(entries[i].ActivityDate)
		entries[i].CreatedAt, entries[i].UpdatedAt = now, now
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for start := 0; start < len(entries); start += insertBatch {
			batch := entries[start:min(start+insertBatch, len(entries))]
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
