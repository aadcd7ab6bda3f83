DELETE FROM role_permissions WHERE permission = 'quality.triage';
DROP TABLE issue_triage;
UPDATE runs SET outcome = NULL WHERE outcome = 'PARTIAL';
ALTER TABLE runs DROP CONSTRAINT runs_outcome_check;
ALTER TABLE runs ADD CONSTRAINT runs_outcome_check CHECK (outcome IN ('PASS', 'FAIL', 'ERROR'));
ALTER TABLE runs DROP COLUMN exit_code;
ALTER TABLE runs DROP COLUMN gate_outcome;
ALTER TABLE runs DROP COLUMN to_stage;
