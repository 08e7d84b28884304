package models

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// careerFacts mirrors migrations/data/career-facts.yaml. Unknown keys are an error,
// so a figure added to the file cannot be silently left out of the seed.
type careerFacts struct {
	Occupation   map[string]any `yaml:"occupation"` // words, not figures: the pages tell them
	Employment   []labelledFigure
	WorkSettings []workSetting `yaml:"work_settings"`
	Wages        struct {
		Figures     []wageFigure    `yaml:"figures"`
		Percentiles []percentileRow `yaml:"percentiles"`
	} `yaml:"wages"`
	Education                education
	Certifications           []certification
	RelatedOccupations       []relatedOccupation `yaml:"related_occupations"`
	ProfessionalAssociations []string            `yaml:"professional_associations"`
	Sources                  map[string]string
	SOC2018                  soc2018Block `yaml:"bls_2018_soc"`
}

// provenance is where and when a figure comes from, and the occupation code it was
// counted under (empty: the file's main occupation, SOC 29-2071).
type provenance struct {
	SOC    string `yaml:"soc"`
	Geo    string `yaml:"geo"`
	Period string `yaml:"period"`
	Src    string `yaml:"src"`
}

type labelledFigure struct {
	Value      float64 `yaml:"value"`
	Unit       string  `yaml:"unit"`
	What       string  `yaml:"what"`
	provenance `yaml:",inline"`
}

type workSetting struct {
	Setting    string  `yaml:"setting"`
	Percent    float64 `yaml:"percent"`
	MedianWage float64 `yaml:"median_wage"`
	provenance `yaml:",inline"`
}

type wageFigure struct {
	What       string   `yaml:"what"`
	Value      *float64 `yaml:"value"`
	Low        *float64 `yaml:"low"`
	High       *float64 `yaml:"high"`
	provenance `yaml:",inline"`
}

type percentileRow struct {
	P10        float64 `yaml:"p10"`
	P25        float64 `yaml:"p25"`
	P50        float64 `yaml:"p50"`
	P75        float64 `yaml:"p75"`
	P90        float64 `yaml:"p90"`
	provenance `yaml:",inline"`
}

type education struct {
	EntryLevel         string           `yaml:"entry_level"`
	CertificateCredits creditRange      `yaml:"certificate_credits"`
	AssociateCredits   creditRange      `yaml:"associate_credits"`
	Coursework         []string         `yaml:"coursework"`
	DegreeExamples     []string         `yaml:"degree_examples"`
	Tuition            []labelledFigure `yaml:"tuition"`
	ProgramExamples    []programExample `yaml:"program_examples"`
	ProgramsOffered    labelledFigure   `yaml:"programs_offered_by_schools"`
	DegreesAwarded     struct {
		Total                 float64 `yaml:"total"`
		AssociateSharePercent float64 `yaml:"associate_share_percent"`
		provenance            `yaml:",inline"`
	} `yaml:"degrees_awarded"`
	TopSchools struct {
		Src           string      `yaml:"src"`
		DegreesPeriod string      `yaml:"degrees_period"`
		TuitionPeriod string      `yaml:"tuition_period"`
		Schools       []topSchool `yaml:"schools"`
	} `yaml:"top_schools_2016_degrees"`
	Workforce []labelledFigure `yaml:"workforce"`
}

type creditRange struct {
	Low        float64 `yaml:"low"`
	High       float64 `yaml:"high"`
	provenance `yaml:",inline"`
}

type programExample struct {
	School        string   `yaml:"school"`
	Credits       float64  `yaml:"credits"`
	CostPerCredit *float64 `yaml:"cost_per_credit"`
	CostPerCourse *float64 `yaml:"cost_per_course"`
	Total         float64  `yaml:"total"`
	Months        float64  `yaml:"months"`
	provenance    `yaml:",inline"`
}

type topSchool struct {
	School  string   `yaml:"school"`
	Degrees float64  `yaml:"degrees"`
	Tuition *float64 `yaml:"tuition"`
}

type certification struct {
	Code         string   `yaml:"code"`
	Name         string   `yaml:"name"`
	Body         string   `yaml:"body"`
	Requires     []string `yaml:"requires"`
	Maintain     string   `yaml:"maintain"`
	Note         string   `yaml:"note"`
	CEUsPerCycle *float64 `yaml:"ceus_per_cycle"`
	CycleYears   *float64 `yaml:"cycle_years"`
	provenance   `yaml:",inline"`
}

type relatedOccupation struct {
	Title        string   `yaml:"title"`
	MedianWage   *float64 `yaml:"median_wage"`
	GrowthPct    *float64 `yaml:"growth_percent"`
	GrowthPeriod string   `yaml:"growth_period"`
	Entry        string   `yaml:"entry"`
	provenance   `yaml:",inline"`
}

// Units of reference facts. A unit starting with USD shows a dollar sign, percent a
// percent sign.
const (
	unitWage    = "USD per year"
	unitUSD     = "USD"
	unitHourly  = "USD per hour"
	unitPercent = "percent"
	unitJobs    = "jobs"
)

// factCollector gathers facts and the problems found while making them.
type factCollector struct {
	sources map[string]string
	// soc is the code of figures that name none: the file's main occupation.
	soc   string
	facts []SeedFact
	keys  map[string]bool
	errs  []error
}

// add records one figure found at where ("employment[3]").
func (c *factCollector) add(where, topic, label string, value float64, unit string, from provenance) {
	source := c.checkProvenance(where, from)
	if c.keys[topic+"\x00"+label] {
		c.fail(where, fmt.Sprintf("topic %q already has a fact labelled %q", topic, label))
	}
	c.keys[topic+"\x00"+label] = true
	number := int64(math.Round(value * 100))
	soc := from.SOC
	if soc == "" {
		soc = c.soc
	}
	c.facts = append(c.facts, SeedFact{Topic: topic, Label: label, Value: displayFigure(number, unit), Number: number,
		Unit: unit, Geography: from.Geo, Period: from.Period, Source: source, SOCCode: soc})
}

// checkProvenance reports a figure without a known source or a period and returns the
// source's name.
func (c *factCollector) checkProvenance(where string, from provenance) string {
	source, known := c.sources[from.Src]
	switch {
	case from.Src == "":
		c.fail(where, "no src")
	case !known:
		c.fail(where, fmt.Sprintf("unknown src %q", from.Src))
	case from.Period == "":
		c.fail(where, "no period")
	}
	return source
}

// addOptional records a figure the YAML may leave out.
func (c *factCollector) addOptional(where, topic, label string, value *float64, unit string, from provenance) {
	if value != nil {
		c.add(where, topic, label, *value, unit, from)
	}
}

func (c *factCollector) fail(where, problem string) {
	c.errs = append(c.errs, fmt.Errorf("%s: %s: %s", careerFactsFile, where, problem))
}

// parseCareerFacts decodes the YAML and turns every figure in it into a SeedFact.
func parseCareerFacts(raw []byte) ([]SeedFact, []SeedOccupation, error) {
	var file careerFacts
	decoder := yaml.NewDecoder(bytes.NewReader(raw))
	decoder.KnownFields(true)
	if err := decoder.Decode(&file); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", careerFactsFile, err)
	}
	c := &factCollector{sources: file.Sources, soc: mainSOCCode(file.Occupation), keys: map[string]bool{}}
	// The newer figures come first, so that of two figures of the same period the
	// newer definition is listed first.
	collectSOC2018(c, file.SOC2018)
	collectEmployment(c, file)
	collectWages(c, file)
	collectEducation(c, file.Education)
	collectCredentialsAndRelated(c, file)
	occupations := collectOccupations(c, file)
	if len(c.errs) > 0 {
		return nil, nil, errors.Join(c.errs...)
	}
	return c.facts, occupations, nil
}

// displayFigure prints hundredths as the page shows them: "$42,630", "$32.70",
// "38%", "97.9%", "188,600", "43.2". Dollars with cents always show both digits.
func displayFigure(hundredths int64, unit string) string {
	text := groupThousands(hundredths)
	switch {
	case strings.HasPrefix(unit, unitUSD):
		if hundredths%100 != 0 && hundredths%10 == 0 {
			text += "0"
		}
		return "$" + text
	case unit == unitPercent:
		return text + "%"
	default:
		return text
	}
}

// groupThousands prints hundredths with thousands separators and only the decimals
// that are not zero.
func groupThousands(hundredths int64) string {
	sign := ""
	if hundredths < 0 {
		sign, hundredths = "-", -hundredths
	}
	digits := strconv.FormatInt(hundredths/100, 10)
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if cents := hundredths % 100; cents != 0 {
		b.WriteString(strings.TrimRight(fmt.Sprintf(".%02d", cents), "0"))
	}
	return b.String()
}

// upperFirst capitalises the first letter of a YAML description for use as a label.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
