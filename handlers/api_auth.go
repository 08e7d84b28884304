package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// userJSON is the public shape of an account in the API.
type userJSON struct {
	ID            int64  `json:"id"`
	Email         string `json:"email"`
	Name          string `json:"name"`
	Role          string `json:"role"`
	TimeZone      string `json:"time_zone"`
	EmailVerified bool   `json:"email_verified"`
	ReminderDays  []int  `json:"reminder_days"`
	WeeklyDigest  bool   `json:"weekly_digest"`
	Disabled      bool   `json:"disabled"`
}

// toUserJSON shows u with the time zone that applies to them (the server default
// until they choose one).
func (h *Handlers) toUserJSON(u models.User) userJSON {
	return userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role, TimeZone: h.zoneName(u),
		EmailVerified: u.EmailVerified(), ReminderDays: append([]int{}, u.Reminders()...), WeeklyDigest: u.WeeklyDigest,
		Disabled: u.DisabledAt != nil}
}

func (h *Handlers) apiRegister(c *fiber.Ctx) error {
	var form signupForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	_, fields, err := h.registerUser(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil && !errors.Is(err, models.ErrDuplicateEmail) {
		return err
	}
	// The same answer whether or not the address had an account.
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"message": msgSignupAccepted})
}

func (h *Handlers) apiLogin(c *fiber.Ctx) error {
	var form loginForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	if fields := h.validate(form); fields != nil {
		return &validationError{Fields: fields}
	}
	user, err := h.checkLogin(c, form)
	if errors.Is(err, models.ErrInvalidCredentials) {
		return c.Status(fiber.StatusUnauthorized).JSON(apiProblem{Error: msgBadLogin})
	}
	if errors.Is(err, models.ErrAccountDisabled) {
		return c.Status(fiber.StatusForbidden).JSON(apiProblem{Error: msgDisabled})
	}
	if errors.Is(err, errSecondFactorNeeded) {
		challenge, expires := h.issueChallenge(user)
		return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"two_factor_required": true, "challenge": challenge,
			"expires_at": expires.UTC().Format(time.RFC3339)})
	}
	if err != nil {
		return err
	}
	token, err := h.openSession(c, user)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"token": token, "user": h.toUserJSON(user)})
}

func (h *Handlers) apiLogout(c *fiber.Ctx) error {
	if err := models.RevokeSession(c.UserContext(), h.DB, currentViewer(c).SessionID, h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiShowMe(c *fiber.Ctx) error {
	return c.JSON(h.toUserJSON(currentUser(c)))
}

// apiChangePassword changes the password and returns a fresh token: every earlier
// token, this one included, stops working.
func (h *Handlers) apiChangePassword(c *fiber.Ctx) error {
	var form passwordForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	fields, err := h.changeOwnPassword(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	token, err := h.openSession(c, currentUser(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"token": token, "user": h.toUserJSON(currentUser(c))})
}
