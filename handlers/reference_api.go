package handlers

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
)

// registerReferenceAPI mounts the career reference API: public reads, admin edits.
func (h *Handlers) registerReferenceAPI(api fiber.Router) {
	api.Get("/reference/pages", h.apiListReferencePages)
	api.Get("/reference/pages/:slug", h.apiShowReferencePage)
	api.Get("/reference/facts", h.apiListReferenceFacts)
	api.Get("/reference/search", h.apiSearchReference)
	api.Put("/reference/pages/:slug", h.requireAPIRole(models.RoleAdmin), h.apiUpdateReferencePage)
	api.Put("/reference/facts/:id", h.requireAPIRole(models.RoleAdmin), h.apiUpdateReferenceFact)
}

// referencePageJSON is a page in API answers; Body only when one page is asked for.
type referencePageJSON struct {
	Slug      string    `json:"slug"`
	Title     string    `json:"title"`
	Summary   string    `json:"summary"`
	Position  int       `json:"position"`
	Body      string    `json:"body,omitempty"`
	Edited    bool      `json:"edited"`
	UpdatedAt time.Time `json:"updated_at"`
}

// referenceFactJSON is a fact in API answers.
type referenceFactJSON struct {
	ID               int64     `json:"id"`
	Topic            string    `json:"topic"`
	Label            string    `json:"label"`
	Value            string    `json:"value"`
	NumberHundredths int64     `json:"number_hundredths"`
	Unit             string    `json:"unit"`
	Geography        string    `json:"geography"`
	Period           string    `json:"period"`
	Source           string    `json:"source"`
	Edited           bool      `json:"edited"`
	UpdatedAt        time.Time `json:"updated_at"`
}

func toReferencePageJSON(p models.ReferencePage, withBody bool) referencePageJSON {
	out := referencePageJSON{Slug: p.Slug, Title: p.Title, Summary: p.Summary, Position: p.Position,
		Edited: p.EditedAt != nil, UpdatedAt: p.UpdatedAt.UTC()}
	if withBody {
		out.Body = p.Body
	}
	return out
}

func toReferenceFactJSON(f models.ReferenceFact) referenceFactJSON {
	return referenceFactJSON{ID: f.ID, Topic: f.Topic, Label: f.Label, Value: f.Value, NumberHundredths: f.Number,
		Unit: f.Unit, Geography: f.Geography, Period: f.Period, Source: f.Source, Edited: f.EditedAt != nil, UpdatedAt: f.UpdatedAt.UTC()}
}

func toReferenceFactsJSON(facts []models.ReferenceFact) []referenceFactJSON {
	out := make([]referenceFactJSON, len(facts))
	for i, f := range facts {
		out[i] = toReferenceFactJSON(f)
	}
	return out
}

// referenceAPIFresh sets the validators of a public reference answer, which depends
// only on the content revision and the URL, and reports whether the client's copy is
// current.
func (h *Handlers) referenceAPIFresh(c *fiber.Ctx) (bool, error) {
	rev, err := h.reference.currentRevision(c.UserContext(), h.DB)
	if err != nil {
		return false, err
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=300")
	return notModified(c, weakETag([]byte(strconv.FormatInt(rev.Revision, 10)), []byte(c.OriginalURL())), rev.UpdatedAt, true), nil
}

func (h *Handlers) apiListReferencePages(c *fiber.Ctx) error {
	if fresh, err := h.referenceAPIFresh(c); err != nil || fresh {
		return orNotModified(c, err)
	}
	pages, err := models.ListReferencePages(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	out := make([]referencePageJSON, len(pages))
	for i, p := range pages {
		out[i] = toReferencePageJSON(p, false)
	}
	return c.JSON(fiber.Map{"pages": out})
}

func (h *Handlers) apiShowReferencePage(c *fiber.Ctx) error {
	if fresh, err := h.referenceAPIFresh(c); err != nil || fresh {
		return orNotModified(c, err)
	}
	ctx := c.UserContext()
	page, err := models.ReferencePageBySlug(ctx, h.DB, utils.CopyString(c.Params("slug")))
	if err != nil {
		return err
	}
	facts := []models.ReferenceFact{}
	if topics := models.TopicsInBody(page.Body); len(topics) > 0 {
		if facts, err = models.ListReferenceFacts(ctx, h.DB, topics...); err != nil {
			return err
		}
	}
	return c.JSON(fiber.Map{"page": toReferencePageJSON(page, true), "facts": toReferenceFactsJSON(facts)})
}

func (h *Handlers) apiListReferenceFacts(c *fiber.Ctx) error {
	if fresh, err := h.referenceAPIFresh(c); err != nil || fresh {
		return orNotModified(c, err)
	}
	var topics []string
	if topic := c.Query("topic"); topic != "" {
		topics = append(topics, utils.CopyString(topic))
	}
	facts, err := models.ListReferenceFacts(c.UserContext(), h.DB, topics...)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"facts": toReferenceFactsJSON(facts)})
}

func (h *Handlers) apiSearchReference(c *fiber.Ctx) error {
	if fresh, err := h.referenceAPIFresh(c); err != nil || fresh {
		return orNotModified(c, err)
	}
	query := utils.CopyString(c.Query("q"))
	pages, facts, err := h.searchReference(c, query)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"query": query, "pages": pages, "facts": facts})
}

// orNotModified returns err, or answers 304 when there is none.
func orNotModified(c *fiber.Ctx, err error) error {
	if err != nil {
		return err
	}
	return answerNotModified(c)
}
