package handlers

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
)

// referencePageForm is an admin's edit of a reference page (page and API).
type referencePageForm struct {
	Title   string `form:"title" json:"title" validate:"max=120"`
	Summary string `form:"summary" json:"summary" validate:"max=300"`
	Body    string `form:"body" json:"body" validate:"max=100000"`
}

// referenceFactForm is an admin's edit of a fact (page and API). Number is the figure
// as typed ("42,630", "38.5"), read into hundredths.
type referenceFactForm struct {
	Value     string `form:"value" json:"value" validate:"max=60"`
	Number    string `form:"number" json:"number" validate:"max=30"`
	Unit      string `form:"unit" json:"unit" validate:"max=60"`
	Geography string `form:"geography" json:"geography" validate:"max=80"`
	Period    string `form:"period" json:"period" validate:"max=80"`
	Source    string `form:"source" json:"source" validate:"max=300"`
}

// check trims the form and returns its problems, or nil.
func (f *referencePageForm) check(h *Handlers) FieldErrors {
	f.Title, f.Summary, f.Body = strings.TrimSpace(f.Title), strings.TrimSpace(f.Summary), strings.TrimSpace(f.Body)+"\n"
	fields := h.validate(*f)
	if fields == nil {
		fields = FieldErrors{}
	}
	required(fields, "title", f.Title, "Give the page a title.")
	required(fields, "summary", f.Summary, "Write one sentence for the index and search results.")
	required(fields, "body", strings.TrimSpace(f.Body), "The page needs some text.")
	if msg := models.CheckReferenceBody(f.Body); msg != "" {
		fields["body"] = msg
	}
	return orNil(fields)
}

// check trims the form, reads the number and returns the problems, or nil.
func (f *referenceFactForm) check(h *Handlers) (int64, FieldErrors) {
	for _, s := range []*string{&f.Value, &f.Number, &f.Unit, &f.Geography, &f.Period, &f.Source} {
		*s = strings.TrimSpace(*s)
	}
	fields := h.validate(*f)
	if fields == nil {
		fields = FieldErrors{}
	}
	required(fields, "value", f.Value, "Enter the figure as it should be shown, like $42,630 or 38%.")
	required(fields, "period", f.Period, "Say when the figure applies (a year, a range such as 2019-2029, or \"undated\").")
	required(fields, "source", f.Source, "Name the source of the figure.")
	number, err := models.ParseHundredths(f.Number)
	if _, taken := fields["number"]; !taken && err != nil {
		fields["number"] = "Enter a number with at most two decimals, like 42630 or 38.5."
	}
	return number, orNil(fields)
}

func required(fields FieldErrors, name, value, message string) {
	if _, taken := fields[name]; !taken && value == "" {
		fields[name] = message
	}
}

func orNil(fields FieldErrors) FieldErrors {
	if len(fields) == 0 {
		return nil
	}
	return fields
}

func (h *Handlers) showReferenceAdmin(c *fiber.Ctx) error {
	ctx := c.UserContext()
	pages, err := models.ListReferencePages(ctx, h.DB)
	if err != nil {
		return err
	}
	facts, err := models.ListReferenceFacts(ctx, h.DB)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/admin_reference", fiber.Map{"Title": "Career reference", "Pages": pages, "Facts": facts})
}

func (h *Handlers) showEditReferencePage(c *fiber.Ctx) error {
	page, err := models.ReferencePageBySlug(c.UserContext(), h.DB, utils.CopyString(c.Params("slug")))
	if err != nil {
		return err
	}
	form := referencePageForm{Title: page.Title, Summary: page.Summary, Body: page.Body}
	return h.render(c, fiber.StatusOK, "pages/admin_reference_page", fiber.Map{"Title": "Edit " + page.Title, "Page": page, "Form": form})
}

func (h *Handlers) saveReferencePage(c *fiber.Ctx) error {
	page, err := models.ReferencePageBySlug(c.UserContext(), h.DB, utils.CopyString(c.Params("slug")))
	if err != nil {
		return err
	}
	var form referencePageForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	if fields := form.check(h); fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/admin_reference_page",
			fiber.Map{"Title": "Edit " + page.Title, "Page": page, "Form": form, "Errors": fields})
	}
	edit := models.ReferencePageEdit{Title: form.Title, Summary: form.Summary, Body: form.Body}
	if _, err := models.UpdateReferencePage(c.UserContext(), h.DB, auditActor(c), page.Slug, edit, h.Now()); err != nil {
		return err
	}
	h.reference.forgetRevision()
	return h.flashAndRedirect(c, "/admin/reference", fmt.Sprintf("Saved the page %q.", form.Title))
}

func (h *Handlers) showEditReferenceFact(c *fiber.Ctx) error {
	fact, err := h.referenceFactParam(c)
	if err != nil {
		return err
	}
	form := referenceFactForm{Value: fact.Value, Number: models.FormatHundredths(fact.Number), Unit: fact.Unit,
		Geography: fact.Geography, Period: fact.Period, Source: fact.Source}
	return h.render(c, fiber.StatusOK, "pages/admin_reference_fact", fiber.Map{"Title": "Edit a figure", "Fact": fact, "Form": form})
}

func (h *Handlers) saveReferenceFact(c *fiber.Ctx) error {
	fact, err := h.referenceFactParam(c)
	if err != nil {
		return err
	}
	var form referenceFactForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	number, fields := form.check(h)
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/admin_reference_fact",
			fiber.Map{"Title": "Edit a figure", "Fact": fact, "Form": form, "Errors": fields})
	}
	if _, err := models.UpdateReferenceFact(c.UserContext(), h.DB, auditActor(c), fact.ID, form.edit(number), h.Now()); err != nil {
		return err
	}
	h.reference.forgetRevision()
	return h.flashAndRedirect(c, "/admin/reference#fact-"+fmt.Sprint(fact.ID), fmt.Sprintf("Saved %q.", fact.Label))
}

func (f referenceFactForm) edit(number int64) models.ReferenceFactEdit {
	return models.ReferenceFactEdit{Value: f.Value, Number: number, Unit: f.Unit, Geography: f.Geography, Period: f.Period, Source: f.Source}
}

// referenceFactParam loads the fact named by the :id parameter.
func (h *Handlers) referenceFactParam(c *fiber.Ctx) (models.ReferenceFact, error) {
	id, err := c.ParamsInt("id")
	if err != nil || id <= 0 {
		return models.ReferenceFact{}, models.ErrNotFound
	}
	return models.ReferenceFactByID(c.UserContext(), h.DB, int64(id))
}

func (h *Handlers) apiUpdateReferencePage(c *fiber.Ctx) error {
	var form referencePageForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	if fields := form.check(h); fields != nil {
		return &validationError{Fields: fields}
	}
	edit := models.ReferencePageEdit{Title: form.Title, Summary: form.Summary, Body: form.Body}
	page, err := models.UpdateReferencePage(c.UserContext(), h.DB, auditActor(c), utils.CopyString(c.Params("slug")), edit, h.Now())
	if err != nil {
		return err
	}
	h.reference.forgetRevision()
	return c.JSON(toReferencePageJSON(page, true))
}

func (h *Handlers) apiUpdateReferenceFact(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil || id <= 0 {
		return models.ErrNotFound
	}
	var form referenceFactForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	number, fields := form.check(h)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	fact, err := models.UpdateReferenceFact(c.UserContext(), h.DB, auditActor(c), int64(id), form.edit(number), h.Now())
	if err != nil {
		return err
	}
	h.reference.forgetRevision()
	return c.JSON(toReferenceFactJSON(fact))
}
