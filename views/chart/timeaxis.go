package chart

import "time"

// timeTicks returns up to about six dates between from and to on month boundaries
// (every one, two, three, six or twelve months) when the span is long enough, and
// otherwise at an even number of days.
func timeTicks(from, to time.Time) []time.Time {
	days := to.Sub(from).Hours() / 24
	var ticks []time.Time
	if days >= 90 {
		months := int(days/30.4) + 1
		step := 12
		for _, s := range []int{1, 2, 3, 6, 12} {
			if months/s <= 6 {
				step = s
				break
			}
		}
		if months/step > 6 {
			step = (months/6/12 + 1) * 12
		}
		t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, from.Location())
		if t.Before(from) {
			t = t.AddDate(0, 1, 0)
		}
		for ; !t.After(to); t = t.AddDate(0, 1, 0) {
			if (t.Year()*12+int(t.Month())-1)%step == 0 {
				ticks = append(ticks, t)
			}
		}
		return ticks
	}
	step := max(1, int(days/6)+1)
	for t := from; !t.After(to); t = t.AddDate(0, 0, step) {
		ticks = append(ticks, t)
	}
	return ticks
}

// tickLabel prints a tick: month and year on long axes, day and month on short ones.
func tickLabel(t time.Time, long bool) string {
	if long {
		return t.Format("Jan 2006")
	}
	return t.Format("2 Jan")
}

// timeAxis draws the base line and the date ticks under a plot.
func (c *canvas) timeAxis(p plot, from, to time.Time, x func(time.Time) float64) {
	long := to.Sub(from) >= 90*24*time.Hour
	for _, t := range timeTicks(from, to) {
		tx := x(t)
		c.line("axis", mutedColour, 1, tx, p.bottom, tx, p.bottom+4, "")
		c.text("axis tick-label", mutedColour, tx, p.bottom+18, smallFont, anchorFor(tx), tickLabel(t, long))
	}
	c.line("axis", mutedColour, 1, p.left, p.bottom, p.right, p.bottom, "")
}
