-- The role itself stays: it is cluster-wide and other schemas or databases may use it. It owns nothing here.
DO $$
BEGIN
  EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ferry_app', current_schema());
END
$$;
