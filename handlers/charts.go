package handlers

import (
	"html/template"

	"hitpath/views/chart"
)

// chartFigure is a drawn chart ready for a template: the SVG, an optional caption and
// the same figures as a table, which pages print with partials/chart_data (or as a
// visible table when the page wants the numbers on show).
type chartFigure struct {
	SVG     template.HTML
	Caption string
	Table   chart.Table
}

// drawChart draws c and its text alternative.
func drawChart(c chart.Chart) chartFigure {
	return chartFigure{SVG: c.SVG(), Table: c.Table()}
}
