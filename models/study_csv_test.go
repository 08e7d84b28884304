package models

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestDeckCSVRoundTrip(t *testing.T) {
	outline := DefaultExamOutlines()["CCA"]
	guid := "g1"
	cards := []StudyCard{
		{Kind: KindFlashcard, DomainPosition: 6, Front: "Minimum **necessary**", Back: "Only what the purpose needs,\nno more", Tags: "hipaa privacy", Source: "45 CFR 164.502(b)"},
		{Kind: KindFlashcard, DomainPosition: 2, Front: `=HYPERLINK("http://evil.example","x")`, Back: "+1+2", Tags: "@risk", Source: "'=already quoted"},
		{Kind: KindItem, DomainPosition: 1, Front: "Which code set reports diagnoses?", OptionA: "ICD-10-CM", OptionB: "CPT", OptionC: "HCPCS", OptionD: "LOINC", CorrectOption: 1, Explanation: "ICD-10-CM, \"diagnoses\"", GUID: &guid},
	}
	var buf bytes.Buffer
	if err := WriteDeckCSV(&buf, cards); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{`"'=HYPERLINK(""http://evil.example"",""x"")"`, ",'+1+2,", ",'@risk,", ",''=already quoted"} {
		if !strings.Contains(buf.String(), cell) {
			t.Errorf("export lacks the spreadsheet-safe cell %s:\n%s", cell, buf.String())
		}
	}
	got, problems := ParseDeckCSV(buf.Bytes(), outline, "CCA", 0)
	if problems != nil {
		t.Fatalf("got problems %v", problems)
	}
	cards[2].GUID = nil // the export carries no guid
	if !reflect.DeepEqual(got, cards) {
		t.Fatalf("round trip:\ngot  %+v\nwant %+v", got, cards)
	}
}

func TestParseDeckCSV(t *testing.T) {
	outline := DefaultExamOutlines()["CCA"]
	tests := []struct {
		name     string
		file     string
		domain   int
		want     []int // domain of each card
		problems []string
	}{
		{"our card template", "front,back,domain,tags,explanation\nQ1,A1,2,,\nQ2,A2,Compliance,,\n", 0, []int{2, 4}, nil},
		{"our item template with a BOM", "\xef\xbb\xbfstem,option_a,option_b,option_c,option_d,correct,domain,explanation\nQ,a,b,c,d,C,3,why\n", 0, []int{3}, nil},
		{"Anki text export, tab, tags column", "#separator:tab\n#html:true\n#tags column:3\nFront <b>1</b>\tBack&amp;1\tCCA::Domain5 other\nFront 2\tBack 2\tConfidentiality_and_Privacy\n", 0, []int{5, 6}, nil},
		{"Anki export with a guid column", "#separator:comma\n#guid column:1\n#tags column:4\nabc,F,B,RHIT::Domain2\n", 1, []int{1}, nil},
		{"all or nothing", "front,back,domain\nQ1,A1,1\nQ2,,9\nQ3,A3,1\n", 0, nil, []string{"line 3: back", "line 3: domain_position"}},
		{"no front column", "question_text,back\nQ,A\n", 0, nil, []string{"line 1:"}},
		{"empty file", "front,back\n", 1, nil, []string{"line 1: The file has no cards."}},
		{"a stray quote", "front,back,domain\nQ1,A1,1\n\"Q2,A2,2\n", 0, nil, []string{"line 3: This line is not valid CSV"}},
		{"older Anki text export: tabs, no header", "Front E\tBack E\tCCA::Domain3\nFront F\tBack F\n", 2, []int{3, 2}, nil},
		{"our template separated by tabs", "front\tback\tdomain\nQ1\tA1\t4\n", 0, []int{4}, nil},
		{"tags naming another exam's domains", "Minimum necessary\tOnly what is needed\tRHIT::Domain9\n", 0, nil, []string{"line 1: domain_position: Choose one of the CCA exam domains. The tag RHIT::Domain9 names another exam's domain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards, problems := ParseDeckCSV([]byte(tt.file), outline, "CCA", tt.domain)
			if len(tt.problems) > 0 {
				if cards != nil || len(problems) != len(tt.problems) {
					t.Fatalf("got %d cards and problems %v, want no cards and %v", len(cards), problems, tt.problems)
				}
				for i, p := range problems {
					if !strings.HasPrefix(p.Error(), tt.problems[i]) {
						t.Errorf("problem %d: got %q, want it to start with %q", i, p.Error(), tt.problems[i])
					}
				}
				return
			}
			if problems != nil {
				t.Fatalf("got problems %v", problems)
			}
			var domains []int
			for _, c := range cards {
				domains = append(domains, c.DomainPosition)
			}
			if !reflect.DeepEqual(domains, tt.want) {
				t.Fatalf("got domains %v, want %v", domains, tt.want)
			}
		})
	}
	cards, _ := ParseDeckCSV([]byte("#separator:tab\n#html:true\n#tags column:3\nFront <b>1</b>\tBack&amp;1\tCCA::Domain5\n"), outline, "CCA", 0)
	if cards[0].Front != "Front **1**" || cards[0].Back != "Back&1" || cards[0].Tags != "CCA::Domain5" {
		t.Fatalf("got %+v, want HTML turned into Markdown and the tags kept", cards[0])
	}
	cards, _ = ParseDeckCSV([]byte("#separator:comma\n#guid column:1\nabc,F,B\n"), outline, "CCA", 1)
	if cards[0].GUID == nil || *cards[0].GUID != "abc" || cards[0].Front != "F" {
		t.Fatalf("got %+v, want guid abc and front F", cards[0])
	}
}

// TestImportProblemsAreCapped: 300 rows with the same mistake list 50 problems and
// count the rest, in CSV and Anki packages alike.
func TestImportProblemsAreCapped(t *testing.T) {
	outline := DefaultExamOutlines()["CCA"]
	file := "front,back,domain\n" + strings.Repeat("Q,A,9\n", 300)
	_, problems := ParseDeckCSV([]byte(file), outline, "CCA", 0)
	if len(problems) != 51 || problems[50].Message != "250 more problems on this and later lines are not listed." || problems[50].Line != 52 {
		t.Fatalf("got %d problems ending %+v, want 50 and a count of the other 250 from line 52", len(problems), problems[len(problems)-1])
	}
	notes := make([]AnkiNote, 300)
	for i := range notes {
		notes[i] = AnkiNote{Fields: []string{"F", "B"}, Tags: "RHIT::Domain1"}
	}
	_, problems = AnkiNotesToCards(notes, outline, "CCA", 0)
	if len(problems) != 51 || !strings.Contains(problems[0].Message, "RHIT::Domain1") {
		t.Fatalf("got %d problems, first %+v; want 50 naming the other exam's tag, and a count", len(problems), problems[0])
	}
}

func TestAnkiHTMLToMarkdown(t *testing.T) {
	tests := []struct{ html, want string }{
		{"Question <b>0</b>", "Question **0**"},
		{"<i>Minimum</i> necessary &amp; sufficient", "*Minimum* necessary & sufficient"},
		{"<ul><li>ICD-10-CM</li><li>CPT</li></ul>", "- ICD-10-CM\n- CPT"},
		{"<script>alert(1)</script>Retention", "Retention"},
		{"{{c1::six}} years", "{{c1::six}} years"},
	}
	for _, tt := range tests {
		if got := AnkiHTMLToMarkdown(tt.html); got != tt.want {
			t.Errorf("AnkiHTMLToMarkdown(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
	var field strings.Builder
	for i := range 12 {
		field.WriteString(`<img src="p` + string(rune('a'+i)) + `.png">`)
	}
	got := ankiFieldText(field.String())
	for i := range 12 {
		if want := "![](p" + string(rune('a'+i)) + ".png)"; strings.Count(got, want) != 1 {
			t.Fatalf("got %q, want each of 12 images once, in place", got)
		}
	}
	if strings.Contains(got, imagePlaceholder) {
		t.Fatalf("got %q with a placeholder left", got)
	}
}
