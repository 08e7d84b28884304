-- +goose Up
-- A learner's readiness per credential, kept current in the transaction that saves or
-- deletes a practice exam. Readiness does not drift with the calendar (every attempt's
-- weight shrinks at the same rate), so the stored figure stays right until the next
-- attempt; cohort dashboards read these rows instead of every attempt's domain scores.
CREATE TABLE readiness_summaries (
    user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_code  TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    percent          NUMERIC NOT NULL,
    weakest_domain   TEXT NOT NULL DEFAULT '',
    attempts_counted INTEGER NOT NULL,
    last_attempt_on  DATE NOT NULL,
    updated_at       DATETIME NOT NULL,
    PRIMARY KEY (user_id, credential_code)
);

-- +goose Down
DROP TABLE readiness_summaries;
