-- Runs can stop after a stage (to_stage; outcome PARTIAL: the stages asked for ran, no verdict), and record the
-- release gate's verdict and the exit code `ferry lifecycle` gives for the same ending.
ALTER TABLE runs ADD COLUMN to_stage text;
ALTER TABLE runs ADD COLUMN gate_outcome text CHECK (gate_outcome IN ('PASS', 'FAIL'));
ALTER TABLE runs ADD COLUMN exit_code integer CHECK (exit_code BETWEEN 0 AND 3);
ALTER TABLE runs DROP CONSTRAINT runs_outcome_check;
ALTER TABLE runs ADD CONSTRAINT runs_outcome_check CHECK (outcome IN ('PASS', 'FAIL', 'ERROR', 'PARTIAL'));

-- Triage of quality issues, per project and issue identity (check, target table, target key, field), so that the
-- same issue in a later run shows its triage. Keys only, never values.
CREATE TABLE issue_triage (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  check_id text NOT NULL CHECK (length(check_id) BETWEEN 1 AND 200),
  target_table text NOT NULL CHECK (length(target_table) BETWEEN 1 AND 200),
  target_key text NOT NULL CHECK (length(target_key) <= 500),
  field text NOT NULL CHECK (length(field) <= 200),
  status text NOT NULL
    CHECK (status IN ('open', 'acknowledged', 'accepted_risk', 'fixed_in_source', 'false_positive')),
  owner_id uuid,
  note text CHECK (length(note) <= 2000),
  -- The run the issue was seen in when it was last triaged.
  run_id uuid,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, check_id, target_table, target_key, field),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE,
  FOREIGN KEY (owner_id, organisation_id) REFERENCES users (id, organisation_id),
  FOREIGN KEY (run_id, organisation_id) REFERENCES runs (id, organisation_id)
);

ALTER TABLE issue_triage ENABLE ROW LEVEL SECURITY;
CREATE POLICY issue_triage_tenant ON issue_triage
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
GRANT SELECT, INSERT, UPDATE ON issue_triage TO ferry_app;

-- The new permission, granted in every existing organisation as new ones start with it.
INSERT INTO role_permissions (organisation_id, role, permission)
SELECT o.id, r.role, 'quality.triage'
FROM organisations o CROSS JOIN (VALUES ('migration_lead'), ('dq_lead'), ('clinical_reviewer')) AS r (role)
ON CONFLICT DO NOTHING;
