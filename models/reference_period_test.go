package models

import (
	"slices"
	"strings"
	"testing"
)

func TestPeriodRank(t *testing.T) {
	tests := []struct {
		period string
		want   int
	}{
		{"May 2025", 202505},
		{"May 2024", 202405},
		{"2024", 202400},
		{"2024-2034", 202400},
		{"2024-34 projections", 202400},
		{"May 2019", 201905},
		{"retrieved 2018-02-10", 201802},
		{"~2017", 201700},
		{"2017/18", 201700},
		{"undated (page of 2016-2018)", 201600},
		{"", 0},
		{"undated", 0},
	}
	for _, tt := range tests {
		if got := PeriodRank(tt.period); got != tt.want {
			t.Errorf("PeriodRank(%q): got %d, want %d", tt.period, got, tt.want)
		}
	}
}

func TestSortNewestFirstKeepsSeedOrderWithinAPeriod(t *testing.T) {
	facts := []ReferenceFact{
		{Label: "a", Period: "May 2014"}, {Label: "b", Period: "May 2025"}, {Label: "c", Period: "~2017"},
		{Label: "d", Period: "May 2025"}, {Label: "e", Period: "May 2019"}, {Label: "f", Period: "May 2024"},
	}
	SortNewestFirst(facts)
	var got []string
	for _, f := range facts {
		got = append(got, f.Label)
	}
	if want := []string{"b", "d", "f", "e", "c", "a"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDisplayFigure(t *testing.T) {
	tests := []struct {
		hundredths int64
		unit, want string
	}{
		{3270, unitHourly, "$32.70"},
		{2459, unitHourly, "$24.59"},
		{5114000, unitWage, "$51,140"},
		{710, unitPercent, "7.1%"},
		{6530, unitPercent, "65.3%"},
		{1420000, "job openings per year", "14,200"},
		{4320, "years", "43.2"},
	}
	for _, tt := range tests {
		if got := displayFigure(tt.hundredths, tt.unit); got != tt.want {
			t.Errorf("displayFigure(%d, %q): got %q, want %q", tt.hundredths, tt.unit, got, tt.want)
		}
	}
}

func TestDefinitionChange(t *testing.T) {
	occupations := []ReferenceOccupation{
		{SOCCode: "29-2071", Title: "Medical Records and Health Information Technicians"},
		{SOCCode: "29-2072", Title: "Medical Records Specialists", SplitFrom: "29-2071", Note: "most of the former 29-2071"},
		{SOCCode: "29-9021", Title: "Health Information Technologists and Medical Registrars", SplitFrom: "29-2071", Note: "includes cancer registrars; part of the former 29-2071"},
	}
	old := ReferenceFact{SOCCode: "29-2071"}
	specialists := ReferenceFact{SOCCode: "29-2072"}
	if got := DefinitionChange(occupations, []ReferenceFact{old, old}); got != "" {
		t.Errorf("one code: got %q, want no note", got)
	}
	got := DefinitionChange(occupations, []ReferenceFact{specialists, old})
	for _, want := range []string{"2018 Standard Occupational Classification", "29-2071 Medical Records and Health Information Technicians was split into",
		"29-2072 Medical Records Specialists (most of the former 29-2071)", "29-9021 Health Information Technologists and Medical Registrars"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to say %q", got, want)
		}
	}
}
