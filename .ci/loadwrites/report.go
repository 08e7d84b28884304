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

// stats collects every request's latency and status by kind.
type stats struct {
	mu        sync.Mutex
	latencies map[string][]time.Duration
	statuses  map[string]map[int]int
	firstBad  map[string]string
}

func newStats() *stats {
	return &stats{latencies: map[string][]time.Duration{}, statuses: map[string]map[int]int{}, firstBad: map[string]string{}}
}

func (s *stats) record(kind string, status int, took time.Duration, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latencies[kind] = append(s.latencies[kind], took)
	if s.statuses[kind] == nil {
		s.statuses[kind] = map[int]int{}
	}
	s.statuses[kind][status]++
	if (status < 200 || status > 299) && s.firstBad[kind] == "" {
		s.firstBad[kind] = fmt.Sprintf("%d %.200s", status, body)
	}
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

// print writes the table: one line per kind of request, then rows against 201s.
func (s *stats) print(w io.Writer, label string, writers int, duration time.Duration, rows rowCounts) {
	fmt.Fprintf(w, "\n%s: %d writers for %s\n", label, writers, duration)
	fmt.Fprintf(w, "%-18s %9s %8s %9s %9s %9s  %s\n", "request", "requests", "non-2xx", "p50 ms", "p99 ms", "max ms", "statuses")
	var all []time.Duration
	total, bad := 0, 0
	kinds := make([]string, 0, len(s.latencies))
	for kind := range s.latencies {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		lat := s.latencies[kind]
		all = append(all, lat...)
		nonOK := 0
		for status, n := range s.statuses[kind] {
			if status < 200 || status > 299 {
				nonOK += n
			}
		}
		total, bad = total+len(lat), bad+nonOK
		fmt.Fprintf(w, "%-18s %9d %8d %9.1f %9.1f %9.1f  %v\n", kind, len(lat), nonOK, ms(pct(lat, 50)), ms(pct(lat, 99)), ms(pct(lat, 100)), s.statuses[kind])
	}
	fmt.Fprintf(w, "%-18s %9d %8d %9.1f %9.1f %9.1f\n", "all", total, bad, ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 100)))
	entries201 := s.statuses["create entry"][201] + 1000*s.statuses["import 1000 rows"][201]
	fmt.Fprintf(w, "ceu_entries rows %d vs 201s %d; evidence_files rows %d vs 201s %d\n",
		rows.entries, entries201, rows.evidence, s.statuses["upload evidence"][201])
	for kind, first := range s.firstBad {
		fmt.Fprintf(w, "first non-2xx of %s: %s\n", kind, first)
	}
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
