-- The audit trail: append-only and hash-chained per organisation ('platform' for events of no organisation, such as
-- a failed login for an unknown email). Each event's hash covers its fields and the previous event's hash, so an
-- edited, removed or reordered event breaks the chain, and `ferry audit verify` finds it.

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- No foreign key: the trail outlives what it describes.
  organisation_id uuid,
  chain text NOT NULL,
  seq bigint NOT NULL CHECK (seq >= 1),
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  request_id text,
  source_ip text,
  before_hash text,
  after_hash text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain, seq),
  CHECK (chain = coalesce(organisation_id::text, 'platform'))
);
CREATE INDEX audit_events_org_time ON audit_events (organisation_id, occurred_at DESC, id DESC);

CREATE FUNCTION ferry_audit_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION ferry_audit_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION ferry_audit_refuse_change();

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_events_read ON audit_events FOR SELECT USING (ferry_tenant_visible(organisation_id));
-- Anyone may append to the platform chain (failed logins come from nobody); an organisation's chain only in its own
-- context.
CREATE POLICY audit_events_append ON audit_events FOR INSERT
  WITH CHECK (organisation_id IS NULL OR ferry_tenant_visible(organisation_id));

-- The application appends and reads; it can never change or remove an event.
GRANT SELECT, INSERT ON audit_events TO ferry_app;

-- The head of a chain (last seq and hash), under a transaction-scoped lock that serialises appends to that chain.
-- It runs as the owner so that a platform-chain append can see the platform head; it refuses a chain the caller's
-- context may not write.
CREATE FUNCTION ferry_audit_chain_head(p_chain text)
  RETURNS TABLE (seq bigint, hash text)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
  AS $$
BEGIN
  IF p_chain <> 'platform' AND NOT ferry_platform_access()
     AND p_chain IS DISTINCT FROM ferry_current_org()::text THEN
    RAISE EXCEPTION 'audit chain % is not the current organisation''s', p_chain USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('ferry.audit.' || p_chain, 0));
  RETURN QUERY SELECT e.seq, e.hash FROM audit_events e WHERE e.chain = p_chain ORDER BY e.seq DESC LIMIT 1;
END
$$;
REVOKE ALL ON FUNCTION ferry_audit_chain_head(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ferry_audit_chain_head(text) TO ferry_app;
