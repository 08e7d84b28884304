package handlers

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// practicePlanDefaultMinutes is offered when the learner has neither a goal nor a pace.
const practicePlanDefaultMinutes = 300

// practiceInput is the practice-exam form as typed, kept for re-rendering: percents
// stay strings so "abc" comes back to the learner as they typed it.
type practiceInput struct {
	TakenOn string
	Source  string
	Overall string
	Domains map[int]string
}

// practiceRow is one attempt as the practice page lists it, with a cell per domain.
type practiceRow struct {
	Record models.PracticeExamRecord
	Cells  []string
}

// parsePercent reads a percent typed in a form; blank is not reported (ok=false).
func parsePercent(value, field string, fields FieldErrors) (float64, bool) {
	value = strings.TrimSuffix(strings.TrimSpace(value), "%")
	if value == "" {
		return 0, false
	}
	p, err := strconv.ParseFloat(value, 64)
	if err != nil || math.IsNaN(p) || math.IsInf(p, 0) {
		fields[field] = "Enter a percent from 0 to 100."
		return 0, false
	}
	return p, true
}

// savePracticeRecord fills in the learner's target, validates the attempt against its
// outline and stores it with its scores.
func (h *Handlers) savePracticeRecord(c *fiber.Ctx, r *models.PracticeExamRecord, fields FieldErrors) (FieldErrors, error) {
	fields, err := h.checkPracticeRecord(c, r, fields)
	if fields != nil || err != nil {
		return fields, err
	}
	return nil, models.CreatePracticeExam(c.UserContext(), h.DB, r, h.Now())
}

// checkPracticeRecord fills in the learner's target and validates the attempt against
// its outline; it saves nothing (logging and editing share it).
func (h *Handlers) checkPracticeRecord(c *fiber.Ctx, r *models.PracticeExamRecord, fields FieldErrors) (FieldErrors, error) {
	p, err := models.PathwayForUser(c.UserContext(), h.DB, r.UserID)
	if errors.Is(err, models.ErrNotFound) {
		fields["taken_on"] = "Set your target credential on your pathway first."
		return fields, nil
	}
	if err != nil {
		return nil, err
	}
	r.CredentialCode = p.TargetCode
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, p.TargetCode)
	if err != nil {
		return nil, err
	}
	return mergeFields(fields, models.ValidatePracticeExam(*r, outline, h.today())), nil
}

// practicePageData assembles readiness, the trend chart, the plan and the attempts.
func (h *Handlers) practicePageData(c *fiber.Ctx, input practiceInput, errs FieldErrors) (fiber.Map, error) {
	data := fiber.Map{"Title": "Practice exams", "Input": input, "Errors": errs}
	o, found, err := h.studentOverview(c)
	if err != nil || !found {
		return data, err
	}
	weekly := c.QueryInt("weekly_minutes", 0)
	switch {
	case weekly > 0:
	case o.Pathway.WeeklyGoalMinutes > 0:
		weekly = o.Pathway.WeeklyGoalMinutes
	case o.RecentPace > 0:
		weekly = o.RecentPace
	default:
		weekly = practicePlanDefaultMinutes
	}
	rows := make([]practiceRow, len(o.Attempts))
	for i, r := range o.Attempts {
		rows[i] = practiceRow{Record: r, Cells: make([]string, len(o.Outline))}
		for j, d := range o.Outline {
			if pct, ok := r.ScoreFor(d.Position); ok && r.CredentialCode == o.Pathway.TargetCode {
				rows[i].Cells[j] = strconv.FormatFloat(pct, 'f', -1, 64) + "%"
			}
		}
	}
	data["Overview"] = o
	data["Rows"] = rows
	data["WeeklyMinutes"] = min(max(weekly, 0), 10080)
	data["Plan"] = o.Plan(min(max(weekly, 0), 10080), h.today())
	if o.Readiness.HasData {
		data["Trend"] = readinessTrendChart(o.Readiness.Trend)
	}
	return data, nil
}

func (h *Handlers) showPractice(c *fiber.Ctx) error {
	data, err := h.practicePageData(c, practiceInput{TakenOn: h.today().Format(time.DateOnly)}, nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/practice", data)
}

// readPracticeForm parses the practice-exam form; blank domain boxes are domains the
// attempt did not report.
func readPracticeForm(c *fiber.Ctx) (practiceInput, models.PracticeExamRecord, FieldErrors) {
	input := practiceInput{TakenOn: c.FormValue("taken_on"), Source: strings.TrimSpace(c.FormValue("source")),
		Overall: c.FormValue("overall_percent"), Domains: map[int]string{}}
	fields := FieldErrors{}
	r := models.PracticeExamRecord{UserID: currentUser(c).ID, Source: input.Source}
	if d := parseDay(input.TakenOn, "taken_on", fields); d != nil {
		r.TakenOn = *d
	}
	if utf8.RuneCountInString(input.Source) > 200 {
		fields["source"] = "Use at most 200 characters for the source."
	}
	if pct, ok := parsePercent(input.Overall, "overall_percent", fields); ok {
		r.OverallPercent = pct
	} else if fields["overall_percent"] == "" {
		fields["overall_percent"] = "Enter your overall percent."
	}
	for pos := 1; pos <= 12; pos++ {
		name := fmt.Sprintf("domain_%d", pos)
		input.Domains[pos] = c.FormValue(name)
		if pct, ok := parsePercent(input.Domains[pos], name, fields); ok {
			r.Scores = append(r.Scores, models.PracticeExamScore{DomainPosition: pos, Percent: pct})
		}
	}
	return input, r, fields
}

func (h *Handlers) logPracticeExam(c *fiber.Ctx) error {
	input, r, fields := readPracticeForm(c)
	fields, err := h.savePracticeRecord(c, &r, fields)
	if err != nil {
		return err
	}
	if fields != nil {
		data, err := h.practicePageData(c, input, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/practice", data)
	}
	return h.flashAndRedirect(c, "/practice", fmt.Sprintf("Practice exam of %s saved.", r.TakenOn.Format("2 Jan 2006")))
}

func (h *Handlers) deletePracticeExam(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeletePracticeExam(c.UserContext(), h.DB, currentUser(c).ID, id, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/practice", "The practice exam is deleted.")
}
