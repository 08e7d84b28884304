package handlers

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// msgLastAdmin explains why the last admin keeps the role.
const msgLastAdmin = "This is the last admin account: make another account an admin first, or nobody could administer hitpath."

// roleForm changes a user's role (admin page and PATCH /api/v1/admin/users/:id).
type roleForm struct {
	Role string `form:"role" json:"role" validate:"required,oneof=learner instructor admin"`
}

func (h *Handlers) showAdmin(c *fiber.Ctx) error {
	users, err := models.ListUsers(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/admin", fiber.Map{"Title": "Administration", "Users": users, "Roles": models.Roles})
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
	users, err := models.ListUsers(c.UserContext(), h.DB)
	if err != nil {
		return err
	}
	out := make([]userJSON, len(users))
	for i, u := range users {
		out[i] = toUserJSON(u)
	}
	return c.JSON(fiber.Map{"users": out})
}

func (h *Handlers) apiUpdateUser(c *fiber.Ctx) error {
	id, err := c.ParamsInt("id")
	if err != nil {
		return fiber.NewError(fiber.StatusNotFound, "No such user.")
	}
	var form roleForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	if fields := h.validate(form); fields != nil {
		return &validationError{Fields: fields}
	}
	user, err := models.SetUserRole(c.UserContext(), h.DB, auditActor(c), int64(id), form.Role)
	if errors.Is(err, models.ErrLastAdmin) {
		return &validationError{Fields: FieldErrors{"role": msgLastAdmin}}
	}
	if err != nil {
		return err
	}
	return c.JSON(toUserJSON(user))
}

func article(word string) string {
	if word != "" && (word[0] == 'a' || word[0] == 'i' || word[0] == 'e') {
		return "an"
	}
	return "a"
}
