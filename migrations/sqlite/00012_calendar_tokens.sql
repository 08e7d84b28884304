-- +goose Up
-- Private calendar feed tokens; only a SHA-256 of the token is stored.
CREATE TABLE calendar_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at DATETIME NOT NULL,
    revoked_at DATETIME
);
CREATE INDEX calendar_tokens_user_idx ON calendar_tokens (user_id);

-- +goose Down
DROP TABLE calendar_tokens;
