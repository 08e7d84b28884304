-- +goose Up
CREATE TABLE pathways (
    id                       BIGSERIAL PRIMARY KEY,
    user_id                  BIGINT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    target_code              TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    education                TEXT NOT NULL DEFAULT 'none',
    program_name             TEXT NOT NULL DEFAULT '',
    institution              TEXT NOT NULL DEFAULT '',
    accreditation            TEXT NOT NULL DEFAULT 'unknown',
    ods_program              TEXT NOT NULL DEFAULT 'none',
    anatomy_credits          INTEGER NOT NULL DEFAULT 0,
    registry_hours           INTEGER NOT NULL DEFAULT 0,
    program_start            DATE,
    last_term_start          DATE,
    expected_graduation      DATE,
    coursework_done          BOOLEAN NOT NULL DEFAULT FALSE,
    practicum_hours_done     INTEGER NOT NULL DEFAULT 0,
    practicum_hours_required INTEGER NOT NULL DEFAULT 0,
    transcripts_sent         BOOLEAN NOT NULL DEFAULT FALSE,
    authorization_to_test    BOOLEAN NOT NULL DEFAULT FALSE,
    exam_scheduled_on        DATE,
    exam_result              TEXT NOT NULL DEFAULT 'none',
    passed_on                DATE,
    weekly_goal_minutes      INTEGER NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
CREATE TABLE courses (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE learner_courses (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    course_id  BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed')),
    due_on     DATE,
    completed_on DATE,
    grade      TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, course_id)
);
CREATE TABLE study_sessions (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    studied_on      DATE NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 720),
    credential_code TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    domain_position INTEGER NOT NULL,
    topic           TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX study_sessions_user_day_idx ON study_sessions (user_id, studied_on);
CREATE TABLE practice_exams (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_code TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    taken_on        DATE NOT NULL,
    source          TEXT NOT NULL DEFAULT '',
    overall_percent NUMERIC(5,2) NOT NULL CHECK (overall_percent BETWEEN 0 AND 100),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX practice_exams_user_day_idx ON practice_exams (user_id, taken_on);
CREATE TABLE practice_exam_scores (
    id               BIGSERIAL PRIMARY KEY,
    practice_exam_id BIGINT NOT NULL REFERENCES practice_exams(id) ON DELETE CASCADE,
    domain_position  INTEGER NOT NULL,
    percent          NUMERIC(5,2) NOT NULL CHECK (percent BETWEEN 0 AND 100),
    UNIQUE (practice_exam_id, domain_position)
);
INSERT INTO courses (name, position) VALUES ('Medical terminology', 1);
INSERT INTO courses (name, position) VALUES ('Anatomy and physiology', 2);
INSERT INTO courses (name, position) VALUES ('Communication', 3);
INSERT INTO courses (name, position) VALUES ('Health data requirements and standards', 4);
INSERT INTO courses (name, position) VALUES ('Classification and coding systems', 5);
INSERT INTO courses (name, position) VALUES ('Healthcare reimbursement methods', 6);
INSERT INTO courses (name, position) VALUES ('Healthcare statistics', 7);
INSERT INTO courses (name, position) VALUES ('Computer systems', 8);

-- +goose Down
DROP TABLE practice_exam_scores;
DROP TABLE practice_exams;
DROP TABLE study_sessions;
DROP TABLE learner_courses;
DROP TABLE courses;
DROP TABLE pathways;
