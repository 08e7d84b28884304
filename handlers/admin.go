package handlers

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
)

// msgLastAdmin explains why the last admin keeps the role.
const msgLastAdmin = "This is the last admin account: make another account an admin first, or nobody could administer hitpath."

// roleForm changes a user's role (admin page and PATCH /api/v1/admin/users/:id).
type roleForm struct {
	Role string `form:"role" json:"role" validate:"required,oneof=learner instructor admin"`
}

// adminUserPatch is the API's change to an account: its role, disabled or both.
type adminUserPatch struct {
	Role     *string `json:"role"`
	Disabled *bool   `json:"disabled"`
}

func (h *Handlers) showAdmin(c *fiber.Ctx) error {
	query := utils.CopyString(c.Query("q"))
	page, err := models.SearchUsers(c.UserContext(), h.DB, query, c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	ids := make([]int64, len(page.Users))
	for i, u := range page.Users {
		ids[i] = u.ID
	}
	twoFactor, err := models.TwoFactorAmong(c.UserContext(), h.DB, ids)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/admin", fiber.Map{"Title": "Administration", "Users": page, "Query": query,
		"Roles": models.Roles, "Pager": newPager("/admin", url.Values{"q": {query}}, page.Page, page.Pages()), "TwoFactor": twoFactor})
}

func (h *Handlers) changeUserRole(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.ErrNotFound
	}
	var form roleForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	if fields := h.validate(form); fields != nil {
		return fiber.NewError(fiber.StatusUnprocessableEntity, fields["role"])
	}
	user, err := models.SetUserRole(c.UserContext(), h.DB, auditActor(c), int64(id), form.Role)
	if errors.Is(err, models.ErrLastAdmin) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, msgLastAdmin)
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin", fmt.Sprintf("%s is now %s %s.", user.Email, article(user.Role), user.Role))
}

func (h *Handlers) apiListUsers(c *fiber.Ctx) error {
	page, err := models.SearchUsers(c.UserContext(), h.DB, c.Query("q"), c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	out := make([]userJSON, len(page.Users))
	for i, u := range page.Users {
		out[i] = h.toUserJSON(u)
	}
	return c.JSON(fiber.Map{"users": out, "total": page.Total, "page": page.Page, "per_page": page.PerPage})
}

func (h *Handlers) apiUpdateUser(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.NewError(fiber.StatusNotFound, "No such user.")
	}
	var patch adminUserPatch
	if err := readJSON(c, &patch); err != nil {
		return err
	}
	user, err := models.UserByID(c.UserContext(), h.DB, int64(id))
	if err != nil {
		return err
	}
	if patch.Role != nil {
		form := roleForm{Role: *patch.Role}
		if fields := h.validate(form); fields != nil {
			return &validationError{Fields: fields}
		}
		user, err = models.SetUserRole(c.UserContext(), h.DB, auditActor(c), user.ID, form.Role)
		if errors.Is(err, models.ErrLastAdmin) {
			return &validationError{Fields: FieldErrors{"role": msgLastAdmin}}
		}
		if err != nil {
			return err
		}
	}
	if patch.Disabled != nil {
		if user, err = h.setDisabled(c, user.ID, *patch.Disabled); err != nil {
			return err
		}
	}
	return c.JSON(h.toUserJSON(user))
}

func article(word string) string {
	if word != "" && (word[0] == 'a' || word[0] == 'i' || word[0] == 'e') {
		return "an"
	}
	return "a"
}
