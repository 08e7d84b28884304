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
		held.SetCurrent(*form.Current, h.today(c))
	} else if held.ID == 0 {
		held.SetCurrent(true, h.today(c))
	}
	types, err := models.ListCredentialTypes(c.UserContext(), h.DB)
	if err != nil {
		return held, nil, err
	}
	ceuMergeProblems(fields, models.HeldCredentialProblems(held, types, h.today(c)))
	if held.CycleStartOverride != nil || held.CycleEndOverride != nil {
		primary, err := h.primaryFor(c, held)
		if err != nil {
			return held, nil, err
		}
		if primary.CredentialCode != held.CredentialCode {
			ceuMergeProblems(fields, map[string]string{"cycle_start_override": "Set the shared cycle on " + primary.CredentialCode +
				", your first credential of this body: it aligns every later one to its cycle."})
		}
	}
	if len(fields) > 0 {
		return held, fields, nil
	}
	err = models.SaveHeldCredential(c.UserContext(), h.DB, &held, h.Now())
	if errors.Is(err, models.ErrDuplicateCredential) {
		return held, FieldErrors{"credential_code": "You already hold " + held.CredentialCode + ": edit it instead of adding it again."}, nil
	}
	return held, nil, err
}

// primaryFor returns the credential whose cycle held shares once saved: the first
// earned of its certifying body among the holder's credentials, held included.
func (h *Handlers) primaryFor(c *fiber.Ctx, held models.HeldCredential) (models.HeldCredential, error) {
	holder, err := h.loadHolder(c)
	if err != nil {
		return held, err
	}
	list := []models.HeldCredential{held}
	for _, other := range holder.Held {
		if other.ID != held.ID && other.CredentialCode != held.CredentialCode {
			list = append(list, other)
		}
	}
	primary, ok := models.PrimaryCredential(list, holder.Rules, held.CredentialCode)
	if !ok {
		return held, nil
	}
	return primary, nil
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
	var cards []cycleCard
	for _, card := range cycleCards(holder, body, true) {
		if countsFor(card.CycleProgress, held) {
			cards = append(cards, card)
		}
	}
	return h.render(c, fiber.StatusOK, "pages/credentials_show", fiber.Map{
		"Title": held.CredentialCode, "Held": held, "Cycles": cards, "Body": body,
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
	primary, err := h.primaryFor(c, held)
	if err != nil {
		return err
	}
	return h.render(c, status, "pages/credentials_edit", fiber.Map{
		"Title": "Edit " + held.CredentialCode, "Held": held, "Form": form, "Types": types, "Errors": fields,
		"Primary": primary, "IsPrimary": primary.ID == held.ID,
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

// countsFor reports whether a shared cycle is one of held's: it ends on or after the
// day held was earned. Cycles of the body that ended before are another
// credential's history and are not listed on held's page.
func countsFor(p models.CycleProgress, held models.HeldCredential) bool {
	return !p.Cycle.End.Before(held.EarnedOn)
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
