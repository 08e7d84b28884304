package models

import (
	"strings"
	"unicode/utf8"
)

// BadText reports whether text holds a NUL character or bytes that are not UTF-8.
// PostgreSQL cannot store either in a text column and SQLite would keep them
// silently, so every text input — request fields and bodies, uploaded CSV files,
// imported decks — is checked with it before anything is saved.
func BadText(text string) bool {
	return strings.IndexByte(text, 0) >= 0 || !utf8.ValidString(text)
}

// BadTextMessage is the one refusal for bad text; what names the input ("title",
// "line 3").
func BadTextMessage(what string) string {
	return "The " + what + " contains a NUL character or bytes that are not UTF-8 text. Remove them and try again."
}
