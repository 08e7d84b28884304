package models

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"html"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// DeckCSVHeader is the column list of a deck's CSV export, which the import reads back.
// Our card template (front,back,domain,tags,explanation) and item template
// (stem,option_a…option_d,correct,domain,explanation) are subsets of it.
var DeckCSVHeader = []string{"kind", "front", "back", "option_a", "option_b", "option_c", "option_d", "correct", "domain", "tags", "explanation", "source"}

// MaxDeckCSVRows caps one import.
const MaxDeckCSVRows = 10000

// WriteDeckCSV writes a deck's cards in the DeckCSVHeader layout, every cell made
// safe for spreadsheets (CSVSafeCell).
func WriteDeckCSV(w io.Writer, cards []StudyCard) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(DeckCSVHeader); err != nil {
		return err
	}
	for _, c := range cards {
		row := []string{c.Kind, c.Front, c.Back, c.OptionA, c.OptionB, c.OptionC, c.OptionD, c.CorrectLetter(),
			strconv.Itoa(c.DomainPosition), c.Tags, c.Explanation, c.Source}
		// A cell a spreadsheet would run as a formula gets an apostrophe (a shared
		// deck's export is opened by its members); the import takes it off again.
		for i := range row {
			row[i] = CSVSafeCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ankiTextHeader matches one header line of Anki's plain-text export ("#separator:tab").
var ankiTextHeader = regexp.MustCompile(`^#([a-z ]+):(.*)$`)

// deckCSVLayout is how the columns of one file map to card fields.
type deckCSVLayout struct {
	columns   map[string]int // field name → column index
	separator rune
	html      bool
	hasHeader bool
}

// ParseDeckCSV reads cards for a deck of exam code from our CSV template or from
// Anki's plain-text export (header lines such as #separator:tab, #html:true,
// #tags column:3, #guid column:1; first field front, second back). A row without a
// domain column takes its domain from a tag (CCA::Domain2, Domain_2, or the domain's
// name) or else from defaultDomain. Every row is checked with ValidateCardInput; it is
// all or nothing: any problem returns every problem and no cards.
func ParseDeckCSV(data []byte, outline []ExamDomain, code string, defaultDomain int) ([]StudyCard, []ImportProblem) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	layout, body, skipped := detectDeckLayout(data)
	reader := csv.NewReader(bytes.NewReader(body))
	reader.Comma, reader.FieldsPerRecord, reader.LazyQuotes = layout.separator, -1, !layout.hasHeader
	var cards []StudyCard
	var problems []ImportProblem
	for line := skipped + 1; ; line++ {
		record, err := reader.Read()
		if err == io.EOF {
			break
		}
		var parseErr *csv.ParseError
		if errors.As(err, &parseErr) {
			return nil, []ImportProblem{csvLineProblem(parseErr)}
		}
		if err != nil {
			return nil, []ImportProblem{{Line: line, Message: "The file could not be read: " + err.Error()}}
		}
		if layout.hasHeader && line == skipped+1 {
			if layout.columns, err = headerColumns(record); err != nil {
				return nil, []ImportProblem{{Line: line, Message: err.Error()}}
			}
			continue
		}
		if len(cards)+len(problems) >= MaxDeckCSVRows {
			return nil, []ImportProblem{{Line: line, Message: fmt.Sprintf("Import at most %d cards at a time.", MaxDeckCSVRows)}}
		}
		in := layout.input(record, outline, code, defaultDomain)
		card, fields := ValidateCardInput(in, outline, code)
		problems = addRowProblems(problems, line, fields, in.Tags, code)
		cards = append(cards, card)
	}
	if len(problems) > 0 {
		return nil, capProblems(problems)
	}
	if len(cards) == 0 {
		return nil, []ImportProblem{{Line: 1, Message: "The file has no cards."}}
	}
	return cards, nil
}

// detectDeckLayout reads Anki's #header lines, if any, and returns the layout and the
// rest of the file with the number of lines skipped.
func detectDeckLayout(data []byte) (deckCSVLayout, []byte, int) {
	layout := deckCSVLayout{separator: ',', hasHeader: true}
	skipped := 0
	for bytes.HasPrefix(data, []byte("#")) {
		end := bytes.IndexByte(data, '\n')
		if end < 0 {
			end = len(data) - 1
		}
		line := strings.TrimRight(string(data[:end+1]), "\r\n")
		data, skipped = data[end+1:], skipped+1
		m := ankiTextHeader.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		layout.hasHeader = false
		if layout.columns == nil {
			layout.columns = map[string]int{"front": 0, "back": 1}
		}
		layout.applyAnkiHeader(m[1], strings.TrimSpace(m[2]))
	}
	if layout.hasHeader {
		detectTabs(&layout, data)
	}
	return layout, data, skipped
}

// detectTabs reads a file without Anki's #headers whose first line holds tabs as
// tab-separated: with our header when that line names a front (or stem) column,
// otherwise as an older Anki plain-text export (front, back, tags, no header).
func detectTabs(layout *deckCSVLayout, data []byte) {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if !bytes.Contains(first, []byte("\t")) {
		return
	}
	layout.separator = '\t'
	if _, err := headerColumns(strings.Split(strings.TrimRight(string(first), "\r"), "\t")); err != nil {
		layout.hasHeader = false
		layout.columns = map[string]int{"front": 0, "back": 1, "tags": 2}
	}
}

func (l *deckCSVLayout) applyAnkiHeader(key, value string) {
	switch key {
	case "separator":
		l.separator = map[string]rune{"tab": '\t', "comma": ',', "semicolon": ';', "pipe": '|', "space": ' ', "colon": ':'}[strings.ToLower(value)]
		if l.separator == 0 {
			l.separator = ','
		}
	case "html":
		l.html = value == "true"
	case "tags column", "guid column":
		if n, err := strconv.Atoi(value); err == nil && n > 0 {
			l.columns[strings.TrimSuffix(key, " column")] = n - 1
			l.shiftFields(n - 1)
		}
	case "deck column", "notetype column":
		if n, err := strconv.Atoi(value); err == nil && n > 0 {
			l.shiftFields(n - 1)
		}
	}
}

// shiftFields moves front and back past a metadata column Anki put before them.
func (l *deckCSVLayout) shiftFields(taken int) {
	for _, name := range []string{"front", "back"} {
		if l.columns[name] >= taken {
			l.columns[name]++
		}
	}
}

func headerColumns(record []string) (map[string]int, error) {
	aliases := map[string]string{"stem": "front", "question": "front", "answer": "back"}
	cols := map[string]int{}
	for i, name := range record {
		name = strings.ToLower(strings.TrimSpace(name))
		if a, ok := aliases[name]; ok {
			name = a
		}
		cols[name] = i
	}
	if _, ok := cols["front"]; !ok {
		return nil, fmt.Errorf("The first row must name the columns, with at least front (or stem); use %s.", strings.Join(DeckCSVHeader, ","))
	}
	return cols, nil
}

func (l deckCSVLayout) field(record []string, name string) string {
	i, ok := l.columns[name]
	if !ok || i >= len(record) {
		return ""
	}
	if l.hasHeader {
		// Our own template: undo the apostrophe WriteDeckCSV puts before a formula.
		return CSVCellValue(record[i])
	}
	return record[i]
}

func (l deckCSVLayout) input(record []string, outline []ExamDomain, code string, defaultDomain int) CardInput {
	in := CardInput{Kind: l.field(record, "kind"), Front: l.field(record, "front"), Back: l.field(record, "back"),
		Correct: l.field(record, "correct"), Explanation: l.field(record, "explanation"), Tags: l.field(record, "tags"),
		Source: l.field(record, "source"), GUID: l.field(record, "guid")}
	for i, name := range []string{"option_a", "option_b", "option_c", "option_d"} {
		in.Options[i] = l.field(record, name)
	}
	if in.Kind == "" && in.Options[0] != "" {
		in.Kind = KindItem
	}
	if l.html {
		in.Front, in.Back = AnkiHTMLToMarkdown(in.Front), AnkiHTMLToMarkdown(in.Back)
	}
	in.Domain = defaultDomain
	if d := strings.TrimSpace(l.field(record, "domain")); d != "" {
		in.Domain = domainFromText(d, outline)
	} else if d := DomainFromTags(in.Tags, outline, code); d != 0 {
		in.Domain = d
	}
	return in
}

// domainFromText reads a domain as its number or its name; -1 when neither matches.
func domainFromText(s string, outline []ExamDomain) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	for _, d := range outline {
		if strings.EqualFold(d.Name, s) {
			return d.Position
		}
	}
	return -1
}

var domainTag = regexp.MustCompile(`(?i)^(?:[a-z]+::)?domain[ _:-]*(\d+)$`)

// DomainFromTags finds the blueprint domain a tag names: "CCA::Domain2", "Domain_2",
// or the domain's name with underscores for spaces (a tag of another exam's code is
// ignored). It returns 0 when no tag names one.
func DomainFromTags(tags string, outline []ExamDomain, code string) int {
	for _, tag := range strings.Fields(tags) {
		if i := strings.Index(tag, "::"); i >= 0 && !strings.EqualFold(tag[:i], code) {
			continue
		}
		if m := domainTag.FindStringSubmatch(tag); m != nil {
			n, _ := strconv.Atoi(m[1])
			if OutlineHasDomain(outline, n) {
				return n
			}
		}
		name := strings.ReplaceAll(tag[strings.LastIndex(tag, ":")+1:], "_", " ")
		for _, d := range outline {
			if strings.EqualFold(d.Name, name) {
				return d.Position
			}
		}
	}
	return 0
}

// AnkiHTMLToMarkdown turns an Anki field's HTML into a card's Markdown: bold,
// italics, lists, links and line breaks kept, other tags dropped, entities decoded
// (html-to-markdown). The pages render the Markdown sanitized. HTML it cannot parse
// loses its tags and keeps its text.
func AnkiHTMLToMarkdown(s string) string {
	out, err := htmltomarkdown.ConvertString(s)
	if err != nil {
		out = html.UnescapeString(htmlTag.ReplaceAllString(s, " "))
	}
	return strings.TrimSpace(out)
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// maxListedImportProblems bounds the problems an import lists: a package of 300
// notes tagged for another exam listed the same message 300 times.
const maxListedImportProblems = 50

// addRowProblems appends the field problems of the row at line, saying so when a
// domain is missing because the tags name another exam's domains.
func addRowProblems(problems []ImportProblem, line int, fields map[string]string, tags, code string) []ImportProblem {
	for _, name := range sortedKeys(fields) {
		message := fields[name]
		if name == "domain_position" {
			if other := otherExamTag(tags, code); other != "" {
				message += fmt.Sprintf(" The tag %s names another exam's domain: is this the right deck?", other)
			}
		}
		problems = append(problems, ImportProblem{Line: line, Field: name, Message: message})
	}
	return problems
}

// otherExamTag returns the first tag of the form EXAM::… whose exam is not code.
func otherExamTag(tags, code string) string {
	for _, tag := range strings.Fields(tags) {
		if prefix, _, ok := strings.Cut(tag, "::"); ok && !strings.EqualFold(prefix, code) {
			return tag
		}
	}
	return ""
}

// capProblems keeps the first maxListedImportProblems problems and counts the rest.
func capProblems(problems []ImportProblem) []ImportProblem {
	if len(problems) <= maxListedImportProblems {
		return problems
	}
	rest := len(problems) - maxListedImportProblems
	return append(problems[:maxListedImportProblems:maxListedImportProblems],
		ImportProblem{Line: problems[maxListedImportProblems].Line, Message: fmt.Sprintf("%d more problems on this and later lines are not listed.", rest)})
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
