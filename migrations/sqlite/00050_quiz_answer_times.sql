-- +goose Up
-- When each quiz answer arrived, and whether an answer came after a timed quiz's
-- deadline and grace (it is kept out of the score and reported as late).
ALTER TABLE study_quiz_items ADD COLUMN answered_at DATETIME;
ALTER TABLE study_quiz_items ADD COLUMN late BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE study_quiz_items DROP COLUMN late;
ALTER TABLE study_quiz_items DROP COLUMN answered_at;
