package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/security"
	"hitpath/app/testdb"
	"hitpath/models"
)

func TestCreateOrPromoteUser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		hasher, _ := security.NewHasher(bcrypt.MinCost)
		gen := func() string { return "generated-password-1" }
		msg, err := app.CreateOrPromoteUser(ctx, db, hasher, app.UserSpec{Email: "Boss@Example.com", Role: "admin", GeneratePassword: gen})
		if err != nil || !strings.Contains(msg, "generated-password-1") {
			t.Fatalf("got %q, %v; want a created admin with the generated password shown", msg, err)
		}
		u, err := models.UserByEmail(ctx, db, "boss@example.com")
		if err != nil || u.Role != "admin" || u.Name != "boss" || !hasher.Check(u.PasswordHash, "generated-password-1") {
			t.Fatalf("got %+v, %v", u, err)
		}
		demote := app.UserSpec{Email: "boss@example.com", Role: "instructor", GeneratePassword: gen}
		if _, err := app.CreateOrPromoteUser(ctx, db, hasher, demote); !errors.Is(err, models.ErrLastAdmin) {
			t.Fatalf("demoting the only admin: got %v, want ErrLastAdmin", err)
		}
		if _, err := app.CreateOrPromoteUser(ctx, db, hasher, app.UserSpec{Email: "deputy@example.com", Role: "admin", GeneratePassword: gen}); err != nil {
			t.Fatal(err)
		}
		if _, err := app.CreateOrPromoteUser(ctx, db, hasher, demote); err != nil {
			t.Fatal(err)
		}
		if u, _ := models.UserByEmail(ctx, db, "boss@example.com"); u.Role != "instructor" {
			t.Fatalf("got role %q, want instructor after promotion", u.Role)
		}
		for _, bad := range []app.UserSpec{
			{Email: "nope", Role: "admin", GeneratePassword: gen},
			{Email: "x@example.com", Role: "wizard", GeneratePassword: gen},
			{Email: "x@example.com", Role: "admin", Password: "short"},
		} {
			if _, err := app.CreateOrPromoteUser(ctx, db, hasher, bad); err == nil {
				t.Errorf("got no error for %+v", bad)
			}
		}
	})
}
