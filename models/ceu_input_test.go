package models

import (
	"strings"
	"testing"
)

func TestCEUEntryInputNamesTheFieldSent(t *testing.T) {
	today, earned := date("2031-06-15"), date("2030-03-15")
	good := CEUEntryInput{ActivityDate: "2031-06-01", Title: "Webinar", Provider: "AHIMA", ProviderKind: "ahima",
		CEUs: "1", InHIIMDomain: "yes", Delivery: "online"}
	with := func(change func(*CEUEntryInput)) CEUEntryInput {
		in := good
		change(&in)
		return in
	}
	tests := []struct {
		name string
		in   CEUEntryInput
		// want maps each field that must have a problem to a word its message holds;
		// no other field may have one.
		want        map[string]string
		wantCEUs    int
		wantMinutes int
	}{
		{"certificate CEUs", good, nil, 100, 0},
		{"minutes alone", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "165" }), nil, 300, 165},
		{"minutes and CEUs that agree", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "2", "150" }), nil, 200, 150},
		{"minutes and CEUs that contradict", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "3", "60" }),
			map[string]string{"ceus": "60 minutes earn 1 CEU, not 3"}, 0, 0},
		{"neither", with(func(in *CEUEntryInput) { in.CEUs = "" }), map[string]string{"ceus": "or the minutes"}, 0, 0},
		{"too many minutes on minutes", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "100000" }),
			map[string]string{"minutes": "at most 10000 minutes"}, 0, 0},
		{"more minutes than 40 CEUs, on minutes", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "3000" }),
			map[string]string{"minutes": "3000 minutes is more than one activity can claim"}, 0, 0},
		{"hours and minutes", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "2:45" }), nil, 300, 165},
		{"negative minutes only on minutes", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "-5" }),
			map[string]string{"minutes": "more than 0"}, 0, 0},
		{"short minutes", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "30" }), map[string]string{"minutes": "45 minutes"}, 0, 0},
		{"words for minutes", with(func(in *CEUEntryInput) { in.CEUs, in.Minutes = "", "ninety" }), map[string]string{"minutes": "whole number"}, 0, 0},
		{"zero CEUs", with(func(in *CEUEntryInput) { in.CEUs = "0" }), map[string]string{"ceus": "more than 0"}, 0, 0},
		{"too many CEUs", with(func(in *CEUEntryInput) { in.CEUs = "40.01" }), map[string]string{"ceus": "at most 40"}, 0, 0},
		{"bad date and flag", with(func(in *CEUEntryInput) { in.ActivityDate, in.CategoryA = "15/06/2031", "maybe" }),
			map[string]string{"activity_date": "YYYY-MM-DD", "category_a": "yes or no"}, 0, 0},
		{"future", with(func(in *CEUEntryInput) { in.ActivityDate = "2031-06-16" }), map[string]string{"activity_date": "future"}, 0, 0},
		{"unknown kind and delivery", with(func(in *CEUEntryInput) { in.ProviderKind, in.Delivery = "vendor", "mail" }),
			map[string]string{"provider_kind": "provider kind", "delivery": "attended"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entry, problems := tt.in.Entry(CEUEntry{UserID: 7}, today, earned)
			if len(problems) != len(tt.want) {
				t.Fatalf("got problems %v, want only %v", problems, tt.want)
			}
			for field, word := range tt.want {
				if !strings.Contains(problems[field], word) {
					t.Errorf("got %s: %q, want it to say %q", field, problems[field], word)
				}
			}
			if tt.want != nil {
				return
			}
			minutes := 0
			if entry.Minutes != nil {
				minutes = *entry.Minutes
			}
			if entry.CEUs != tt.wantCEUs || minutes != tt.wantMinutes || entry.UserID != 7 {
				t.Errorf("got %d CEUs and %d minutes, want %d and %d", entry.CEUs, minutes, tt.wantCEUs, tt.wantMinutes)
			}
		})
	}
}

func TestSplitDuplicates(t *testing.T) {
	existing := []CEUEntry{
		{ID: 11, ActivityDate: date("2031-01-01"), Title: "Coding Clinic", Provider: "AHIMA", CEUs: 200},
		{ID: 12, ActivityDate: date("2031-02-01"), Title: "Privacy", Provider: "FLHIMA", CEUs: 100},
	}
	row := func(id int64, day, title, provider string, ceus int) CEURow {
		return CEURow{SourceID: id, Entry: CEUEntry{ActivityDate: date(day), Title: title, Provider: provider, CEUs: ceus}}
	}
	tests := []struct {
		name    string
		row     CEURow
		already bool
	}{
		{"same id, edited since", row(12, "2031-02-02", "Privacy and security", "FLHIMA", 150), true},
		{"same activity without id", row(0, "2031-01-01", "coding clinic ", "ahima", 200), true},
		{"same activity, another log's id", row(99, "2031-01-01", "Coding Clinic", "AHIMA", 200), true},
		{"other CEUs", row(0, "2031-01-01", "Coding Clinic", "AHIMA", 300), false},
		{"other date", row(0, "2031-01-02", "Coding Clinic", "AHIMA", 200), false},
		{"unknown id", row(99, "2031-03-01", "New", "AHIMA", 100), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitDuplicates([]CEURow{tt.row}, existing)
			if (len(got.Duplicates) == 1) != tt.already || len(got.New)+len(got.Duplicates) != 1 {
				t.Fatalf("got %d new and %d already in the log, want already=%v", len(got.New), len(got.Duplicates), tt.already)
			}
		})
	}
}
