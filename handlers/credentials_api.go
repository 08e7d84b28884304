package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// credentialJSON is a held credential in the API.
type credentialJSON struct {
	ID                 int64   `json:"id"`
	CredentialCode     string  `json:"credential_code"`
	CertificateNumber  string  `json:"certificate_number"`
	EarnedOn           string  `json:"earned_on"`
	CycleStartOverride *string `json:"cycle_start_override"`
	CycleEndOverride   *string `json:"cycle_end_override"`
	Current            bool    `json:"current"`
}

func toCredentialJSON(held models.HeldCredential) credentialJSON {
	f := formFromHeld(held)
	out := credentialJSON{ID: held.ID, CredentialCode: held.CredentialCode, CertificateNumber: held.CertificateNumber, EarnedOn: f.EarnedOn,
		Current: f.IsCurrent()}
	if f.CycleStartOverride != "" {
		out.CycleStartOverride, out.CycleEndOverride = &f.CycleStartOverride, &f.CycleEndOverride
	}
	return out
}

func (h *Handlers) apiListCredentials(c *fiber.Ctx) error {
	held, err := models.ListHeldCredentials(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	out := make([]credentialJSON, len(held))
	for i, one := range held {
		out[i] = toCredentialJSON(one)
	}
	return c.JSON(fiber.Map{"credentials": out})
}

func (h *Handlers) apiCreateCredential(c *fiber.Ctx) error {
	var form credentialForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	held, fields, err := h.saveHeldCredential(c, form, models.HeldCredential{})
	if err != nil {
		return err
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	return c.Status(fiber.StatusCreated).JSON(toCredentialJSON(held))
}

func (h *Handlers) apiShowCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	body, _ := bodyOfCredential(holder.Rules, held.CredentialCode)
	cycles := []cycleJSON{}
	for _, p := range holder.Progress.Cycles {
		if p.Body == body && countsFor(p, held) {
			cycles = append(cycles, toCycleJSON(p))
		}
	}
	return c.JSON(fiber.Map{"credential": toCredentialJSON(held), "cycles": cycles})
}

func (h *Handlers) apiUpdateCredential(c *fiber.Ctx) error {
	held, err := h.loadOwnCredential(c)
	if err != nil {
		return err
	}
	var form credentialForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	saved, fields, err := h.saveHeldCredential(c, form, held)
	if err != nil {
		return err
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	return c.JSON(toCredentialJSON(saved))
}

func (h *Handlers) apiDeleteCredential(c *fiber.Ctx) error {
	id, err := ceuIDParam(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeleteHeldCredential(c.UserContext(), h.DB, currentUser(c).ID, id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// cycleJSON is a cycle's progress in the API. Amounts are decimal CEUs (or hours);
// paces are per month.
type cycleJSON struct {
	Key                 string    `json:"key"`
	Body                string    `json:"body"`
	Credentials         []string  `json:"credentials"`
	Number              int       `json:"number"`
	Start               string    `json:"start"`
	End                 string    `json:"end"`
	Due                 string    `json:"due"`
	Overridden          bool      `json:"overridden"`
	Unit                string    `json:"unit"`
	Status              string    `json:"status"`
	Required            ceuNumber `json:"required"`
	Earned              ceuNumber `json:"earned"`
	Remaining           ceuNumber `json:"remaining"`
	Shortfall           ceuNumber `json:"shortfall"`
	HIIM                ceuNumber `json:"hiim"`
	HIIMRequired        ceuNumber `json:"hiim_required"`
	AHIMASource         ceuNumber `json:"ahima_source"`
	AHIMASourceRequired ceuNumber `json:"ahima_source_required"`
	CategoryA           ceuNumber `json:"category_a"`
	CategoryARequired   ceuNumber `json:"category_a_required"`
	InPerson            ceuNumber `json:"in_person"`
	InPersonRequired    ceuNumber `json:"in_person_required"`
	DaysLeft            int       `json:"days_left"`
	PaceSoFar           ceuNumber `json:"pace_so_far"`
	PaceNeeded          ceuNumber `json:"pace_needed"`
	ForecastOn          *string   `json:"forecast_on"`
	Problems            []string  `json:"problems"`
	Behind              []string  `json:"behind"`
	Notes               []string  `json:"notes"`
}

func toCycleJSON(p models.CycleProgress) cycleJSON {
	out := cycleJSON{
		Key: models.CycleKey(p), Body: p.Body, Credentials: p.Credentials, Number: p.Cycle.Number,
		Start: ceuDateString(p.Cycle.Start), End: ceuDateString(p.Cycle.End), Due: ceuDateString(p.Cycle.Due),
		Overridden: p.Cycle.Overridden, Unit: p.Unit, Status: string(p.Status),
		Required: ceuNumber(p.Required), Earned: ceuNumber(p.Earned), Remaining: ceuNumber(p.Remaining),
		Shortfall: ceuNumber(p.Shortfall), HIIM: ceuNumber(p.HIIM), HIIMRequired: ceuNumber(p.HIIMRequired),
		AHIMASource: ceuNumber(p.AHIMASource), AHIMASourceRequired: ceuNumber(p.AHIMASourceRequired),
		CategoryA: ceuNumber(p.CategoryA), CategoryARequired: ceuNumber(p.CategoryARequired),
		InPerson: ceuNumber(p.InPerson), InPersonRequired: ceuNumber(p.InPersonRequired),
		DaysLeft: p.DaysLeft, PaceSoFar: ceuNumber(p.PaceSoFar), PaceNeeded: ceuNumber(p.PaceNeeded),
		Problems: p.Problems,
	}
	if out.Problems == nil {
		out.Problems = []string{}
	}
	out.Behind, out.Notes = []string{}, append([]string{}, p.Notes...)
	for _, pace := range p.Behind() {
		out.Behind = append(out.Behind, pace.Rule)
	}
	if !p.ForecastOn.IsZero() {
		forecast := ceuDateString(p.ForecastOn)
		out.ForecastOn = &forecast
	}
	return out
}

func (h *Handlers) apiShowProgress(c *fiber.Ctx) error {
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	if text := c.Query("as_of"); text != "" {
		day, problems := models.AsOfProblems(text, holder.Today)
		if problems != nil {
			return &validationError{Fields: FieldErrors(problems)}
		}
		out := progressJSON(holder.AsOf(day))
		out["as_of"] = ceuDateString(day)
		return c.JSON(out)
	}
	return c.JSON(progressJSON(holder.Progress))
}

func progressJSON(progress models.LearnerProgress) fiber.Map {
	cycles := make([]cycleJSON, len(progress.Cycles))
	for i, p := range progress.Cycles {
		cycles[i] = toCycleJSON(p)
	}
	outside := make([]int64, len(progress.Outside))
	for i, a := range progress.Outside {
		outside[i] = a.ID
	}
	return fiber.Map{"cycles": cycles, "outside_entry_ids": outside}
}
