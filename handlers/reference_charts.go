package handlers

import (
	"html/template"
	"slices"
	"strings"

	"hitpath/models"
	"hitpath/views/chart"
)

// referenceFigure is a chart of a reference page with everything printed around it:
// the period and source of its figures and its data table.
type referenceFigure struct {
	Name    string
	SVG     template.HTML
	Table   chart.Table
	Sources []figureSource
	// Definition says how the occupation was redefined when the chart's figures were
	// counted under more than one occupation code; empty otherwise.
	Definition string
}

// figureSource is one period and source shared by some of a chart's figures.
type figureSource struct {
	Period  string
	Source  string
	Figures []string
}

// drawnChart is a chart and, for each row of its table, the facts behind that row.
type drawnChart struct {
	chart   chart.Chart
	rowFact [][]models.ReferenceFact
}

// referenceFigures draws every chart a page body places from the facts given, which
// come newest period first.
func referenceFigures(body string, facts []models.ReferenceFact, occupations []models.ReferenceOccupation) []referenceFigure {
	byTopic := map[string][]models.ReferenceFact{}
	for _, f := range facts {
		byTopic[f.Topic] = append(byTopic[f.Topic], f)
	}
	var figures []referenceFigure
	for _, name := range models.ChartsInBody(body) {
		drawn := drawReferenceChart(name, byTopic, occupationLabeller(occupations))
		table := drawn.chart.Table()
		table.Columns = append(table.Columns, "Period", "Source")
		for i := range table.Rows {
			var rowFacts []models.ReferenceFact
			if i < len(drawn.rowFact) {
				rowFacts = drawn.rowFact[i]
			}
			table.Rows[i].Values = append(table.Rows[i].Values, joinDistinct(rowFacts, periodOf), joinDistinct(rowFacts, sourceOf))
		}
		figures = append(figures, referenceFigure{Name: name, SVG: drawn.chart.SVG(), Table: table, Sources: sourcesOf(drawn.rowFact),
			Definition: models.DefinitionChange(occupations, slices.Concat(drawn.rowFact...))})
	}
	return figures
}

// drawReferenceChart maps a chart name to its chart (see models.ReferenceChartTopics).
// Charts that compare figures across years label each bar with the occupation code
// and period it was counted under.
func drawReferenceChart(name string, byTopic map[string][]models.ReferenceFact, occupation labeller) drawnChart {
	byLabel := func(f models.ReferenceFact) string { return f.Label }
	switch name {
	case "work-settings":
		return workSettingsChart("Share of jobs by work setting, May 2014", byTopic[models.TopicWorkSettingsShare], byTopic[models.TopicWorkSettingsWage])
	case "work-sectors":
		return workSettingsChart("Medical Records Specialists: share of jobs by industry sector, May 2024",
			byTopic[models.TopicWorkSectorsShare], byTopic[models.TopicWorkSectorsWage])
	case "wage-percentiles":
		return wagePercentilesChart(byTopic[models.TopicWagePercentilesUS], byTopic[models.TopicWagePercentilesCA])
	case "wage-percentiles-by-occupation":
		var facts []models.ReferenceFact
		for _, topic := range models.ReferenceChartTopics(name) {
			facts = append(facts, byTopic[topic]...)
		}
		models.SortNewestFirst(facts)
		return occupationPercentilesChart(facts, occupation)
	case "wage-medians":
		return factBars("Median annual wage in the US, newest first", "Occupation (SOC code) and period", "Median wage", chart.Dollars, 0,
			byTopic[models.TopicWageMedians], occupation)
	case "employment-outlook":
		return factBars("Projected change in employment, newest projection first", "Occupation (SOC code), place and projection period", "Change",
			chart.Percent, 0, byTopic[models.TopicEmploymentGrowth], occupation)
	case "education-costs":
		return factBars("Tuition: medians and example programs", "Figure", "Tuition", chart.Dollars, 0, byTopic[models.TopicTuition], byLabel)
	}
	return drawnChart{chart: chart.HBar{Title: name}}
}

// labeller names a fact on a chart.
type labeller func(models.ReferenceFact) string

// occupationLabeller names a fact by the occupation it was counted under, its place
// when that is not the whole US, and its period: "Medical Records Specialists
// (29-2072), May 2025".
func occupationLabeller(occupations []models.ReferenceOccupation) labeller {
	titles := map[string]string{}
	for _, o := range occupations {
		titles[o.SOCCode] = o.Title
	}
	return func(f models.ReferenceFact) string {
		label := f.Label
		if title := titles[f.SOCCode]; title != "" {
			label = title + " (" + f.SOCCode + ")"
		}
		if f.Geography != "" && f.Geography != "US" && f.Geography != "United States" {
			label += ", " + f.Geography
		}
		return label + ", " + f.Period
	}
}

// factBars draws one bar per fact, in the order given, named by label.
func factBars(title, labelHeader, valueHeader string, format chart.Format, max float64, facts []models.ReferenceFact, label labeller) drawnChart {
	bars := make([]chart.Bar, len(facts))
	rows := make([][]models.ReferenceFact, len(facts))
	for i, f := range facts {
		bars[i] = chart.Bar{Label: label(f), Value: f.Amount()}
		rows[i] = []models.ReferenceFact{f}
	}
	return drawnChart{chart: chart.HBar{Title: title, Bars: bars, Format: format, Max: max,
		LabelHeader: labelHeader, ValueHeader: valueHeader}, rowFact: rows}
}

// occupationPercentilesChart draws the pay scale of each 2018-SOC occupation and
// period, one series each, in the order of the facts (newest first).
func occupationPercentilesChart(facts []models.ReferenceFact, occupation labeller) drawnChart {
	categories := models.WagePercentileNames()
	rows := make([][]models.ReferenceFact, len(categories))
	var series []chart.Series
	for _, f := range facts {
		name := occupation(f)
		i := slices.IndexFunc(series, func(s chart.Series) bool { return s.Name == name })
		if i < 0 {
			series = append(series, chart.Series{Name: name, Values: make([]float64, len(categories))})
			i = len(series) - 1
		}
		for j, category := range categories {
			if strings.HasPrefix(f.Label, category+",") {
				series[i].Values[j] = f.Amount()
				rows[j] = append(rows[j], f)
			}
		}
	}
	return drawnChart{chart: chart.GroupedBars{Title: "Annual wage percentiles in the US by occupation, newest first",
		Categories: categories, Format: chart.Dollars, CategoryHeader: "Percentile", Series: series}, rowFact: rows}
}

// workSettingsChart draws the share of jobs per setting with the setting's median
// wage as the note.
func workSettingsChart(title string, shares, wages []models.ReferenceFact) drawnChart {
	drawn := factBars(title, "Work setting", "Share of jobs", chart.Percent, 100, shares, func(f models.ReferenceFact) string { return f.Label })
	bar := drawn.chart.(chart.HBar)
	bar.NoteHeader = "Median annual wage"
	for i, share := range shares {
		if j := slices.IndexFunc(wages, func(w models.ReferenceFact) bool { return w.Label == share.Label }); j >= 0 {
			bar.Bars[i].Note = wages[j].Value + " median"
			drawn.rowFact[i] = append(drawn.rowFact[i], wages[j])
		}
	}
	drawn.chart = bar
	return drawn
}

// wagePercentilesChart compares California with the US at each percentile.
func wagePercentilesChart(us, california []models.ReferenceFact) drawnChart {
	categories := make([]string, len(us))
	usValues, caValues := make([]float64, len(us)), make([]float64, len(us))
	rows := make([][]models.ReferenceFact, len(us))
	for i, f := range us {
		categories[i], usValues[i] = f.Label, f.Amount()
		rows[i] = []models.ReferenceFact{f}
		if j := slices.IndexFunc(california, func(c models.ReferenceFact) bool { return c.Label == f.Label }); j >= 0 {
			caValues[i] = california[j].Amount()
			rows[i] = append(rows[i], california[j])
		}
	}
	return drawnChart{chart: chart.GroupedBars{Title: "Annual wage percentiles, California and United States (29-2071, retrieved 2018)",
		Categories: categories, Format: chart.Dollars, CategoryHeader: "Percentile",
		Series: []chart.Series{{Name: "California", Values: caValues}, {Name: "United States", Values: usValues}}}, rowFact: rows}
}

func periodOf(f models.ReferenceFact) string { return f.Period }
func sourceOf(f models.ReferenceFact) string { return f.Source }

// joinDistinct joins the distinct non-empty values of field, in order.
func joinDistinct(facts []models.ReferenceFact, field func(models.ReferenceFact) string) string {
	var seen []string
	for _, f := range facts {
		if v := field(f); v != "" && !slices.Contains(seen, v) {
			seen = append(seen, v)
		}
	}
	return strings.Join(seen, "; ")
}

// sourcesOf groups a chart's facts by period and source, in order of first use.
func sourcesOf(rows [][]models.ReferenceFact) []figureSource {
	var out []figureSource
	for _, row := range rows {
		for _, f := range row {
			i := slices.IndexFunc(out, func(s figureSource) bool { return s.Period == f.Period && s.Source == f.Source })
			if i < 0 {
				out = append(out, figureSource{Period: f.Period, Source: f.Source})
				i = len(out) - 1
			}
			if !slices.Contains(out[i].Figures, f.Label) {
				out[i].Figures = append(out[i].Figures, f.Label)
			}
		}
	}
	if len(out) == 1 {
		// One period and source for the whole chart: naming every figure adds nothing.
		out[0].Figures = nil
	}
	return out
}
