package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"time"

	"hitpath/models"
)

// smtpDeadline bounds one whole SMTP conversation.
const smtpDeadline = 30 * time.Second

// SMTPSender delivers over SMTP as smtp://[user:pass@]host:port, or smtps:// for
// implicit TLS; STARTTLS is used when the server offers it. The sender is MAIL_FROM,
// else the URL's ?from= (kept for old configurations), else no-reply at BASE_URL's host.
func SMTPSender(cfg Config, log *slog.Logger) (func(context.Context, models.OutboxEmail) error, error) {
	u, err := url.Parse(cfg.SMTPURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
		return nil, errors.New("SMTP_URL must look like smtp://user:pass@host:587 (or smtps://)")
	}
	from := defaultMailFrom(cfg.BaseURL)
	if fromText := or(cfg.MailFrom, u.Query().Get("from")); fromText != "" {
		if from, err = ParseMailFrom(fromText); err != nil {
			return nil, err
		}
	}
	host := mailHost(cfg.BaseURL)
	return func(ctx context.Context, email models.OutboxEmail) error {
		msg, err := buildMessage(from, host, email, time.Now())
		if err != nil {
			return err
		}
		return sendSMTP(ctx, u, from.Address, email.To, msg, log)
	}, nil
}

func sendSMTP(ctx context.Context, u *url.URL, from, to string, msg []byte, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(ctx, smtpDeadline)
	defer cancel()
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	var conn net.Conn
	var err error
	if u.Scheme == "smtps" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: &tls.Config{ServerName: u.Hostname()}}).DialContext(ctx, "tcp", u.Host)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", u.Host)
	}
	if err != nil {
		return fmt.Errorf("connect to %s: %w", u.Host, err)
	}
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	client, err := smtp.NewClient(conn, u.Hostname())
	if err != nil {
		conn.Close()
		return fmt.Errorf("greet %s: %w", u.Host, err)
	}
	defer client.Close()
	if err := startSession(client, u); err != nil {
		return err
	}
	if err := transmit(client, from, to, msg); err != nil {
		return err
	}
	// The server answered 250 to the message: it is delivered, whatever happens to
	// QUIT. Reporting a lost QUIT reply as a failure would send the email again.
	if err := client.Quit(); err != nil {
		log.Info("SMTP server accepted the email; QUIT got no answer", "err", err)
	}
	return nil
}

// startSession upgrades to TLS when offered and authenticates when the URL has a user.
func startSession(client *smtp.Client, u *url.URL) error {
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
	return nil
}

// transmit sends the envelope and the message; nil means the server accepted it.
func transmit(client *smtp.Client, from, to string, msg []byte) error {
	if err := client.Mail(from); err != nil {
		return fmt.Errorf("MAIL FROM: %w", err)
	}
	if _, err := mail.ParseAddress(to); err != nil {
		return fmt.Errorf("recipient %q: %w", to, err)
	}
	if err := client.Rcpt(to); err != nil {
		return fmt.Errorf("RCPT TO %s: %w", to, err)
	}
	w, err := client.Data()
	if err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("write message: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("end message: %w", err)
	}
	return nil
}
