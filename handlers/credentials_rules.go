package handlers

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// ruleForm is an admin's edit of one maintenance rule version. Amounts are typed as
// CEUs ("20", "2.5") and stored in hundredths.
type ruleForm struct {
	EffectiveFrom           string `form:"effective_from"`
	EffectiveTo             string `form:"effective_to"`
	CycleYears              string `form:"cycle_years"`
	DueOffsetDays           string `form:"due_offset_days"`
	GraceDaysUntilRevoked   string `form:"grace_days_until_revoked"`
	CEUsPerCycle            string `form:"ceus_per_cycle"`
	HIIMSharePercent        string `form:"hiim_share_percent"`
	AHIMASourceSharePercent string `form:"ahima_source_share_percent"`
	CategoryACEUs           string `form:"category_a_ceus"`
	InPersonCEUsTwoCycles   string `form:"in_person_ceus_two_cycles"`
	Source                  string `form:"source"`
}

func ruleFormOf(r models.MaintenanceRuleRow) ruleForm {
	rule := r.Rule()
	return ruleForm{
		EffectiveFrom: ceuDateString(rule.EffectiveFrom), EffectiveTo: ceuDateString(rule.EffectiveTo),
		CycleYears: strconv.Itoa(r.CycleYears), DueOffsetDays: strconv.Itoa(r.DueOffsetDays),
		GraceDaysUntilRevoked: strconv.Itoa(r.GraceDaysUntilRevoked), CEUsPerCycle: models.FormatCEUs(r.CEUsPerCycle),
		HIIMSharePercent: strconv.Itoa(r.HIIMSharePercent), AHIMASourceSharePercent: strconv.Itoa(r.AHIMASourceSharePercent),
		CategoryACEUs: models.FormatCEUs(r.CategoryACEUs), InPersonCEUsTwoCycles: models.FormatCEUs(r.InPersonCEUsTwoCycles),
		Source: r.Source,
	}
}

// apply copies the form onto row, collecting parse problems by field.
func (f ruleForm) apply(row models.MaintenanceRuleRow) (models.MaintenanceRuleRow, FieldErrors) {
	fields := FieldErrors{}
	row.EffectiveFrom = ceuOptionalDate(ceuParseDate(f.EffectiveFrom, "effective_from", fields))
	row.EffectiveTo = ceuOptionalDate(ceuParseDate(f.EffectiveTo, "effective_to", fields))
	whole := func(text, name string) int {
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			fields[name] = "Enter a whole number."
		}
		return n
	}
	amount := func(text, name string) int {
		n, err := models.ParseCEUs(text)
		if err != nil {
			fields[name] = "Enter a number with at most two decimals."
		}
		return n
	}
	row.CycleYears, row.DueOffsetDays = whole(f.CycleYears, "cycle_years"), whole(f.DueOffsetDays, "due_offset_days")
	row.GraceDaysUntilRevoked = whole(f.GraceDaysUntilRevoked, "grace_days_until_revoked")
	row.HIIMSharePercent, row.AHIMASourceSharePercent = whole(f.HIIMSharePercent, "hiim_share_percent"), whole(f.AHIMASourceSharePercent, "ahima_source_share_percent")
	row.CEUsPerCycle, row.CategoryACEUs = amount(f.CEUsPerCycle, "ceus_per_cycle"), amount(f.CategoryACEUs, "category_a_ceus")
	row.InPersonCEUsTwoCycles = amount(f.InPersonCEUsTwoCycles, "in_person_ceus_two_cycles")
	row.Source = strings.TrimSpace(f.Source)
	ceuMergeProblems(fields, models.MaintenanceRuleProblems(row))
	if len(fields) == 0 {
		return row, nil
	}
	return row, fields
}

// ceuOptionalDate turns the zero time into NULL.
func ceuOptionalDate(d time.Time) *time.Time {
	if d.IsZero() {
		return nil
	}
	return &d
}

func (h *Handlers) showRules(c *fiber.Ctx) error {
	rows, err := models.ListMaintenanceRuleRows(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/credentials_rules", fiber.Map{"Title": "Maintenance rules", "Rules": rows})
}

func (h *Handlers) loadRule(c *fiber.Ctx) (models.MaintenanceRuleRow, error) {
	id, err := ceuIDParam(c, "id")
	if err != nil {
		return models.MaintenanceRuleRow{}, err
	}
	return models.MaintenanceRuleRowByID(c.UserContext(), h.DB, id)
}

func (h *Handlers) showEditRule(c *fiber.Ctx) error {
	row, err := h.loadRule(c)
	if err != nil {
		return err
	}
	return h.renderRule(c, fiber.StatusOK, row, ruleFormOf(row), nil)
}

func (h *Handlers) renderRule(c *fiber.Ctx, status int, row models.MaintenanceRuleRow, form ruleForm, fields FieldErrors) error {
	return h.render(c, status, "pages/credentials_rule_edit", fiber.Map{
		"Title": "Edit the " + row.CredentialCode + " rule", "Rule": row, "Form": form, "Errors": fields})
}

func (h *Handlers) updateRule(c *fiber.Ctx) error {
	row, err := h.loadRule(c)
	if err != nil {
		return err
	}
	var form ruleForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	edited, fields := form.apply(row)
	if fields != nil {
		return h.renderRule(c, fiber.StatusUnprocessableEntity, row, form, fields)
	}
	if err := models.SaveMaintenanceRuleRow(c.UserContext(), h.DB, auditActor(c), edited); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin/rules", "Saved the "+row.CredentialCode+" rule.")
}

// supersedeRule starts a new version of a rule on a date, so cycles that started
// before it keep the rules of their time.
func (h *Handlers) supersedeRule(c *fiber.Ctx) error {
	row, err := h.loadRule(c)
	if err != nil {
		return err
	}
	fields := FieldErrors{}
	from := ceuParseDate(c.FormValue("new_from"), "new_from", fields)
	if from.IsZero() && len(fields) == 0 {
		fields["new_from"] = "Enter the day the new version takes effect."
	}
	if len(fields) > 0 {
		return h.renderRule(c, fiber.StatusUnprocessableEntity, row, ruleFormOf(row), fields)
	}
	next, err := models.SupersedeMaintenanceRule(c.UserContext(), h.DB, auditActor(c), row.ID, from)
	if errors.Is(err, models.ErrRuleDateOutside) {
		fields["new_from"] = "The new version must start after this one starts and before it ends."
		return h.renderRule(c, fiber.StatusUnprocessableEntity, row, ruleFormOf(row), fields)
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin/rules/"+ceuID(next.ID), "Added a new version from "+from.Format(time.DateOnly)+": edit it now.")
}
