-- Row-level security applies to the tables' owner too (FORCE), not only to ferry_app: a query that skips the
-- per-transaction role switch still sees one organisation's rows at most (a superuser still bypasses it; the server
-- warns about, and in production refuses, a superuser login). Later migrations that create a tenant table must
-- FORCE it as well; the tenant-isolation test fails when one does not.
DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
  LOOP
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
  END LOOP;
END $$;
