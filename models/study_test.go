package models

import (
	"maps"
	"testing"
	"time"
)

func TestStudyStreak(t *testing.T) {
	today := stuDay(2026, 3, 4)
	back := func(days ...int) []time.Time {
		dates := make([]time.Time, len(days))
		for i, d := range days {
			dates[i] = today.AddDate(0, 0, -d)
		}
		return dates
	}
	tests := []struct {
		name  string
		dates []time.Time
		today time.Time
		want  int
	}{
		{"no study", nil, today, 0},
		{"today only", back(0), today, 1},
		{"yesterday only keeps the streak alive", back(1), today, 1},
		{"two days ago only", back(2), today, 0},
		{"three days running", back(0, 1, 2), today, 3},
		{"ending yesterday", back(1, 2), today, 2},
		{"gap breaks the streak", back(0, 1, 3, 4, 5), today, 2},
		{"several sessions a day count once", back(0, 0, 1, 1, 1), today, 2},
		{"future dates are ignored", back(-1, 0), today, 1},
		{"unsorted input", back(2, 0, 1), today, 3},
		{"across a leap day", []time.Time{stuDay(2024, 2, 28), stuDay(2024, 2, 29), stuDay(2024, 3, 1)}, stuDay(2024, 3, 1), 3},
		{"across a year end", []time.Time{stuDay(2025, 12, 31), stuDay(2026, 1, 1)}, stuDay(2026, 1, 2), 2},
		{"today given late in the day", back(0, 1), today.Add(23 * time.Hour), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StudyStreak(tt.dates, tt.today); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

type wantWeek struct {
	start    time.Time
	minutes  int
	byDomain map[int]int
}

func TestWeeklyMinutes(t *testing.T) {
	session := func(on time.Time, minutes, domain int) StudySession {
		return StudySession{On: on, Minutes: minutes, DomainPosition: domain}
	}
	// 2026-03-01 is a Sunday, 2026-03-02 a Monday.
	tests := []struct {
		name     string
		sessions []StudySession
		from, to time.Time
		want     []wantWeek
	}{
		{
			name:     "one full week stacked by domain",
			sessions: []StudySession{session(stuDay(2026, 3, 2), 30, 1), session(stuDay(2026, 3, 4), 15, 1), session(stuDay(2026, 3, 8), 20, 2)},
			from:     stuDay(2026, 3, 2), to: stuDay(2026, 3, 8),
			want: []wantWeek{{stuDay(2026, 3, 2), 65, map[int]int{1: 45, 2: 20}}},
		},
		{
			name:     "Sunday ends a week, Monday starts the next",
			sessions: []StudySession{session(stuDay(2026, 3, 1), 40, 3), session(stuDay(2026, 3, 2), 25, 3)},
			from:     stuDay(2026, 3, 1), to: stuDay(2026, 3, 2),
			want: []wantWeek{
				{stuDay(2026, 2, 23), 40, map[int]int{3: 40}},
				{stuDay(2026, 3, 2), 25, map[int]int{3: 25}},
			},
		},
		{
			name:     "empty week in the middle stays, with no domains",
			sessions: []StudySession{session(stuDay(2026, 3, 2), 10, 1), session(stuDay(2026, 3, 16), 10, 1)},
			from:     stuDay(2026, 3, 2), to: stuDay(2026, 3, 16),
			want: []wantWeek{
				{stuDay(2026, 3, 2), 10, map[int]int{1: 10}},
				{stuDay(2026, 3, 9), 0, nil},
				{stuDay(2026, 3, 16), 10, map[int]int{1: 10}},
			},
		},
		{
			name:     "sessions outside the range are left out, even in the first week",
			sessions: []StudySession{session(stuDay(2026, 3, 2), 60, 1), session(stuDay(2026, 3, 4), 30, 1), session(stuDay(2026, 3, 9), 45, 1)},
			from:     stuDay(2026, 3, 4), to: stuDay(2026, 3, 8),
			want: []wantWeek{{stuDay(2026, 3, 2), 30, map[int]int{1: 30}}},
		},
		{
			name:     "leap week: Feb 29 and the Sunday after share a week",
			sessions: []StudySession{session(stuDay(2024, 2, 29), 20, 1), session(stuDay(2024, 3, 3), 20, 2), session(stuDay(2024, 3, 4), 5, 2)},
			from:     stuDay(2024, 2, 26), to: stuDay(2024, 3, 4),
			want: []wantWeek{
				{stuDay(2024, 2, 26), 40, map[int]int{1: 20, 2: 20}},
				{stuDay(2024, 3, 4), 5, map[int]int{2: 5}},
			},
		},
		{
			name:     "week across a year end starts in December",
			sessions: []StudySession{session(stuDay(2026, 1, 1), 50, 4)},
			from:     stuDay(2026, 1, 1), to: stuDay(2026, 1, 1),
			want: []wantWeek{{stuDay(2025, 12, 29), 50, map[int]int{4: 50}}},
		},
		{
			name: "to before from", from: stuDay(2026, 3, 9), to: stuDay(2026, 3, 2),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WeeklyMinutes(tt.sessions, tt.from, tt.to)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v weeks, want %v", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				if !got[i].Start.Equal(w.start) || got[i].Minutes != w.minutes || !maps.Equal(got[i].ByDomain, w.byDomain) {
					t.Errorf("week %d: got %v %v %v, want %v %v %v", i, got[i].Start, got[i].Minutes, got[i].ByDomain, w.start, w.minutes, w.byDomain)
				}
				if w.byDomain == nil && got[i].ByDomain != nil {
					t.Errorf("week %d: got domains %v, want nil", i, got[i].ByDomain)
				}
			}
		})
	}
}

func TestMinutesInLastDays(t *testing.T) {
	today := stuDay(2026, 3, 8)
	sessions := []StudySession{
		{On: today, Minutes: 10},
		{On: today.AddDate(0, 0, -6), Minutes: 20},
		{On: today.AddDate(0, 0, -7), Minutes: 40},
		{On: today.AddDate(0, 0, -29), Minutes: 80},
		{On: today.AddDate(0, 0, 1), Minutes: 160},
	}
	tests := []struct {
		name string
		days int
		want int
	}{
		{"last 7 days include today and six before", 7, 30},
		{"last 8 days", 8, 70},
		{"last 30 days", 30, 150},
		{"today only", 1, 10},
		{"zero days", 0, 0},
		{"negative days", -3, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MinutesInLastDays(sessions, today, tt.days); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRecentWeeklyMinutes(t *testing.T) {
	today := stuDay(2026, 3, 8)
	sessions := []StudySession{{On: today, Minutes: 100}, {On: today.AddDate(0, 0, -20), Minutes: 201}}
	tests := []struct {
		name  string
		weeks int
		want  int
	}{
		{"four weeks", 4, 75},
		{"one week", 1, 100},
		{"two weeks, rounded", 2, 50},
		{"three weeks", 3, 100},
		{"zero weeks", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RecentWeeklyMinutes(sessions, today, tt.weeks); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLastStudyDate(t *testing.T) {
	tests := []struct {
		name     string
		sessions []StudySession
		want     time.Time
	}{
		{"never", nil, time.Time{}},
		{"latest wins whatever the order", []StudySession{{On: stuDay(2026, 3, 1)}, {On: time.Date(2026, 3, 5, 20, 0, 0, 0, time.UTC)}, {On: stuDay(2026, 2, 1)}}, stuDay(2026, 3, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LastStudyDate(tt.sessions); !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkWeeklyMinutes730Sessions(b *testing.B) {
	start := stuDay(2024, 5, 23)
	sessions := make([]StudySession, 730)
	for i := range sessions {
		sessions[i] = StudySession{On: start.AddDate(0, 0, i), Minutes: 20 + i%90, DomainPosition: i%6 + 1}
	}
	from, to := start, start.AddDate(0, 0, 729)
	b.ReportAllocs()
	for b.Loop() {
		WeeklyMinutes(sessions, from, to)
	}
}
