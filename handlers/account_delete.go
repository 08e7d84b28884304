package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// deleteAccountForm confirms deleting one's own account with the password.
type deleteAccountForm struct {
	Password string `form:"password" json:"password" validate:"required"`
}

// msgOwnsCohorts refuses deleting an account that still owns active cohorts, naming them.
func msgOwnsCohorts(owned *models.OwnedCohortsError) string {
	subject := "cohorts that are still active: " + owned.Names() + ". Hand each one to a co-instructor or archive it"
	if len(owned.Cohorts) == 1 {
		subject = "a cohort that is still active, " + owned.Names() + ". Hand it to a co-instructor or archive it"
	}
	return "You own " + subject + " on its settings page first, so its students are not left without an instructor."
}

// deleteOwnAccount checks the password and deletes the signed-in user's account; the
// page and the API share it.
func (h *Handlers) deleteOwnAccount(c *fiber.Ctx, form deleteAccountForm) (FieldErrors, error) {
	if fields := h.validate(form); fields != nil {
		return fields, nil
	}
	user := currentUser(c)
	if !h.Hasher.Check(user.PasswordHash, form.Password) {
		return FieldErrors{"password": "That is not your password."}, nil
	}
	err := models.DeleteAccount(c.UserContext(), h.DB, auditActor(c), user.ID, h.Now())
	if errors.Is(err, models.ErrLastAdmin) {
		return FieldErrors{"password": msgLastAdmin}, nil
	}
	return nil, err
}

func (h *Handlers) deleteAccount(c *fiber.Ctx) error {
	var form deleteAccountForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.deleteOwnAccount(c, form)
	var owned *models.OwnedCohortsError
	if errors.As(err, &owned) {
		fields, err = FieldErrors{"password": msgOwnsCohorts(owned)}, nil
	}
	if fields != nil {
		data := fiber.Map{"Title": "Your data", "Errors": fields}
		if owned != nil {
			data["OwnedCohorts"] = owned.Cohorts
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/account_data", data)
	}
	if err != nil {
		return err
	}
	c.Locals("viewer", nil)
	h.clearSessionCookie(c)
	return h.flashAndRedirect(c, "/", "Your account and everything in it are deleted.")
}

func (h *Handlers) apiDeleteAccount(c *fiber.Ctx) error {
	var form deleteAccountForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.deleteOwnAccount(c, form)
	var owned *models.OwnedCohortsError
	if errors.As(err, &owned) {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(ownedCohortsProblem(owned))
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// ownedCohortsJSON is the API's refusal to delete an account that owns active cohorts:
// the message and the cohorts to hand over or archive.
type ownedCohortsJSON struct {
	Error   string            `json:"error"`
	Cohorts []ownedCohortJSON `json:"cohorts"`
}

type ownedCohortJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

func ownedCohortsProblem(owned *models.OwnedCohortsError) ownedCohortsJSON {
	out := ownedCohortsJSON{Error: msgOwnsCohorts(owned)}
	for _, c := range owned.Cohorts {
		out.Cohorts = append(out.Cohorts, ownedCohortJSON{ID: c.ID, Name: c.Name})
	}
	return out
}
