package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"

	"hitpath/models"
)

// Mailer delivers the outbox. Each email is claimed by one sender at a time — with
// FOR UPDATE SKIP LOCKED on PostgreSQL, with a conditional UPDATE lease on SQLite —
// so two processes never send one email twice. A failed send is retried with
// exponential backoff until MaxAttempts.
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
	// Lease is how long an SQLite claim keeps other senders off an email.
	Lease time.Duration
}

// NewMailer builds the outbox sender for cfg: SMTP when SMTP_URL is set, else one
// that logs each email and marks it sent.
func NewMailer(cfg Config, db *gorm.DB, log *slog.Logger) (*Mailer, error) {
	m := &Mailer{DB: db, Log: log, Now: func() time.Time { return time.Now().UTC() },
		MaxAttempts: 8, Backoff: exponentialBackoff, Lease: 5 * time.Minute}
	if cfg.SMTPURL == "" {
		m.Send = LogSender(log)
		return m, nil
	}
	send, err := SMTPSender(cfg.SMTPURL, cfg.BaseURL)
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
// were delivered. Failures are recorded on the email and do not stop the run.
func (m *Mailer) SendDue(ctx context.Context) (int, error) {
	sent := 0
	for ctx.Err() == nil {
		claimed, delivered, err := m.sendNext(ctx)
		if err != nil || !claimed {
			return sent, err
		}
		if delivered {
			sent++
		}
	}
	return sent, ctx.Err()
}

// sendNext claims one due email, sends it and records the outcome.
func (m *Mailer) sendNext(ctx context.Context) (claimed, delivered bool, err error) {
	if m.DB.Dialector.Name() == "postgres" {
		err = m.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			email, ok, err := models.LockNextDueEmail(tx, m.Now(), m.MaxAttempts)
			if err != nil || !ok {
				return err
			}
			claimed = true
			delivered, err = m.deliver(ctx, tx, email)
			return err
		})
		return claimed, delivered, err
	}
	return m.sendNextLeased(ctx)
}

// sendNextLeased claims with a conditional UPDATE that only one sender can win, for
// databases without row locks.
func (m *Mailer) sendNextLeased(ctx context.Context) (claimed, delivered bool, err error) {
	db := m.DB.WithContext(ctx)
	now := m.Now()
	email, ok, err := models.NextDueEmail(db, now, m.MaxAttempts)
	if err != nil || !ok {
		return false, false, err
	}
	won, err := models.LeaseEmail(db, email, now.Add(m.Lease))
	if err != nil {
		return false, false, err
	}
	if !won {
		return true, false, nil // another sender took it; look for the next one
	}
	delivered, err = m.deliver(ctx, db, email)
	return true, delivered, err
}

// deliver sends email and records success or the failure and the next attempt.
func (m *Mailer) deliver(ctx context.Context, db *gorm.DB, email models.OutboxEmail) (bool, error) {
	sendErr := m.Send(ctx, email)
	now := m.Now()
	if sendErr == nil {
		return true, models.RecordEmailSent(db, email, now)
	}
	m.Log.Warn("email not sent", "outbox_id", email.ID, "attempt", email.Attempts+1, "err", sendErr)
	return false, models.RecordEmailFailure(db, email, now.Add(m.Backoff(email.Attempts+1)), clipError(sendErr.Error()))
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

// SMTPSender delivers over SMTP as smtp://[user:pass@]host:port[?from=addr], or
// smtps:// for implicit TLS. STARTTLS is used when the server offers it.
func SMTPSender(rawURL, baseURL string) (func(context.Context, models.OutboxEmail) error, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
		return nil, errors.New("SMTP_URL must look like smtp://user:pass@host:587 (or smtps://)")
	}
	from := u.Query().Get("from")
	if from == "" {
		host := "localhost"
		if b, err := url.Parse(baseURL); err == nil && b.Hostname() != "" {
			host = b.Hostname()
		}
		from = "hitpath <no-reply@" + host + ">"
	}
	return func(ctx context.Context, email models.OutboxEmail) error {
		return sendSMTP(ctx, u, from, email)
	}, nil
}

func sendSMTP(ctx context.Context, u *url.URL, from string, email models.OutboxEmail) error {
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	var conn net.Conn
	var err error
	if u.Scheme == "smtps" {
		conn, err = tls.DialWithDialer(dialer, "tcp", u.Host, &tls.Config{ServerName: u.Hostname()})
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", u.Host)
	}
	if err != nil {
		return fmt.Errorf("connect to %s: %w", u.Host, err)
	}
	_ = conn.SetDeadline(time.Now().Add(60 * time.Second))
	client, err := smtp.NewClient(conn, u.Hostname())
	if err != nil {
		conn.Close()
		return fmt.Errorf("greet %s: %w", u.Host, err)
	}
	defer client.Close()
	if ok, _ := client.Extension("STARTTLS"); ok && u.Scheme == "smtp" {
		if err := client.StartTLS(&tls.Config{ServerName: u.Hostname()}); err != nil {
			return fmt.Errorf("starttls: %w", err)
		}
	}
	if u.User != nil {
		password, _ := u.User.Password()
		if err := client.Auth(smtp.PlainAuth("", u.User.Username(), password, u.Hostname())); err != nil {
			return fmt.Errorf("authenticate: %w", err)
		}
	}
	return writeMessage(client, from, email)
}

func writeMessage(client *smtp.Client, from string, email models.OutboxEmail) error {
	envelopeFrom := from
	if addr, err := parseAddress(from); err == nil {
		envelopeFrom = addr
	}
	if err := client.Mail(envelopeFrom); err != nil {
		return fmt.Errorf("MAIL FROM: %w", err)
	}
	if err := client.Rcpt(email.To); err != nil {
		return fmt.Errorf("RCPT TO %s: %w", email.To, err)
	}
	w, err := client.Data()
	if err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	headers := []string{
		"From: " + from, "To: " + email.To, "Subject: " + mime.QEncoding.Encode("utf-8", email.Subject),
		"Date: " + time.Now().UTC().Format(time.RFC1123Z), fmt.Sprintf("Message-ID: <outbox-%d@hitpath>", email.ID),
		"MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
	}
	body := strings.ReplaceAll(email.Body, "\r\n", "\n")
	msg := strings.Join(headers, "\r\n") + "\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n")
	if _, err := w.Write([]byte(msg)); err != nil {
		return fmt.Errorf("write message: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("end message: %w", err)
	}
	return client.Quit()
}

func parseAddress(s string) (string, error) {
	if i, j := strings.LastIndex(s, "<"), strings.LastIndex(s, ">"); i >= 0 && j > i {
		return s[i+1 : j], nil
	}
	return s, nil
}
