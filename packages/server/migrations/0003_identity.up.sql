-- Identity: users, their roles per organisation, the organisation's role-permission matrix, sessions, personal API
-- tokens and registration requests. Super admins belong to no organisation (organisation_id IS NULL): their rows are
-- visible only with explicit platform access.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  is_super_admin boolean NOT NULL DEFAULT false,
  -- 'locked' by an administrator until unlocked; locked_until is the temporary lockout after failed logins.
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'locked')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (email),
  UNIQUE (id, organisation_id),
  CHECK (is_super_admin = (organisation_id IS NULL))
);

CREATE TABLE user_roles (
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('org_admin', 'migration_lead', 'mapping_analyst', 'etl_engineer', 'dq_lead',
    'clinical_reviewer', 'cutover_manager', 'viewer')),
  granted_by uuid,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role),
  FOREIGN KEY (user_id, organisation_id) REFERENCES users (id, organisation_id) ON DELETE CASCADE
);

CREATE TABLE role_permissions (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('org_admin', 'migration_lead', 'mapping_analyst', 'etl_engineer', 'dq_lead',
    'clinical_reviewer', 'cutover_manager', 'viewer')),
  permission text NOT NULL CHECK (permission ~ '^[a-z_]+\.[a-z_]+$'),
  PRIMARY KEY (organisation_id, role, permission)
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  csrf_hash text NOT NULL,
  -- The organisation requires TOTP and the user has none yet: only enrolment is allowed.
  mfa_enrolment_required boolean NOT NULL DEFAULT false,
  source_ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE registration_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email)),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX registration_requests_pending ON registration_requests (email) WHERE status = 'pending';

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_permissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE registration_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_tenant ON users
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY user_roles_tenant ON user_roles
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY role_permissions_tenant ON role_permissions
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY sessions_tenant ON sessions
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY api_tokens_tenant ON api_tokens
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
CREATE POLICY registration_requests_tenant ON registration_requests
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON users, user_roles, role_permissions, sessions, api_tokens,
  registration_requests TO ferry_app;

-- Before a request knows its organisation it may resolve exactly these facts, and nothing else, across tenants:
-- which user an email belongs to, whose a session or API token is (by the hash of its secret), and an
-- organisation's id by its slug. They run as the owner (SECURITY DEFINER) with a pinned search_path.
CREATE FUNCTION ferry_auth_find_user(p_email text)
  RETURNS TABLE (user_id uuid, organisation_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT u.id, u.organisation_id FROM users u WHERE u.email = lower(p_email) $$;

CREATE FUNCTION ferry_auth_find_session(p_token_hash text)
  RETURNS TABLE (session_id uuid, user_id uuid, organisation_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT s.id, s.user_id, s.organisation_id FROM sessions s WHERE s.token_hash = p_token_hash $$;

CREATE FUNCTION ferry_auth_find_api_token(p_token_hash text)
  RETURNS TABLE (token_id uuid, user_id uuid, organisation_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT t.id, t.user_id, t.organisation_id FROM api_tokens t WHERE t.token_hash = p_token_hash $$;

CREATE FUNCTION ferry_org_id_by_slug(p_slug text)
  RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT o.id FROM organisations o WHERE o.slug = p_slug $$;

-- Whether an email is taken by a user or a pending registration in any organisation (registration must not create
-- a second account for it).
CREATE FUNCTION ferry_email_in_use(p_email text)
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT EXISTS (SELECT 1 FROM users WHERE email = lower(p_email))
        OR EXISTS (SELECT 1 FROM registration_requests WHERE email = lower(p_email) AND status = 'pending') $$;

REVOKE ALL ON FUNCTION ferry_auth_find_user(text), ferry_auth_find_session(text), ferry_auth_find_api_token(text),
  ferry_org_id_by_slug(text), ferry_email_in_use(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ferry_auth_find_user(text), ferry_auth_find_session(text), ferry_auth_find_api_token(text),
  ferry_org_id_by_slug(text), ferry_email_in_use(text) TO ferry_app;
