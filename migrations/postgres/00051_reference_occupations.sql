-- +goose Up
-- The occupations the career figures describe. The 2018 SOC split 29-2071 into
-- 29-2072 and part of 29-9021, so a figure names the occupation code it was counted
-- under, and each newer occupation names the older one it came from. Rows are seeded
-- from migrations/data/career-facts.yaml at start-up.
CREATE TABLE reference_occupations (
    soc_code   TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    split_from TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL
);
-- Empty until the seeder next runs: it writes the code of every figure it owns.
ALTER TABLE reference_facts ADD COLUMN soc_code TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE reference_facts DROP COLUMN soc_code;
DROP TABLE reference_occupations;
