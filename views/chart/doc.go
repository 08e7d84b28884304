// Package chart draws hitpath's charts as server-rendered SVG.
//
// Every chart is a plain value (HBar, GroupedBars, StackedBars, Line, Timeline,
// Progress) with two methods: SVG returns the markup as template.HTML, ready to drop
// into a page, and Table returns the same figures as a Table that pages render as a
// visually hidden <table> next to the chart, so the data never exists only as a picture.
// Both are pure: no clock, no configuration, no state shared between calls.
//
// What every chart does:
//   - scales to its container: a viewBox and width="100%", no fixed height;
//   - announces itself to assistive technology: role="img", aria-labelledby pointing at
//     its <title> and <desc> (give each chart on a page a distinct Title, or set ID);
//   - escapes every label, and drops characters that are not allowed in XML;
//   - uses presentation attributes (fill, stroke) and CSS classes only: no style
//     attribute, no <style> element and no script, so a strict Content-Security-Policy
//     holds. Classes such as "chart", "chart-hbar", "bar", "series-0", "axis", "grid",
//     "today" and "legend" are hooks for the stylesheet; a CSS rule overrides the
//     default fill because presentation attributes have the lowest precedence.
//
// Colours come from a fixed six-colour palette based on the Okabe–Ito set, which stays
// distinguishable under the common colour-vision deficiencies; the orange is darkened
// and the sky blue replaced by slate so every colour reaches 3:1 against white. Series
// are also told apart by the legend, by white gaps between stacked segments, and by the
// data table, never by colour alone.
//
// Empty data: when a chart has nothing to draw (no bars, no points, a Progress with a
// Max of zero), SVG still returns a small, well-formed SVG that says "No data yet",
// keeping its title for screen readers, and Table returns the headings with no rows. A
// page can therefore always print the chart; it checks Table().Rows when it wants to
// hide an empty section instead.
//
// Values are expected to be finite and not negative; a negative or non-finite value is
// drawn as zero (the table still prints it as given).
package chart
