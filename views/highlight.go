package views

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"
)

// Highlight escapes text for HTML and wraps every case-insensitive match of the
// query's words in <mark>. Each word of the query counts on its own, so "ods exam"
// marks "ODS" and "Exam" wherever they occur; at any position the longest word wins.
// Matching folds case rune by rune (Unicode simple folding), so "ärztin" marks
// "ÄRZTIN". An empty query returns the escaped text.
func Highlight(text, query string) template.HTML {
	text = strings.ToValidUTF8(text, "\uFFFD")
	terms := searchTerms(query)
	var b strings.Builder
	written := 0
	for i := 0; i < len(text); {
		if n := matchAt(text, i, terms); n > 0 {
			b.WriteString(template.HTMLEscapeString(text[written:i]))
			b.WriteString("<mark>")
			b.WriteString(template.HTMLEscapeString(text[i : i+n]))
			b.WriteString("</mark>")
			i += n
			written = i
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	b.WriteString(template.HTMLEscapeString(text[written:]))
	return template.HTML(b.String())
}

// Snippet returns about width characters of text around the first match of the
// query's words, whitespace collapsed, cut at word boundaries where one is near and
// marked with "…" where text was left out. Without a match it returns the start of
// the text; a width of zero or less returns the whole text. The result is plain text:
// pass it to Highlight to escape and mark it.
func Snippet(text, query string, width int) string {
	text = strings.Join(strings.Fields(strings.ToValidUTF8(text, "\uFFFD")), " ")
	runes := []rune(text)
	if width <= 0 || len(runes) <= width {
		return text
	}
	match, matchLen := firstMatch(text, searchTerms(query))
	start := 0
	if match >= 0 {
		start = max(0, match-(width-matchLen)/3)
	}
	end := min(len(runes), start+width)
	start = max(0, end-width)
	if start > 0 {
		start = wordStart(runes, start, match)
	}
	if end < len(runes) {
		end = wordEnd(runes, end, match+matchLen)
	}
	snippet := strings.TrimSpace(string(runes[start:end]))
	if start > 0 {
		snippet = "…" + snippet
	}
	if end < len(runes) {
		snippet += "…"
	}
	return snippet
}

// searchTerms splits a query into distinct words, longest first.
func searchTerms(query string) []string {
	terms := strings.Fields(strings.ToValidUTF8(query, "\uFFFD"))
	slices.SortStableFunc(terms, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	return slices.CompactFunc(terms, strings.EqualFold)
}

// matchAt returns the byte length of the first term that matches text at byte i,
// ignoring case, or 0.
func matchAt(text string, i int, terms []string) int {
	for _, term := range terms {
		end := i
		for range utf8.RuneCountInString(term) {
			if end >= len(text) {
				end = -1
				break
			}
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		if end > 0 && strings.EqualFold(text[i:end], term) {
			return end - i
		}
	}
	return 0
}

// firstMatch returns the rune index and rune length of the first match in text, or
// -1 and 0.
func firstMatch(text string, terms []string) (at, length int) {
	if len(terms) == 0 {
		return -1, 0
	}
	for i := range text {
		if n := matchAt(text, i, terms); n > 0 {
			return at, utf8.RuneCountInString(text[i : i+n])
		}
		at++
	}
	return -1, 0
}

// wordStart moves a window's start forward to the beginning of a word when a space is
// close by, without passing the match at keep.
func wordStart(runes []rune, start, keep int) int {
	for i := start; i < len(runes) && i < start+15; i++ {
		if keep >= 0 && i > keep {
			break
		}
		if runes[i] == ' ' {
			return i + 1
		}
	}
	return start
}

// wordEnd moves a window's end back to the end of a word when a space is close by,
// without cutting the match ending at keep.
func wordEnd(runes []rune, end, keep int) int {
	for i := end; i > 0 && i > end-15; i-- {
		if i <= keep {
			break
		}
		if runes[i] == ' ' {
			return i
		}
	}
	return end
}
