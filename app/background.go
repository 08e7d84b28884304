package app

import (
	"context"
	"time"

	"gorm.io/gorm"

	"hitpath/models"
)

// Background job intervals: the outbox is drained often, reminders decided daily.
const (
	mailInterval     = 15 * time.Second
	reminderInterval = 24 * time.Hour
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
		if _, err := RemindOnce(ctx, a.DB, a.Config.BaseURL, a.Now()); err != nil && ctx.Err() == nil {
			a.Log.Error("queue CEU reminders", "err", err)
		}
	})
}

// RemindOnce decides and queues today's CEU reminders; the outbox sender delivers
// them. Running it twice a day, or in two processes, queues nothing new.
func RemindOnce(ctx context.Context, db *gorm.DB, baseURL string, now time.Time) (int, error) {
	return models.QueueReminders(ctx, db, now, baseURL)
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
