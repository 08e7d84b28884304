package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"hitpath/app"
)

// The kinds of request the writers and the importer send.
const (
	createKind   = "create entry"
	evidenceKind = "upload evidence"
	importKind   = "import 1000 rows"
)

// request is one answered request: when it started and how long it took.
type request struct {
	start time.Time
	took  time.Duration
}

// span is the time one import request was in flight.
type span struct{ start, end time.Time }

// stats collects every request's latency and status by kind, and the imports.
type stats struct {
	mu           sync.Mutex
	requests     map[string][]request
	statuses     map[string]map[int]int
	firstBad     map[string]string
	imports      []span
	rowsImported int
}

func newStats() *stats {
	return &stats{requests: map[string][]request{}, statuses: map[string]map[int]int{}, firstBad: map[string]string{}}
}

func (s *stats) record(kind string, status int, start time.Time, took time.Duration, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[kind] = append(s.requests[kind], request{start: start, took: took})
	if s.statuses[kind] == nil {
		s.statuses[kind] = map[int]int{}
	}
	s.statuses[kind][status]++
	if (status < 200 || status > 299) && s.firstBad[kind] == "" {
		s.firstBad[kind] = fmt.Sprintf("%d %.200s", status, body)
	}
}

// imported records an import that saved rows between start and end.
func (s *stats) imported(start, end time.Time, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.imports = append(s.imports, span{start, end})
	s.rowsImported += rows
}

// writesDuringImports are the latencies of other users' writes (entries and
// evidence) that were in flight at the same time as an import.
func (s *stats) writesDuringImports() []time.Duration {
	var lat []time.Duration
	for _, kind := range []string{createKind, evidenceKind} {
		for _, r := range s.requests[kind] {
			end := r.start.Add(r.took)
			for _, imp := range s.imports {
				if r.start.Before(imp.end) && end.After(imp.start) {
					lat = append(lat, r.took)
					break
				}
			}
		}
	}
	return lat
}

// rowCounts are the rows the run left in the database.
type rowCounts struct{ entries, evidence int64 }

// countRows opens the server's database (read only in spirit) and counts its rows.
func countRows(dataDir, databaseURL string) (rowCounts, error) {
	cfg := app.Config{DataDir: dataDir, DatabaseURL: databaseURL, MaxDBConns: 2}
	if dataDir == "" {
		cfg.DataDir = filepath.Join(".", "data")
	}
	db, err := app.OpenDB(cfg)
	if err != nil {
		return rowCounts{}, err
	}
	if sqlDB, err := db.DB(); err == nil {
		defer sqlDB.Close()
	}
	var rows rowCounts
	if err := db.Table("ceu_entries").Count(&rows.entries).Error; err != nil {
		return rows, err
	}
	return rows, db.Table("evidence_files").Count(&rows.evidence).Error
}

// print writes the detailed table: one line per kind of request, then rows against
// 201s, and in importer mode the latency of writes made while an import ran.
func (s *stats) print(w io.Writer, label string, writers int, duration time.Duration, rows rowCounts) {
	fmt.Fprintf(w, "\n%s: %d writers for %s\n", label, writers, duration)
	fmt.Fprintf(w, "%-18s %9s %8s %9s %9s %9s  %s\n", "request", "requests", "non-2xx", "p50 ms", "p99 ms", "max ms", "statuses")
	kinds := make([]string, 0, len(s.requests))
	for kind := range s.requests {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		lat := latencies(s.requests[kind])
		fmt.Fprintf(w, "%-18s %9d %8d %9.1f %9.1f %9.1f  %v\n", kind, len(lat), s.nonOK(kind), ms(pct(lat, 50)), ms(pct(lat, 99)), ms(pct(lat, 100)), s.statuses[kind])
	}
	all, bad := s.all()
	fmt.Fprintf(w, "%-18s %9d %8d %9.1f %9.1f %9.1f\n", "all", len(all), bad, ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 100)))
	fmt.Fprintf(w, "ceu_entries rows %d vs 201s %d (+ %d imported); evidence_files rows %d vs 201s %d\n",
		rows.entries, s.statuses[createKind][201], s.rowsImported, rows.evidence, s.statuses[evidenceKind][201])
	if len(s.imports) > 0 {
		during := s.writesDuringImports()
		fmt.Fprintf(w, "%d imports; %d other writes in flight during one: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
			len(s.imports), len(during), ms(pct(during, 50)), ms(pct(during, 99)), ms(pct(during, 100)))
	}
	for kind, first := range s.firstBad {
		fmt.Fprintf(w, "first non-2xx of %s: %s\n", kind, first)
	}
}

// nonOK counts the answers of kind outside 2xx, transport errors (0) included.
func (s *stats) nonOK(kind string) int {
	n := 0
	for status, count := range s.statuses[kind] {
		if status < 200 || status > 299 {
			n += count
		}
	}
	return n
}

// all returns every latency and the number of non-2xx answers.
func (s *stats) all() ([]time.Duration, int) {
	var lat []time.Duration
	bad := 0
	for kind, reqs := range s.requests {
		lat = append(lat, latencies(reqs)...)
		bad += s.nonOK(kind)
	}
	return lat, bad
}

func latencies(reqs []request) []time.Duration {
	lat := make([]time.Duration, len(reqs))
	for i, r := range reqs {
		lat[i] = r.took
	}
	return lat
}

func pct(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	sorted := slices.Clone(lat)
	slices.Sort(sorted)
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
