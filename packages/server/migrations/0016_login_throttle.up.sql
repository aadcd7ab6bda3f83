-- The login throttle, shared by every server process and kept across restarts: failed password checks per key (an
-- account from an address, an account, an address; the account as a hash of the email typed, never the email) and
-- the time before which the next attempt is refused. Platform-level: a key belongs to no organisation (unknown and
-- real accounts must be throttled alike). Rows idle for a day are deleted as new failures arrive.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  held_until timestamptz,
  touched_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_touched ON login_throttle (touched_at);

ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_throttle FORCE ROW LEVEL SECURITY;
CREATE POLICY login_throttle_platform ON login_throttle USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO ferry_app;
