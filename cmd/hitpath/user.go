package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"

	"hitpath/app"
	"hitpath/app/security"
	"hitpath/models"
)

// runUser handles `hitpath user create`: it creates the account, or changes the role of
// an existing one, so the first admin can be made from the shell.
func runUser(ctx context.Context, cfg app.Config, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: hitpath user create --email E [--name N] [--password P] [--role learner|instructor|admin]")
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
