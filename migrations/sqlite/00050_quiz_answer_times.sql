-- +goose Up
-- When each quiz answer arrived, and whether an answer came after a timed quiz's
-- deadline and grace (it is kept out of the score and reported as late).
ALTER TABLE study_quiz_items ADD COLUMN answered_at DATETIME;
ALTER TABLE study_quiz_items ADD COLUMN late BOOLEAN NOT NULL DEFAULT FALSE;
-- Item statistics read every first attempt at a deck's items and each of those
-- quizzes' totals; covering indexes let both be read from the index alone.
CREATE INDEX study_quiz_items_attempt_idx ON study_quiz_items (card_id, first_attempt, quiz_id, correct);
CREATE INDEX study_quiz_items_quiz_score_idx ON study_quiz_items (quiz_id, correct);

-- +goose Down
DROP INDEX study_quiz_items_quiz_score_idx;
DROP INDEX study_quiz_items_attempt_idx;
ALTER TABLE study_quiz_items DROP COLUMN late;
ALTER TABLE study_quiz_items DROP COLUMN answered_at;
