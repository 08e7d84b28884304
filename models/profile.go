package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// maxNameRunes bounds a person's name on every way in.
const maxNameRunes = 100

// ProfileInput is a change to one's own profile from the account page or
// PATCH /api/v1/me. A nil field is left as it is.
type ProfileInput struct {
	Name         *string `json:"name"`
	TimeZone     *string `json:"time_zone"`
	ReminderDays *[]int  `json:"reminder_days"`
	WeeklyDigest *bool   `json:"weekly_digest"`
}

// CheckTimeZoneChoice validates a time zone picked in a form: empty keeps the server
// default, anything else must be an IANA name. It returns the name to store.
func CheckTimeZoneChoice(name string) (string, string) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", ""
	}
	loc, msg := ParseTimeZone(name)
	if loc == nil {
		return "", msg
	}
	return loc.String(), ""
}

// CheckName validates a person's name and returns it trimmed.
func CheckName(name string) (string, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", "Enter your name."
	case len([]rune(name)) > maxNameRunes:
		return "", fmt.Sprintf("Use at most %d characters for the name.", maxNameRunes)
	}
	return name, ""
}

// Apply returns u with the input's changes, or a message per refused field.
func (in ProfileInput) Apply(u User) (User, map[string]string) {
	problems := map[string]string{}
	if in.Name != nil {
		name, msg := CheckName(*in.Name)
		if msg != "" {
			problems["name"] = msg
		}
		u.Name = name
	}
	if in.TimeZone != nil {
		zone, msg := CheckTimeZoneChoice(*in.TimeZone)
		if msg != "" {
			problems["time_zone"] = msg
		}
		u.TimeZone = zone
	}
	if in.ReminderDays != nil {
		days, msg := CheckReminderDays(*in.ReminderDays)
		if msg != "" {
			problems["reminder_days"] = msg
		}
		u.ReminderDays = days
	}
	if in.WeeklyDigest != nil {
		u.WeeklyDigest = *in.WeeklyDigest
	}
	if len(problems) > 0 {
		return u, problems
	}
	return u, nil
}

// SaveProfile stores u's name, time zone and email preferences.
func SaveProfile(ctx context.Context, db *gorm.DB, u User, now time.Time) error {
	err := db.WithContext(ctx).Model(&User{}).Where("id = ?", u.ID).
		Updates(map[string]any{"name": u.Name, "time_zone": u.TimeZone, "reminder_days": u.ReminderDays,
			"weekly_digest": u.WeeklyDigest, "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("save profile of user %d: %w", u.ID, err)
	}
	return nil
}
