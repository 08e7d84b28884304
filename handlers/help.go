package handlers

import (
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// registerHelpPages mounts the explanations of the rules, open to everyone.
func (h *Handlers) registerHelpPages(pages fiber.Router) {
	pages.Get("/help/recertification", h.showRecertificationHelp)
}

// ruleInForce is one credential's maintenance rule for a cycle starting today, as the
// help page lists it.
type ruleInForce struct {
	Code string
	models.MaintenanceRule
}

// showRecertificationHelp explains how keeping a credential works, with the figures of
// the rules stored today (so an admin's edit shows here too).
func (h *Handlers) showRecertificationHelp(c *fiber.Ctx) error {
	rules, err := models.LoadMaintenanceRules(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/help_recertification", fiber.Map{
		"Title": "How recertification works", "Rules": rulesInForce(rules, h.today()),
	})
}

// rulesInForce picks, per credential, the rule for a cycle starting on today, in
// credential order.
func rulesInForce(rules []models.MaintenanceRule, today time.Time) []ruleInForce {
	var codes []string
	for _, r := range rules {
		if !slices.Contains(codes, r.CredentialCode) {
			codes = append(codes, r.CredentialCode)
		}
	}
	slices.Sort(codes)
	var out []ruleInForce
	for _, code := range codes {
		if rule, ok := models.RuleFor(rules, code, today); ok {
			out = append(out, ruleInForce{Code: code, MaintenanceRule: rule})
		}
	}
	return out
}
