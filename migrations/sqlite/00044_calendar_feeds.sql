-- +goose Up
-- A learner's calendar feed settings and when its content last changed, so the feed
-- answers conditional requests and keeps each event's DTSTAMP until the event changes.
CREATE TABLE calendar_feeds (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    alarms     BOOLEAN NOT NULL DEFAULT FALSE,
    changed_at DATETIME NOT NULL
);
CREATE TABLE calendar_feed_events (
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    uid          TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    changed_at   DATETIME NOT NULL,
    PRIMARY KEY (user_id, uid)
);

-- +goose Down
DROP TABLE calendar_feed_events;
DROP TABLE calendar_feeds;
