package models

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// AuditActor is who did a sensitive action and from where.
type AuditActor struct {
	UserID int64
	IP     string
}

// AuditEntry is one row of audit_log.
type AuditEntry struct {
	ID      int64     `gorm:"column:id;primaryKey"`
	ActorID *int64    `gorm:"column:actor_id"`
	Action  string    `gorm:"column:action"`
	Target  string    `gorm:"column:target"`
	Detail  string    `gorm:"column:detail"`
	IP      string    `gorm:"column:ip"`
	At      time.Time `gorm:"column:at"`
}

// TableName maps AuditEntry to audit_log.
func (AuditEntry) TableName() string { return "audit_log" }

// WriteAudit appends to audit_log inside the caller's transaction, so the record and
// the action it describes commit together. The time is the database handle's clock,
// which app.New sets to the app's one clock.
func WriteAudit(tx *gorm.DB, actor AuditActor, action, target, detail string) error {
	entry := AuditEntry{Action: action, Target: target, Detail: detail, IP: actor.IP, At: tx.NowFunc().UTC()}
	if actor.UserID != 0 {
		id := actor.UserID
		entry.ActorID = &id
	}
	if err := tx.Create(&entry).Error; err != nil {
		return fmt.Errorf("write audit %s %s: %w", action, target, err)
	}
	return nil
}
