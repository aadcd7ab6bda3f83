-- The migration work of a project: its contract versions (immutable, content-hashed), lifecycle runs, gate
-- decisions and documents. Every table is tenant-owned and refers to its project within the same organisation.

CREATE TABLE contract_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  -- Order of saving within the project: the highest is the current version.
  seq integer NOT NULL CHECK (seq >= 1),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  parent_hash text,
  label text NOT NULL,
  content jsonb NOT NULL,
  locked boolean NOT NULL DEFAULT false,
  -- The rows this version changed: [{ table, column, kind: 'import' | 'edit' | 'status', status? }].
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  message text,
  created_by uuid,
  created_by_email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, seq),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE
);

CREATE TABLE runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  -- The lifecycle's own run id (its folder under the project's run store) once it has started.
  lifecycle_run_id text,
  outcome text CHECK (outcome IN ('PASS', 'FAIL', 'ERROR')),
  release_profile text NOT NULL,
  source jsonb NOT NULL,
  from_stage text,
  contract_hash text NOT NULL,
  current_stage text,
  error text,
  cancel_requested boolean NOT NULL DEFAULT false,
  started_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  UNIQUE (id, organisation_id),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX runs_project ON runs (project_id, created_at DESC);

CREATE TABLE gate_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  run_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('go', 'no_go', 'rollback')),
  note text,
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (run_id, organisation_id) REFERENCES runs (id, organisation_id) ON DELETE CASCADE
);

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  bytes bigint NOT NULL CHECK (bytes >= 0),
  sha256 text NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE
);

ALTER TABLE contract_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE gate_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY contract_versions_tenant ON contract_versions
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY runs_tenant ON runs
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY gate_decisions_tenant ON gate_decisions
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY documents_tenant ON documents
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));

-- Contract versions and gate decisions are records: they are added, never changed.
GRANT SELECT, INSERT ON contract_versions, gate_decisions TO ferry_app;
GRANT SELECT, INSERT, UPDATE ON runs TO ferry_app;
GRANT SELECT, INSERT, DELETE ON documents TO ferry_app;
