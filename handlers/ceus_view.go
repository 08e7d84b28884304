package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// cycleCard is a cycle's progress ready for a page: the numbers, a label, a status
// label and the chart.
type cycleCard struct {
	models.CycleProgress
	Key         string
	Label       string
	StatusLabel string
	Chart       *chartFigure
	Current     bool
	// IDPrefix keeps element ids unique when one page shows a cycle twice.
	IDPrefix string
}

// DOMID is the card's element id stem.
func (c cycleCard) DOMID() string { return c.IDPrefix + c.Key }

// newCycleCard prepares p for a page, drawing its chart from the holder's entries.
func newCycleCard(holder models.Holder, p models.CycleProgress, withChart bool) cycleCard {
	card := cycleCard{
		CycleProgress: p, Key: models.CycleKey(p), StatusLabel: views.CycleStatus(p.Status),
		Label:   strings.Join(p.Credentials, " + ") + " cycle " + strconv.Itoa(p.Cycle.Number),
		Current: p.Cycle.Contains(holder.Today),
	}
	if withChart {
		card.Chart = cycleChart(p, models.CycleSeries(p, holder.Input().Activities))
	}
	return card
}

// cycleCards prepares every cycle of the holder, or only those of body when given;
// with charts, the current cycles get theirs drawn.
func cycleCards(holder models.Holder, body string, charts bool) []cycleCard {
	var cards []cycleCard
	for _, p := range holder.Progress.Cycles {
		if body == "" || p.Body == body {
			cards = append(cards, newCycleCard(holder, p, charts && p.Cycle.Contains(holder.Today)))
		}
	}
	return cards
}

// loadHolder loads the signed-in user's CEU picture for today.
func (h *Handlers) loadHolder(c *fiber.Ctx) (models.Holder, error) {
	return models.LoadHolder(c.UserContext(), h.DB, currentUser(c).ID, h.today(c))
}

// loadEntryHolder loads only what the CEU entry form and its check need.
func (h *Handlers) loadEntryHolder(c *fiber.Ctx) (models.Holder, error) {
	return models.LoadHolderForEntry(c.UserContext(), h.DB, currentUser(c).ID, h.today(c))
}

// ceuParseDate reads a YYYY-MM-DD form value; empty is the zero time.
func ceuParseDate(value, name string, fields FieldErrors) time.Time {
	value = strings.TrimSpace(value)
	if value == "" {
		return time.Time{}
	}
	d, err := models.ParseDate(value)
	if err != nil {
		fields[name] = err.Error()
		return time.Time{}
	}
	return d
}

// ceuMergeProblems adds the model's problems to fields without overwriting a parse error.
func ceuMergeProblems(fields FieldErrors, problems map[string]string) {
	for name, message := range problems {
		if _, seen := fields[name]; !seen {
			fields[name] = message
		}
	}
}

// ceuIDParam reads a numeric route parameter; anything else is a 404.
func ceuIDParam(c *fiber.Ctx, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}

// ceuDateString writes a date for JSON and forms; zero is empty.
func ceuDateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ceuNumber is an amount in hundredths that JSON writes as an exact decimal number.
type ceuNumber int

// MarshalJSON writes 1250 as 12.5.
func (n ceuNumber) MarshalJSON() ([]byte, error) { return []byte(models.FormatCEUs(int(n))), nil }
