package app_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

// sendAndRead queues emails, sends them through an in-process SMTP server with cfg
// and returns what the server received, parsed by net/mail.
func sendAndRead(t *testing.T, db *gorm.DB, cfg app.Config, emails ...models.NewEmail) ([]*mail.Message, []string, *smtpInbox) {
	t.Helper()
	inbox := &smtpInbox{}
	cfg.SMTPURL = strings.TrimSuffix(startSMTP(t, inbox), "?from=hitpath@example.com")
	m, err := app.NewMailer(cfg, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	now := fixedNow()
	m.Now = func() time.Time { return now }
	for _, e := range emails {
		if _, err := models.QueueEmail(db, e, now); err != nil {
			t.Fatal(err)
		}
	}
	if sent, err := m.SendDue(context.Background()); sent != len(emails) || err != nil {
		t.Fatalf("got sent=%d err=%v, want %d", sent, err, len(emails))
	}
	raw := inbox.received()
	var parsed []*mail.Message
	for _, r := range raw {
		msg, err := mail.ReadMessage(strings.NewReader(r))
		if err != nil {
			t.Fatalf("parse message %q: %v", r, err)
		}
		parsed = append(parsed, msg)
	}
	return parsed, raw, inbox
}

func decodedBody(t *testing.T, msg *mail.Message) string {
	t.Helper()
	if got := msg.Header.Get("Content-Transfer-Encoding"); got != "quoted-printable" {
		t.Fatalf("got Content-Transfer-Encoding %q, want quoted-printable", got)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(body), "\r\n", "\n")
}

func TestEmailWireFormat(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		paragraph := strings.Repeat("Siân Łukasiewicz-Nguyễn, please log your CEUs before the cycle ends. ", 28)
		subject := "Şahin Eğitim — a message from your instructor about the coming exam window and your plan"
		nudge := models.NewEmail{To: "ana@example.com", Subject: subject, Body: "Hello Ana,\n\n" + paragraph + "\n", Personal: true}
		reminder := models.NewEmail{To: "bo@example.com", Subject: "Reminder", Body: "Due soon.\n", UnsubscribeURL: "https://hitpath.example/unsubscribe/abc"}
		msgs, raw, inbox := sendAndRead(t, db, app.Config{BaseURL: "http://127.0.0.1:3000"}, nudge, reminder)
		for _, r := range raw {
			for _, line := range strings.Split(strings.TrimSuffix(r, "\r\n"), "\r\n") {
				if len(line) > 78 {
					t.Fatalf("got a %d-octet line %q, want at most 78", len(line), line)
				}
			}
			if strings.Count(r, "\n") != strings.Count(r, "\r\n") {
				t.Fatal("got a bare LF line end, want CRLF only")
			}
		}
		if body := decodedBody(t, msgs[0]); len(paragraph) < 2000 || body != nudge.Body {
			t.Fatalf("got body %q, want %q", body, nudge.Body)
		}
		gotSubject, err := new(mime.WordDecoder).DecodeHeader(msgs[0].Header.Get("Subject"))
		if err != nil || gotSubject != subject {
			t.Fatalf("got subject %q (%v), want %q", gotSubject, err, subject)
		}
		from, err := msgs[0].Header.AddressList("From")
		if err != nil || from[0].Address != "no-reply@[127.0.0.1]" || inbox.senders[0] != "no-reply@[127.0.0.1]" {
			t.Fatalf("got From %v (%v), envelope %v, want no-reply@[127.0.0.1]", from, err, inbox.senders)
		}
		idPattern := regexp.MustCompile(`^<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@\[127\.0\.0\.1\]>$`)
		first, second := msgs[0].Header.Get("Message-ID"), msgs[1].Header.Get("Message-ID")
		if !idPattern.MatchString(first) || !idPattern.MatchString(second) || first == second {
			t.Fatalf("got Message-IDs %q and %q, want two different random ids at [127.0.0.1]", first, second)
		}
		if msgs[0].Header.Get("Auto-Submitted") != "" || msgs[1].Header.Get("Auto-Submitted") != "auto-generated" {
			t.Fatalf("got Auto-Submitted %q on the nudge and %q on the reminder, want none and auto-generated",
				msgs[0].Header.Get("Auto-Submitted"), msgs[1].Header.Get("Auto-Submitted"))
		}
		if msgs[0].Header.Get("List-Unsubscribe") != "" ||
			msgs[1].Header.Get("List-Unsubscribe") != "<https://hitpath.example/unsubscribe/abc>" ||
			msgs[1].Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
			t.Fatalf("got List-Unsubscribe %q / %q, want the one-click headers on the reminder only",
				msgs[1].Header.Get("List-Unsubscribe"), msgs[1].Header.Get("List-Unsubscribe-Post"))
		}
	})
}

func TestMailFromConfigured(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		cfg := app.Config{BaseURL: "https://hitpath.example", MailFrom: "Şahin Eğitim <courses@school.example>"}
		msgs, _, inbox := sendAndRead(t, db, cfg, models.NewEmail{To: "ana@example.com", Subject: "Hi", Body: "Hello"})
		from, err := msgs[0].Header.AddressList("From")
		if err != nil || from[0].Name != "Şahin Eğitim" || from[0].Address != "courses@school.example" {
			t.Fatalf("got From %v (%v), want Şahin Eğitim <courses@school.example>", from, err)
		}
		if inbox.senders[0] != "courses@school.example" {
			t.Fatalf("got envelope sender %q, want courses@school.example", inbox.senders[0])
		}
		if id := msgs[0].Header.Get("Message-ID"); !strings.HasSuffix(id, "@hitpath.example>") {
			t.Fatalf("got Message-ID %q, want one at hitpath.example", id)
		}
	})
}

func TestMailFromMustBeAnAddress(t *testing.T) {
	for _, bad := range []string{"no-reply", "hitpath <no-reply@>", "a@b.example\r\nBcc: x@y.example"} {
		_, err := app.LoadConfig(func(k string) string { return map[string]string{"MAIL_FROM": bad}[k] })
		if err == nil || !strings.Contains(err.Error(), "MAIL_FROM") {
			t.Errorf("MAIL_FROM %q: got %v, want an error naming MAIL_FROM", bad, err)
		}
	}
	if _, err := app.LoadConfig(func(k string) string { return map[string]string{"MAIL_FROM": "no-reply@[127.0.0.1]"}[k] }); err != nil {
		t.Errorf("got %v for an address literal, want it accepted", err)
	}
}

// pythonEmailCheck parses a message with Python's email package (a parser hitpath did
// not write) and prints its defects, decoded From, Subject and body as JSON.
const pythonEmailCheck = `
import email, email.policy, json, sys
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
defects = [type(d).__name__ for d in msg.defects]
for name in ("From", "To", "Subject", "Message-ID"):
    defects += [name + ":" + type(d).__name__ for d in msg[name].defects]
print(json.dumps({"defects": defects, "from": str(msg["From"]), "subject": str(msg["Subject"]),
    "body": msg.get_content(), "id": str(msg["Message-ID"])}))
`

func TestEmailReadByPythonEmailPackage(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	db := testdb.Open(t, "sqlite")
	body := "Hello Zoë,\n\n" + strings.Repeat("Şahin Eğitim says: log your CEUs (100% of them) before = the end. ", 30) + "\n.\nLast line\n"
	subject := "Siân Łukasiewicz-Nguyễn — your reminder 日本語 and a long tail of words to fold"
	_, raw, _ := sendAndRead(t, db, app.Config{BaseURL: "http://127.0.0.1:3000"},
		models.NewEmail{To: "zoe@example.com", Subject: subject, Body: body})
	cmd := exec.Command(python, "-c", pythonEmailCheck)
	cmd.Stdin = strings.NewReader(raw[0])
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 could not read the message: %v", err)
	}
	var got struct {
		Defects             []string
		From, Subject, Body string
		ID                  string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	if len(got.Defects) > 0 || got.Subject != subject || strings.ReplaceAll(got.Body, "\r\n", "\n") != body || got.From != "hitpath <no-reply@[127.0.0.1]>" {
		t.Fatalf("python3 read defects %v, From %q, Subject %q, body %q", got.Defects, got.From, got.Subject, got.Body)
	}
}
