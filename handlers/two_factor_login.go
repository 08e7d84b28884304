package handlers

import (
	"errors"
	"net/url"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/app/security"
	"hitpath/models"
)

// errSecondFactorNeeded means the password was right and the account asks for a code.
var errSecondFactorNeeded = errors.New("second factor needed")

// errChallengeExpired means a sign-in's second step came too late or with a bad
// challenge: the person starts again with their password.
var errChallengeExpired = errors.New("two-factor challenge expired or invalid")

// challengeTTL is how long a person has to type their code after their password.
const challengeTTL = 5 * time.Minute

// challengeCookie carries the page sign-in's challenge between the two steps.
const challengeCookie = "hitpath_2fa"

// Messages of the second step.
const (
	msgWrongCode = "That code is not right, or was already used. Type the code your app shows now, or an unused recovery code."
	msgKeyLost   = "hitpath can no longer read your authenticator key (the server's secret was changed). " +
		"Use one of your recovery codes instead, or ask your hitpath administrator to reset two-factor sign-in."
	msgChallengeGone = "Your sign-in took too long. Enter your email and password again."
)

// secondFactorForm is the second step of a sign-in (page and
// POST /api/v1/auth/login/two-factor); the page keeps the challenge in a cookie.
type secondFactorForm struct {
	Challenge string `json:"challenge"`
	Code      string `form:"code" json:"code"`
}

// issueChallenge returns a challenge for user's second step.
func (h *Handlers) issueChallenge(user models.User) (string, time.Time) {
	expires := h.Now().Add(challengeTTL)
	return h.challenges.Issue(user.ID, user.PasswordHash, expires), expires
}

// completeSecondFactor checks a challenge and its code and returns the account to
// open a session for. A refused code comes back as field errors; a bad or expired
// challenge as errChallengeExpired. Code attempts are limited per account and every
// outcome is audited.
func (h *Handlers) completeSecondFactor(c *fiber.Ctx, form secondFactorForm) (models.User, FieldErrors, error) {
	var user models.User
	_, err := h.challenges.Check(form.Challenge, h.Now(), func(id int64) (string, error) {
		u, err := models.UserByID(c.UserContext(), h.DB, id)
		if errors.Is(err, models.ErrNotFound) {
			return "", security.ErrBadToken
		}
		user = u
		return u.PasswordHash, err
	})
	if errors.Is(err, security.ErrBadToken) {
		return user, nil, errChallengeExpired
	}
	if err != nil {
		return user, nil, err
	}
	key := "2fa:" + strconv.FormatInt(user.ID, 10)
	if err := h.limit(c, key, h.FailedLoginsPerMinute, time.Minute); err != nil {
		return user, nil, err
	}
	code, problem := models.ParseSecondFactorCode(form.Code)
	if problem != "" {
		return user, FieldErrors{"code": problem}, nil
	}
	if user.DisabledAt != nil {
		return user, nil, h.auditSignIn(c, user.ID, models.ErrAccountDisabled)
	}
	err = models.CheckSecondFactor(c.UserContext(), h.DB, h.twoFactorBox, user.ID, code, h.Now())
	switch {
	case errors.Is(err, models.ErrTwoFactorOff):
		return user, nil, errChallengeExpired // reset by an admin meanwhile: start again
	case errors.Is(err, models.ErrWrongCode), errors.Is(err, models.ErrTwoFactorUnreadable):
		message := msgWrongCode
		if errors.Is(err, models.ErrTwoFactorUnreadable) {
			message = msgKeyLost
		}
		return user, FieldErrors{"code": message}, h.auditSecondFactor(c, user.ID, "user.two_factor_failed", code.Kind)
	case err != nil:
		return user, nil, err
	}
	if err := h.forgetAttempts(c, key); err != nil {
		return user, nil, err
	}
	return user, nil, h.auditSecondFactor(c, user.ID, "user.signed_in", "two-factor: "+code.Kind)
}

// auditSecondFactor records a sign-in's second step.
func (h *Handlers) auditSecondFactor(c *fiber.Ctx, userID int64, action, detail string) error {
	actor := models.AuditActor{UserID: userID, IP: ClientIP(c)}
	return models.WriteAudit(h.DB.WithContext(c.UserContext()), actor, action, "user:"+strconv.FormatInt(userID, 10), detail)
}

// startSecondStep hands the browser its challenge and sends it to the code page.
func (h *Handlers) startSecondStep(c *fiber.Ctx, user models.User, next string) error {
	challenge, _ := h.issueChallenge(user)
	c.Cookie(&fiber.Cookie{Name: challengeCookie, Value: challenge, Path: "/", HTTPOnly: true, SameSite: "Lax",
		Secure: h.SecureCookies, MaxAge: int(challengeTTL / time.Second)})
	return c.Redirect("/login/two-factor?next="+url.QueryEscape(next), fiber.StatusSeeOther)
}

func (h *Handlers) showSecondStep(c *fiber.Ctx) error {
	if c.Cookies(challengeCookie) == "" {
		return h.flashAndRedirect(c, "/login", msgChallengeGone)
	}
	return h.render(c, fiber.StatusOK, "pages/login_two_factor", fiber.Map{"Title": "Two-factor sign-in", "Next": safeNext(c.Query("next"))})
}

func (h *Handlers) submitSecondStep(c *fiber.Ctx) error {
	var form secondFactorForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	form.Challenge = c.Cookies(challengeCookie)
	next := safeNext(c.FormValue("next"))
	user, fields, err := h.completeSecondFactor(c, form)
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/login_two_factor",
			fiber.Map{"Title": "Two-factor sign-in", "Next": next, "Errors": fields})
	}
	switch {
	case errors.Is(err, errChallengeExpired):
		h.deleteCookie(c, challengeCookie)
		return h.flashAndRedirect(c, "/login", msgChallengeGone)
	case errors.Is(err, models.ErrAccountDisabled):
		h.deleteCookie(c, challengeCookie)
		return h.flashAndRedirect(c, "/login", msgDisabled)
	case err != nil:
		return err
	}
	h.deleteCookie(c, challengeCookie)
	if err := h.startPageSession(c, user); err != nil {
		return err
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}

func (h *Handlers) apiSecondStep(c *fiber.Ctx) error {
	var form secondFactorForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	user, fields, err := h.completeSecondFactor(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	switch {
	case errors.Is(err, errChallengeExpired):
		return c.Status(fiber.StatusUnauthorized).JSON(apiProblem{Error: msgChallengeGone})
	case errors.Is(err, models.ErrAccountDisabled):
		return c.Status(fiber.StatusForbidden).JSON(apiProblem{Error: msgDisabled})
	case err != nil:
		return err
	}
	token, err := h.openSession(c, user)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"token": token, "user": h.toUserJSON(user)})
}
