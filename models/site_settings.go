package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// SettingRequireStaffTwoFactor is "true" when instructors and admins must use
// two-factor sign-in.
const SettingRequireStaffTwoFactor = "require_two_factor_staff"

// SiteSetting is one run-time setting an admin changed; every process reads it from
// the database, so none keeps a stale copy.
type SiteSetting struct {
	Name      string    `gorm:"column:name;primaryKey"`
	Value     string    `gorm:"column:value"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
	UpdatedBy *int64    `gorm:"column:updated_by"`
}

// TableName maps SiteSetting to site_settings.
func (SiteSetting) TableName() string { return "site_settings" }

// SiteSettings are the settings the admin settings page edits.
type SiteSettings struct {
	RequireStaffTwoFactor bool `json:"require_two_factor_staff"`
}

// LoadSiteSettings reads the settings; an unset one has its default (off).
func LoadSiteSettings(ctx context.Context, db *gorm.DB) (SiteSettings, error) {
	var row SiteSetting
	err := db.WithContext(ctx).Where("name = ?", SettingRequireStaffTwoFactor).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return SiteSettings{}, nil
	}
	if err != nil {
		return SiteSettings{}, fmt.Errorf("load site settings: %w", err)
	}
	return SiteSettings{RequireStaffTwoFactor: row.Value == "true"}, nil
}

// SaveSiteSettings stores s with an audit entry, in one transaction.
func SaveSiteSettings(ctx context.Context, db *gorm.DB, actor AuditActor, s SiteSettings, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row := SiteSetting{Name: SettingRequireStaffTwoFactor, Value: fmt.Sprint(s.RequireStaffTwoFactor), UpdatedAt: now}
		if actor.UserID != 0 {
			row.UpdatedBy = &actor.UserID
		}
		err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name"}},
			DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at", "updated_by"})}).Create(&row).Error
		if err != nil {
			return fmt.Errorf("save site settings: %w", err)
		}
		return WriteAudit(tx, actor, "settings.changed", "settings", SettingRequireStaffTwoFactor+"="+row.Value)
	})
}

// MustEnrolTwoFactor reports whether userID (an instructor or admin) is held at the
// two-factor set-up: the setting requires it and they have not turned it on. One query.
func MustEnrolTwoFactor(ctx context.Context, db *gorm.DB, userID int64) (bool, error) {
	var n int64
	err := db.WithContext(ctx).Raw(`SELECT COUNT(*) FROM site_settings s WHERE s.name = ? AND s.value = 'true'
		AND NOT EXISTS (SELECT 1 FROM two_factor t WHERE t.user_id = ? AND t.confirmed_at IS NOT NULL)`,
		SettingRequireStaffTwoFactor, userID).Scan(&n).Error
	if err != nil {
		return false, fmt.Errorf("check two-factor requirement for user %d: %w", userID, err)
	}
	return n > 0, nil
}

// StaffRole reports whether role is one the two-factor requirement covers.
func StaffRole(role string) bool { return role == RoleInstructor || role == RoleAdmin }
