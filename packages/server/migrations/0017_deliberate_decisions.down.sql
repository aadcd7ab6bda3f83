DELETE FROM role_permissions WHERE permission = 'crosswalk.approve';
DROP INDEX gate_decisions_one_successor;
DROP INDEX gate_decisions_first_per_run;
ALTER TABLE gate_decisions DROP COLUMN supersedes;
ALTER TABLE gate_decisions DROP COLUMN warnings;
ALTER TABLE gate_decisions DROP COLUMN profile;
DELETE FROM gate_decisions WHERE decision = 'withdrawn';
ALTER TABLE gate_decisions DROP CONSTRAINT gate_decisions_decision_check;
ALTER TABLE gate_decisions ADD CONSTRAINT gate_decisions_decision_check CHECK (decision IN ('go', 'no_go', 'rollback'));
