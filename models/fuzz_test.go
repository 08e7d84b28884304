package models

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"hitpath/migrations"
)

// The fuzz targets below cover every parser of outside input in models. Each keeps a
// seed corpus of the nasty cases found so far; `go test -fuzz FuzzX ./models/` explores
// from there, and plain `go test` replays the seeds.

var fuzzToday, fuzzEarned = DateOf(2031, 6, 15), DateOf(2029, 3, 1)

// FuzzParseCEUCSV checks that any file gives either entries or problems, never both,
// never a panic, never more than the cap, and only entries the form would accept.
func FuzzParseCEUCSV(f *testing.F) {
	header := strings.Join(CEUCSVHeader, ",") + "\n"
	row := "2030-01-02,Webinar,AHIMA,ahima,90,,yes,no,online,notes\n"
	for _, seed := range []string{
		"", "\n", header, header + row, "\ufeff" + header + row,
		header + "20\"30-01-02,A,AHIMA,ahima,,1,yes,no,online,\n", // a stray quote in the first field panicked FieldPos
		header + "\"2030-01-02,A,AHIMA,ahima,,1,yes,no,online,\n", // unterminated quote to the end
		header + "2030-01-02,A,AHIMA,ahima,2147483648,1,yes,no,online,\n",
		header + "2030-01-02,A,AHIMA,ahima,99999999999999999999,,yes,no,online,\n",
		header + "0000-01-01,A,AHIMA,ahima,,1,yes,no,online,\n",
		header + "2030-01-02,A,AHIMA,ahima,,-0.01,yes,no,online,\n",
		header + "2030-01-02,A\r\n\r\n,,,\n",
		header + "2030-01-02,\"multi\nline\",AHIMA,ahima,,1,yes,no,online,\"a \"\"quoted\"\" note\"\n",
		"date;title\n2030-01-02;A\n", "\x00\xff\xfe", header + strings.Repeat(",", 5000),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		entries, problems := ParseCEUCSV(strings.NewReader(data), 7, fuzzToday, fuzzEarned)
		if (entries == nil) == (problems == nil) {
			t.Fatalf("got %d entries and %d problems, want exactly one of them", len(entries), len(problems))
		}
		if len(entries) > MaxImportRows {
			t.Fatalf("got %d entries, want at most %d", len(entries), MaxImportRows)
		}
		for _, e := range entries {
			if p := CEUEntryProblems(e, fuzzToday, fuzzEarned); p != nil {
				t.Fatalf("entry %+v was accepted with problems %v", e, p)
			}
		}
		for _, p := range problems {
			if p.Line < 1 || p.Message == "" {
				t.Fatalf("got problem %+v, want a line from 1 and a message", p)
			}
		}
	})
}

// FuzzParseCEURow checks one record (fields separated by \x1f) against the form's
// rules: a row without problems is an entry the form would save.
func FuzzParseCEURow(f *testing.F) {
	for _, seed := range []string{
		"2030-01-02\x1fA\x1fAHIMA\x1fahima\x1f90\x1f\x1fyes\x1fno\x1fonline\x1f",
		"2030-01-02\x1fA\x1fAHIMA\x1fahima\x1f9223372036854775807\x1f1\x1fyes\x1fno\x1fonline\x1f",
		"2030-01-02\x1fA\x1fAHIMA\x1fahima\x1f-1\x1f1\x1fY\x1fN\x1fonline\x1f",
		"9999-12-31\x1fA\x1fAHIMA\x1fahima\x1f\x1f40.00\x1ftrue\x1f0\x1flive\x1f",
		"\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f", "only one field",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		row, problems := parseCEURow(append([]string{""}, strings.Split(data, "\x1f")...), 2, 7, fuzzToday, fuzzEarned)
		entry := row.Entry
		for _, p := range problems {
			if p.Line != 2 || p.Message == "" {
				t.Fatalf("got problem %+v, want line 2 and a message", p)
			}
		}
		if problems != nil {
			return
		}
		if p := CEUEntryProblems(entry, fuzzToday, fuzzEarned); p != nil {
			t.Fatalf("row accepted with problems %v", p)
		}
		if entry.Minutes != nil && (*entry.Minutes < 1 || *entry.Minutes > MaxActivityMinutes) {
			t.Fatalf("row accepted with %d minutes", *entry.Minutes)
		}
	})
}

// FuzzParseCEUs checks that an accepted amount is small and reads back the same.
func FuzzParseCEUs(f *testing.F) {
	for _, seed := range []string{"1", "1.5", "0.25", ".5", "5.", "-1", "--1", "1.234", "999999.99", "9999999", "1e3", "NaN", "١", "+1", " 2 "} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n, err := ParseCEUs(text)
		if err != nil {
			return
		}
		if n > 99999999 || n < -99999999 {
			t.Fatalf("ParseCEUs(%q) = %d, want at most six whole digits", text, n)
		}
		if back, err := ParseCEUs(FormatCEUs(n)); err != nil || back != n {
			t.Fatalf("ParseCEUs(FormatCEUs(%d)) = %d, %v", n, back, err)
		}
	})
}

// FuzzParseMinutes checks that accepted minutes are in range and read back the same.
func FuzzParseMinutes(f *testing.F) {
	for _, seed := range []string{"90", "0", "-5", "10000", "10001", "2147483648", "99999999999999999999", "1.5", "+5", "-", "٣", " 7 "} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		minutes, err := ParseMinutes(text)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("got an empty message")
			}
			return
		}
		if minutes < 1 || minutes > MaxActivityMinutes {
			t.Fatalf("ParseMinutes(%q) = %d, out of range", text, minutes)
		}
		if back, err := ParseMinutes(strconv.Itoa(minutes)); err != nil || back != minutes {
			t.Fatalf("ParseMinutes(%d) = %d, %v", minutes, back, err)
		}
	})
}

// FuzzParseDate checks that an accepted date is in range and is exactly what was typed.
func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{"2025-03-15", "0000-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "9999-12-31",
		"2025-02-29", "2024-02-29", "2025-3-15", "2025-03-15T00:00:00Z", "", "+2025-03-15", "２０２５-03-15"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDate(text)
		if err != nil {
			return
		}
		if d.Year() < MinDateYear || d.Year() > MaxDateYear || d.Format(time.DateOnly) != text || d.Location() != time.UTC {
			t.Fatalf("ParseDate(%q) = %v", text, d)
		}
	})
}

// FuzzParseHundredths checks admin-typed figures: accepted ones fit in int64 and
// keep their sign.
func FuzzParseHundredths(f *testing.F) {
	for _, seed := range []string{"1", "$1,234.50", "12%", "-3.5", "999999999999999", "9999999999999999", "1.", ".5", "$-1", "--1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n, err := ParseHundredths(text)
		if err != nil {
			return
		}
		if n > math.MaxInt64/2 || n < math.MinInt64/2 {
			t.Fatalf("ParseHundredths(%q) = %d, want a bounded figure", text, n)
		}
	})
}

// FuzzParseReferenceSeed checks the career-facts YAML and a reference page reader:
// any input is refused with an error or gives pages whose slugs are safe in a URL.
func FuzzParseReferenceSeed(f *testing.F) {
	facts, err := migrations.FS.ReadFile("data/career-facts.yaml")
	if err != nil {
		f.Fatal(err)
	}
	page, err := migrations.FS.ReadFile("data/reference/wages.md")
	if err != nil {
		f.Fatal(err)
	}
	// The opening of the 14 KB facts file keeps its shape at a size whose new inputs
	// minimise quickly (run with -fuzzminimizetime of a few seconds, as .ci/run does).
	f.Add(facts[:min(len(facts), 1500)], page)
	f.Add([]byte("sources: {}\n"), []byte("---\nslug: wages\ntitle: T\nsummary: S\nposition: 1\n---\nBody\n"))
	f.Add([]byte("a: &a [*a, *a]\n"), []byte("---\r\nslug: wages\r\n---\r\n"))
	f.Add([]byte("\t- :"), []byte("---\nslug: [wages]\nposition: 99999999999999999999\n---\n"))
	f.Fuzz(func(t *testing.T, factsYAML, pageText []byte) {
		seed, err := ParseReferenceSeed(factsYAML, map[string][]byte{"wages.md": pageText})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("got an empty error")
			}
			return
		}
		for _, p := range seed.Pages {
			if !slugPattern.MatchString(p.Slug) || p.Title == "" || p.Summary == "" {
				t.Fatalf("accepted page %+v", p)
			}
		}
	})
}

// FuzzNormalizeEmail checks that normalising is idempotent, so one mailbox is one account.
func FuzzNormalizeEmail(f *testing.F) {
	for _, seed := range []string{"Ana@Example.COM", " ana@example.com\t", "İ@example.com", "\u212a@example.com", "", "a@b"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, email string) {
		once := NormalizeEmail(email)
		if NormalizeEmail(once) != once {
			t.Fatalf("NormalizeEmail is not idempotent on %q: %q then %q", email, once, NormalizeEmail(once))
		}
	})
}
