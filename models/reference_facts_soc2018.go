package models

import (
	"fmt"
	"strings"
)

// Topics of the figures counted under the 2018 SOC that have no older counterpart
// with the same labels.
const (
	// TopicWorkSectorsShare and TopicWorkSectorsWage are the industry sectors of
	// Medical Records Specialists (May 2024): share of jobs and median wage.
	TopicWorkSectorsShare = "work-sectors-share"
	TopicWorkSectorsWage  = "work-sectors-wage"
	// topicWagePercentilesPrefix + a SOC code holds that occupation's percentiles,
	// labelled "10th percentile, May 2025".
	topicWagePercentilesPrefix = "wage-percentiles-"
)

// SeedOccupation is an occupation the figures describe, under its SOC code.
type SeedOccupation struct {
	SOCCode string
	Title   string
	// SplitFrom is the older code this one was split from ("" for the older one).
	SplitFrom string
	Note      string
	Source    string
}

// soc2018Block mirrors bls_2018_soc: figures counted under the 2018 SOC.
type soc2018Block struct {
	Occupations []struct {
		Title      string `yaml:"title"`
		SplitFrom  string `yaml:"split_from"`
		Note       string `yaml:"note"`
		provenance `yaml:",inline"`
	} `yaml:"occupations"`
	Employment   []labelledFigure `yaml:"employment"`
	Wages        []soc2018Wages   `yaml:"wages"`
	WorkSettings struct {
		provenance `yaml:",inline"`
		Sectors    []workSetting `yaml:"sectors"`
	} `yaml:"work_settings"`
	Education []struct {
		TypicalEntry     string `yaml:"typical_entry"`
		WorkExperience   string `yaml:"work_experience"`
		OnTheJobTraining string `yaml:"on_the_job_training"`
		provenance       `yaml:",inline"`
	} `yaml:"education"`
}

// soc2018Wages is one occupation's annual wage percentiles in one period.
type soc2018Wages struct {
	P10          float64  `yaml:"p10"`
	P25          float64  `yaml:"p25"`
	Median       float64  `yaml:"median"`
	P75          float64  `yaml:"p75"`
	P90          float64  `yaml:"p90"`
	MedianHourly *float64 `yaml:"median_hourly"`
	provenance   `yaml:",inline"`
}

// WagePercentileNames are the points of the pay scale wage percentiles are given at,
// lowest first; each percentile fact's label starts with one of them.
func WagePercentileNames() []string {
	return []string{"10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile"}
}

// WagePercentilesTopic is the topic of one 2018-SOC occupation's wage percentiles.
func WagePercentilesTopic(soc string) string { return topicWagePercentilesPrefix + soc }

// mainSOCCode is the six-digit SOC code of the file's occupation ("29-2071.00" is
// its O*NET code).
func mainSOCCode(occupation map[string]any) string {
	code, _ := occupation["soc_code"].(string)
	code, _, _ = strings.Cut(code, ".")
	return code
}

// collectSOC2018 turns the figures counted under the 2018 SOC into facts. Their
// labels name the occupation, since both new occupations have figures of the same
// kind and period.
func collectSOC2018(c *factCollector, block soc2018Block) {
	titles := map[string]string{}
	for _, o := range block.Occupations {
		titles[o.SOC] = o.Title
	}
	title := func(where, soc string) string {
		if titles[soc] == "" {
			c.fail(where, fmt.Sprintf("soc %q is not among bls_2018_soc.occupations", soc))
		}
		return titles[soc]
	}
	for i, f := range block.Employment {
		where := fmt.Sprintf("bls_2018_soc.employment[%d]", i)
		label := title(where, f.SOC) + ": " + f.What + ", " + f.Period
		c.add(where, employmentTopic(f), label, f.Value, employmentUnit(f), f.provenance)
	}
	for i, w := range block.Wages {
		where := fmt.Sprintf("bls_2018_soc.wages[%d]", i)
		name := title(where, w.SOC)
		suffix := ", " + w.Geo + ", " + w.Period
		c.add(where, TopicWageMedians, name+": median annual wage"+suffix, w.Median, unitWage, w.provenance)
		c.addOptional(where, "wages", name+": median hourly wage"+suffix, w.MedianHourly, unitHourly, w.provenance)
		topic := WagePercentilesTopic(w.SOC)
		for j, value := range []float64{w.P10, w.P25, w.Median, w.P75, w.P90} {
			c.add(where, topic, WagePercentileNames()[j]+", "+w.Period, value, unitWage, w.provenance)
		}
	}
	settings := block.WorkSettings
	for i, s := range settings.Sectors {
		where := fmt.Sprintf("bls_2018_soc.work_settings.sectors[%d]", i)
		title(where, settings.SOC)
		c.add(where, TopicWorkSectorsShare, s.Setting, s.Percent, unitPercent, settings.provenance)
		c.add(where, TopicWorkSectorsWage, s.Setting, s.MedianWage, unitWage, settings.provenance)
	}
	for i, e := range block.Education {
		where := fmt.Sprintf("bls_2018_soc.education[%d]", i)
		title(where, e.SOC)
		c.checkProvenance(where, e.provenance)
	}
}

// employmentTopic sorts an employment figure: a percentage is a projected change,
// openings are openings, the rest are counts of jobs.
func employmentTopic(f labelledFigure) string {
	switch {
	case f.Unit == unitPercent:
		return TopicEmploymentGrowth
	case strings.Contains(f.What, "openings"):
		return "job-openings"
	}
	return "employment"
}

func employmentUnit(f labelledFigure) string {
	switch employmentTopic(f) {
	case TopicEmploymentGrowth:
		return unitPercent
	case "job-openings":
		return "job openings per year"
	}
	return unitJobs
}

// collectOccupations lists the file's occupation and the 2018 SOC occupations split
// from it, checking that each has a title, a known source and a known older code.
func collectOccupations(c *factCollector, file careerFacts) []SeedOccupation {
	mainTitle, _ := file.Occupation["title"].(string)
	mainSrc, _ := file.Occupation["soc_src"].(string)
	if c.soc == "" || mainTitle == "" || c.sources[mainSrc] == "" {
		c.fail("occupation", "soc_code, soc_src (a known source) and title are required")
	}
	occupations := []SeedOccupation{{SOCCode: c.soc, Title: mainTitle,
		Note: "the occupation before the 2018 SOC", Source: c.sources[mainSrc]}}
	for i, o := range file.SOC2018.Occupations {
		where := fmt.Sprintf("bls_2018_soc.occupations[%d]", i)
		source, known := c.sources[o.Src]
		switch {
		case o.SOC == "" || o.Title == "":
			c.fail(where, "soc and title are required")
		case !known:
			c.fail(where, fmt.Sprintf("unknown src %q", o.Src))
		case o.SplitFrom != c.soc:
			c.fail(where, fmt.Sprintf("split_from %q is not the file's occupation %q", o.SplitFrom, c.soc))
		}
		occupations = append(occupations, SeedOccupation{SOCCode: o.SOC, Title: o.Title, SplitFrom: o.SplitFrom,
			Note: o.Note, Source: source})
	}
	return occupations
}
