package chart

// Table is the text alternative of a chart: the same figures as rows and columns,
// for a visually hidden <table> beside the SVG (or a visible one on request).
type Table struct {
	// Caption names the table; it is the chart's title.
	Caption string
	// Columns are the headings, the first one over the row labels.
	Columns []string
	// Rows hold the figures, formatted as the chart shows them.
	Rows []Row
}

// Row is one line of a Table: a label for the row header and its formatted values,
// one per column after the first.
type Row struct {
	Label  string
	Values []string
}
