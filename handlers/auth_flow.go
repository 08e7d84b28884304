package handlers

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"hitpath/app/security"
	"hitpath/models"
)

// signupForm is the sign-up input of the page and of POST /api/v1/auth/register.
type signupForm struct {
	Name     string `form:"name" json:"name" validate:"required,max=100"`
	Email    string `form:"email" json:"email" validate:"required,email,max=254"`
	Password string `form:"password" json:"password" validate:"required,password"`
	// TimeZone is an IANA name, prefilled from the browser; empty keeps the default.
	TimeZone string `form:"time_zone" json:"time_zone"`
	// Teach asks for the instructor role with the school and program where one teaches.
	Teach   bool   `form:"teach" json:"teach"`
	School  string `form:"school" json:"school"`
	Program string `form:"program" json:"program"`
}

// teachingRequest checks the "I teach" part of a sign-up: nil when the box is not
// ticked, the trimmed request otherwise, or the problems beside school and program.
func (form *signupForm) teachingRequest() (*models.TeachingRequest, FieldErrors) {
	if !form.Teach {
		return nil, nil
	}
	school, program, problems := models.CheckInstructorRequest(form.School, form.Program)
	form.School, form.Program = school, program
	if problems != nil {
		return nil, FieldErrors(problems)
	}
	return &models.TeachingRequest{School: school, Program: program}, nil
}

// loginForm is the login input of the page and of POST /api/v1/auth/login.
type loginForm struct {
	Email    string `form:"email" json:"email" validate:"required"`
	Password string `form:"password" json:"password" validate:"required"`
}

// passwordForm changes the signed-in user's password.
type passwordForm struct {
	Current string `form:"current_password" json:"current_password" validate:"required"`
	New     string `form:"new_password" json:"new_password" validate:"required,password"`
	Confirm string `form:"confirm_password" json:"confirm_password" validate:"omitempty,eqfield=New"`
}

// msgSignupAccepted is the one answer to a valid sign-up through the API, and to a
// page sign-up with a taken address: it must not tell whether the address has an
// account, so the owner is told by email instead.
const msgSignupAccepted = "If this address is new, the account is ready: log in with it. " +
	"If it already had an account, we have emailed its owner instead."

// msgBadLogin is the one message for every failed login, so it does not reveal which
// addresses have accounts.
const msgBadLogin = "That email and password do not match an account."

// msgDuplicateEmail refuses a taken address where the person already proved who they
// are (changing their own address, accepting an invitation).
const msgDuplicateEmail = "An account with this email already exists. Log in instead, or use another address."

// msgDisabled refuses a correct password for a disabled account.
const msgDisabled = "This account is disabled. Ask your hitpath administrator to enable it again."

// registerUser validates a sign-up and creates the learner account. A taken address
// gives ErrDuplicateEmail after its owner has been sent a notice.
func (h *Handlers) registerUser(c *fiber.Ctx, form signupForm) (models.User, FieldErrors, error) {
	form.Name = strings.TrimSpace(form.Name)
	form.Email = models.NormalizeEmail(form.Email)
	fields := h.validate(form)
	zone, zoneProblem := models.CheckTimeZoneChoice(form.TimeZone)
	if zoneProblem != "" {
		fields = mergeFields(fields, FieldErrors{"time_zone": zoneProblem})
	}
	teach, teachProblems := form.teachingRequest()
	fields = mergeFields(fields, teachProblems)
	if fields != nil {
		return models.User{}, fields, nil
	}
	if security.GuessablePassword(form.Password, form.Email, form.Name) {
		return models.User{}, FieldErrors{"password": security.WeakPasswordMessage}, nil
	}
	hash, err := h.Hasher.Hash(form.Password)
	if err != nil {
		return models.User{}, nil, err
	}
	user := models.User{Email: form.Email, Name: form.Name, PasswordHash: hash, Role: models.RoleLearner, TimeZone: zone}
	err = models.SignUp(c.UserContext(), h.DB, &user, teach, h.BaseURL, h.Now())
	if errors.Is(err, models.ErrDuplicateEmail) {
		if err := models.QueueSignupAttemptNotice(c.UserContext(), h.DB, form.Email, h.BaseURL, h.Now()); err != nil {
			return models.User{}, nil, err
		}
		return models.User{}, nil, models.ErrDuplicateEmail
	}
	return user, nil, err
}

// checkLogin returns the account whose password matches, or ErrInvalidCredentials
// (ErrAccountDisabled when an administrator disabled it). With two-factor sign-in on
// it returns the account with errSecondFactorNeeded: the sign-in is not done yet. Attempts are limited per
// account, keyed on the very address looked up, whatever the request's shape; a
// correct password clears the count. Every attempt is audited.
func (h *Handlers) checkLogin(c *fiber.Ctx, form loginForm) (models.User, error) {
	key := "login:" + models.NormalizeEmail(form.Email)
	if err := h.limit(c, key, h.FailedLoginsPerMinute, time.Minute); err != nil {
		return models.User{}, err
	}
	user, err := models.UserByEmail(c.UserContext(), h.DB, form.Email)
	if errors.Is(err, models.ErrNotFound) {
		h.Hasher.DummyCheck(form.Password)
		return models.User{}, h.auditSignIn(c, 0, models.ErrInvalidCredentials)
	}
	if err != nil {
		return models.User{}, err
	}
	if !h.Hasher.Check(user.PasswordHash, form.Password) {
		return models.User{}, h.auditSignIn(c, user.ID, models.ErrInvalidCredentials)
	}
	if user.DisabledAt != nil {
		return models.User{}, h.auditSignIn(c, user.ID, models.ErrAccountDisabled)
	}
	if err := h.forgetAttempts(c, key); err != nil {
		return models.User{}, err
	}
	if on, err := models.HasTwoFactor(c.UserContext(), h.DB, user.ID); err != nil || on {
		return user, cmp.Or(err, errSecondFactorNeeded)
	}
	return user, h.auditSignIn(c, user.ID, nil)
}

// auditSignIn records a sign-in or a refused one (userID 0 for an unknown address,
// whose address is not kept) and returns outcome, or the error writing the record.
func (h *Handlers) auditSignIn(c *fiber.Ctx, userID int64, outcome error) error {
	action, target := "user.signed_in", ""
	if userID != 0 {
		target = fmt.Sprintf("user:%d", userID)
	}
	actor := models.AuditActor{UserID: userID, IP: ClientIP(c)}
	switch {
	case errors.Is(outcome, models.ErrAccountDisabled):
		action = "user.sign_in_refused_disabled"
	case outcome != nil:
		action, actor.UserID = "user.sign_in_failed", 0
	}
	if err := models.WriteAudit(h.DB.WithContext(c.UserContext()), actor, action, target, ""); err != nil {
		return err
	}
	return outcome
}

// openSession stores a session row for user and returns its signed token.
func (h *Handlers) openSession(c *fiber.Ctx, user models.User) (string, error) {
	now := h.Now()
	session := models.Session{
		ID: uuid.NewString(), UserID: user.ID, CreatedAt: now, ExpiresAt: now.Add(sessionTTL),
		UserAgent: truncate(string(c.Request().Header.UserAgent()), 300), IP: ClientIP(c), LastSeenAt: &now,
	}
	if err := models.NoticeNewDevice(c.UserContext(), h.DB, user, session.UserAgent, session.IP, h.BaseURL, h.zoneOf(user), now); err != nil {
		return "", err
	}
	if err := models.CreateSession(c.UserContext(), h.DB, &session); err != nil {
		return "", err
	}
	token, err := h.Tokens.Sign(user.ID, session.ID, user.Role, now, session.ExpiresAt)
	if err != nil {
		return "", fmt.Errorf("open session for user %d: %w", user.ID, err)
	}
	return token, nil
}

// changeOwnPassword checks the current password, stores the new one and revokes every
// session; the caller opens a new one for this client.
func (h *Handlers) changeOwnPassword(c *fiber.Ctx, form passwordForm) (FieldErrors, error) {
	if fields := h.validate(form); fields != nil {
		return fields, nil
	}
	user := currentUser(c)
	key := "password:" + strconv.FormatInt(user.ID, 10)
	if err := h.limit(c, key, h.FailedLoginsPerMinute, time.Minute); err != nil {
		return nil, err
	}
	if !h.Hasher.Check(user.PasswordHash, form.Current) {
		return FieldErrors{"current_password": "That is not your current password."}, nil
	}
	if err := h.forgetAttempts(c, key); err != nil {
		return nil, err
	}
	if security.GuessablePassword(form.New, user.Email, user.Name) {
		return FieldErrors{"new_password": security.WeakPasswordMessage}, nil
	}
	hash, err := h.Hasher.Hash(form.New)
	if err != nil {
		return nil, err
	}
	return nil, models.ChangePassword(c.UserContext(), h.DB, auditActor(c), user.ID, hash, h.Now())
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
