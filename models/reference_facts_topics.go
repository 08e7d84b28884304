package models

import (
	"fmt"
	"strings"
)

// collectEmployment turns the employment counts, projections and work settings into
// facts. Counts appear in several years from several sources, so their labels carry
// the period.
func collectEmployment(c *factCollector, file careerFacts) {
	for i, f := range file.Employment {
		where := fmt.Sprintf("employment[%d]", i)
		c.add(where, employmentTopic(f), upperFirst(f.What)+", "+f.Period, f.Value, employmentUnit(f), f.provenance)
	}
	for i, s := range file.WorkSettings {
		where := fmt.Sprintf("work_settings[%d]", i)
		c.add(where, TopicWorkSettingsShare, s.Setting, s.Percent, unitPercent, s.provenance)
		c.add(where, TopicWorkSettingsWage, s.Setting, s.MedianWage, unitWage, s.provenance)
	}
}

// collectWages turns wage figures and percentiles into facts. The medians get a topic
// of their own because the wage-medians chart shows them side by side, each with its
// period and source.
func collectWages(c *factCollector, file careerFacts) {
	for i, w := range file.Wages.Figures {
		where := fmt.Sprintf("wages.figures[%d]", i)
		suffix := ", " + w.Geo + ", " + w.Period
		switch {
		case w.Value != nil && w.What == "median":
			c.add(where, TopicWageMedians, "Median annual wage"+suffix, *w.Value, unitWage, w.provenance)
		case w.Value != nil:
			c.add(where, "wages", upperFirst(w.What)+suffix, *w.Value, unitWage, w.provenance)
		case w.Low == nil || w.High == nil:
			c.fail(where, "a wage figure needs a value, or a low and a high")
		default:
			c.add(where, "wages", upperFirst(w.What)+" (low)"+suffix, *w.Low, unitWage, w.provenance)
			c.add(where, "wages", upperFirst(w.What)+" (high)"+suffix, *w.High, unitWage, w.provenance)
		}
	}
	for i, row := range file.Wages.Percentiles {
		where := fmt.Sprintf("wages.percentiles[%d]", i)
		topic := "wage-percentiles-" + strings.ToLower(strings.ReplaceAll(row.Geo, " ", "-"))
		c.add(where, topic, "10th percentile", row.P10, unitWage, row.provenance)
		c.add(where, topic, "25th percentile", row.P25, unitWage, row.provenance)
		c.add(where, topic, "Median", row.P50, unitWage, row.provenance)
		c.add(where, topic, "75th percentile", row.P75, unitWage, row.provenance)
		c.add(where, topic, "90th percentile", row.P90, unitWage, row.provenance)
	}
}

// collectEducation turns credits, costs, programs, schools and workforce figures into
// facts. Tuition medians and example programs' totals share the tuition topic that the
// education-costs chart draws.
func collectEducation(c *factCollector, e education) {
	c.add("education.certificate_credits", "education", "Certificate credits (low)", e.CertificateCredits.Low, "credits", e.CertificateCredits.provenance)
	c.add("education.certificate_credits", "education", "Certificate credits (high)", e.CertificateCredits.High, "credits", e.CertificateCredits.provenance)
	c.add("education.associate_credits", "education", "Associate degree credits (low)", e.AssociateCredits.Low, "credits", e.AssociateCredits.provenance)
	c.add("education.associate_credits", "education", "Associate degree credits (high)", e.AssociateCredits.High, "credits", e.AssociateCredits.provenance)
	c.add("education.programs_offered_by_schools", "education", "Schools offering HIT programs", e.ProgramsOffered.Value, "schools", e.ProgramsOffered.provenance)
	c.add("education.degrees_awarded", "education", "HIT degrees awarded", e.DegreesAwarded.Total, "degrees", e.DegreesAwarded.provenance)
	c.add("education.degrees_awarded", "education", "Share of HIT degrees that were associate degrees", e.DegreesAwarded.AssociateSharePercent, unitPercent, e.DegreesAwarded.provenance)
	for i, t := range e.Tuition {
		c.add(fmt.Sprintf("education.tuition[%d]", i), TopicTuition, upperFirst(t.What), t.Value, unitUSD, t.provenance)
	}
	for i, p := range e.ProgramExamples {
		where := fmt.Sprintf("education.program_examples[%d]", i)
		c.add(where, TopicTuition, p.School+": total tuition", p.Total, unitUSD, p.provenance)
		c.add(where, "program-examples", p.School+": credits", p.Credits, "credits", p.provenance)
		c.addOptional(where, "program-examples", p.School+": cost per credit", p.CostPerCredit, "USD per credit", p.provenance)
		c.addOptional(where, "program-examples", p.School+": cost per course", p.CostPerCourse, "USD per course", p.provenance)
		c.add(where, "program-examples", p.School+": months to complete", p.Months, "months", p.provenance)
	}
	top := e.TopSchools
	for i, s := range top.Schools {
		where := fmt.Sprintf("education.top_schools_2016_degrees.schools[%d]", i)
		c.add(where, "top-schools", s.School+": degrees awarded", s.Degrees, "degrees", provenance{Period: top.DegreesPeriod, Src: top.Src})
		c.addOptional(where, "top-schools", s.School+": tuition", s.Tuition, "USD per year", provenance{Period: top.TuitionPeriod, Src: top.Src})
	}
	for i, w := range e.Workforce {
		unit := w.Unit
		if unit == "" {
			unit = "people"
		}
		c.add(fmt.Sprintf("education.workforce[%d]", i), "workforce", upperFirst(w.What), w.Value, unit, w.provenance)
	}
}

// collectCredentialsAndRelated turns the RHIT maintenance figures and the related
// occupations' wages and growth into facts.
func collectCredentialsAndRelated(c *factCollector, file careerFacts) {
	for i, cert := range file.Certifications {
		where := fmt.Sprintf("certifications[%d]", i)
		c.addOptional(where, "certifications", cert.Code+": CEUs per cycle", cert.CEUsPerCycle, "CEUs", cert.provenance)
		c.addOptional(where, "certifications", cert.Code+": cycle length", cert.CycleYears, "years", cert.provenance)
	}
	for i, r := range file.RelatedOccupations {
		where := fmt.Sprintf("related_occupations[%d]", i)
		c.addOptional(where, "related-occupations", r.Title+": median wage", r.MedianWage, unitWage, r.provenance)
		growth := r.provenance
		growth.Period = r.GrowthPeriod
		c.addOptional(where, "related-occupations", r.Title+": projected growth", r.GrowthPct, unitPercent, growth)
	}
}
