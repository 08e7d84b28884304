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
// ends. It returns at once; WaitBackground waits for the jobs to finish what they
// started. Tests that never call it run no background work.
func (a *App) StartBackground(ctx context.Context) {
	mailer, err := NewMailer(a.Config, a.DB, a.Log)
	if err != nil {
		a.Log.Error("email sender not started", "err", err)
		return
	}
	mailer.Now = a.Now
	a.StartBackgroundWith(ctx, mailer)
}

// StartBackgroundWith is StartBackground with a given mailer.
func (a *App) StartBackgroundWith(ctx context.Context, mailer *Mailer) {
	a.mailer = mailer
	a.goJob(func() {
		every(ctx, mailInterval, func() {
			if _, err := mailer.SendDue(ctx); err != nil && ctx.Err() == nil {
				a.Log.Error("send outbox", "err", err)
			}
		})
	})
	a.goJob(func() {
		every(ctx, reminderInterval, func() {
			if _, err := RemindOnce(ctx, a.DB, a.Config.BaseURL, a.Now()); err != nil && ctx.Err() == nil {
				a.Log.Error("queue CEU reminders", "err", err)
			}
		})
	})
}

func (a *App) goJob(job func()) {
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
		job()
	}()
}

// WaitBackground waits up to timeout for background jobs to finish after their
// context ended, and reports whether they did. A job still running then is logged:
// an email it was sending may be sent again by the next process after its lease.
func (a *App) WaitBackground(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() {
		a.jobs.Wait()
		close(done)
	}()
	select {
	case <-done:
		a.logUnrecorded()
		return true
	case <-time.After(timeout):
		a.Log.Error("background jobs still running at shutdown", "waited", timeout.String())
		return false
	}
}

func (a *App) logUnrecorded() {
	if a.mailer != nil && a.mailer.Pending() > 0 {
		a.Log.Error("email outcomes not recorded at shutdown: those emails may be sent again after their lease",
			"count", a.mailer.Pending())
	}
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
