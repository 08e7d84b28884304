-- +goose Up
-- Private calendar feed tokens; only a SHA-256 of the token is stored.
CREATE TABLE calendar_tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX calendar_tokens_user_idx ON calendar_tokens (user_id);

-- +goose Down
DROP TABLE calendar_tokens;
