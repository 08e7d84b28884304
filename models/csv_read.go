package models

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// CSVRow is one record of an uploaded CSV with the line it starts on.
type CSVRow struct {
	Line  int
	Cells []string
}

// CSVTable is an uploaded CSV decoded to UTF-8 and split: the header, the rows
// that have any content, and the rows that could not be read (by line).
type CSVTable struct {
	Header   []string
	Rows     []CSVRow
	Problems []ImportProblem
	// Converted names the encoding the file was converted from, if not UTF-8.
	Converted string
}

// DecodeCSVText turns the bytes of an uploaded file into UTF-8 text: UTF-8 with or
// without a byte order mark as it is, UTF-16 with a byte order mark (Excel's
// "Unicode text") decoded, and anything else that is not valid UTF-8 read as
// Windows-1252, what Excel on Windows writes for "CSV". It names the conversion.
func DecodeCSVText(raw []byte) (string, string) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		text, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(raw)
		if err == nil {
			return string(text), "UTF-16"
		}
	case utf8.Valid(raw):
		return strings.TrimPrefix(string(raw), csvBOM), ""
	}
	text, _ := charmap.Windows1252.NewDecoder().Bytes(raw)
	return string(text), "Windows-1252"
}

// csvSeparator picks the separator of the first non-blank line: the one of comma,
// semicolon (European Excel) and tab that occurs most outside quotes; comma on a tie.
func csvSeparator(text string) rune {
	line := strings.TrimLeft(text, "\r\n")
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		if r == '"' {
			quoted = !quoted
		} else if !quoted {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// ReadCSVTable reads an uploaded CSV whatever spreadsheet wrote it: any of the
// encodings DecodeCSVText knows, comma, semicolon or tab separated, rows of only
// separators skipped, and a malformed line (a stray quote) reported by its line
// instead of stopping the whole file.
func ReadCSVTable(raw []byte) CSVTable {
	text, converted := DecodeCSVText(raw)
	if BadText(text) {
		line := 1 + strings.Count(text[:max(strings.IndexByte(text, 0), 0)], "\n")
		return CSVTable{Converted: converted, Problems: []ImportProblem{{Line: line, Message: BadTextMessage("file")}}}
	}
	reader := csv.NewReader(strings.NewReader(text))
	reader.Comma = csvSeparator(text)
	reader.FieldsPerRecord = -1
	table := CSVTable{Converted: converted}
	for {
		record, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var parseErr *csv.ParseError
		if errors.As(err, &parseErr) && table.Header == nil {
			// Without the headings no later line can be matched to columns.
			table.Problems = append(table.Problems, ImportProblem{Line: parseErr.StartLine, Field: "header", Message: "The line of column headings is not valid CSV: " +
				parseErr.Err.Error() + ". Remove the stray quote, or quote the whole heading and double the quote inside it."})
			break
		}
		if errors.As(err, &parseErr) {
			table.Problems = append(table.Problems, csvLineProblem(parseErr))
			continue
		}
		if err != nil {
			table.Problems = append(table.Problems, ImportProblem{Line: 1, Message: "The file could not be read: " + err.Error()})
			break
		}
		line, _ := reader.FieldPos(0)
		if csvBlank(record) || (table.Header == nil && psTypeLine(record)) {
			continue
		}
		if table.Header == nil {
			table.Header = record
			continue
		}
		table.Rows = append(table.Rows, CSVRow{Line: line, Cells: record})
	}
	return table
}

// psTypeLine is the "#TYPE ..." line Windows PowerShell's Export-Csv writes before
// the header unless told not to.
func psTypeLine(record []string) bool {
	return len(record) == 1 && strings.HasPrefix(record[0], "#TYPE ")
}

func csvBlank(record []string) bool {
	for _, cell := range record {
		if strings.TrimSpace(cell) != "" {
			return false
		}
	}
	return true
}

// csvLineProblem words a line that is not valid CSV for a person: where it starts and
// how to quote a cell.
func csvLineProblem(parseErr *csv.ParseError) ImportProblem {
	return ImportProblem{Line: parseErr.StartLine, Message: "This line is not valid CSV: " + parseErr.Err.Error() +
		". A quote inside a cell must be doubled and the whole cell quoted, like \"Course \"\"A\"\"\"."}
}
