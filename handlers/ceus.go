package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// ceuEntryRow is an entry on the list with its evidence count.
type ceuEntryRow struct {
	models.CEUEntry
	Evidence int
}

func (h *Handlers) showCEUs(c *fiber.Ctx) error {
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	// An unknown category in a hand-edited address lists everything, as the filter's
	// "All categories" does.
	category, _ := models.ParseCEUCategory(c.Query("category"))
	filter := models.CEUFilter{Category: category}
	search := c.Query("q")
	words, problem := models.ParseCEUSearch(search)
	filter.Words = words
	selected, ok := holder.Cycle(c.Query("cycle"))
	if ok {
		filter.From, filter.To = selected.Cycle.Start, selected.Cycle.End
	}
	entries, err := models.ListCEUEntries(c.UserContext(), h.DB, currentUser(c).ID, filter)
	if err != nil {
		return err
	}
	counts, err := models.EvidenceCounts(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	rows := make([]ceuEntryRow, len(entries))
	for i, e := range entries {
		rows[i] = ceuEntryRow{CEUEntry: e, Evidence: counts[e.ID]}
	}
	sizes, err := h.auditPackSizes(c, holder)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/ceus", fiber.Map{
		"PackSizes": sizes,
		"Title":     "Your CEUs", "Entries": rows, "Cycles": cycleCards(holder, "", false), "Current": currentCards(holder),
		"ShowCategoryA": needsCategoryA(holder), "Search": search, "Errors": searchErrors(problem),
		"CycleKey": c.Query("cycle"), "Category": filter.Category, "Categories": categoryChoices,
		"HasCredentials": len(holder.Held) > 0, "WhatIf": ceuForm{ActivityDate: ceuDateString(holder.Today)},
		"ProviderKinds": providerKindChoices, "Deliveries": deliveryChoices,
	})
}

// currentCards prepares the holder's current cycles with their charts.
func currentCards(holder models.Holder) []cycleCard {
	current := holder.CurrentCycles()
	cards := make([]cycleCard, len(current))
	for i, p := range current {
		cards[i] = newCycleCard(holder, p, true)
	}
	return cards
}

func (h *Handlers) showNewCEU(c *fiber.Ctx) error {
	holder, err := h.loadEntryHolder(c)
	if err != nil {
		return err
	}
	form := ceuForm{ActivityDate: ceuDateString(h.today(c)), ProviderKind: "approved", Delivery: "online"}
	data := ceuFormData("Log a CEU activity", form, nil, holder)
	data["Action"] = "/ceus"
	return h.render(c, fiber.StatusOK, "pages/ceus_form", data)
}

func (h *Handlers) createCEU(c *fiber.Ctx) error {
	return h.saveCEUFromPage(c, models.CEUEntry{UserID: currentUser(c).ID}, "/ceus", "Log a CEU activity")
}

// saveCEUFromPage reads the form, saves entry or re-renders the form with 422.
func (h *Handlers) saveCEUFromPage(c *fiber.Ctx, entry models.CEUEntry, action, title string) error {
	var form ceuForm
	formFields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	holder, err := h.loadEntryHolder(c)
	if err != nil {
		return err
	}
	entry, fields := entryFromForm(form, entry, holder)
	if len(formFields) > 0 {
		// A value that did not fit its field (a box sent as "banana") is shown beside
		// that field with whatever else is wrong.
		if fields == nil {
			fields = FieldErrors{}
		}
		for name, message := range formFields {
			fields[name] = message
		}
	}
	if fields != nil {
		data := ceuFormData(title, form, fields, holder)
		data["Action"] = action
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_form", data)
	}
	if err := models.SaveCEUEntry(c.UserContext(), h.DB, &entry, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/ceus", "Saved “"+entry.Title+"”: "+views.CountHundredths(entry.CEUs, "CEU", "CEUs")+".")
}

func (h *Handlers) loadOwnEntry(c *fiber.Ctx) (models.CEUEntry, error) {
	id, err := ceuIDParam(c, "id")
	if err != nil {
		return models.CEUEntry{}, err
	}
	return models.CEUEntryForUser(c.UserContext(), h.DB, currentUser(c).ID, id)
}

func (h *Handlers) showEditCEU(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	holder, err := h.loadEntryHolder(c)
	if err != nil {
		return err
	}
	data := ceuFormData("Edit “"+entry.Title+"”", formFromEntry(entry), nil, holder)
	data["Action"] = "/ceus/" + ceuID(entry.ID)
	data["Entry"] = entry
	return h.render(c, fiber.StatusOK, "pages/ceus_form", data)
}

func (h *Handlers) updateCEU(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	return h.saveCEUFromPage(c, entry, "/ceus/"+ceuID(entry.ID), "Edit “"+entry.Title+"”")
}

func (h *Handlers) showDeleteCEU(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/ceus_delete", fiber.Map{"Title": "Delete an activity", "Entry": entry})
}

func (h *Handlers) deleteCEU(c *fiber.Ctx) error {
	entry, err := h.loadOwnEntry(c)
	if err != nil {
		return err
	}
	if err := models.DeleteCEUEntry(c.UserContext(), h.DB, entry.UserID, entry.ID); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/ceus", "Deleted “"+entry.Title+"” and its evidence.")
}

// showWhatIf shows how an activity not yet logged would change each current cycle.
// It reads a GET form: nothing is saved.
func (h *Handlers) showWhatIf(c *fiber.Ctx) error {
	form := ceuForm{ActivityDate: c.Query("activity_date"), Minutes: c.Query("minutes"), CEUs: c.Query("ceus"),
		ProviderKind: c.Query("provider_kind"), Delivery: c.Query("delivery"), Title: "What if", Provider: "What if",
		InHIIMDomain: c.Query("in_hiim_domain") != "", CategoryA: c.Query("category_a") != ""}
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	entry, fields := entryFromForm(form, models.CEUEntry{}, holder)
	data := fiber.Map{"Title": "What if", "WhatIf": form, "Form": form, "Errors": fields, "ShowCategoryA": needsCategoryA(holder),
		"ProviderKinds": providerKindChoices, "Deliveries": deliveryChoices}
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_whatif", data)
	}
	data["Changes"] = whatIfChanges(holder, entry)
	return h.render(c, fiber.StatusOK, "pages/ceus_whatif", data)
}

// whatIfChange is one cycle before and after a hypothetical activity.
type whatIfChange struct {
	Before, After cycleCard
}

func whatIfChanges(holder models.Holder, entry models.CEUEntry) []whatIfChange {
	after := holder
	after.Progress = models.WhatIf(holder.Input(), entry.Activity())
	var changes []whatIfChange
	for _, p := range after.Progress.Cycles {
		if !p.Cycle.Contains(entry.ActivityDate) {
			continue
		}
		before, _ := holder.Cycle(models.CycleKey(p))
		changes = append(changes, whatIfChange{Before: newCycleCard(holder, before, false), After: newCycleCard(after, p, false)})
	}
	return changes
}

// searchErrors puts a search problem beside the search box; none is no errors.
func searchErrors(problem string) FieldErrors {
	if problem == "" {
		return FieldErrors{}
	}
	return FieldErrors{"q": problem}
}
