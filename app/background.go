package app

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"hitpath/models"
)

// Background job intervals: the outbox is drained often; reminders are decided
// hourly so that each holder's go out soon after 08:00 in their own time zone.
const (
	mailInterval     = 15 * time.Second
	reminderInterval = time.Hour
)

// StartBackground runs the outbox sender and the daily reminder decision until ctx
// ends. It returns at once; tests that never call it run no background work.
func (a *App) StartBackground(ctx context.Context) {
	mailer, err := NewMailer(a.Config, a.DB, a.Log)
	if err != nil {
		a.Log.Error("email sender not started", "err", err)
		return
	}
	mailer.Now = a.Now
	go every(ctx, mailInterval, func() {
		if _, err := mailer.SendDue(ctx); err != nil && ctx.Err() == nil {
			a.Log.Error("send outbox", "err", err)
		}
	})
	go every(ctx, reminderInterval, func() {
		if _, err := RemindOnce(ctx, a.DB, a.Config, a.Now()); err != nil && ctx.Err() == nil {
			a.Log.Error("queue CEU reminders", "err", err)
		}
	})
}

// RemindOnce decides and queues the CEU reminders due at now in each holder's time
// zone; the outbox sender delivers them. Running it again, or in two processes,
// queues nothing new.
func RemindOnce(ctx context.Context, db *gorm.DB, cfg Config, now time.Time) (int, error) {
	zone, _ := models.ParseTimeZone(or(cfg.DefaultTimeZone, models.DefaultTimeZone))
	if zone == nil {
		return 0, fmt.Errorf("unknown default time zone %q", cfg.DefaultTimeZone)
	}
	return models.QueueReminders(ctx, db, now, zone, cfg.BaseURL)
}

// every runs job now and then at each interval until ctx ends.
func every(ctx context.Context, interval time.Duration, job func()) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		job()
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
