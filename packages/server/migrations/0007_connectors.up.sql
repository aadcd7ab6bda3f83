-- Source connectors of a project: where its legacy extracts come from (a server-side folder of CSV files, CSV files
-- uploaded to the project, or a PostgreSQL database). Settings without secrets live in `config`; a password lives
-- only in `secret`, sealed with the server's FERRY_SECRET_KEY (AES-256-GCM), and is never returned.

CREATE TABLE connectors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  type text NOT NULL CHECK (type IN ('csv-directory', 'csv-upload', 'postgres')),
  config jsonb NOT NULL DEFAULT '{}'::jsonb,
  secret text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, name),
  UNIQUE (id, organisation_id),
  FOREIGN KEY (project_id, organisation_id) REFERENCES projects (id, organisation_id) ON DELETE CASCADE
);

-- The CSV extracts uploaded to a csv-upload connector: one file per source table (a new upload of a table replaces
-- the old one). The bytes live under FERRY_DATA_DIR, named by table, never by a path a user gave.
CREATE TABLE connector_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  connector_id uuid NOT NULL,
  table_name text NOT NULL CHECK (table_name ~ '^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}$'),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  bytes bigint NOT NULL CHECK (bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  encoding text NOT NULL,
  records integer NOT NULL CHECK (records >= 0),
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (connector_id, table_name),
  FOREIGN KEY (connector_id, organisation_id) REFERENCES connectors (id, organisation_id) ON DELETE CASCADE
);

ALTER TABLE connectors ENABLE ROW LEVEL SECURITY;
ALTER TABLE connector_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY connectors_tenant ON connectors
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY connector_files_tenant ON connector_files
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON connectors, connector_files TO ferry_app;

-- Existing organisations get the connector permissions the default matrix gives new ones.
INSERT INTO role_permissions (organisation_id, role, permission)
SELECT o.id, g.role, g.permission
FROM organisations o
CROSS JOIN (VALUES
  ('org_admin', 'connector.read'), ('org_admin', 'connector.manage'),
  ('migration_lead', 'connector.read'), ('migration_lead', 'connector.manage'), ('migration_lead', 'connector.preview'),
  ('mapping_analyst', 'connector.read'),
  ('etl_engineer', 'connector.read'), ('etl_engineer', 'connector.manage'), ('etl_engineer', 'connector.preview'),
  ('dq_lead', 'connector.read'), ('dq_lead', 'connector.preview'),
  ('clinical_reviewer', 'connector.read'),
  ('cutover_manager', 'connector.read'),
  ('viewer', 'connector.read')
) AS g (role, permission)
ON CONFLICT DO NOTHING;
