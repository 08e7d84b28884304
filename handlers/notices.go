package handlers

import (
	"net/url"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// dashboardNoticeLimit is how many unread notices the dashboard shows.
const dashboardNoticeLimit = 5

// noticeJSON is one notice as the API shows it.
type noticeJSON struct {
	ID        int64      `json:"id"`
	Kind      string     `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	Link      string     `json:"link,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	ReadAt    *time.Time `json:"read_at"`
}

func toNoticeJSON(n models.Notice) noticeJSON {
	out := noticeJSON{ID: n.ID, Kind: n.Kind, Title: n.Title, Body: n.Body, Link: n.Link, CreatedAt: n.CreatedAt.UTC()}
	if n.ReadAt != nil {
		read := n.ReadAt.UTC()
		out.ReadAt = &read
	}
	return out
}

// registerNoticePages mounts the notices page and its two buttons.
func (h *Handlers) registerNoticePages(pages fiber.Router) {
	pages.Get("/notices", h.requireUser, h.showNotices)
	pages.Post("/notices/read-all", h.requireUser, h.markAllNoticesRead)
	pages.Post("/notices/:id/read", h.requireUser, h.markNoticeRead)
}

// registerNoticeAPI mounts the notices API.
func (h *Handlers) registerNoticeAPI(api fiber.Router) {
	api.Get("/notices", h.requireAPIUser, h.apiListNotices)
	api.Post("/notices/read-all", h.requireAPIUser, h.apiMarkAllNoticesRead)
	api.Post("/notices/:id/read", h.requireAPIUser, h.apiMarkNoticeRead)
}

func (h *Handlers) showNotices(c *fiber.Ctx) error {
	user := currentUser(c)
	page, err := models.ListNotices(c.UserContext(), h.DB, user.ID, c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/notices", fiber.Map{
		"Title": "Notices", "Notices": page, "Zone": h.zoneOf(user),
		"Pager": newPager("/notices", url.Values{}, page.Page, page.Pages()),
	})
}

func (h *Handlers) markNoticeRead(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := models.MarkNoticeRead(c.UserContext(), h.DB, currentUser(c).ID, id, h.Now()); err != nil {
		return err
	}
	return c.Redirect(noticesPageLink(c.FormValue("page")), fiber.StatusSeeOther)
}

func (h *Handlers) markAllNoticesRead(c *fiber.Ctx) error {
	n, err := models.MarkAllNoticesRead(c.UserContext(), h.DB, currentUser(c).ID, h.Now())
	if err != nil {
		return err
	}
	msg := "You had no unread notices."
	if n > 0 {
		msg = views.Count(int(n), "notice", "notices") + " marked read."
	}
	return h.flashAndRedirect(c, "/notices", msg)
}

// noticesPageLink goes back to the page of the list a button was pressed on.
func noticesPageLink(page string) string {
	if n, err := strconv.Atoi(page); err == nil && n > 1 {
		return "/notices?page=" + strconv.Itoa(n)
	}
	return "/notices"
}

func (h *Handlers) apiListNotices(c *fiber.Ctx) error {
	page, err := models.ListNotices(c.UserContext(), h.DB, currentUser(c).ID, c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	out := make([]noticeJSON, len(page.Notices))
	for i, n := range page.Notices {
		out[i] = toNoticeJSON(n)
	}
	return c.JSON(fiber.Map{"notices": out, "total": page.Total, "unread": page.Unread, "page": page.Page, "per_page": page.PerPage})
}

func (h *Handlers) apiMarkNoticeRead(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	n, err := models.MarkNoticeRead(c.UserContext(), h.DB, currentUser(c).ID, id, h.Now())
	if err != nil {
		return err
	}
	return c.JSON(toNoticeJSON(n))
}

func (h *Handlers) apiMarkAllNoticesRead(c *fiber.Ctx) error {
	n, err := models.MarkAllNoticesRead(c.UserContext(), h.DB, currentUser(c).ID, h.Now())
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"marked": n})
}

// noticePanel puts the viewer's newest unread notices on the dashboard.
func (h *Handlers) noticePanel(c *fiber.Ctx, data fiber.Map) error {
	user := currentUser(c)
	notices, err := models.RecentUnreadNotices(c.UserContext(), h.DB, user.ID, dashboardNoticeLimit)
	if err != nil {
		return err
	}
	data["DashboardNotices"] = notices
	data["Zone"] = h.zoneOf(user)
	return nil
}

// unreadNotices counts the signed-in viewer's unread notices for the menu badge. A
// failure only hides the badge: the page itself must not fail for it.
func (h *Handlers) unreadNotices(c *fiber.Ctx) int {
	v := currentViewer(c)
	if v == nil {
		return 0
	}
	n, err := models.UnreadNoticeCount(c.UserContext(), h.DB, v.User.ID)
	if err != nil {
		h.Log.Warn("count unread notices", "user", v.User.ID, "err", err)
		return 0
	}
	return int(n)
}
