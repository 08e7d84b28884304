// Package pdftext reads PDFs back in tests with poppler's pdftotext, a reader that
// had no part in writing them.
package pdftext

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// command finds pdftotext; CI installs it (poppler-utils) and fails without it,
// a developer's machine without it skips the test.
func command(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing: install poppler-utils")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	return path
}

func run(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(command(t), append(append([]string{"-enc", "UTF-8"}, args...), in, "-")...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return out.String()
}

// Text is the document's text in reading order, pages separated by form feeds.
func Text(t *testing.T, pdf []byte) string {
	t.Helper()
	return run(t, pdf)
}

// TextIn is the text inside one rectangle of every page, in points from the top
// left: a column of a table read alone.
func TextIn(t *testing.T, pdf []byte, x, y, width, height float64) string {
	t.Helper()
	box := []string{"-r", "72", "-x", itoa(x), "-y", itoa(y), "-W", itoa(width), "-H", itoa(height)}
	return run(t, pdf, box...)
}

func itoa(f float64) string { return strconv.Itoa(int(f)) }

// Word is one word as pdftotext places it, in points from the page's top left.
type Word struct {
	Page                   int
	Text                   string
	XMin, YMin, XMax, YMax float64
	PageWidth, PageHeight  float64
}

var (
	pageTag = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordTag = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	anyTag  = regexp.MustCompile(`<page [^>]*>|<word [^>]*>[^<]*</word>`)
)

// Words lists every word with its box, from pdftotext -bbox.
func Words(t *testing.T, pdf []byte) []Word {
	t.Helper()
	var words []Word
	page, width, height := 0, 0.0, 0.0
	for _, tag := range anyTag.FindAllString(run(t, pdf, "-bbox"), -1) {
		if m := pageTag.FindStringSubmatch(tag); m != nil {
			page, width, height = page+1, number(m[1]), number(m[2])
			continue
		}
		if m := wordTag.FindStringSubmatch(tag); m != nil {
			words = append(words, Word{Page: page, Text: unescape(m[5]), XMin: number(m[1]), YMin: number(m[2]),
				XMax: number(m[3]), YMax: number(m[4]), PageWidth: width, PageHeight: height})
		}
	}
	return words
}

func number(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func unescape(s string) string { return html.UnescapeString(s) }
