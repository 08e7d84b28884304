package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// inviteForm is an admin's invitation of an instructor by email.
type inviteForm struct {
	Email string `form:"email" json:"email" validate:"required,email,max=254"`
}

// acceptForm creates the invited account.
type acceptForm struct {
	Token    string `form:"token" json:"token"`
	Name     string `form:"name" json:"name" validate:"required,max=100"`
	Password string `form:"password" json:"password" validate:"required,password"`
	TimeZone string `form:"time_zone" json:"time_zone"`
}

const msgInviteTaken = "That address already has an account: change its role on this page instead."

// sendInvite validates and sends an invitation; the page and the API share it.
func (h *Handlers) sendInvite(c *fiber.Ctx, form inviteForm) (FieldErrors, error) {
	form.Email = models.NormalizeEmail(form.Email)
	if fields := h.validate(form); fields != nil {
		return fields, nil
	}
	err := models.InviteInstructor(c.UserContext(), h.DB, auditActor(c), form.Email, h.BaseURL, h.Now())
	if errors.Is(err, models.ErrDuplicateEmail) {
		return FieldErrors{"email": msgInviteTaken}, nil
	}
	return nil, err
}

func (h *Handlers) inviteInstructor(c *fiber.Ctx) error {
	var form inviteForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.sendInvite(c, form)
	if fields != nil {
		message := fields["email"]
		if message == "" {
			message = "Check the invitation: enter the address of the person to invite."
		}
		return fiber.NewError(fiber.StatusUnprocessableEntity, message)
	}
	if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/admin", "An invitation is on its way to "+models.NormalizeEmail(form.Email)+".")
}

func (h *Handlers) apiInviteInstructor(c *fiber.Ctx) error {
	var form inviteForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.sendInvite(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"message": "An invitation is on its way."})
}

func (h *Handlers) showAcceptInvite(c *fiber.Ctx) error {
	form := acceptForm{Token: c.Query("token"), TimeZone: h.DefaultZone.String()}
	return h.renderInvite(c, fiber.StatusOK, form, nil)
}

// renderInvite shows the invitation page, or why its link cannot be used.
func (h *Handlers) renderInvite(c *fiber.Ctx, status int, form acceptForm, fields FieldErrors) error {
	data := fiber.Map{"Title": "Create your instructor account", "Form": form, "Errors": fields, "Zones": models.CommonTimeZones}
	inv, err := models.CheckInvite(c.UserContext(), h.DB, form.Token, h.Now())
	if code, ok := linkRefusalStatus(err); ok {
		data["LinkProblem"] = models.LinkProblem(err, "invitation")
		return h.render(c, code, "pages/invite", data)
	} else if err != nil {
		return err
	}
	data["Email"] = inv.Email
	return h.render(c, status, "pages/invite", data)
}

// acceptInvite validates the new account and creates it through the invitation.
func (h *Handlers) acceptInvite(c *fiber.Ctx, form acceptForm) (models.User, FieldErrors, error) {
	fields := h.validate(form)
	zone, zoneProblem := models.CheckTimeZoneChoice(form.TimeZone)
	if zoneProblem != "" {
		fields = mergeFields(fields, FieldErrors{"time_zone": zoneProblem})
	}
	name, nameProblem := models.CheckName(form.Name)
	if nameProblem != "" {
		fields = mergeFields(fields, FieldErrors{"name": nameProblem})
	}
	if fields != nil {
		return models.User{}, fields, nil
	}
	hash, err := h.Hasher.Hash(form.Password)
	if err != nil {
		return models.User{}, nil, err
	}
	user := models.User{Name: name, PasswordHash: hash, TimeZone: zone}
	err = models.AcceptInvite(c.UserContext(), h.DB, form.Token, &user, h.Now())
	if errors.Is(err, models.ErrDuplicateEmail) {
		return user, nil, fiber.NewError(fiber.StatusConflict, msgDuplicateEmail)
	}
	return user, nil, err
}

func (h *Handlers) createInvitedAccount(c *fiber.Ctx) error {
	var form acceptForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	user, fields, err := h.acceptInvite(c, form)
	if _, linkRefused := linkRefusalStatus(err); fields != nil || linkRefused {
		form.Password = ""
		return h.renderInvite(c, fiber.StatusUnprocessableEntity, form, fields)
	}
	if err != nil {
		return err
	}
	if err := h.startPageSession(c, user); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/cohorts", "Welcome to hitpath, "+user.Name+". Create your first cohort below.")
}

func (h *Handlers) apiAcceptInvite(c *fiber.Ctx) error {
	var form acceptForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	user, fields, err := h.acceptInvite(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if code, ok := linkRefusalStatus(err); ok {
		return c.Status(code).JSON(apiProblem{Error: models.LinkProblem(err, "invitation")})
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(h.toUserJSON(user))
}
