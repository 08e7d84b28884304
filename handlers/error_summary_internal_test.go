package handlers

import (
	"reflect"
	"testing"
)

func TestErrorSummaryFollowsTheForm(t *testing.T) {
	type form struct {
		Target  string `form:"target" json:"target"`
		Program string `json:"program_name"`
		Start   string `form:"program_start"`
	}
	tests := []struct {
		name string
		errs FieldErrors
		form any
		want []string
	}{
		{"no errors", nil, form{}, nil},
		{"form order, not alphabetical", FieldErrors{"program_start": "a", "target": "b", "program_name": "c"}, form{}, []string{"target", "program_name", "program_start"}},
		{"unknown fields last, sorted", FieldErrors{"zeta": "a", "alpha": "b", "program_start": "c"}, &form{}, []string{"program_start", "alpha", "zeta"}},
		{"no form: alphabetical", FieldErrors{"b": "x", "a": "y"}, nil, []string{"a", "b"}},
		{"empty messages dropped", FieldErrors{"target": "", "program_name": "x"}, form{}, []string{"program_name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range errorSummary(tt.errs, tt.form) {
				got = append(got, l.Field)
				if l.Message != tt.errs[l.Field] {
					t.Errorf("got message %q for %s, want %q", l.Message, l.Field, tt.errs[l.Field])
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
