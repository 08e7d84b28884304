-- +goose Up
-- Rate-limit counters shared by every hitpath process over one PostgreSQL database
-- (SQLite deployments, one process, count in memory and leave this table empty).
-- A bucket counts hits until expires_ms (Unix milliseconds of the injected clock);
-- the first hit after that starts a new window.
CREATE TABLE rate_limits (
    bucket     TEXT PRIMARY KEY,
    hits       INTEGER NOT NULL,
    expires_ms BIGINT NOT NULL
);
CREATE INDEX rate_limits_expires_idx ON rate_limits (expires_ms);

-- +goose Down
DROP TABLE rate_limits;
