-- A project's crosswalks (local code -> national code per code type), versioned like its contract: every review
-- saves a new immutable, content-hashed version; runs load the version current when they start.

CREATE TABLE crosswalk_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  parent_hash text,
  content jsonb NOT NULL,
  -- The entries this version changed: [{ codeType, sourceCode, kind: 'status', status }].
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  message text,
  created_by uuid,
  created_by_email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, seq),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE
);

ALTER TABLE crosswalk_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY crosswalk_versions_tenant ON crosswalk_versions
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
GRANT SELECT, INSERT ON crosswalk_versions TO ferry_app;

-- The crosswalk version a run loads (as contract_hash names its contract version).
ALTER TABLE runs ADD COLUMN crosswalk_hash text;
