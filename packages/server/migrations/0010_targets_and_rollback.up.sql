-- Target databases an organisation loads into (PostgreSQL staging databases of the systems it moves to), the hosts
-- the operator allowed each organisation to reach, the registered target a run loaded into, and the rollback of a
-- run's load. A target's password lives only in `secret`, sealed with FERRY_SECRET_KEY (AES-256-GCM), never returned.

CREATE TABLE target_databases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  host text NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  database text NOT NULL CHECK (length(database) BETWEEN 1 AND 63),
  schema text NOT NULL CHECK (schema ~ '^[a-z_][a-z0-9_]{0,62}$'),
  username text NOT NULL CHECK (length(username) BETWEEN 1 AND 63),
  secret text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name),
  UNIQUE (id, organisation_id)
);

-- The database hosts (a name or address, optionally with :port) an organisation's targets may name: set by the
-- operator (a super admin), empty by default. Organisations read their own list; only platform access changes it.
CREATE TABLE target_host_allowlist (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  host text NOT NULL CHECK (length(host) BETWEEN 1 AND 260 AND host ~ '^[a-z0-9.:\[\]-]+$'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, host)
);

ALTER TABLE target_databases ENABLE ROW LEVEL SECURITY;
ALTER TABLE target_databases FORCE ROW LEVEL SECURITY;
CREATE POLICY target_databases_tenant ON target_databases
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON target_databases TO ferry_app;

ALTER TABLE target_host_allowlist ENABLE ROW LEVEL SECURITY;
ALTER TABLE target_host_allowlist FORCE ROW LEVEL SECURITY;
CREATE POLICY target_host_allowlist_read ON target_host_allowlist FOR SELECT USING (ferry_tenant_visible(organisation_id));
CREATE POLICY target_host_allowlist_insert ON target_host_allowlist FOR INSERT WITH CHECK (ferry_platform_access());
CREATE POLICY target_host_allowlist_delete ON target_host_allowlist FOR DELETE USING (ferry_platform_access());
GRANT SELECT, INSERT, DELETE ON target_host_allowlist TO ferry_app;

-- The registered target a run loads into (null: the project's own embedded database or CSV folder). Resolved from
-- the registry when the run executes; no foreign key, so that deleting a target keeps the runs that used it.
ALTER TABLE runs ADD COLUMN target_id uuid;
-- The rollback of the run's load, once done: { jobId, at, by, tables: [{ table, rows, restored }] }.
ALTER TABLE runs ADD COLUMN rollback jsonb;

-- Existing organisations get the permissions the default matrix gives new ones.
INSERT INTO role_permissions (organisation_id, role, permission)
SELECT o.id, g.role, g.permission
FROM organisations o
CROSS JOIN (VALUES
  ('org_admin', 'target.read'), ('org_admin', 'target.manage'),
  ('migration_lead', 'target.read'), ('migration_lead', 'run.rollback'),
  ('etl_engineer', 'target.read'),
  ('cutover_manager', 'target.read'), ('cutover_manager', 'run.rollback')
) AS g (role, permission)
ON CONFLICT DO NOTHING;
