-- +goose Up
-- In-app notices: what hitpath also emails (an instructor's message, cohort changes,
-- CEU reminders) kept on the site with read/unread, so nothing depends on SMTP.
-- A notice is written in the same transaction as its outbox email, when there is one.
-- about_user_id names the person a notice is about (a student who joined or left), so
-- deleting that person's account removes it from other people's lists too.
-- dedupe_key makes writing a notice idempotent per user, as the outbox's key does.
CREATE TABLE notices (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('nudge', 'cohort_joined', 'cohort_left',
                      'instructor_added', 'instructor_removed', 'cohort_archived', 'ceu_reminder')),
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    link          TEXT NOT NULL DEFAULT '',
    about_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    dedupe_key    TEXT,
    created_at    DATETIME NOT NULL,
    read_at       DATETIME,
    UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notices_user_idx ON notices (user_id, id);
CREATE INDEX notices_unread_idx ON notices (user_id) WHERE read_at IS NULL;
CREATE INDEX notices_about_idx ON notices (about_user_id) WHERE about_user_id IS NOT NULL;

-- +goose Down
DROP TABLE notices;
