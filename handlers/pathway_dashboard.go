package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// studentSummary is the student panel of the dashboard.
type studentSummary struct {
	Overview        models.StudentOverview
	RequirementsMet int
	Requirements    int
	Coursework      models.Coursework
}

// studentDashboardPanel adds the learner's preparation to the dashboard: target,
// eligibility, coursework, this week's study against the goal, streak and readiness.
// It adds nothing for learners without a pathway.
func (h *Handlers) studentDashboardPanel(c *fiber.Ctx, data fiber.Map) error {
	o, found, err := h.studentOverview(c)
	if err != nil || !found {
		return err
	}
	cw, err := models.LearnerCoursework(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	summary := studentSummary{Overview: o, Coursework: cw}
	for _, r := range o.Eligibility.Requirements {
		if r.Recommended {
			continue
		}
		summary.Requirements++
		if r.Status == models.RequirementMet {
			summary.RequirementsMet++
		}
	}
	data["Student"] = summary
	return nil
}
