-- Separation of duties an organisation admin cannot sidestep.
-- role_permissions.granted_by: who added a permission to a role (null for the organisation's starting matrix). A
-- permission someone granted to a role does not count for that person, even once they hold the role.
-- password_codes: single-use, expiring codes with which a user sets their own password (after an admin's reset, or
-- for a new account); only the sha256 of the code is kept.
ALTER TABLE role_permissions ADD COLUMN granted_by uuid;

CREATE TABLE password_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  code_hash text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('initial', 'reset')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (user_id, organisation_id) REFERENCES users (id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX password_codes_user ON password_codes (user_id);

ALTER TABLE password_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY password_codes_tenant ON password_codes
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON password_codes TO ferry_app;

-- Before a request knows its organisation it may learn whose a password code is (by the hash of the code), nothing else.
CREATE FUNCTION ferry_auth_find_password_code(p_code_hash text)
  RETURNS TABLE (code_id uuid, user_id uuid, organisation_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$ SELECT c.id, c.user_id, c.organisation_id FROM password_codes c WHERE c.code_hash = p_code_hash $$;
REVOKE ALL ON FUNCTION ferry_auth_find_password_code(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ferry_auth_find_password_code(text) TO ferry_app;
