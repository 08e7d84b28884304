package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// QueueSignupAttemptNotice tells an account's owner that someone tried to create an
// account with their address, since the sign-up answer no longer says so. At most
// one such email per address and day, so the form cannot be used to flood a mailbox.
func QueueSignupAttemptNotice(ctx context.Context, db *gorm.DB, email, baseURL string, now time.Time) error {
	body := "Someone (perhaps you) tried to create a hitpath account with this email address, which already has one.\n\n" +
		"If it was you, log in at " + baseURL + "/login instead.\n" +
		"If it was not you, you can ignore this email: nothing was changed and your password still works.\n"
	key := "signup-attempt:" + NormalizeEmail(email) + ":" + now.UTC().Format(time.DateOnly)
	if _, err := EnqueueEmail(db.WithContext(ctx), NormalizeEmail(email), "Sign-up attempt with your hitpath address", body, key, now); err != nil {
		return fmt.Errorf("queue sign-up attempt notice: %w", err)
	}
	return nil
}
