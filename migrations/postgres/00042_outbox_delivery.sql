-- +goose Up
-- Each email keeps one random Message-ID token from the moment it is queued, so a
-- retry carries the same Message-ID and receivers can tell it is the same message.
ALTER TABLE outbox ADD COLUMN message_token TEXT;
-- Automated emails (reminders, digests, account notices) say so with
-- Auto-Submitted: auto-generated; a message a person wrote (a nudge) does not.
ALTER TABLE outbox ADD COLUMN auto_generated BOOLEAN NOT NULL DEFAULT TRUE;
-- A one-click unsubscribe URL (RFC 8058) for this email, when its kind has one.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- +goose Down
ALTER TABLE outbox DROP COLUMN unsubscribe_url;
ALTER TABLE outbox DROP COLUMN auto_generated;
ALTER TABLE outbox DROP COLUMN message_token;
