package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// AuditPerPage is how many audit rows the viewer shows at a time.
const AuditPerPage = 100

// AuditFilter narrows the audit-log viewer: who acted (their email), what they did,
// and the instants between which it happened (zero for no bound).
type AuditFilter struct {
	Actor  string
	Action string
	From   time.Time // inclusive
	Until  time.Time // exclusive
	Page   int       // from 1
}

// AuditRow is an audit entry with the actor's current email, if any.
type AuditRow struct {
	AuditEntry
	ActorEmail string `gorm:"column:actor_email"`
}

// AuditPage is one page of the viewer.
type AuditPage struct {
	Rows    []AuditRow
	Total   int64
	Page    int
	PerPage int
}

// Pages is how many pages the filter has (at least one).
func (p AuditPage) Pages() int { return max(1, int((p.Total+int64(p.PerPage)-1)/int64(p.PerPage))) }

// ParseAuditFilter reads the viewer's inputs: dates are YYYY-MM-DD days in loc, the
// "to" day included. It returns a message per refused field.
func ParseAuditFilter(actor, action, from, to string, page int, loc *time.Location) (AuditFilter, map[string]string) {
	f := AuditFilter{Actor: NormalizeEmail(actor), Action: strings.TrimSpace(action), Page: max(page, 1)}
	problems := map[string]string{}
	if from = strings.TrimSpace(from); from != "" {
		day, err := time.ParseInLocation(time.DateOnly, from, loc)
		if err != nil {
			problems["from"] = "Enter the first day as YYYY-MM-DD."
		}
		f.From = day
	}
	if to = strings.TrimSpace(to); to != "" {
		day, err := time.ParseInLocation(time.DateOnly, to, loc)
		if err != nil {
			problems["to"] = "Enter the last day as YYYY-MM-DD."
		}
		f.Until = day.AddDate(0, 0, 1)
	}
	if len(problems) == 0 && !f.From.IsZero() && !f.Until.IsZero() && !f.From.Before(f.Until) {
		problems["to"] = "The last day can't be before the first."
	}
	if len(problems) > 0 {
		return f, problems
	}
	return f, nil
}

// SearchAudit returns a page of audit entries matching f, newest first.
func SearchAudit(ctx context.Context, db *gorm.DB, f AuditFilter) (AuditPage, error) {
	out := AuditPage{Page: max(f.Page, 1), PerPage: AuditPerPage}
	q := db.WithContext(ctx).Table("audit_log").Joins("LEFT JOIN users ON users.id = audit_log.actor_id")
	if f.Actor != "" {
		q = q.Where("users.email = ?", f.Actor)
	}
	if f.Action != "" {
		q = q.Where("audit_log.action = ?", f.Action)
	}
	if !f.From.IsZero() {
		q = q.Where("audit_log.at >= ?", f.From.UTC())
	}
	if !f.Until.IsZero() {
		q = q.Where("audit_log.at < ?", f.Until.UTC())
	}
	if err := q.Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("count audit entries: %w", err)
	}
	err := q.Select("audit_log.*, COALESCE(users.email, '') AS actor_email").Order("audit_log.at DESC, audit_log.id DESC").
		Offset((out.Page - 1) * out.PerPage).Limit(out.PerPage).Scan(&out.Rows).Error
	if err != nil {
		return out, fmt.Errorf("search audit entries: %w", err)
	}
	return out, nil
}

// AuditActions lists the actions the log holds, for the viewer's suggestions.
func AuditActions(ctx context.Context, db *gorm.DB) ([]string, error) {
	var actions []string
	if err := db.WithContext(ctx).Model(&AuditEntry{}).Distinct("action").Order("action").Pluck("action", &actions).Error; err != nil {
		return nil, fmt.Errorf("list audit actions: %w", err)
	}
	return actions, nil
}
