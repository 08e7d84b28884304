package models

import (
	"context"
	"io"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CEUImportOptions says how ImportCEUCSV treats a file.
type CEUImportOptions struct {
	// Today is the holder's date: activities after it are refused.
	Today time.Time
	// Now stamps the saved rows.
	Now time.Time
	// Preview checks the file and sorts its rows without saving anything.
	Preview bool
	// IncludeDuplicates imports rows already in the log too; by default they are
	// skipped.
	IncludeDuplicates bool
	// Progress, when set, is called after each saved batch with rows saved so far.
	Progress func(done, total int)
	// Columns are the file's columns the user chose; nil finds them by heading.
	Columns CEUColumns
}

// CEUImport is what an import did, or would do when previewed.
type CEUImport struct {
	// New are the rows not yet in the log; Duplicates those already there.
	New        []CEURow
	Duplicates []CEURow
	// Imported is how many rows were saved (0 in a preview).
	Imported int
	// Notes say how the file was read where it could be read two ways (the order of
	// its slash dates).
	Notes []string
}

// Skipped is how many rows were, or would be, left out as already in the log.
func (r CEUImport) Skipped(opts CEUImportOptions) int {
	if opts.IncludeDuplicates {
		return 0
	}
	return len(r.Duplicates)
}

// ImportCEUCSV is the one CSV import flow the page, the API and the command line
// share: read and check every row (all or nothing), recognise the rows already in
// the holder's log (SplitDuplicates), then save the new ones — and the duplicates only
// when asked — in one transaction. Problems come back with nothing saved.
func ImportCEUCSV(ctx context.Context, db *gorm.DB, userID int64, r io.Reader, opts CEUImportOptions) (CEUImport, []ImportProblem, error) {
	held, err := ListHeldCredentials(ctx, db, userID)
	if err != nil {
		return CEUImport{}, nil, err
	}
	rows, notes, problems := readCEUCSV(r, opts.Columns, userID, opts.Today, EarliestEarnedOn(held))
	if problems != nil {
		return CEUImport{}, problems, nil
	}
	existing, err := ListCEUEntries(ctx, db, userID, CEUFilter{})
	if err != nil {
		return CEUImport{}, nil, err
	}
	result := SplitDuplicates(rows, existing)
	result.Notes = notes
	if opts.Preview {
		return result, nil, nil
	}
	save := result.New
	if opts.IncludeDuplicates {
		save = append(append([]CEURow(nil), result.New...), result.Duplicates...)
	}
	entries := make([]CEUEntry, len(save))
	for i, row := range save {
		entries[i] = row.Entry
	}
	var progress func(int)
	if opts.Progress != nil {
		progress = func(done int) { opts.Progress(done, len(entries)) }
	}
	if err := ImportCEUEntries(ctx, db, entries, opts.Now, progress); err != nil {
		return CEUImport{}, nil, err
	}
	result.Imported = len(entries)
	return result, nil, nil
}

// duplicateKey is what makes two entries the same activity: date, title, provider
// (both compared without case and surrounding spaces) and CEUs.
type duplicateKey struct {
	date            string
	title, provider string
	ceus            int
}

func keyOf(e CEUEntry) duplicateKey {
	return duplicateKey{date: DateOnly(e.ActivityDate.UTC()).Format(time.DateOnly),
		title:    strings.ToLower(strings.TrimSpace(e.Title)),
		provider: strings.ToLower(strings.TrimSpace(e.Provider)), ceus: e.CEUs}
}

// SplitDuplicates sorts rows into those new to the log and those already in it: a row
// is already there when its id names one of existing, or when an existing entry has
// its date, title, provider and CEUs. Order is kept within each group.
func SplitDuplicates(rows []CEURow, existing []CEUEntry) CEUImport {
	ids := make(map[int64]bool, len(existing))
	keys := make(map[duplicateKey]bool, len(existing))
	for _, e := range existing {
		ids[e.ID] = true
		keys[keyOf(e)] = true
	}
	var out CEUImport
	for _, row := range rows {
		if (row.SourceID != 0 && ids[row.SourceID]) || keys[keyOf(row.Entry)] {
			out.Duplicates = append(out.Duplicates, row)
		} else {
			out.New = append(out.New, row)
		}
	}
	return out
}
