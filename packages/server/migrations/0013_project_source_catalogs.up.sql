-- A project's own source catalog (its legacy extract's tables and columns, drafted from an upload or a folder and
-- edited by its analysts), versioned like its contract: every change saves a new immutable, content-hashed version.
-- A project without one uses its pack's source catalog. `profile` is the profile of the extract the catalog was
-- drafted from (counts, formats, top values with small cells suppressed), which the mappings workbench shows.

CREATE TABLE source_catalog_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  parent_hash text,
  content jsonb NOT NULL,
  profile jsonb,
  profiled_at timestamptz,
  -- Where the draft came from: { kind: 'connector', connectorId, connector, type, files: [{ table, sha256 }] }, or
  -- { kind: 'edit' } for a catalog CSV saved by a person.
  origin jsonb NOT NULL,
  message text,
  created_by uuid,
  created_by_email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, seq),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE
);

ALTER TABLE source_catalog_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE source_catalog_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY source_catalog_versions_tenant ON source_catalog_versions
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
GRANT SELECT, INSERT ON source_catalog_versions TO ferry_app;

-- The source catalog version a run reads its source with (null: the pack's).
ALTER TABLE runs ADD COLUMN source_catalog_hash text;
