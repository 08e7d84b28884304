-- +goose Up
-- Images of a study deck, referenced from its cards' Markdown by name
-- (![alt](name.png)) and served only to those who may study the deck. The bytes live
-- in the database, like evidence files, so one backup holds everything.
CREATE TABLE study_deck_media (
    id           BIGSERIAL PRIMARY KEY,
    deck_id      BIGINT NOT NULL REFERENCES study_decks(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    size_bytes   BIGINT NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    content      BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (deck_id, name)
);

-- +goose Down
DROP TABLE study_deck_media;
