package models

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const dataDir = "../migrations/data"

// loadReferenceData reads the seed files the migrations package embeds.
func loadReferenceData(t *testing.T) (facts []byte, pages map[string][]byte) {
	t.Helper()
	facts, err := os.ReadFile(filepath.Join(dataDir, "career-facts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join(dataDir, "reference", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	pages = map[string][]byte{}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(name)] = raw
	}
	return facts, pages
}

func parseOurSeed(t *testing.T) ReferenceSeed {
	t.Helper()
	facts, pages := loadReferenceData(t)
	seed, err := ParseReferenceSeed(facts, pages)
	if err != nil {
		t.Fatalf("ParseReferenceSeed: %v", err)
	}
	return seed
}

func TestReferencePagesInOrder(t *testing.T) {
	seed := parseOurSeed(t)
	want := []string{"overview-and-duties", "work-settings", "wages", "outlook", "education", "certifications",
		"career-ladder", "related-occupations", "associations", "also-known-as"}
	var got []string
	for _, page := range seed.Pages {
		got = append(got, page.Slug)
		if page.Title == "" || page.Summary == "" || strings.HasPrefix(page.Body, "---") {
			t.Errorf("%s: title %q, summary %q, body starts %.10q", page.Slug, page.Title, page.Summary, page.Body)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestEveryChartIsPlacedAndEveryCertificationLinksThePlanner(t *testing.T) {
	seed := parseOurSeed(t)
	bodies := ""
	for _, page := range seed.Pages {
		bodies += page.Body
	}
	for _, name := range ReferenceChartNames() {
		if !strings.Contains(bodies, "\n{{chart "+name+"}}\n") {
			t.Errorf("no page places chart %q", name)
		}
	}
	for _, target := range []string{"RHIT", "CCA", "ODS"} {
		if !strings.Contains(bodies, "[Start this pathway](/pathway?target="+target+")") {
			t.Errorf("no start link for %s", target)
		}
	}
	if !strings.Contains(bodies, "](/pathway)") {
		t.Errorf("no link to the pathway planner")
	}
}

func TestEveryFactHasSourceAndPeriod(t *testing.T) {
	seed := parseOurSeed(t)
	keys := map[string]bool{}
	for _, f := range seed.Facts {
		if f.Source == "" || f.Period == "" || f.Topic == "" || f.Label == "" || f.Value == "" || f.Unit == "" {
			t.Errorf("incomplete fact %+v", f)
		}
		key := f.Topic + " / " + f.Label
		if keys[key] {
			t.Errorf("key %q is used twice", key)
		}
		keys[key] = true
	}
}

// numericScalars counts the numbers in a YAML document: in career-facts.yaml every
// number is a figure.
func numericScalars(n *yaml.Node) int {
	count := 0
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		count++
	}
	for _, child := range n.Content {
		count += numericScalars(child)
	}
	return count
}

func TestFactCountsMatchTheYAML(t *testing.T) {
	raw, _ := loadReferenceData(t)
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var generic struct {
		Employment   []any `yaml:"employment"`
		WorkSettings []any `yaml:"work_settings"`
		Wages        struct {
			Percentiles []any `yaml:"percentiles"`
		} `yaml:"wages"`
		SOC2018 struct {
			Employment   []any `yaml:"employment"`
			Wages        []any `yaml:"wages"`
			WorkSettings struct {
				Sectors []any `yaml:"sectors"`
			} `yaml:"work_settings"`
		} `yaml:"bls_2018_soc"`
	}
	if err := yaml.Unmarshal(raw, &generic); err != nil {
		t.Fatal(err)
	}
	seed := parseOurSeed(t)
	perTopic := map[string]int{}
	for _, f := range seed.Facts {
		perTopic[f.Topic]++
	}
	tests := []struct {
		name      string
		got, want int
	}{
		// The median of each 2018-SOC wage row is drawn twice: among the medians and
		// on its occupation's pay scale.
		{"every number in the file", len(seed.Facts), numericScalars(&doc) + len(generic.SOC2018.Wages)},
		{"employment entries", perTopic["employment"] + perTopic[TopicEmploymentGrowth] + perTopic["job-openings"],
			len(generic.Employment) + len(generic.SOC2018.Employment)},
		{"work setting shares", perTopic[TopicWorkSettingsShare], len(generic.WorkSettings)},
		{"work setting wages", perTopic[TopicWorkSettingsWage], len(generic.WorkSettings)},
		{"work sector shares", perTopic[TopicWorkSectorsShare], len(generic.SOC2018.WorkSettings.Sectors)},
		{"work sector wages", perTopic[TopicWorkSectorsWage], len(generic.SOC2018.WorkSettings.Sectors)},
		{"percentiles", perTopic[TopicWagePercentilesUS] + perTopic[TopicWagePercentilesCA], 5 * len(generic.Wages.Percentiles)},
		{"2018-SOC percentiles", perTopic[WagePercentilesTopic("29-2072")] + perTopic[WagePercentilesTopic("29-9021")], 5 * len(generic.SOC2018.Wages)},
		{"US medians", perTopic[TopicWageMedians], 6},
		{"projections", perTopic[TopicEmploymentGrowth], 6},
		{"tuition bars", perTopic[TopicTuition], 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %d, want %d", tt.got, tt.want)
			}
		})
	}
}

func TestFactsKeepValuesPeriodsAndSources(t *testing.T) {
	seed := parseOurSeed(t)
	find := func(topic, label string) (SeedFact, bool) {
		for _, f := range seed.Facts {
			if f.Topic == topic && f.Label == label {
				return f, true
			}
		}
		return SeedFact{}, false
	}
	tests := []struct {
		topic, label string
		value        string
		number       int64
		period       string
		sourceHas    string
	}{
		{TopicWageMedians, "Median annual wage, US, May 2019", "$42,630", 4263000, "May 2019", "Occupational Outlook Handbook"},
		{TopicWageMedians, "Median annual wage, US, May 2014", "$35,900", 3590000, "May 2014", "career guide"},
		{TopicWageMedians, "Median annual wage, US, ~2017", "$39,180", 3918000, "~2017", "education-guide"},
		{TopicWorkSettingsShare, "Hospitals (state, local, private)", "38%", 3800, "May 2014", "career guide"},
		{TopicWorkSettingsWage, "Offices of physicians", "$38,090", 3809000, "May 2014", "career guide"},
		{TopicWagePercentilesCA, "90th percentile", "$77,560", 7756000, "retrieved 2018-02-10", "CareerOneStop"},
		{TopicEmploymentGrowth, "Projected growth in the US (much faster than average), 2019-2029", "8%", 800, "2019-2029", "Occupational Outlook Handbook"},
		{"employment", "Employed in the US, 2014", "188,600", 18860000, "2014", "CareerOneStop"},
		{"education", "Share of HIT degrees that were associate degrees", "97.9%", 9790, "2016", "education-guide"},
		{"workforce", "Average age", "43.2", 4320, "2016", "education-guide"},
		{"wages", "Salary range (high), US, ~2016", "$75,000", 7500000, "~2016", "encyclopedia"},
		{"top-schools", "Miami Dade College: tuition", "$9,661", 966100, "2017/18", "education-guide"},
		{"certifications", "RHIT: CEUs per cycle", "20", 2000, "undated (page of 2016-2018)", "education-guide"},
		{"related-occupations", "Pharmacy Technicians: projected growth", "12%", 1200, "2016-2026", "education-guide"},
		{TopicWageMedians, "Medical Records Specialists: median annual wage, US, May 2025", "$51,140", 5114000, "May 2025", "OEWS national estimates, May 2025"},
		{TopicWageMedians, "Health Information Technologists and Medical Registrars: median annual wage, US, May 2025", "$68,020", 6802000, "May 2025", "OEWS"},
		{"wages", "Health Information Technologists and Medical Registrars: median hourly wage, US, May 2025", "$32.70", 3270, "May 2025", "OEWS"},
		{"wages", "Medical Records Specialists: median hourly wage, US, May 2025", "$24.59", 2459, "May 2025", "OEWS"},
		{WagePercentilesTopic("29-2072"), "90th percentile, May 2024", "$80,950", 8095000, "May 2024", "May 2024"},
		{TopicEmploymentGrowth, "Medical Records Specialists: projected change in the US, 2024-2034", "7.1%", 710, "2024-2034", "Employment Projections 2024-34"},
		{"job-openings", "Health Information Technologists and Medical Registrars: annual projected job openings in the US, 2024-2034", "3,200", 320000, "2024-2034", "Employment Projections"},
		{TopicWorkSectorsShare, "Health care and social assistance", "65.3%", 6530, "May 2024", "industry-sector"},
		{TopicWorkSectorsWage, "Government", "$58,890", 5889000, "May 2024", "industry-sector"},
	}
	for _, tt := range tests {
		t.Run(tt.topic+"/"+tt.label, func(t *testing.T) {
			f, ok := find(tt.topic, tt.label)
			if !ok {
				t.Fatalf("no such fact")
			}
			if f.Value != tt.value || f.Number != tt.number || f.Period != tt.period || !strings.Contains(f.Source, tt.sourceHas) {
				t.Errorf("got %q %d %q %q, want %q %d %q source with %q", f.Value, f.Number, f.Period, f.Source,
					tt.value, tt.number, tt.period, tt.sourceHas)
			}
		})
	}
}

// TestPageFiguresAreSourcedFacts keeps prose honest: every dollar amount and
// percentage written on a page must be a figure of the seed, which carries its period
// and source — never a sum, difference or average of figures. The AHIMA rule shares
// are the documented exception: they are rules, and the page cites them.
func TestPageFiguresAreSourcedFacts(t *testing.T) {
	seed := parseOurSeed(t)
	values := map[string]bool{"80%": true, "40%": true}
	for _, f := range seed.Facts {
		values[f.Value] = true
	}
	figure := regexp.MustCompile(`\$[0-9][0-9,]*(\.[0-9]+)?|[0-9][0-9.]*%`)
	for _, page := range seed.Pages {
		for _, got := range figure.FindAllString(page.Body, -1) {
			if !values[strings.TrimRight(got, ",.")] {
				t.Errorf("%s: %q is not a seeded figure", page.Slug, got)
			}
		}
	}
}

func TestParseReferenceSeedReportsProblemsWithTheFileName(t *testing.T) {
	facts, pages := loadReferenceData(t)
	withPage := func(name, text string) map[string][]byte {
		changed := map[string][]byte{}
		for k, v := range pages {
			changed[k] = v
		}
		changed[name] = []byte(text)
		return changed
	}
	page := func(front, body string) string { return "---\n" + front + "\n---\n" + body }
	valid := "slug: extra\ntitle: Extra\nposition: 11\nsummary: An extra page."
	tests := []struct {
		name  string
		facts string
		pages map[string][]byte
		want  []string
	}{
		{"YAML syntax", "sources: [unclosed", pages, []string{"career-facts.yaml", "yaml"}},
		{"unknown key", string(facts) + "\nsalaries: []\n", pages, []string{"career-facts.yaml", "salaries"}},
		{"unknown source", strings.Replace(string(facts), `period: "May 2019", src: "002"}`, `period: "May 2019", src: "099"}`, 1), pages,
			[]string{"career-facts.yaml", "wages.figures[4]", `unknown src "099"`}},
		{"unknown occupation", strings.Replace(string(facts), `{soc: "29-9021", what: employed`, `{soc: "29-9999", what: employed`, 1), pages,
			[]string{"career-facts.yaml", "bls_2018_soc.employment[7]", `soc "29-9999"`}},
		{"missing period", strings.Replace(string(facts), `period: "~2016", src: "001"`, `src: "001"`, 1), pages,
			[]string{"career-facts.yaml", "employment[0]", "no period"}},
		{"no front matter", string(facts), withPage("extra.md", "# Extra\n"), []string{"extra.md", "front matter"}},
		{"unclosed front matter", string(facts), withPage("extra.md", "---\n"+valid+"\n"), []string{"extra.md", "not closed"}},
		{"unknown front matter key", string(facts), withPage("extra.md", page(valid+"\nauthor: me", "Body.")), []string{"extra.md", "author"}},
		{"slug not the file name", string(facts), withPage("other.md", page(valid, "Body.")), []string{"other.md", "does not match"}},
		{"bad slug", string(facts), withPage("Extra.md", page(strings.Replace(valid, "slug: extra", "slug: Extra", 1), "Body.")), []string{"Extra.md", "lower-case"}},
		{"missing summary", string(facts), withPage("extra.md", page("slug: extra\ntitle: Extra\nposition: 11", "Body.")), []string{"extra.md", "summary"}},
		{"empty body", string(facts), withPage("extra.md", page(valid, "\n")), []string{"extra.md", "body is empty"}},
		{"unknown chart", string(facts), withPage("extra.md", page(valid, "Intro.\n\n{{chart salaries}}\n")), []string{"extra.md", "line 3", `unknown chart "salaries"`}},
		{"malformed placeholder", string(facts), withPage("extra.md", page(valid, "{{chart Work Settings}}\n")), []string{"extra.md", "not a placeholder"}},
		{"duplicate position", string(facts), withPage("extra.md", page(strings.Replace(valid, "position: 11", "position: 3", 1), "Body.")), []string{"position 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seed, err := ParseReferenceSeed([]byte(tt.facts), tt.pages)
			if err == nil {
				t.Fatalf("got no error and %d pages, want an error", len(seed.Pages))
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("got %q, want it to mention %q", err, want)
				}
			}
		})
	}
}

func TestGroupThousands(t *testing.T) {
	tests := []struct {
		hundredths int64
		want       string
	}{
		{0, "0"},
		{500, "5"},
		{4263000, "42,630"},
		{398000000, "3,980,000"},
		{9790, "97.9"},
		{1205, "12.05"},
		{-123456, "-1,234.56"},
	}
	for _, tt := range tests {
		if got := groupThousands(tt.hundredths); got != tt.want {
			t.Errorf("groupThousands(%d): got %q, want %q", tt.hundredths, got, tt.want)
		}
	}
}
