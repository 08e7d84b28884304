package handlers

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
	"hitpath/views"
)

// registerReferencePages mounts the career reference: public pages and the admin
// editor.
func (h *Handlers) registerReferencePages(pages fiber.Router) {
	pages.Get("/careers", h.showCareers)
	pages.Get("/careers/search", h.searchCareers)
	pages.Get("/careers/:slug", h.showCareerPage)
	admin := h.requireRole(models.RoleAdmin)
	pages.Get("/admin/reference", admin, h.showReferenceAdmin)
	pages.Get("/admin/reference/pages/:slug", admin, h.showEditReferencePage)
	pages.Post("/admin/reference/pages/:slug", admin, h.saveReferencePage)
	pages.Get("/admin/reference/facts/:id", admin, h.showEditReferenceFact)
	pages.Post("/admin/reference/facts/:id", admin, h.saveReferenceFact)
}

// showCareers lists the sections of the career reference with a search box.
func (h *Handlers) showCareers(c *fiber.Ctx) error {
	return h.showReference(c, "index", "pages/careers", func() (fiber.Map, error) {
		pages, err := models.ListReferencePages(c.UserContext(), h.DB)
		if err != nil {
			return nil, err
		}
		return fiber.Map{"Title": "Careers in health information", "Pages": pages}, nil
	})
}

// showCareerPage shows one section with its charts and their sources.
func (h *Handlers) showCareerPage(c *fiber.Ctx) error {
	slug := utils.CopyString(c.Params("slug"))
	return h.showReference(c, "page:"+slug, "pages/careers_page", func() (fiber.Map, error) {
		return h.careerPageData(c, slug)
	})
}

// careerPageData loads a page and the facts its charts draw and renders the body.
func (h *Handlers) careerPageData(c *fiber.Ctx, slug string) (fiber.Map, error) {
	ctx := c.UserContext()
	page, err := models.ReferencePageBySlug(ctx, h.DB, slug)
	if err != nil {
		return nil, err
	}
	pages, err := models.ListReferencePages(ctx, h.DB)
	if err != nil {
		return nil, err
	}
	var facts []models.ReferenceFact
	if topics := models.TopicsInBody(page.Body); len(topics) > 0 {
		if facts, err = models.ListReferenceFacts(ctx, h.DB, topics...); err != nil {
			return nil, err
		}
	}
	occupations, err := models.ListReferenceOccupations(ctx, h.DB)
	if err != nil {
		return nil, err
	}
	body, err := h.renderReferenceBody(c, page.Body, facts, occupations)
	if err != nil {
		return nil, err
	}
	data := fiber.Map{"Title": page.Title, "Page": page, "Body": body, "Pages": pages}
	for i, p := range pages {
		if p.Slug != slug {
			continue
		}
		if i > 0 {
			data["Previous"] = pages[i-1]
		}
		if i+1 < len(pages) {
			data["Next"] = pages[i+1]
		}
	}
	return data, nil
}

// renderReferenceBody turns a page's Markdown into HTML with each chart placeholder
// replaced by the chart, its sources and its data table.
func (h *Handlers) renderReferenceBody(c *fiber.Ctx, markdown string, facts []models.ReferenceFact,
	occupations []models.ReferenceOccupation) (template.HTML, error) {
	charts := map[string]template.HTML{}
	for _, figure := range referenceFigures(markdown, facts, occupations) {
		var buf bytes.Buffer
		if err := c.App().Config().Views.Render(&buf, "partials/reference_figure", figure); err != nil {
			return "", fmt.Errorf("render chart %s: %w", figure.Name, err)
		}
		charts[figure.Name] = template.HTML(buf.String())
	}
	return views.RenderMarkdownWithCharts(markdown, charts)
}

// showReference answers a public reference page from the cache when the content has
// not changed since it was rendered, and with 304 when the client's copy is current.
func (h *Handlers) showReference(c *fiber.Ctx, key, tmpl string, load func() (fiber.Map, error)) error {
	rev, err := h.reference.currentRevision(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	rendering, ok := h.reference.get(key, rev.Revision)
	if !ok {
		data, err := load()
		if err != nil {
			return err
		}
		if rendering, err = h.renderAnonymous(c, tmpl, data); err != nil {
			return err
		}
		h.reference.put(key, rev.Revision, rendering)
	}
	if currentViewer(c) != nil || c.Cookies(flashCookie) != "" {
		return h.sendPersonalReference(c, tmpl, rendering, rev)
	}
	// The same bytes go to every anonymous visitor, so shared caches may keep them;
	// the CSRF cookie the page middleware set must then not travel with them.
	c.Response().Header.DelCookie("hitpath_csrf")
	c.Set(fiber.HeaderCacheControl, "public, max-age=300")
	c.Vary(fiber.HeaderCookie)
	if notModified(c, rendering.etag, rev.UpdatedAt, true) {
		return answerNotModified(c)
	}
	c.Type("html", "utf-8")
	return c.Send(rendering.anonymous)
}

// sendPersonalReference renders a reference page for a signed-in viewer (the
// navigation names them), cacheable only by their browser and revalidated each time.
func (h *Handlers) sendPersonalReference(c *fiber.Ctx, tmpl string, rendering *referenceRendering, rev models.ReferenceRevision) error {
	data := make(fiber.Map, len(rendering.data)+4)
	for k, v := range rendering.data {
		data[k] = v
	}
	if err := h.render(c, fiber.StatusOK, tmpl, data); err != nil {
		return err
	}
	var userID int64
	if v := currentViewer(c); v != nil {
		userID = v.User.ID
	}
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	c.Vary(fiber.HeaderCookie)
	if notModified(c, weakETag([]byte(strconv.FormatInt(userID, 10)), c.Response().Body()), rev.UpdatedAt, false) {
		return answerNotModified(c)
	}
	return nil
}

// renderAnonymous renders a page in the layout as an anonymous visitor sees it.
func (h *Handlers) renderAnonymous(c *fiber.Ctx, tmpl string, data fiber.Map) (*referenceRendering, error) {
	full := make(fiber.Map, len(data)+4)
	for k, v := range data {
		full[k] = v
	}
	full["Viewer"], full["CSRF"], full["Path"], full["Errors"] = nil, "", c.Path(), FieldErrors{}
	var buf bytes.Buffer
	if err := c.App().Config().Views.Render(&buf, tmpl, full, "layouts/base"); err != nil {
		return nil, fmt.Errorf("render %s: %w", tmpl, err)
	}
	page := buf.Bytes()
	return &referenceRendering{data: data, anonymous: page, etag: weakETag(page)}, nil
}
