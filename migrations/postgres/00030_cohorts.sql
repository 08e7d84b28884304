-- +goose Up
CREATE TABLE cohorts (
    id             BIGSERIAL PRIMARY KEY,
    owner_id       BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    program        TEXT NOT NULL DEFAULT '',
    term           TEXT NOT NULL DEFAULT '',
    target_code    TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    target_exam_on DATE,
    join_code      TEXT UNIQUE, -- NULL while joining is disabled
    archived_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX cohorts_owner_idx ON cohorts (owner_id);
CREATE TABLE cohort_instructors (
    cohort_id BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_instructors_user_idx ON cohort_instructors (user_id);
CREATE TABLE cohort_members (
    id               BIGSERIAL PRIMARY KEY,
    cohort_id        BIGINT NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    user_id          BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at        TIMESTAMPTZ NOT NULL,
    consent_given_at TIMESTAMPTZ NOT NULL,
    share_outcomes   BOOLEAN NOT NULL DEFAULT FALSE,
    left_at          TIMESTAMPTZ
);
CREATE INDEX cohort_members_cohort_idx ON cohort_members (cohort_id, user_id);
CREATE INDEX cohort_members_user_idx ON cohort_members (user_id);
-- One live membership per learner and cohort; rejoining after leaving adds a new row.
CREATE UNIQUE INDEX cohort_members_active_idx ON cohort_members (cohort_id, user_id) WHERE left_at IS NULL;

-- +goose Down
DROP TABLE cohort_members;
DROP TABLE cohort_instructors;
DROP TABLE cohorts;
