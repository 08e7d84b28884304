package models

import (
	"strings"
	"unicode/utf8"
)

// MaxCEUSearchRunes bounds the text a holder may search their activities for.
const MaxCEUSearchRunes = 200

// maxCEUSearchWords bounds the words of one search (each is one more condition).
const maxCEUSearchWords = 8

// ParseCEUSearch splits what a holder typed into the words every found activity must
// contain, or says what is wrong with it. Empty text finds everything.
func ParseCEUSearch(text string) ([]string, string) {
	if utf8.RuneCountInString(text) > MaxCEUSearchRunes {
		return nil, "Search for at most 200 characters."
	}
	words := strings.Fields(text)
	if len(words) > maxCEUSearchWords {
		return nil, "Search for at most 8 words."
	}
	if len(words) == 0 {
		return nil, ""
	}
	return words, ""
}
