-- +goose Up
-- CEU activities a holder logs; ceus are hundredths of a CEU (or of an NCRA hour).
CREATE TABLE ceu_entries (
    id             BIGSERIAL PRIMARY KEY,
    user_id        BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    activity_date  DATE NOT NULL,
    title          TEXT NOT NULL,
    provider       TEXT NOT NULL,
    provider_kind  TEXT NOT NULL CHECK (provider_kind IN ('ahima', 'component', 'approved', 'other')),
    minutes        INTEGER CHECK (minutes IS NULL OR minutes > 0),
    ceus           INTEGER NOT NULL CHECK (ceus > 0 AND ceus <= 4000),
    in_hiim_domain BOOLEAN NOT NULL DEFAULT FALSE,
    category_a     BOOLEAN NOT NULL DEFAULT FALSE,
    delivery       TEXT NOT NULL CHECK (delivery IN ('live', 'in_person', 'online', 'self_study')),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ceu_entries_user_date_idx ON ceu_entries (user_id, activity_date);

-- Evidence lives in the database so one backup holds everything.
CREATE TABLE evidence_files (
    id           BIGSERIAL PRIMARY KEY,
    entry_id     BIGINT NOT NULL REFERENCES ceu_entries(id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
    sha256       TEXT NOT NULL,
    content      BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX evidence_files_entry_idx ON evidence_files (entry_id);
CREATE INDEX evidence_files_user_idx ON evidence_files (user_id);

-- +goose Down
DROP TABLE evidence_files;
DROP TABLE ceu_entries;
