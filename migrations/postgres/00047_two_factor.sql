-- +goose Up
-- Two-factor sign-in with an authenticator app (TOTP). secret_sealed is the key
-- encrypted with AES-GCM under a key derived from the app's secret; confirmed_at
-- stays NULL while the person is still setting it up; last_step is the last
-- accepted 30-second time step, so one code cannot be used twice.
CREATE TABLE two_factor (
    user_id       BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret_sealed TEXT NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    last_step     BIGINT NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- One-time recovery codes; only a SHA-256 of each (bound to its account) is stored.
CREATE TABLE recovery_codes (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id);

-- Settings an admin changes at run time, shared by every process over the database.
CREATE TABLE site_settings (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);

-- +goose Down
DROP TABLE site_settings;
DROP TABLE recovery_codes;
DROP TABLE two_factor;
