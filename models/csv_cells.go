package models

import (
	"encoding/csv"
	"io"
	"strings"
)

// csvFormulaStart reports whether a spreadsheet would run a cell starting with c
// as a formula (a tab or carriage return is skipped by some programs before one).
func csvFormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// csvNeedsApostrophe reports whether cell, after any leading apostrophes, starts
// like a formula: such a cell gets one more apostrophe on export and loses one on
// import, so every cell survives a round trip exactly.
func csvNeedsApostrophe(cell string) bool {
	rest := strings.TrimLeft(cell, "'")
	return rest != "" && csvFormulaStart(rest[0])
}

// CSVSafeCell makes a cell a spreadsheet shows as text: one that would start a
// formula gets a leading apostrophe. CSVCellValue undoes it.
func CSVSafeCell(cell string) string {
	if csvNeedsApostrophe(cell) {
		return "'" + cell
	}
	return cell
}

// CSVCellValue is the inverse of CSVSafeCell: it removes the apostrophe the export
// put before a formula-like cell.
func CSVCellValue(cell string) string {
	if strings.HasPrefix(cell, "'") && csvNeedsApostrophe(cell[1:]) {
		return cell[1:]
	}
	return cell
}

// csvBOM lets Excel on Windows read the file as UTF-8.
const csvBOM = "\ufeff"

// WriteSpreadsheetCSV writes records as RFC 4180 CSV for spreadsheets: a UTF-8
// byte order mark, CRLF line ends and every cell made safe (CSVSafeCell).
func WriteSpreadsheetCSV(w io.Writer, records [][]string) error {
	if _, err := io.WriteString(w, csvBOM); err != nil {
		return err
	}
	out := csv.NewWriter(w)
	out.UseCRLF = true
	for _, record := range records {
		safe := make([]string, len(record))
		for i, cell := range record {
			safe[i] = CSVSafeCell(cell)
		}
		if err := out.Write(safe); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}
