package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

// smtpInbox is an in-process SMTP server that records what it receives and can
// refuse the first few messages with a temporary failure.
type smtpInbox struct {
	mu       sync.Mutex
	failNext int
	delay    time.Duration
	onData   func() // called as each message arrives, before it is accepted
	messages []string
	senders  []string // envelope senders (MAIL FROM)
}

func (b *smtpInbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &smtpSession{inbox: b}, nil }

type smtpSession struct{ inbox *smtpInbox }

func (s *smtpSession) Reset()        {}
func (s *smtpSession) Logout() error { return nil }
func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	s.inbox.mu.Lock()
	defer s.inbox.mu.Unlock()
	s.inbox.senders = append(s.inbox.senders, from)
	return nil
}
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error { return nil }
func (s *smtpSession) Data(r io.Reader) error {
	if s.inbox.onData != nil {
		s.inbox.onData()
	}
	time.Sleep(s.inbox.delay)
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.inbox.mu.Lock()
	defer s.inbox.mu.Unlock()
	if s.inbox.failNext > 0 {
		s.inbox.failNext--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	s.inbox.messages = append(s.inbox.messages, string(raw))
	return nil
}

func (b *smtpInbox) received() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.messages...)
}

// startSMTP serves inbox on a free local port and returns its smtp:// URL.
func startSMTP(t *testing.T, inbox *smtpInbox) string {
	t.Helper()
	return startSMTPWith(t, inbox, func(ln net.Listener) net.Listener { return ln })
}

// startSMTPWith is startSMTP with the listener wrapped, to inject network faults.
func startSMTPWith(t *testing.T, inbox *smtpInbox, wrap func(net.Listener) net.Listener) string {
	t.Helper()
	server := smtp.NewServer(inbox)
	server.Domain = "localhost"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go server.Serve(wrap(ln))
	t.Cleanup(func() { server.Close() })
	return "smtp://" + ln.Addr().String() + "?from=hitpath@example.com"
}

func newTestMailer(t *testing.T, db *gorm.DB, smtpURL string, now *time.Time) *app.Mailer {
	t.Helper()
	m, err := app.NewMailer(app.Config{SMTPURL: smtpURL, BaseURL: "http://localhost:3000"}, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	m.Now = func() time.Time { return *now }
	return m
}

func TestMailerRetriesAfterFailure(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		inbox := &smtpInbox{failNext: 1}
		now := time.Now().UTC().Truncate(time.Second)
		m := newTestMailer(t, db, startSMTP(t, inbox), &now)
		if _, err := models.EnqueueEmail(db, "ana@example.com", "Your CEUs — 90 days left", "Hello Ana", "k1", now); err != nil {
			t.Fatal(err)
		}
		sent, err := m.SendDue(context.Background())
		if err != nil || sent != 0 {
			t.Fatalf("got sent=%d err=%v on a refused attempt, want 0 and no error", sent, err)
		}
		var email models.OutboxEmail
		db.Take(&email)
		if email.Attempts != 1 || email.SentAt != nil || !strings.Contains(email.LastError, "try again later") || !email.NextAttemptAt.After(now) {
			t.Fatalf("got %+v, want one failed attempt recorded and a later retry", email)
		}
		if sent, _ := m.SendDue(context.Background()); sent != 0 {
			t.Fatalf("got %d sent before the backoff ended, want 0", sent)
		}
		now = now.Add(2 * time.Minute)
		if sent, err := m.SendDue(context.Background()); sent != 1 || err != nil {
			t.Fatalf("got sent=%d err=%v after the backoff, want 1", sent, err)
		}
		got := inbox.received()
		if len(got) != 1 || !strings.Contains(got[0], "To: ana@example.com") || !strings.Contains(got[0], "Hello Ana") {
			t.Fatalf("got messages %q, want the one email", got)
		}
		if sent, _ := m.SendDue(context.Background()); sent != 0 || len(inbox.received()) != 1 {
			t.Fatal("a sent email was sent again")
		}
	})
}

func TestTwoMailersNeverSendAnEmailTwice(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		// A slow server keeps both senders busy at once, so they really compete.
		inbox := &smtpInbox{delay: 5 * time.Millisecond}
		url := startSMTP(t, inbox)
		now := time.Now().UTC()
		const emails = 40
		for i := range emails {
			if _, err := models.EnqueueEmail(db, fmt.Sprintf("u%d@example.com", i), "Reminder", "Body", "", now); err != nil {
				t.Fatal(err)
			}
		}
		first, second := newTestMailer(t, db, url, &now), newTestMailer(t, db, url, &now)
		var wg sync.WaitGroup
		counts := make([]int, 2)
		for i, m := range []*app.Mailer{first, second} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := m.SendDue(context.Background())
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			}()
		}
		wg.Wait()
		got := inbox.received()
		seen := map[string]bool{}
		for _, msg := range got {
			to := msg[strings.Index(msg, "To: "):]
			to = to[:strings.Index(to, "\r\n")]
			if seen[to] {
				t.Fatalf("got %s twice", to)
			}
			seen[to] = true
		}
		if len(got) != emails || counts[0]+counts[1] != emails {
			t.Fatalf("got %d messages (senders reported %v), want %d", len(got), counts, emails)
		}
		if counts[0] == 0 || counts[1] == 0 {
			t.Logf("one sender did all the work (%v); the check for duplicates still holds", counts)
		}
	})
}

func TestMailerWithoutSMTPLogsAndMarksSent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		var log strings.Builder
		m, err := app.NewMailer(app.Config{}, db, slog.New(slog.NewTextHandler(&log, nil)))
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		models.EnqueueEmail(db, "ana@example.com", "Logged only", "Body", "", now)
		if sent, err := m.SendDue(context.Background()); sent != 1 || err != nil {
			t.Fatalf("got sent=%d err=%v, want 1", sent, err)
		}
		var pending int64
		db.Model(&models.OutboxEmail{}).Where("sent_at IS NULL").Count(&pending)
		if pending != 0 || !strings.Contains(log.String(), "Logged only") {
			t.Fatalf("got %d pending and log %q, want the email logged and marked sent", pending, log.String())
		}
	})
}
