-- +goose Up
-- Career reference content. Rows are seeded from migrations/data at start-up; edited_at
-- marks a row an admin changed, which the seeder then leaves alone.
CREATE TABLE reference_pages (
    id         BIGSERIAL PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    edited_at  TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE reference_facts (
    id         BIGSERIAL PRIMARY KEY,
    topic      TEXT NOT NULL,
    label      TEXT NOT NULL,
    value      TEXT NOT NULL,
    number     BIGINT NOT NULL,
    unit       TEXT NOT NULL DEFAULT '',
    geography  TEXT NOT NULL DEFAULT '',
    period     TEXT NOT NULL,
    source     TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    edited_at  TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (topic, label)
);
CREATE INDEX reference_facts_topic_idx ON reference_facts (topic, position);
-- One row counting changes to the reference content, so a process can tell with one
-- primary-key read whether its rendered pages are still current.
CREATE TABLE reference_revision (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    revision   BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
INSERT INTO reference_revision (id, revision, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);

-- +goose Down
DROP TABLE reference_revision;
DROP TABLE reference_facts;
DROP TABLE reference_pages;
