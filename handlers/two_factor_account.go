package handlers

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image/png"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/pquerna/otp"

	"hitpath/models"
)

// twoFactorConfirmForm confirms a new set-up with the app's first code.
type twoFactorConfirmForm struct {
	Code string `form:"code" json:"code"`
}

// twoFactorDisableForm turns two-factor sign-in off: the password and a code.
type twoFactorDisableForm struct {
	Password string `form:"password" json:"password"`
	Code     string `form:"code" json:"code"`
}

// recoveryCodesForm asks for new recovery codes with the password.
type recoveryCodesForm struct {
	Password string `form:"password" json:"password"`
}

const (
	msgTwoFactorOn     = "Two-factor sign-in is already on for your account."
	msgTwoFactorOff    = "Two-factor sign-in is off for your account."
	msgNoEnrolment     = "Start the set-up first: hitpath has no authenticator key waiting for your code."
	msgEnrolmentLost   = "hitpath can no longer read the key of this set-up (the server's secret was changed). Start the set-up again."
	msgWrongSetupCode  = "That code does not match. Check the key in your app and type the code it shows now."
	msgPasswordWrong   = "That is not your password."
	msgPasswordMissing = "Enter your password."
)

// twoFactorConflict turns a state error of the set-up into the answer the API gives.
func twoFactorConflict(err error) error {
	switch {
	case errors.Is(err, models.ErrTwoFactorOn):
		return fiber.NewError(fiber.StatusConflict, msgTwoFactorOn)
	case errors.Is(err, models.ErrTwoFactorOff):
		return fiber.NewError(fiber.StatusConflict, msgTwoFactorOff)
	case errors.Is(err, models.ErrNotFound):
		return fiber.NewError(fiber.StatusConflict, msgNoEnrolment)
	}
	return err
}

// codeAttempt counts one code or password attempt of the signed-in user.
func (h *Handlers) codeAttempt(c *fiber.Ctx) (string, error) {
	key := "2fa:" + strconv.FormatInt(currentUser(c).ID, 10)
	return key, h.limit(c, key, h.FailedLoginsPerMinute, time.Minute)
}

// confirmOwnTwoFactor turns on the signed-in user's pending set-up and returns the
// recovery codes to show once.
func (h *Handlers) confirmOwnTwoFactor(c *fiber.Ctx, form twoFactorConfirmForm) ([]string, FieldErrors, error) {
	key, err := h.codeAttempt(c)
	if err != nil {
		return nil, nil, err
	}
	code, problem := models.ParseAuthenticatorCode(form.Code)
	if problem != "" {
		return nil, FieldErrors{"code": problem}, nil
	}
	codes, err := models.ConfirmTwoFactor(c.UserContext(), h.DB, h.twoFactorBox, auditActor(c), currentUser(c), code, h.BaseURL, h.zoneOf(currentUser(c)), h.Now())
	switch {
	case errors.Is(err, models.ErrWrongCode):
		return nil, FieldErrors{"code": msgWrongSetupCode}, nil
	case errors.Is(err, models.ErrTwoFactorUnreadable):
		return nil, FieldErrors{"code": msgEnrolmentLost}, nil
	case err != nil:
		return nil, nil, err
	}
	return codes, nil, h.forgetAttempts(c, key)
}

// disableOwnTwoFactor checks the password and a code and turns two-factor sign-in off.
func (h *Handlers) disableOwnTwoFactor(c *fiber.Ctx, form twoFactorDisableForm) (FieldErrors, error) {
	key, err := h.codeAttempt(c)
	if err != nil {
		return nil, err
	}
	fields := FieldErrors{}
	if !h.checkOwnPassword(c, form.Password) {
		fields["password"] = passwordProblem(form.Password)
	}
	code, problem := models.ParseSecondFactorCode(form.Code)
	if problem != "" {
		fields["code"] = problem
	}
	if len(fields) > 0 {
		return fields, nil
	}
	err = models.DisableTwoFactor(c.UserContext(), h.DB, h.twoFactorBox, auditActor(c), currentUser(c), code, h.BaseURL, h.zoneOf(currentUser(c)), h.Now())
	switch {
	case errors.Is(err, models.ErrWrongCode):
		return FieldErrors{"code": msgWrongCode}, nil
	case errors.Is(err, models.ErrTwoFactorUnreadable):
		return FieldErrors{"code": msgKeyLost}, nil
	case errors.Is(err, models.ErrTwoFactorRequired):
		return FieldErrors{"code": "This site requires two-factor sign-in for instructors and admins, so it stays on. An admin can lift the requirement in the site settings."}, nil
	case err != nil:
		return nil, err
	}
	return nil, h.forgetAttempts(c, key)
}

// regenerateOwnRecoveryCodes checks the password and replaces the recovery codes.
func (h *Handlers) regenerateOwnRecoveryCodes(c *fiber.Ctx, form recoveryCodesForm) ([]string, FieldErrors, error) {
	key, err := h.codeAttempt(c)
	if err != nil {
		return nil, nil, err
	}
	if !h.checkOwnPassword(c, form.Password) {
		return nil, FieldErrors{"password": passwordProblem(form.Password)}, nil
	}
	codes, err := models.RegenerateRecoveryCodes(c.UserContext(), h.DB, auditActor(c), currentUser(c).ID, h.Now())
	if err != nil {
		return nil, nil, err
	}
	return codes, nil, h.forgetAttempts(c, key)
}

func (h *Handlers) checkOwnPassword(c *fiber.Ctx, password string) bool {
	return password != "" && h.Hasher.Check(currentUser(c).PasswordHash, password)
}

func passwordProblem(password string) string {
	if password == "" {
		return msgPasswordMissing
	}
	return msgPasswordWrong
}

// qrDataURL draws an otpauth:// URL as a PNG QR code in a data: URL for an <img>.
func qrDataURL(otpauthURL string) (string, error) {
	key, err := otp.NewKeyFromURL(otpauthURL)
	if err != nil {
		return "", err
	}
	img, err := key.Image(220, 220)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// groupKey shows an authenticator key in groups of four for typing.
func groupKey(secret string) string {
	var groups []string
	for len(secret) > 4 {
		groups = append(groups, secret[:4])
		secret = secret[4:]
	}
	return strings.Join(append(groups, secret), " ")
}
