package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// credentialForm is what a holder types to add or edit a credential, on the page and
// in the API.
type credentialForm struct {
	CredentialCode     string `json:"credential_code" form:"credential_code"`
	CertificateNumber  string `json:"certificate_number" form:"certificate_number" validate:"max=60"`
	EarnedOn           string `json:"earned_on" form:"earned_on"`
	CycleStartOverride string `json:"cycle_start_override" form:"cycle_start_override"`
	CycleEndOverride   string `json:"cycle_end_override" form:"cycle_end_override"`
	// Current is whether the holder holds the credential now; nil keeps what is
	// stored (a new credential: current).
	Current *bool `json:"current" form:"-"`
}

// IsCurrent reports whether the form says current, for the checkbox.
func (f credentialForm) IsCurrent() bool { return f.Current != nil && *f.Current }

// readCredentialForm reads the page's form; the current checkbox sends nothing when
// cleared, so its absence means "not current".
func readCredentialForm(c *fiber.Ctx) (credentialForm, error) {
	var form credentialForm
	if err := readForm(c, &form); err != nil {
		return form, err
	}
	current := c.FormValue("current") != ""
	form.Current = &current
	return form, nil
}

func formFromHeld(held models.HeldCredential) credentialForm {
	f := held.Facts()
	current := held.CurrentAsOf != nil
	return credentialForm{CredentialCode: held.CredentialCode, CertificateNumber: held.CertificateNumber,
		EarnedOn: ceuDateString(f.EarnedOn), CycleStartOverride: ceuDateString(f.OverrideStart), CycleEndOverride: ceuDateString(f.OverrideEnd),
		Current: &current}
}

// saveHeldCredential validates form into held (new when held.ID is 0) and saves it.
// Field problems come back as FieldErrors with nothing saved.
func (h *Handlers) saveHeldCredential(c *fiber.Ctx, form credentialForm, held models.HeldCredential) (models.HeldCredential, FieldErrors, error) {
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	held.UserID = currentUser(c).ID
	held.CredentialCode, held.CertificateNumber = form.CredentialCode, form.CertificateNumber
	held.EarnedOn = ceuParseDate(form.EarnedOn, "earned_on", fields)
	held.SetOverride(ceuParseDate(form.CycleStartOverride, "cycle_start_override", fields),
		ceuParseDate(form.CycleEndOverride, "cycle_end_override", fields))
	if form.Current != nil {
		held.SetCurrent(*form.Current, h.today())
	} else if held.ID == 0 {
		held.SetCurrent(true, h.today())
	}
	types, err := models.ListCredentialTypes(c.UserContext(), h.DB)
	if err != nil {
		return held, nil, err
	}
	ceuMergeProblems(fields, models.HeldCredentialProblems(held, types, h.today()))
	if len(fields) > 0 {
		return held, fields, nil
	}
	err = models.SaveHeldCredential(c.UserContext(), h.DB, &held, h.Now())
	if errors.Is(err, models.ErrDuplicateCredential) {
		return held, FieldErrors{"credential_code": "You already hold " + held.CredentialCode + ": edit it instead of adding it again."}, nil
	}
	return held, nil, err
}

func (h *Handlers) showCredentials(c *fiber.Ctx) error {
	current := true
	return h.renderCredentials(c, fiber.StatusOK, credentialForm{Current: &current}, nil)
}

func (h *Handlers) renderCredentials(c *fiber.Ctx, status int, form credentialForm, fields FieldErrors) error {
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	types, err := models.ListCredentialTypes(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	feed, err := h.calendarFeedState(c)
	if err != nil {
		return err
	}
	data := fiber.Map{
		"Title": "Your credentials", "Held": holder.Held, "Cycles": cycleCards(holder, "", true), "Types": types,
		"Form": form, "Errors": fields, "Feed": feed, "FeedURL": c.Locals("calendarURL"),
		"AsOfValue": c.Query("as_of"), "CycleEnds": currentEnds(holder),
	}
	if text := c.Query("as_of"); text != "" {
		day, problems := models.AsOfProblems(text, holder.Today)
		if problems != nil {
			data["AsOfError"] = problems["as_of"]
			status = fiber.StatusUnprocessableEntity
		} else {
			cards := cycleCards(holder.OnDay(day), "", false)
			for i := range cards {
				cards[i].IDPrefix = "as-of-"
			}
			data["AsOf"], data["AsOfCycles"] = day, cards
		}
	}
	return h.render(c, status, "pages/credentials", data)
}

// currentEnds lists the end of each current cycle, for "where will I stand on my
// cycle end" links.
func currentEnds(holder models.Holder) []string {
	var ends []string
	for _, p := range holder.CurrentCycles() {
		ends = append(ends, ceuDateString(p.Cycle.End))
	}
	return ends
}

func (h *Handlers) createCredential(c *fiber.Ctx) error {
	form, err := readCredentialForm(c)
	if err != nil {
		return err
	}
	held, fields, err := h.saveHeldCredential(c, form, models.HeldCredential{})
	if err != nil {
		return err
	}
	if fields != nil {
		return h.renderCredentials(c, fiber.StatusUnprocessableEntity, form, fields)
	}
	return h.flashAndRedirect(c, "/credentials", "Added "+held.CredentialCode+".")
}

func (h *Handlers) loadOwnCredential(c *fiber.Ctx) (models.HeldCredential, error) {
	id, err := ceuIDParam(c, "id")
	if err != nil {
		return models.HeldCredential{}, err
	}
	return models.HeldCredentialForUser(c.UserContext(), h.DB, currentUser(c).ID, id)
}

func (h *Handlers) showCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	body, _ := bodyOfCredential(holder.Rules, held.CredentialCode)
	return h.render(c, fiber.StatusOK, "pages/credentials_show", fiber.Map{
		"Title": held.CredentialCode, "Held": held, "Cycles": cycleCards(holder, body, true), "Body": body,
	})
}

func (h *Handlers) showEditCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	return h.renderEditCredential(c, fiber.StatusOK, held, formFromHeld(held), nil)
}

func (h *Handlers) renderEditCredential(c *fiber.Ctx, status int, held models.HeldCredential, form credentialForm, fields FieldErrors) error {
	types, err := models.ListCredentialTypes(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, status, "pages/credentials_edit", fiber.Map{
		"Title": "Edit " + held.CredentialCode, "Held": held, "Form": form, "Types": types, "Errors": fields,
	})
}

func (h *Handlers) updateCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	form, err := readCredentialForm(c)
	if err != nil {
		return err
	}
	saved, fields, err := h.saveHeldCredential(c, form, held)
	if err != nil {
		return err
	}
	if fields != nil {
		return h.renderEditCredential(c, fiber.StatusUnprocessableEntity, held, form, fields)
	}
	return h.flashAndRedirect(c, "/credentials", "Saved "+saved.CredentialCode+".")
}

func (h *Handlers) showDeleteCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/credentials_delete", fiber.Map{"Title": "Remove " + held.CredentialCode, "Held": held})
}

func (h *Handlers) deleteCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	if err := models.DeleteHeldCredential(c.UserContext(), h.DB, held.UserID, held.ID); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/credentials", "Removed "+held.CredentialCode+". Your CEU entries are kept.")
}

// bodyOfCredential returns the certifying body the rules name for code.
func bodyOfCredential(rules []models.MaintenanceRule, code string) (string, bool) {
	for _, r := range rules {
		if r.CredentialCode == code {
			return r.Body, true
		}
	}
	return "", false
}
