package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// entryJSON is a CEU entry in the API.
type entryJSON struct {
	ID           int64     `json:"id"`
	ActivityDate string    `json:"activity_date"`
	Title        string    `json:"title"`
	Provider     string    `json:"provider"`
	ProviderKind string    `json:"provider_kind"`
	Minutes      *int      `json:"minutes"`
	CEUs         ceuNumber `json:"ceus"`
	InHIIMDomain bool      `json:"in_hiim_domain"`
	CategoryA    bool      `json:"category_a"`
	Delivery     string    `json:"delivery"`
	Notes        string    `json:"notes"`
	Evidence     int       `json:"evidence_files"`
}

func toEntryJSON(e models.CEUEntry, evidence int) entryJSON {
	return entryJSON{ID: e.ID, ActivityDate: ceuDateString(e.ActivityDate), Title: e.Title, Provider: e.Provider,
		ProviderKind: e.ProviderKind, Minutes: e.Minutes, CEUs: ceuNumber(e.CEUs), InHIIMDomain: e.InHIIMDomain,
		CategoryA: e.CategoryA, Delivery: e.Delivery, Notes: e.Notes, Evidence: evidence}
}

func (h *Handlers) apiListCEUs(c *fiber.Ctx) error {
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	category, problem := models.ParseCEUCategory(c.Query("category"))
	if problem != "" {
		return &validationError{Fields: FieldErrors{"category": problem}}
	}
	filter := models.CEUFilter{Category: category}
	words, problem := models.ParseCEUSearch(c.Query("q"))
	if problem != "" {
		return &validationError{Fields: FieldErrors{"q": problem}}
	}
	filter.Words = words
	if key := c.Query("cycle"); key != "" {
		p, ok := holder.Cycle(key)
		if !ok {
			return &validationError{Fields: FieldErrors{"cycle": "No cycle of yours has the key " + key + "; see /api/v1/progress."}}
		}
		filter.From, filter.To = p.Cycle.Start, p.Cycle.End
	}
	entries, err := models.ListCEUEntries(c.UserContext(), h.DB, currentUser(c).ID, filter)
	if err != nil {
		return err
	}
	counts, err := models.EvidenceCounts(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	out := make([]entryJSON, len(entries))
	for i, e := range entries {
		out[i] = toEntryJSON(e, counts[e.ID])
	}
	return c.JSON(fiber.Map{"entries": out})
}

// apiSaveCEU validates the JSON body into entry and saves it.
func (h *Handlers) apiSaveCEU(c *fiber.Ctx, entry models.CEUEntry, status int) error {
	var in ceuInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	holder, err := h.loadEntryHolder(c)
	if err != nil {
		return err
	}
	entry, fields := entryFromForm(in.form(), entry, holder)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err := models.SaveCEUEntry(c.UserContext(), h.DB, &entry, h.Now()); err != nil {
		return err
	}
	return c.Status(status).JSON(toEntryJSON(entry, 0))
}

func (h *Handlers) apiCreateCEU(c *fiber.Ctx) error {
	return h.apiSaveCEU(c, models.CEUEntry{UserID: currentUser(c).ID}, fiber.StatusCreated)
}

func (h *Handlers) apiShowCEU(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	files, err := models.ListEvidence(c.UserContext(), h.DB, entry.UserID, []int64{entry.ID})
	if err != nil {
		return err
	}
	return c.JSON(toEntryJSON(entry, len(files)))
}

func (h *Handlers) apiUpdateCEU(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	return h.apiSaveCEU(c, entry, fiber.StatusOK)
}

func (h *Handlers) apiDeleteCEU(c *fiber.Ctx) error {
	id, err := ceuIDParam(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeleteCEUEntry(c.UserContext(), h.DB, currentUser(c).ID, id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiWhatIf(c *fiber.Ctx) error {
	var in ceuInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	form := in.form()
	form.Title, form.Provider = "What if", "What if"
	entry, fields := entryFromForm(form, models.CEUEntry{}, holder)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	changes := []fiber.Map{}
	for _, change := range whatIfChanges(holder, entry) {
		changes = append(changes, fiber.Map{"before": toCycleJSON(change.Before.CycleProgress), "after": toCycleJSON(change.After.CycleProgress)})
	}
	return c.JSON(fiber.Map{"changes": changes})
}
