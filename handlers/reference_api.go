package handlers

import (
	"encoding/json"
	"fmt"
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
	SOCCode          string    `json:"soc_code"`
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
		Unit: f.Unit, Geography: f.Geography, Period: f.Period, Source: f.Source, SOCCode: f.SOCCode, Edited: f.EditedAt != nil, UpdatedAt: f.UpdatedAt.UTC()}
}

func toReferenceFactsJSON(facts []models.ReferenceFact) []referenceFactJSON {
	out := make([]referenceFactJSON, len(facts))
	for i, f := range facts {
		out[i] = toReferenceFactJSON(f)
	}
	return out
}

// sendReferenceJSON answers a public reference read. The answer depends only on the
// content, so it is built once per content revision and kept under key (when key is
// not empty: keys must come from a small set, such as the slugs that exist), and
// validated with an ETag of its bytes.
func (h *Handlers) sendReferenceJSON(c *fiber.Ctx, key string, build func() (any, bool, error)) error {
	rev, err := h.reference.currentRevision(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	rendering, ok := h.reference.get(key, rev.Revision)
	if key == "" || !ok {
		value, keep, err := build()
		if err != nil {
			return err
		}
		body, err := json.Marshal(value)
		if err != nil {
			return fmt.Errorf("encode reference answer: %w", err)
		}
		rendering = &referenceRendering{anonymous: body, etag: weakETag(body)}
		if key != "" && keep {
			h.reference.put(key, rev.Revision, rendering)
		}
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=300")
	if notModified(c, rendering.etag, rev.UpdatedAt, true) {
		return answerNotModified(c)
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return c.Send(rendering.anonymous)
}

func (h *Handlers) apiListReferencePages(c *fiber.Ctx) error {
	return h.sendReferenceJSON(c, "api:pages", func() (any, bool, error) {
		pages, err := models.ListReferencePages(c.UserContext(), h.DB)
		if err != nil {
			return nil, false, err
		}
		out := make([]referencePageJSON, len(pages))
		for i, p := range pages {
			out[i] = toReferencePageJSON(p, false)
		}
		return fiber.Map{"pages": out}, true, nil
	})
}

func (h *Handlers) apiShowReferencePage(c *fiber.Ctx) error {
	slug := utils.CopyString(c.Params("slug"))
	return h.sendReferenceJSON(c, "api:page:"+slug, func() (any, bool, error) {
		ctx := c.UserContext()
		page, err := models.ReferencePageBySlug(ctx, h.DB, slug)
		if err != nil {
			return nil, false, err
		}
		facts := []models.ReferenceFact{}
		if topics := models.TopicsInBody(page.Body); len(topics) > 0 {
			if facts, err = models.ListReferenceFacts(ctx, h.DB, topics...); err != nil {
				return nil, false, err
			}
		}
		return fiber.Map{"page": toReferencePageJSON(page, true), "facts": toReferenceFactsJSON(facts)}, true, nil
	})
}

func (h *Handlers) apiListReferenceFacts(c *fiber.Ctx) error {
	topic := utils.CopyString(c.Query("topic"))
	return h.sendReferenceJSON(c, "api:facts:"+topic, func() (any, bool, error) {
		var topics []string
		if topic != "" {
			topics = append(topics, topic)
		}
		facts, err := models.ListReferenceFacts(c.UserContext(), h.DB, topics...)
		if err != nil {
			return nil, false, err
		}
		// Only topics that exist are kept, so made-up ones cannot fill the cache.
		return fiber.Map{"facts": toReferenceFactsJSON(facts)}, len(facts) > 0, nil
	})
}

func (h *Handlers) apiSearchReference(c *fiber.Ctx) error {
	query := utils.CopyString(c.Query("q"))
	return h.sendReferenceJSON(c, "", func() (any, bool, error) {
		pages, facts, err := h.searchReference(c, query)
		if err != nil {
			return nil, false, err
		}
		return fiber.Map{"query": query, "searched_for": searchedFor(query), "pages": pages, "facts": facts}, false, nil
	})
}
