-- The server folders (absolute paths) an organisation's csv-directory connectors may read: set by the operator (a
-- super admin), empty by default, and always inside the server's FERRY_SOURCE_ROOTS (the operator's ceiling, checked
-- when set and again whenever a folder is read). Organisations read their own list; only platform access changes it.
CREATE TABLE source_folder_allowlist (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  path text NOT NULL CHECK (length(path) BETWEEN 1 AND 1000 AND path !~ '[[:cntrl:]]'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, path)
);

ALTER TABLE source_folder_allowlist ENABLE ROW LEVEL SECURITY;
ALTER TABLE source_folder_allowlist FORCE ROW LEVEL SECURITY;
CREATE POLICY source_folder_allowlist_read ON source_folder_allowlist FOR SELECT
  USING (ferry_tenant_visible(organisation_id));
CREATE POLICY source_folder_allowlist_insert ON source_folder_allowlist FOR INSERT WITH CHECK (ferry_platform_access());
CREATE POLICY source_folder_allowlist_delete ON source_folder_allowlist FOR DELETE USING (ferry_platform_access());
GRANT SELECT, INSERT, DELETE ON source_folder_allowlist TO ferry_app;
