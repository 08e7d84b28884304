package models

import (
	"context"
	"fmt"
	"testing"
)

// TestIsUnavailableKeepsRequestErrors checks that errors caused by the request are not
// mistaken for an unavailable database (the app tests cover real outages).
func TestIsUnavailableKeepsRequestErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"not found", fmt.Errorf("load: %w", ErrNotFound), false},
		{"duplicate email", ErrDuplicateEmail, false},
		{"client went away", fmt.Errorf("list: %w", context.Canceled), false},
		{"query timed out", fmt.Errorf("list: %w", context.DeadlineExceeded), true},
	}
	for _, tt := range tests {
		if got := IsUnavailable(tt.err); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
