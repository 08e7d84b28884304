package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// NoticeNewDevice emails u when they sign in from a device (user agent) that none of
// their earlier sessions used. The first sign-in of an account sends nothing. Call it
// before the new session is stored. zone is u's time zone, in which the email gives
// the time.
func NoticeNewDevice(ctx context.Context, db *gorm.DB, u User, userAgent, ip, baseURL string, zone *time.Location, now time.Time) error {
	var earlier, same int64
	if err := db.WithContext(ctx).Model(&Session{}).Where("user_id = ?", u.ID).Count(&earlier).Error; err != nil {
		return fmt.Errorf("count sessions of user %d: %w", u.ID, err)
	}
	if earlier == 0 {
		return nil
	}
	err := db.WithContext(ctx).Model(&Session{}).Where("user_id = ? AND user_agent = ?", u.ID, userAgent).Count(&same).Error
	if err != nil {
		return fmt.Errorf("find device of user %d: %w", u.ID, err)
	}
	if same > 0 {
		return nil
	}
	base := strings.TrimRight(baseURL, "/")
	body := fmt.Sprintf("Hello %s,\n\nYour hitpath account was just signed in to from a device it has not seen before:\n\n"+
		"  %s, from address %s, at %s\n\nIf this was you, there is nothing to do. If not, log that device out at "+
		"%s/account/sessions and change your password (or reset it at %s/forgot-password).\n",
		u.Name, DeviceName(userAgent), ip, EmailTime(now, zone), base, base)
	_, err = EnqueueEmail(db.WithContext(ctx), u.Email, "New sign-in to your hitpath account", body, "", now)
	return err
}
