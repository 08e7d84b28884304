-- +goose Up
-- A credential created by recording a pathway exam pass was stored without saying it is
-- current, so its cycles read as lapsed. Such a row is current from its pass date.
UPDATE held_credentials SET current_as_of = earned_on
 WHERE current_as_of IS NULL
   AND EXISTS (SELECT 1 FROM pathways p
                WHERE p.user_id = held_credentials.user_id
                  AND p.target_code = held_credentials.credential_code
                  AND p.passed_on = held_credentials.earned_on);

-- +goose Down
-- Nothing to undo: which rows were set here is not recorded, and current is their truth.
SELECT 1;
