package models

import "testing"

func TestCEUsFromMinutes(t *testing.T) {
	tests := []struct {
		name    string
		minutes int
		want    int
	}{
		{"2 h 30 min webinar → 2 CEUs", 150, 200},
		{"2 h 45 min → 3 CEUs", 165, 300},
		{"45 minutes is a whole CEU", 45, 100},
		{"44 minutes is nothing", 44, 0},
		{"exactly an hour", 60, 100},
		{"1 h 44 min", 104, 100},
		{"1 h 45 min", 105, 200},
		{"zero", 0, 0},
		{"negative earns nothing", -60, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CEUsFromMinutes(tt.minutes); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFormatCEUs(t *testing.T) {
	tests := []struct {
		name       string
		hundredths int
		want       string
	}{
		{"whole", 2000, "20"},
		{"zero", 0, "0"},
		{"half", 250, "2.5"},
		{"hundredths", 1234, "12.34"},
		{"leading zero in fraction", 105, "1.05"},
		{"below one", 25, "0.25"},
		{"negative", -150, "-1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatCEUs(tt.hundredths); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
