-- +goose Up
-- A user's IANA time zone ('' until chosen: the server's DEFAULT_TIME_ZONE applies),
-- when their current address was confirmed, which CEU reminders they want (days before
-- a cycle ends, comma-separated; empty for none) and, for instructors, the weekly digest.
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN reminder_days TEXT NOT NULL DEFAULT '180,90,30,7';
-- An administrator may disable an account: no sign-in while disabled_at is set.
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN weekly_digest BOOLEAN NOT NULL DEFAULT TRUE;

-- Single-use links sent by email: password resets and address confirmations. Only a
-- SHA-256 of the token is stored; email is the address a confirmation link confirms.
CREATE TABLE account_tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('password_reset', 'verify_email')),
    token_hash TEXT NOT NULL UNIQUE,
    email      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- When a session was last used, for the sessions page (updated at most every few minutes).
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMPTZ;

-- "I teach": a learner's request to become an instructor, decided by an admin.
CREATE TABLE instructor_requests (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    school     TEXT NOT NULL,
    program    TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
    created_at TIMESTAMPTZ NOT NULL,
    decided_at TIMESTAMPTZ,
    decided_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX instructor_requests_status_idx ON instructor_requests (status, created_at);
-- One open request per person.
CREATE UNIQUE INDEX instructor_requests_pending_idx ON instructor_requests (user_id) WHERE status = 'pending';

-- An admin's emailed invitation to create an instructor account; only a SHA-256 of
-- the token is stored.
CREATE TABLE invites (
    id         BIGSERIAL PRIMARY KEY,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL DEFAULT 'instructor' CHECK (role IN ('instructor')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- +goose Down
DROP TABLE invites;
DROP TABLE instructor_requests;
ALTER TABLE sessions DROP COLUMN last_seen_at;
DROP INDEX audit_log_actor_idx;
DROP TABLE account_tokens;
ALTER TABLE users DROP COLUMN weekly_digest;
ALTER TABLE users DROP COLUMN disabled_at;
ALTER TABLE users DROP COLUMN reminder_days;
ALTER TABLE users DROP COLUMN email_verified_at;
ALTER TABLE users DROP COLUMN time_zone;
