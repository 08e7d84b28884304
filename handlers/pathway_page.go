package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// pathwayPageData is what pages/pathway shows beside the form: the stored pathway's
// eligibility and timeline.
func (h *Handlers) pathwayPageData(c *fiber.Ctx, form pathwayForm, errs FieldErrors) (fiber.Map, error) {
	data := fiber.Map{"Title": "Your pathway", "Form": form, "Errors": errs, "Targets": models.PathwayTargets, "Today": h.today(c).Format("2006-01-02")}
	p, err := models.PathwayForUser(c.UserContext(), h.DB, currentUser(c).ID)
	if errors.Is(err, models.ErrNotFound) {
		return data, nil
	}
	if err != nil {
		return nil, err
	}
	data["Pathway"] = p
	data["Eligibility"] = models.Eligibility(p.Facts(), h.today(c))
	data["Timeline"] = pathwayTimelineChart(p, h.today(c))
	if p.Passed() {
		start, end := models.FirstCycle(*p.PassedOn)
		data["CycleStart"], data["CycleEnd"] = start, end
	}
	return data, nil
}

func (h *Handlers) showPathway(c *fiber.Ctx) error {
	p, err := models.PathwayForUser(c.UserContext(), h.DB, currentUser(c).ID)
	form := pathwayFormOf(p)
	switch {
	case errors.Is(err, models.ErrNotFound):
		form = pathwayForm{Target: string(models.TargetRHIT), Accreditation: string(models.AccreditationUnknown), ExamResult: string(models.ExamResultNone)}
	case err != nil:
		return err
	}
	if target := c.Query("target"); models.ValidTarget(target) {
		form.Target = target
	}
	data, err := h.pathwayPageData(c, form, nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/pathway", data)
}

func (h *Handlers) savePathway(c *fiber.Ctx) error {
	var form pathwayForm
	fields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	var p models.Pathway
	var granted bool
	if fields == nil {
		if p, fields, granted, err = h.applyPathwayForm(c, form); err != nil {
			return err
		}
	}
	if fields != nil {
		data, err := h.pathwayPageData(c, form, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/pathway", data)
	}
	if granted {
		return h.flashAndRedirect(c, "/dashboard", passFlash(p))
	}
	return h.flashAndRedirect(c, "/pathway", "Your pathway is saved.")
}

// passForm records a pass (page and POST /api/v1/pathway/pass).
type passForm struct {
	PassedOn string `form:"passed_on" json:"passed_on" validate:"required"`
}

// applyPass validates a pass date against the stored pathway and records it.
func (h *Handlers) applyPass(c *fiber.Ctx, form passForm) (models.Pathway, FieldErrors, bool, error) {
	user := currentUser(c)
	p, err := models.PathwayForUser(c.UserContext(), h.DB, user.ID)
	if err != nil {
		return p, nil, false, err
	}
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	passed := p
	passed.ExamResult = string(models.ExamResultPassed)
	passed.PassedOn = parseDay(form.PassedOn, "passed_on", fields)
	if fields = mergeFields(fields, models.ValidatePathway(passed, &p, h.today(c))); fields != nil {
		return p, fields, false, nil
	}
	p, granted, err := models.RecordPass(c.UserContext(), h.DB, user.ID, *passed.PassedOn, h.Now())
	return p, nil, granted, err
}

func (h *Handlers) recordPass(c *fiber.Ctx) error {
	var form passForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	p, fields, _, err := h.applyPass(c, form)
	if err != nil {
		return err
	}
	if fields != nil {
		// The pathway form below has its own passed_on field; the error belongs to this one.
		data, err := h.pathwayPageData(c, pathwayFormOf(p), FieldErrors{"pass_passed_on": fields["passed_on"]})
		if err != nil {
			return err
		}
		data["PassForm"] = form
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/pathway", data)
	}
	return h.flashAndRedirect(c, "/dashboard", passFlash(p))
}
