-- Deliberate decisions.
-- gate_decisions becomes a history with one current decision per run: each decision after the first names the one it
-- supersedes (at most one successor each, so two people deciding at once cannot both take over the same decision);
-- `withdrawn` records that the current decision was taken back, with its rationale. `profile` and `warnings` keep
-- what the decider confirmed: the release profile the run was gated at and how many warnings the gate showed.
-- crosswalk.approve: approving or rejecting crosswalk entries is a permission apart from editing them; mapping
-- analysts and clinical reviewers hold it in every existing organisation, as new ones start with it.
ALTER TABLE gate_decisions DROP CONSTRAINT gate_decisions_decision_check;
ALTER TABLE gate_decisions ADD CONSTRAINT gate_decisions_decision_check
  CHECK (decision IN ('go', 'no_go', 'rollback', 'withdrawn'));
ALTER TABLE gate_decisions ADD COLUMN profile text CHECK (length(profile) <= 100);
ALTER TABLE gate_decisions ADD COLUMN warnings integer CHECK (warnings >= 0);
ALTER TABLE gate_decisions ADD COLUMN supersedes uuid REFERENCES gate_decisions (id);

UPDATE gate_decisions g SET supersedes = earlier.previous
FROM (SELECT id, lag(id) OVER (PARTITION BY run_id ORDER BY decided_at, id) AS previous FROM gate_decisions) earlier
WHERE earlier.id = g.id AND earlier.previous IS NOT NULL;

CREATE UNIQUE INDEX gate_decisions_first_per_run ON gate_decisions (run_id) WHERE supersedes IS NULL;
CREATE UNIQUE INDEX gate_decisions_one_successor ON gate_decisions (supersedes) WHERE supersedes IS NOT NULL;

INSERT INTO role_permissions (organisation_id, role, permission)
SELECT o.id, r.role, 'crosswalk.approve'
FROM organisations o CROSS JOIN (VALUES ('mapping_analyst'), ('clinical_reviewer')) AS r (role)
ON CONFLICT DO NOTHING;
