package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/security"
	"hitpath/models"
)

// runUser handles `hitpath user create`: it creates the account, or changes the role of
// an existing one, so the first admin can be made from the shell.
func runUser(ctx context.Context, cfg app.Config, args []string) error {
	if len(args) > 0 && args[0] == "reset-two-factor" {
		return runResetTwoFactor(ctx, cfg, args[1:])
	}
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: hitpath user create --email E [--name N] [--password P] [--role learner|instructor|admin]\n" +
			"       hitpath user reset-two-factor --email E")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("email", "", "email address")
	name := fs.String("name", "", "display name (defaults to the part of the email before @)")
	password := fs.String("password", "", "password (generated and printed when omitted)")
	role := fs.String("role", models.RoleLearner, "learner, instructor or admin")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("user create: %w", err)
	}
	db, err := app.OpenDB(cfg)
	if err != nil {
		return err
	}
	if err := app.Migrate(ctx, db); err != nil {
		return err
	}
	hasher, err := security.NewHasher(cfg.PasswordCost)
	if err != nil {
		return err
	}
	result, err := app.CreateOrPromoteUser(ctx, db, hasher, app.UserSpec{
		Email: *email, Name: *name, Password: *password, Role: *role, GeneratePassword: generatePassword,
	})
	if err != nil {
		return err
	}
	fmt.Println(result)
	return nil
}

func generatePassword() string {
	raw := make([]byte, 12)
	_, _ = rand.Read(raw)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// runResetTwoFactor handles `hitpath user reset-two-factor --email E`: it removes the
// account's two-factor sign-in (a lost phone and lost recovery codes, or an admin
// locked out), with an audit entry and an email to the account.
func runResetTwoFactor(ctx context.Context, cfg app.Config, args []string) error {
	fs := flag.NewFlagSet("user reset-two-factor", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("email", "", "email address of the account")
	if err := fs.Parse(args); err != nil || *email == "" {
		return errors.New("usage: hitpath user reset-two-factor --email E")
	}
	db, err := app.OpenDB(cfg)
	if err != nil {
		return err
	}
	if err := app.Migrate(ctx, db); err != nil {
		return err
	}
	zoneName := cfg.DefaultTimeZone
	if zoneName == "" {
		zoneName = models.DefaultTimeZone
	}
	defaultZone, _ := models.ParseTimeZone(zoneName)
	if defaultZone == nil {
		return fmt.Errorf("unknown default time zone %q", zoneName)
	}
	message, err := resetTwoFactorByEmail(ctx, db, *email, cfg.BaseURL, defaultZone, time.Now().UTC())
	if err != nil {
		return err
	}
	fmt.Println(message)
	return nil
}

// resetTwoFactorByEmail removes the two-factor sign-in of the account using email and
// says what happened; the emailed notice gives the time in the user's zone, or
// defaultZone when they chose none.
func resetTwoFactorByEmail(ctx context.Context, db *gorm.DB, email, baseURL string, defaultZone *time.Location, now time.Time) (string, error) {
	user, err := models.UserByEmail(ctx, db, email)
	if errors.Is(err, models.ErrNotFound) {
		return "", fmt.Errorf("no account uses %s", email)
	}
	if err != nil {
		return "", err
	}
	had, err := models.ResetTwoFactor(ctx, db, models.AuditActor{IP: "cli"}, user, baseURL, user.Zone(defaultZone), now)
	if err != nil {
		return "", err
	}
	if !had {
		return user.Email + " has no two-factor sign-in; nothing changed.", nil
	}
	return "Two-factor sign-in of " + user.Email + " is reset; they sign in with their password alone until they set it up again.", nil
}
