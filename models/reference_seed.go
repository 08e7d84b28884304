// Reference content seed — README
//
// The career reference is data: migrations/data/career-facts.yaml holds every figure
// with its source and period, and migrations/data/reference/*.md hold the pages, one
// file each, written in our own words. ParseReferenceSeed turns both into SeedPage and
// SeedFact values for the seeder; it reads no files itself (the migrations package
// embeds them) and touches no database.
//
// A page file starts with front matter and continues with Markdown:
//
//	---
//	slug: wages            # must match the file name, wages.md
//	title: Wages
//	position: 3            # order in the reference menu, unique
//	summary: One sentence for the index and search results.
//	---
//	Markdown body…
//
// Chart placeholders. A line holding only {{chart NAME}} marks where the page renderer
// puts a chart (views.RenderMarkdownWithCharts replaces it with the chart's SVG, and
// the page adds the chart's data table). Names are checked here, so a typo fails the
// seed rather than showing up on a page. The names and the facts each chart draws:
//
//	work-settings       HBar: share of jobs by work setting (topic work-settings-share,
//	                    label = setting, percent) with the median wage of each setting
//	                    as the note (topic work-settings-wage, same label); May 2014.
//	wage-percentiles    GroupedBars: categories are the labels of topic
//	                    wage-percentiles-united-states (10th percentile … 90th
//	                    percentile); series California (wage-percentiles-california)
//	                    and United States; retrieved 2018-02-10.
//	wage-medians        HBar: one bar per fact of topic wage-medians (US median annual
//	                    wage: May 2025 and May 2024 under the 2018 SOC, May 2019 / ~2017
//	                    / May 2014 before it), each bar labelled with its occupation
//	                    code and period: every figure, never one.
//	employment-outlook  HBar: one bar per fact of topic employment-growth (projected
//	                    change in employment, percent), labelled with occupation code,
//	                    geography and projection period: 2024-2034 for 29-2072 and
//	                    29-9021, then 2019-2029, 2016-2026 and 2014-2024 (US, California).
//	education-costs     HBar: one bar per fact of topic tuition (median in-state public
//	                    and out-of-state private tuition, 2016; two example programs'
//	                    total tuition), labelled with period and source.
//	work-sectors        HBar like work-settings, of the 2018-SOC occupation 29-2072
//	                    Medical Records Specialists by industry sector (topics
//	                    work-sectors-share and work-sectors-wage); May 2024.
//	wage-percentiles-by-occupation
//	                    GroupedBars: categories 10th percentile … 90th percentile; one
//	                    series per occupation and period of the topics
//	                    wage-percentiles-29-2072 and wage-percentiles-29-9021 (US,
//	                    May 2025 and May 2024), newest first.
//
// Every chart lists its figures newest period first (SortNewestFirst) and, when its
// figures were counted under more than one occupation code, says how the occupation's
// definition changed (the 2018 SOC split 29-2071 into 29-2072 and part of 29-9021).
//
// Topics. Each fact's Topic and Label together are its key, so re-seeding updates the
// same row. Topics: employment, employment-growth, job-openings, work-settings-share,
// work-settings-wage, work-sectors-share, work-sectors-wage, wage-medians, wages,
// wage-percentiles-california, wage-percentiles-united-states, wage-percentiles-29-2072,
// wage-percentiles-29-9021, education, tuition, program-examples, top-schools,
// workforce, certifications, related-occupations. Each fact also names the occupation
// code it was counted under (SOCCode), and the occupations are seeded beside them.

package models

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Topics of reference facts that charts read (see the README block above).
const (
	TopicWorkSettingsShare = "work-settings-share"
	TopicWorkSettingsWage  = "work-settings-wage"
	TopicWageMedians       = "wage-medians"
	TopicWagePercentilesUS = "wage-percentiles-united-states"
	TopicWagePercentilesCA = "wage-percentiles-california"
	TopicEmploymentGrowth  = "employment-growth"
	TopicTuition           = "tuition"
)

const (
	careerFactsFile            = "career-facts.yaml"
	maxReferenceSummaryLength  = 300
	referencePlaceholderPrefix = "{{chart"
)

// ReferenceChartNames returns the chart placeholder names reference pages may use.
func ReferenceChartNames() []string {
	return []string{"work-sectors", "work-settings", "wage-percentiles-by-occupation", "wage-percentiles", "wage-medians",
		"employment-outlook", "education-costs"}
}

// ReferenceSeed is the reference content to seed: pages in menu order, facts in the
// order of the YAML file (the 2018-SOC block first) and the occupations they describe.
type ReferenceSeed struct {
	Pages       []SeedPage
	Facts       []SeedFact
	Occupations []SeedOccupation
}

// SeedPage is one reference page: its Markdown body still holds chart placeholders.
type SeedPage struct {
	Slug     string
	Title    string
	Summary  string
	Position int
	Body     string
}

// SeedFact is one sourced figure. Topic and Label are its stable key.
type SeedFact struct {
	Topic string
	Label string
	// Value is the figure as shown: "$42,630", "38%", "188,600", "43.2" (the unit of
	// figures without a symbol is in Unit).
	Value string
	// Number is the figure in hundredths (38% → 3800, $42,630 → 4263000) so charts and
	// comparisons get an exact integer.
	Number    int64
	Unit      string
	Geography string
	Period    string
	// Source is the human-readable name of the source, from the YAML sources map.
	Source string
	// SOCCode is the occupation the figure was counted under ("29-2071").
	SOCCode string
}

// Amount returns the figure as a float for charts.
func (f SeedFact) Amount() float64 {
	return float64(f.Number) / 100
}

// ParseReferenceSeed reads the career facts YAML and the reference pages, keyed by
// file name ("wages.md"). Every problem found is reported, each with its file name.
func ParseReferenceSeed(facts []byte, pages map[string][]byte) (ReferenceSeed, error) {
	var seed ReferenceSeed
	var errs []error
	parsedFacts, occupations, err := parseCareerFacts(facts)
	if err != nil {
		errs = append(errs, err)
	}
	seed.Facts, seed.Occupations = parsedFacts, occupations
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		page, err := parseSeedPage(name, pages[name])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		seed.Pages = append(seed.Pages, page)
	}
	errs = append(errs, checkPagesTogether(seed.Pages)...)
	if len(errs) > 0 {
		return ReferenceSeed{}, fmt.Errorf("parse reference seed: %w", errors.Join(errs...))
	}
	slices.SortFunc(seed.Pages, func(a, b SeedPage) int { return a.Position - b.Position })
	return seed, nil
}

// pageFrontMatter is the YAML block at the top of a page file.
type pageFrontMatter struct {
	Slug     string `yaml:"slug"`
	Title    string `yaml:"title"`
	Position int    `yaml:"position"`
	Summary  string `yaml:"summary"`
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// parseSeedPage splits a page file into front matter and body and checks both.
func parseSeedPage(name string, raw []byte) (SeedPage, error) {
	text := strings.ReplaceAll(string(raw), "\r\n", "\n")
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return SeedPage{}, fmt.Errorf("%s: missing front matter: the file must start with a --- line", name)
	}
	header, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return SeedPage{}, fmt.Errorf("%s: front matter is not closed by a --- line", name)
	}
	var front pageFrontMatter
	decoder := yaml.NewDecoder(bytes.NewReader([]byte(header)))
	decoder.KnownFields(true)
	if err := decoder.Decode(&front); err != nil {
		return SeedPage{}, fmt.Errorf("%s: front matter: %w", name, err)
	}
	page := SeedPage{Slug: front.Slug, Title: strings.TrimSpace(front.Title), Summary: strings.TrimSpace(front.Summary),
		Position: front.Position, Body: strings.TrimSpace(body) + "\n"}
	if err := checkSeedPage(name, page); err != nil {
		return SeedPage{}, err
	}
	return page, nil
}

// checkSeedPage reports the first thing wrong with a page on its own.
func checkSeedPage(name string, page SeedPage) error {
	switch {
	case !slugPattern.MatchString(page.Slug):
		return fmt.Errorf("%s: slug %q must be lower-case words joined by hyphens", name, page.Slug)
	case page.Slug != strings.TrimSuffix(path.Base(name), ".md"):
		return fmt.Errorf("%s: slug %q does not match the file name", name, page.Slug)
	case page.Title == "":
		return fmt.Errorf("%s: title is missing", name)
	case page.Summary == "":
		return fmt.Errorf("%s: summary is missing", name)
	case len(page.Summary) > maxReferenceSummaryLength:
		return fmt.Errorf("%s: summary is longer than %d characters", name, maxReferenceSummaryLength)
	case page.Position < 1:
		return fmt.Errorf("%s: position must be 1 or more", name)
	case strings.TrimSpace(page.Body) == "":
		return fmt.Errorf("%s: body is empty", name)
	}
	return checkChartPlaceholders(name, page.Body)
}

var placeholderPattern = regexp.MustCompile(`^\{\{chart ([a-z0-9-]+)\}\}$`)

// checkChartPlaceholders rejects placeholder lines that are malformed or name a chart
// the renderer does not draw.
func checkChartPlaceholders(name, body string) error {
	known := ReferenceChartNames()
	for i, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, referencePlaceholderPrefix) {
			continue
		}
		match := placeholderPattern.FindStringSubmatch(line)
		if match == nil {
			return fmt.Errorf("%s: body line %d: %q is not a placeholder of the form {{chart NAME}}", name, i+1, line)
		}
		if !slices.Contains(known, match[1]) {
			return fmt.Errorf("%s: body line %d: unknown chart %q (known: %s)", name, i+1, match[1], strings.Join(known, ", "))
		}
	}
	return nil
}

// checkPagesTogether reports slugs or positions used by more than one page.
func checkPagesTogether(pages []SeedPage) []error {
	var errs []error
	slugs, positions := map[string]bool{}, map[int]string{}
	for _, page := range pages {
		if slugs[page.Slug] {
			errs = append(errs, fmt.Errorf("%s.md: slug %q is used twice", page.Slug, page.Slug))
		}
		if other, taken := positions[page.Position]; taken {
			errs = append(errs, fmt.Errorf("%s.md: position %d is already %s's", page.Slug, page.Position, other))
		}
		slugs[page.Slug], positions[page.Position] = true, page.Slug
	}
	return errs
}
