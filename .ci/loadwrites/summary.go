package main

import (
	"fmt"
	"io"
	"os"
)

// summaryHeader names the columns of the summary table .ci/load-writes prints after
// every run: one line per database (and mode).
const summaryHeader = "database            requests  non-2xx  entries rows/201s  evidence rows/201s  p50 ms  p99 ms  writes during import p99/max ms"

// summaryLine is one run in the summary table.
type summaryLine struct {
	label                      string
	requests, bad              int
	entryRows, entry201s       int64
	evidenceRows, evidence201s int64
	p50, p99                   float64
	importer                   bool
	duringP99, duringMax       float64
}

// summarise condenses the run: rows created against 201 answers (an import's 201
// counts the rows it reports imported), and all requests' p50/p99.
func (s *stats) summarise(label string, writers int, importer bool, rows rowCounts) summaryLine {
	all, bad := s.all()
	line := summaryLine{label: fmt.Sprintf("%s %dw", label, writers), requests: len(all), bad: bad,
		entryRows: rows.entries, entry201s: int64(s.statuses[createKind][201] + s.rowsImported),
		evidenceRows: rows.evidence, evidence201s: int64(s.statuses[evidenceKind][201]),
		p50: ms(pct(all, 50)), p99: ms(pct(all, 99)), importer: importer}
	if importer {
		during := s.writesDuringImports()
		line.label += " +import"
		line.duringP99, line.duringMax = ms(pct(during, 99)), ms(pct(during, 100))
	}
	return line
}

func (l summaryLine) write(w io.Writer) error {
	during := "-"
	if l.importer {
		during = fmt.Sprintf("%.1f / %.1f", l.duringP99, l.duringMax)
	}
	_, err := fmt.Fprintf(w, "%-19s %8d %8d %9d/%-8d %9d/%-9d %7.1f %7.1f  %s\n", l.label, l.requests, l.bad,
		l.entryRows, l.entry201s, l.evidenceRows, l.evidence201s, l.p50, l.p99, during)
	return err
}

// printTable prints the header and the lines runs appended to file.
func printTable(w io.Writer, file string) error {
	lines, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n%s", summaryHeader, lines)
	return err
}
