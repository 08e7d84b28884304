-- +goose Up
-- Decks of flashcards and multiple-choice items tagged by exam and blueprint domain.
-- A deck is private to its owner unless shared with a cohort (cohort_id set).
CREATE TABLE study_decks (
    id              BIGSERIAL PRIMARY KEY,
    owner_id        BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_code TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    cohort_id       BIGINT REFERENCES cohorts(id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX study_decks_owner_idx ON study_decks (owner_id);
CREATE INDEX study_decks_cohort_idx ON study_decks (cohort_id);
CREATE TABLE study_cards (
    id              BIGSERIAL PRIMARY KEY,
    deck_id         BIGINT NOT NULL REFERENCES study_decks(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('card', 'item')),
    domain_position INTEGER NOT NULL,
    front           TEXT NOT NULL,
    back            TEXT NOT NULL DEFAULT '',
    option_a        TEXT NOT NULL DEFAULT '',
    option_b        TEXT NOT NULL DEFAULT '',
    option_c        TEXT NOT NULL DEFAULT '',
    option_d        TEXT NOT NULL DEFAULT '',
    correct_option  INTEGER NOT NULL DEFAULT 0 CHECK (correct_option BETWEEN 0 AND 4),
    explanation     TEXT NOT NULL DEFAULT '',
    tags            TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT '',
    guid            TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (deck_id, guid)
);
CREATE INDEX study_cards_deck_idx ON study_cards (deck_id, id);
-- One learner's FSRS memory state of one card. Instants are unix seconds so the daily
-- queue (user_id, effective_due) is one indexed range scan.
CREATE TABLE study_card_states (
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    card_id         BIGINT NOT NULL REFERENCES study_cards(id) ON DELETE CASCADE,
    state           INTEGER NOT NULL,
    due             BIGINT NOT NULL,
    effective_due   BIGINT NOT NULL,
    exam_recall     DOUBLE PRECISION NOT NULL DEFAULT 0,
    stability       DOUBLE PRECISION NOT NULL,
    difficulty      DOUBLE PRECISION NOT NULL,
    elapsed_days    INTEGER NOT NULL DEFAULT 0,
    scheduled_days  INTEGER NOT NULL DEFAULT 0,
    reps            INTEGER NOT NULL DEFAULT 0,
    lapses          INTEGER NOT NULL DEFAULT 0,
    last_review     BIGINT NOT NULL,
    PRIMARY KEY (user_id, card_id)
);
CREATE INDEX study_card_states_queue_idx ON study_card_states (user_id, effective_due);
CREATE TABLE study_reviews (
    id               BIGSERIAL PRIMARY KEY,
    user_id          BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    card_id          BIGINT NOT NULL REFERENCES study_cards(id) ON DELETE CASCADE,
    client_review_id TEXT NOT NULL,
    rating           INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    reviewed_at      BIGINT NOT NULL,
    state_before     INTEGER NOT NULL,
    state_after      INTEGER NOT NULL,
    stability        DOUBLE PRECISION NOT NULL,
    difficulty       DOUBLE PRECISION NOT NULL,
    due              BIGINT NOT NULL,
    elapsed_days     INTEGER NOT NULL DEFAULT 0,
    scheduled_days   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, card_id, client_review_id)
);
CREATE INDEX study_reviews_user_time_idx ON study_reviews (user_id, reviewed_at);
-- Exam mode settings, and the exam date and target the stored effective dues were
-- computed for (a changed pathway exam date triggers a recompute).
CREATE TABLE study_settings (
    user_id          BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    target_recall    DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    new_per_day      INTEGER NOT NULL DEFAULT 20,
    planned_exam_on  DATE,
    planned_target   DOUBLE PRECISION NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE TABLE study_quizzes (
    id                 BIGSERIAL PRIMARY KEY,
    user_id            BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_code    TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    seed               BIGINT NOT NULL,
    time_limit_minutes INTEGER NOT NULL DEFAULT 0,
    started_at         TIMESTAMPTZ NOT NULL,
    submitted_at       TIMESTAMPTZ,
    score_percent      DOUBLE PRECISION,
    practice_exam_id   BIGINT REFERENCES practice_exams(id) ON DELETE SET NULL
);
CREATE INDEX study_quizzes_user_idx ON study_quizzes (user_id, started_at);
CREATE TABLE study_quiz_items (
    id              BIGSERIAL PRIMARY KEY,
    quiz_id         BIGINT NOT NULL REFERENCES study_quizzes(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    card_id         BIGINT NOT NULL REFERENCES study_cards(id) ON DELETE CASCADE,
    domain_position INTEGER NOT NULL,
    chosen_option   INTEGER NOT NULL DEFAULT 0 CHECK (chosen_option BETWEEN 0 AND 4),
    correct         BOOLEAN NOT NULL DEFAULT FALSE,
    first_attempt   BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (quiz_id, position)
);
CREATE INDEX study_quiz_items_card_idx ON study_quiz_items (card_id);

-- +goose Down
DROP TABLE study_quiz_items;
DROP TABLE study_quizzes;
DROP TABLE study_settings;
DROP TABLE study_reviews;
DROP TABLE study_card_states;
DROP TABLE study_cards;
DROP TABLE study_decks;
