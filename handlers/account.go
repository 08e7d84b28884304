package handlers

import (
	"errors"
	"slices"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// profileForm is the profile section of the account page. Unticked boxes are not
// sent, so an absent reminder_days means none.
type profileForm struct {
	Name         string `form:"name"`
	TimeZone     string `form:"time_zone"`
	ReminderDays []int  `form:"reminder_days"`
	WeeklyDigest bool   `form:"weekly_digest"`
}

// reminderChoice is one reminder checkbox of the account page.
type reminderChoice struct {
	Days    int
	Checked bool
}

// Reminders lists every reminder the page offers with whether it is ticked.
func (f profileForm) Reminders() []reminderChoice {
	out := make([]reminderChoice, len(models.ReminderThresholds))
	for i, days := range models.ReminderThresholds {
		out[i] = reminderChoice{Days: days, Checked: slices.Contains(f.ReminderDays, days)}
	}
	return out
}

func (h *Handlers) showAccount(c *fiber.Ctx) error {
	return h.renderAccount(c, fiber.StatusOK, nil, h.profileFormOf(currentUser(c)))
}

// renderAccount shows the account page with the profile form as given (what the user
// typed after a refusal) and any field errors.
func (h *Handlers) renderAccount(c *fiber.Ctx, status int, errs FieldErrors, profile profileForm) error {
	return h.renderAccountWith(c, status, errs, fiber.Map{"Profile": profile})
}

// renderAccountWith shows the account page with extra values (what was typed in the
// form that was refused); the profile form defaults to the stored profile.
func (h *Handlers) renderAccountWith(c *fiber.Ctx, status int, errs FieldErrors, extra fiber.Map) error {
	user := currentUser(c)
	data := fiber.Map{
		"Title": "Your account", "Errors": errs, "Profile": h.profileFormOf(user), "Zones": models.CommonTimeZones,
		"ZoneName": h.zoneName(user), "Today": h.today(c), "ZoneChosen": user.TimeZone != "",
		"Prefill": user.TimeZone == "" && errs == nil, "Teach": teachForm{},
	}
	if user.Role == models.RoleLearner {
		latest, err := models.LatestInstructorRequest(c.UserContext(), h.DB, user.ID)
		if err != nil && !errors.Is(err, models.ErrNotFound) {
			return err
		}
		data["TeachRequest"] = latest
	}
	for k, v := range extra {
		data[k] = v
	}
	return h.render(c, status, "pages/account", data)
}

func (h *Handlers) profileFormOf(u models.User) profileForm {
	return profileForm{Name: u.Name, TimeZone: h.zoneName(u), ReminderDays: u.Reminders(), WeeklyDigest: u.WeeklyDigest}
}

func (h *Handlers) changePassword(c *fiber.Ctx) error {
	var form passwordForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields, err := h.changeOwnPassword(c, form)
	if fields != nil {
		return h.renderAccount(c, fiber.StatusUnprocessableEntity, fields, h.profileFormOf(currentUser(c)))
	}
	if err != nil {
		return err
	}
	if err := h.startPageSession(c, currentUser(c)); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account", "Your password is changed. You were logged out everywhere else.")
}

func (h *Handlers) saveProfile(c *fiber.Ctx) error {
	var form profileForm
	unread, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	if unread != nil {
		return h.renderAccount(c, fiber.StatusUnprocessableEntity, unread, form)
	}
	in := models.ProfileInput{Name: &form.Name, TimeZone: &form.TimeZone, ReminderDays: &form.ReminderDays}
	if hasRole(currentUser(c), []string{models.RoleInstructor}) {
		in.WeeklyDigest = &form.WeeklyDigest // only instructors see the box
	}
	if _, fields, err := h.updateProfile(c, in); fields != nil {
		return h.renderAccount(c, fiber.StatusUnprocessableEntity, fields, form)
	} else if err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/account", "Your profile is saved.")
}

// updateProfile applies in to the signed-in user and saves it; the page and
// PATCH /api/v1/me share it.
func (h *Handlers) updateProfile(c *fiber.Ctx, in models.ProfileInput) (models.User, FieldErrors, error) {
	user, problems := in.Apply(currentUser(c))
	if problems != nil {
		return user, FieldErrors(problems), nil
	}
	if err := models.SaveProfile(c.UserContext(), h.DB, user, h.Now()); err != nil {
		return user, nil, err
	}
	return user, nil, nil
}

func (h *Handlers) apiUpdateMe(c *fiber.Ctx) error {
	var in models.ProfileInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	user, fields, err := h.updateProfile(c, in)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.JSON(h.toUserJSON(user))
}
