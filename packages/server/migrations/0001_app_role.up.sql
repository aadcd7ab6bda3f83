-- The role the server acts as for every request: not a superuser and without BYPASSRLS, so row-level security
-- applies to everything it reads and writes. Roles are cluster-wide: another schema or database may have created it.
DO $$
BEGIN
  CREATE ROLE ferry_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- The migrating (owning) user switches to ferry_app per transaction (SET LOCAL ROLE), so it must be a member.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'ferry_app', 'MEMBER') THEN
    EXECUTE format('GRANT ferry_app TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO ferry_app', current_schema());
END
$$;
