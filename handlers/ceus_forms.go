package handlers

import (
	"encoding/json"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// ceuForm is a CEU activity as a holder types it: minutes or CEUs, both as text.
type ceuForm struct {
	ActivityDate string `json:"activity_date" form:"activity_date" query:"activity_date"`
	Title        string `json:"title" form:"title" query:"title"`
	Provider     string `json:"provider" form:"provider" query:"provider"`
	ProviderKind string `json:"provider_kind" form:"provider_kind" query:"provider_kind"`
	Minutes      string `json:"minutes" form:"minutes" query:"minutes"`
	CEUs         string `json:"ceus" form:"ceus" query:"ceus"`
	InHIIMDomain bool   `json:"in_hiim_domain" form:"in_hiim_domain" query:"in_hiim_domain"`
	CategoryA    bool   `json:"category_a" form:"category_a" query:"category_a"`
	Delivery     string `json:"delivery" form:"delivery" query:"delivery"`
	Notes        string `json:"notes" form:"notes" query:"notes"`
}

// ceuInput is the API's body for an activity: numbers as JSON numbers.
type ceuInput struct {
	ActivityDate string       `json:"activity_date"`
	Title        string       `json:"title"`
	Provider     string       `json:"provider"`
	ProviderKind string       `json:"provider_kind"`
	Minutes      *json.Number `json:"minutes"`
	CEUs         *json.Number `json:"ceus"`
	InHIIMDomain bool         `json:"in_hiim_domain"`
	CategoryA    bool         `json:"category_a"`
	Delivery     string       `json:"delivery"`
	Notes        string       `json:"notes"`
}

func (in ceuInput) form() ceuForm {
	f := ceuForm{ActivityDate: in.ActivityDate, Title: in.Title, Provider: in.Provider, ProviderKind: in.ProviderKind,
		InHIIMDomain: in.InHIIMDomain, CategoryA: in.CategoryA, Delivery: in.Delivery, Notes: in.Notes}
	if in.Minutes != nil {
		f.Minutes = in.Minutes.String()
	}
	if in.CEUs != nil {
		f.CEUs = in.CEUs.String()
	}
	return f
}

func formFromEntry(e models.CEUEntry) ceuForm {
	f := ceuForm{ActivityDate: ceuDateString(e.ActivityDate), Title: e.Title, Provider: e.Provider, ProviderKind: e.ProviderKind,
		CEUs: models.FormatCEUs(e.CEUs), InHIIMDomain: e.InHIIMDomain, CategoryA: e.CategoryA, Delivery: e.Delivery, Notes: e.Notes}
	if e.Minutes != nil {
		f.Minutes, f.CEUs = strconv.Itoa(*e.Minutes), ""
	}
	return f
}

// input is the form as models.CEUEntryInput, which parses and checks it.
func (f ceuForm) input() models.CEUEntryInput {
	return models.CEUEntryInput{ActivityDate: f.ActivityDate, Title: f.Title, Provider: f.Provider, ProviderKind: f.ProviderKind,
		Minutes: f.Minutes, CEUs: f.CEUs, InHIIMDomain: models.YesNo(f.InHIIMDomain), CategoryA: models.YesNo(f.CategoryA),
		Delivery: f.Delivery, Notes: f.Notes}
}

// entryFromForm applies form to entry and checks it with models.CEUEntryInput.Entry,
// the one parser every way in shares.
func entryFromForm(form ceuForm, entry models.CEUEntry, holder models.Holder) (models.CEUEntry, FieldErrors) {
	entry, problems := form.input().Entry(entry, holder.Today, holder.EarliestEarnedOn())
	if problems == nil {
		return entry, nil
	}
	return entry, FieldErrors(problems)
}

// ceuChoice is an option of a select or radio group.
type ceuChoice struct{ Value, Label string }

var providerKindChoices = []ceuChoice{
	{"ahima", "AHIMA"}, {"component", "AHIMA component state association"},
	{"approved", "Other approved provider"}, {"other", "Other"},
}

var deliveryChoices = []ceuChoice{
	{"live", "Live (remote)"}, {"in_person", "In person"}, {"online", "Online, on demand"}, {"self_study", "Self-study"},
}

var categoryChoices = []ceuChoice{
	{"", "All categories"}, {models.CategoryHIIM, "In HIIM domains"}, {models.CategoryOther, "Outside HIIM domains"},
	{models.CategoryAHIMASource, "From AHIMA or a component association"}, {models.CategoryNCRAA, "NCRA Category A"},
	{models.CategoryInPerson, "In person"},
}

// ceuFormData is what the new/edit page needs besides the form.
func ceuFormData(title string, form ceuForm, fields FieldErrors, holder models.Holder) fiber.Map {
	return fiber.Map{"Title": title, "Form": form, "Errors": fields, "ShowCategoryA": needsCategoryA(holder),
		"ProviderKinds": providerKindChoices, "Deliveries": deliveryChoices}
}

// needsCategoryA says whether any credential the holder keeps has a rule asking for
// NCRA Category A hours (ODS): only they are asked about Category A.
func needsCategoryA(holder models.Holder) bool {
	for _, held := range holder.Held {
		for _, rule := range holder.Rules {
			if rule.CredentialCode == held.CredentialCode && rule.CategoryACEUs > 0 {
				return true
			}
		}
	}
	return false
}
