package app

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"gorm.io/gorm"

	"hitpath/models"
)

// Mailer delivers the outbox exactly once as far as hitpath can see. Each email is
// claimed by a committed lease (FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional
// UPDATE on SQLite), sent outside any transaction, and its outcome recorded with
// retries on a context that shutdown does not cancel. An outcome that still cannot be
// recorded (the database is away) is kept and recorded before anything else is
// claimed, while the lease keeps other senders off the email. A failed send is retried
// with exponential backoff until MaxAttempts. The one window left is a process that
// dies after the server accepted an email and before its outcome reached the
// database: after the lease that email is sent again, with the same Message-ID.
type Mailer struct {
	DB  *gorm.DB
	Log *slog.Logger
	// Send delivers one email; SMTPSender or LogSender.
	Send func(ctx context.Context, email models.OutboxEmail) error
	Now  func() time.Time
	// MaxAttempts stops retrying an email; it stays in the outbox with its last error.
	MaxAttempts int
	// Backoff is the wait before the next attempt after attempts failures.
	Backoff func(attempts int) time.Duration
	// Lease is how long a claim keeps other senders off an email; it must outlast a
	// send plus RecordFor.
	Lease time.Duration
	// RecordFor bounds how long one outcome is retried before it is kept for the next run.
	RecordFor time.Duration

	mu      sync.Mutex
	pending []outcome // outcomes not yet recorded
}

// outcome is what happened to one claimed email.
type outcome struct {
	email  models.OutboxEmail
	at     time.Time
	err    error // nil: delivered
	retry  time.Time
	reason string
}

// NewMailer builds the outbox sender for cfg: SMTP when SMTP_URL is set, else one
// that logs each email and marks it sent.
func NewMailer(cfg Config, db *gorm.DB, log *slog.Logger) (*Mailer, error) {
	m := &Mailer{DB: db, Log: log, Now: func() time.Time { return time.Now().UTC() },
		MaxAttempts: 8, Backoff: exponentialBackoff, Lease: 15 * time.Minute, RecordFor: 30 * time.Second}
	if cfg.SMTPURL == "" {
		m.Send = LogSender(log)
		return m, nil
	}
	send, err := SMTPSender(cfg, log)
	if err != nil {
		return nil, err
	}
	m.Send = send
	return m, nil
}

// exponentialBackoff waits 1, 2, 4 … minutes, at most 6 hours.
func exponentialBackoff(attempts int) time.Duration {
	wait := time.Minute << min(max(attempts-1, 0), 9)
	return min(wait, 6*time.Hour)
}

// SendDue sends every email whose attempt is due, one at a time, and returns how many
// were delivered. Failures are recorded on the email and do not stop the run. When ctx
// ends, the email being sent is finished and recorded before SendDue returns.
func (m *Mailer) SendDue(ctx context.Context) (int, error) {
	if err := m.recordPending(ctx); err != nil {
		return 0, err
	}
	sent := 0
	for ctx.Err() == nil {
		email, ok, err := models.ClaimNextDueEmail(m.DB.WithContext(ctx), m.Now(), m.Now().Add(m.Lease), m.MaxAttempts)
		if err != nil || !ok {
			return sent, err
		}
		delivered, err := m.deliver(ctx, email)
		if delivered {
			sent++
		}
		if err != nil {
			return sent, err
		}
	}
	return sent, ctx.Err()
}

// Pending reports how many outcomes wait to be recorded.
func (m *Mailer) Pending() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.pending)
}

// deliver sends a claimed email and records the outcome. The send and the record run
// on a context shutdown cannot cancel: a send once started is finished (the SMTP
// deadline bounds it) and what happened is written down.
func (m *Mailer) deliver(ctx context.Context, email models.OutboxEmail) (bool, error) {
	keep := context.WithoutCancel(ctx)
	sendErr := m.Send(keep, email)
	o := outcome{email: email, at: m.Now(), err: sendErr}
	if sendErr != nil {
		m.Log.Warn("email not sent", "outbox_id", email.ID, "attempt", email.Attempts+1, "err", sendErr)
		o.retry, o.reason = o.at.Add(m.Backoff(email.Attempts+1)), clipError(sendErr.Error())
	}
	if err := m.recordWithRetry(keep, o); err != nil {
		m.mu.Lock()
		m.pending = append(m.pending, o)
		m.mu.Unlock()
		m.Log.Error("email outcome not recorded; kept to record later", "outbox_id", email.ID, "delivered", sendErr == nil, "err", err)
		return sendErr == nil, err
	}
	return sendErr == nil, nil
}

// recordWithRetry writes an outcome, retrying with a growing pause for up to RecordFor.
func (m *Mailer) recordWithRetry(ctx context.Context, o outcome) error {
	deadline := time.Now().Add(m.RecordFor)
	pause := 50 * time.Millisecond
	for {
		err := m.record(ctx, o)
		if err == nil || time.Now().Add(pause).After(deadline) {
			return err
		}
		time.Sleep(pause)
		pause = min(2*pause, 2*time.Second)
	}
}

func (m *Mailer) record(ctx context.Context, o outcome) error {
	db := m.DB.WithContext(ctx)
	if o.err == nil {
		return models.RecordEmailSent(db, o.email, o.at)
	}
	return models.RecordEmailFailure(db, o.email, o.retry, o.reason)
}

// recordPending records kept outcomes, oldest first, before anything new is claimed.
func (m *Mailer) recordPending(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for len(m.pending) > 0 {
		if err := m.record(context.WithoutCancel(ctx), m.pending[0]); err != nil {
			return fmt.Errorf("record %d kept email outcomes: %w", len(m.pending), err)
		}
		m.pending = m.pending[1:]
	}
	return nil
}

func clipError(s string) string {
	if len(s) > 500 {
		return s[:500]
	}
	return s
}

// LogSender "sends" by logging: the default when no SMTP server is configured.
func LogSender(log *slog.Logger) func(context.Context, models.OutboxEmail) error {
	return func(_ context.Context, email models.OutboxEmail) error {
		log.Info("email (no SMTP_URL set, not delivered)", "to", email.To, "subject", email.Subject, "body", email.Body)
		return nil
	}
}
