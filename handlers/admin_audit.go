package handlers

import (
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
)

// auditQuery is the viewer's filter as typed, kept to refill the form.
type auditQuery struct {
	Actor, Action, From, To string
}

// auditEntryJSON is one audit row in the API.
type auditEntryJSON struct {
	ID         int64     `json:"id"`
	At         time.Time `json:"at"`
	ActorID    *int64    `json:"actor_id"`
	ActorEmail string    `json:"actor_email"`
	Action     string    `json:"action"`
	Target     string    `json:"target"`
	Detail     string    `json:"detail"`
	IP         string    `json:"ip"`
}

// readAuditFilter parses the viewer's query string in the admin's time zone.
func (h *Handlers) readAuditFilter(c *fiber.Ctx) (auditQuery, models.AuditFilter, FieldErrors) {
	q := auditQuery{Actor: utils.CopyString(c.Query("actor")), Action: utils.CopyString(c.Query("action")),
		From: utils.CopyString(c.Query("from")), To: utils.CopyString(c.Query("to"))}
	f, problems := models.ParseAuditFilter(q.Actor, q.Action, q.From, q.To, c.QueryInt("page", 1), h.zoneOf(currentUser(c)))
	if problems != nil {
		return q, f, FieldErrors(problems)
	}
	return q, f, nil
}

func (h *Handlers) showAudit(c *fiber.Ctx) error {
	q, filter, fields := h.readAuditFilter(c)
	actions, err := models.AuditActions(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	data := fiber.Map{"Title": "Audit log", "Query": q, "Actions": actions, "Errors": fields, "Zone": h.zoneOf(currentUser(c))}
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/admin_audit", data)
	}
	page, err := models.SearchAudit(c.UserContext(), h.DB, filter)
	if err != nil {
		return err
	}
	data["Entries"] = page
	data["Pager"] = newPager("/admin/audit", url.Values{"actor": {q.Actor}, "action": {q.Action}, "from": {q.From}, "to": {q.To}}, page.Page, page.Pages())
	return h.render(c, fiber.StatusOK, "pages/admin_audit", data)
}

func (h *Handlers) apiListAudit(c *fiber.Ctx) error {
	_, filter, fields := h.readAuditFilter(c)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	page, err := models.SearchAudit(c.UserContext(), h.DB, filter)
	if err != nil {
		return err
	}
	out := make([]auditEntryJSON, len(page.Rows))
	for i, r := range page.Rows {
		out[i] = auditEntryJSON{ID: r.ID, At: r.At.UTC(), ActorID: r.ActorID, ActorEmail: r.ActorEmail, Action: r.Action,
			Target: r.Target, Detail: r.Detail, IP: r.IP}
	}
	return c.JSON(fiber.Map{"entries": out, "total": page.Total, "page": page.Page, "per_page": page.PerPage})
}
