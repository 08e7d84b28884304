-- +goose Up
CREATE TABLE credential_types (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    body           TEXT NOT NULL,
    ceus_per_cycle INTEGER NOT NULL CHECK (ceus_per_cycle > 0), -- hundredths of a CEU
    cycle_years    INTEGER NOT NULL CHECK (cycle_years > 0),
    exam_minutes   INTEGER,
    exam_items     INTEGER,
    position       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE exam_domains (
    id              BIGSERIAL PRIMARY KEY,
    credential_code TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    weight_low      INTEGER NOT NULL CHECK (weight_low BETWEEN 0 AND 100),
    weight_high     INTEGER NOT NULL CHECK (weight_high BETWEEN weight_low AND 100),
    UNIQUE (credential_code, position)
);
CREATE TABLE held_credentials (
    id                   BIGSERIAL PRIMARY KEY,
    user_id              BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_code      TEXT NOT NULL REFERENCES credential_types(code) ON UPDATE CASCADE,
    certificate_number   TEXT NOT NULL DEFAULT '',
    earned_on            DATE NOT NULL,
    cycle_start_override DATE,
    cycle_end_override   DATE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, credential_code)
);
INSERT INTO credential_types (code, name, body, ceus_per_cycle, cycle_years, exam_minutes, exam_items, position) VALUES ('RHIT', 'Registered Health Information Technician', 'AHIMA', 2000, 2, 210, NULL, 1);
INSERT INTO credential_types (code, name, body, ceus_per_cycle, cycle_years, exam_minutes, exam_items, position) VALUES ('CCA', 'Certified Coding Associate', 'AHIMA', 2000, 2, 120, 105, 2);
INSERT INTO credential_types (code, name, body, ceus_per_cycle, cycle_years, exam_minutes, exam_items, position) VALUES ('CCS', 'Certified Coding Specialist', 'AHIMA', 2000, 2, NULL, NULL, 3);
INSERT INTO credential_types (code, name, body, ceus_per_cycle, cycle_years, exam_minutes, exam_items, position) VALUES ('CCS-P', 'Certified Coding Specialist – Physician-based', 'AHIMA', 2000, 2, NULL, NULL, 4);
INSERT INTO credential_types (code, name, body, ceus_per_cycle, cycle_years, exam_minutes, exam_items, position) VALUES ('RHIA', 'Registered Health Information Administrator', 'AHIMA', 3000, 2, NULL, NULL, 5);
INSERT INTO credential_types (code, name, body, ceus_per_cycle, cycle_years, exam_minutes, exam_items, position) VALUES ('ODS', 'Oncology Data Specialist (formerly CTR)', 'NCRA', 2000, 2, NULL, NULL, 6);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('CCA', 1, 'Clinical Classification Systems', 30, 34);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('CCA', 2, 'Reimbursement Methodologies', 21, 25);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('CCA', 3, 'Health Records and Data Content', 13, 17);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('CCA', 4, 'Compliance', 12, 16);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('CCA', 5, 'Information Technologies', 6, 10);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('CCA', 6, 'Confidentiality and Privacy', 6, 10);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('RHIT', 1, 'Data Content, Structure, and Information Governance', 19, 25);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('RHIT', 2, 'Access, Disclosure, Privacy, and Security', 14, 18);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('RHIT', 3, 'Data Analytics and Use', 14, 18);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('RHIT', 4, 'Revenue Cycle Management', 14, 18);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('RHIT', 5, 'Compliance', 12, 16);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('RHIT', 6, 'Leadership', 8, 12);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('ODS', 1, 'Legal and Ethical Aspects of Cancer Registry Work', 25, 25);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('ODS', 2, 'Cancer Registry Operations', 25, 25);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('ODS', 3, 'Cancer Registry Data Identification', 25, 25);
INSERT INTO exam_domains (credential_code, position, name, weight_low, weight_high) VALUES ('ODS', 4, 'Cancer Registry Coding and Abstraction', 25, 25);

-- +goose Down
DROP TABLE held_credentials;
DROP TABLE exam_domains;
DROP TABLE credential_types;
