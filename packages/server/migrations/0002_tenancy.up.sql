-- Tenancy: organisations -> workspaces -> projects. Every tenant-owned row carries its organisation and is visible
-- only when the transaction's setting ferry.org_id names that organisation, or when the transaction explicitly
-- declares platform access (ferry.platform_access = 'on', set by the server for super admins only).

CREATE FUNCTION ferry_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('ferry.org_id', true), '')::uuid $$;

CREATE FUNCTION ferry_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('ferry.user_id', true), '')::uuid $$;

CREATE FUNCTION ferry_platform_access() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('ferry.platform_access', true), '') = 'on' $$;

-- The one row-visibility rule of every tenant-owned table.
CREATE FUNCTION ferry_tenant_visible(row_org uuid) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT row_org = ferry_current_org() OR ferry_platform_access() $$;

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  require_totp boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY organisations_read ON organisations FOR SELECT USING (ferry_tenant_visible(id));
CREATE POLICY organisations_update ON organisations FOR UPDATE
  USING (ferry_tenant_visible(id)) WITH CHECK (ferry_tenant_visible(id));
CREATE POLICY organisations_insert ON organisations FOR INSERT WITH CHECK (ferry_platform_access());
CREATE POLICY organisations_delete ON organisations FOR DELETE USING (ferry_platform_access());

CREATE TABLE workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name),
  UNIQUE (id, organisation_id)
);
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspaces_tenant ON workspaces
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL,
  workspace_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  pack text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, name),
  UNIQUE (id, organisation_id),
  -- A project lives in a workspace of its own organisation.
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES workspaces (id, organisation_id) ON DELETE CASCADE
);
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_tenant ON projects
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON organisations, workspaces, projects TO ferry_app;
