package models

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCEUSearch(t *testing.T) {
	tests := []struct {
		name, text  string
		want        []string
		wantProblem bool
	}{
		{"empty finds everything", "  ", nil, false},
		{"words split on spaces", " coding  Clinic ", []string{"coding", "Clinic"}, false},
		{"200 characters", strings.Repeat("a", 200), []string{strings.Repeat("a", 200)}, false},
		{"201 characters", strings.Repeat("a", 201), nil, true},
		{"9 words", "a b c d e f g h i", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problem := ParseCEUSearch(tt.text)
			if (problem != "") != tt.wantProblem || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v %q, want %v (problem %v)", got, problem, tt.want, tt.wantProblem)
			}
		})
	}
}
