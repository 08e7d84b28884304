package app

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"gorm.io/gorm"

	"hitpath/app/security"
	"hitpath/models"
)

// UserSpec is what `hitpath user create` was asked for.
type UserSpec struct {
	Email, Name, Password, Role string
	GeneratePassword            func() string
}

// CreateOrPromoteUser creates the account, or sets the role of an existing one, and
// describes what it did in a sentence for the terminal.
func CreateOrPromoteUser(ctx context.Context, db *gorm.DB, hasher *security.Hasher, spec UserSpec) (string, error) {
	email := models.NormalizeEmail(spec.Email)
	if _, err := mail.ParseAddress(email); err != nil || !strings.Contains(email, "@") {
		return "", fmt.Errorf("--email %q is not a valid email address", spec.Email)
	}
	if !models.ValidRole(spec.Role) {
		return "", fmt.Errorf("--role must be learner, instructor or admin, not %q", spec.Role)
	}
	existing, err := models.UserByEmail(ctx, db, email)
	if err == nil {
		if _, err := models.SetUserRole(ctx, db, models.AuditActor{IP: "cli"}, existing.ID, spec.Role); err != nil {
			if errors.Is(err, models.ErrLastAdmin) {
				return "", fmt.Errorf("%s is the last admin; make another account admin first: %w", email, err)
			}
			return "", err
		}
		return fmt.Sprintf("%s already existed; their role is now %s.", email, spec.Role), nil
	}
	if !errors.Is(err, models.ErrNotFound) {
		return "", err
	}
	return createUser(ctx, db, hasher, spec, email)
}

func createUser(ctx context.Context, db *gorm.DB, hasher *security.Hasher, spec UserSpec, email string) (string, error) {
	password, generated := spec.Password, false
	if password == "" {
		password, generated = spec.GeneratePassword(), true
	}
	if len([]rune(password)) < security.MinPasswordRunes || len(password) > security.MaxPasswordBytes {
		return "", fmt.Errorf("--password must be %d characters to %d bytes long", security.MinPasswordRunes, security.MaxPasswordBytes)
	}
	if security.GuessablePassword(password, email, spec.Name) {
		return "", fmt.Errorf("--password: %s", security.WeakPasswordMessage)
	}
	hash, err := hasher.Hash(password)
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(spec.Name)
	if name == "" {
		name = strings.SplitN(email, "@", 2)[0]
	}
	user := models.User{Email: email, Name: name, PasswordHash: hash, Role: spec.Role}
	if err := models.CreateUser(ctx, db, &user); err != nil {
		return "", err
	}
	msg := fmt.Sprintf("Created %s %s (%s).", spec.Role, email, name)
	if generated {
		msg += " Password: " + password
	}
	return msg, nil
}
