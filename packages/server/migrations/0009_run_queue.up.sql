-- Runs executed by a job runner in another process: the runner proves it is alive with a heartbeat (a run whose
-- heartbeat goes stale is failed by recovery, never left running), and a run's progress is written to run_events
-- so any server process can stream it (server-sent events) to the browser.

ALTER TABLE runs ADD COLUMN heartbeat_at timestamptz;
-- Which runner holds the run (graphile-worker's worker id, or 'in-process').
ALTER TABLE runs ADD COLUMN runner_id text;

CREATE TABLE run_events (
  organisation_id uuid NOT NULL,
  run_id uuid NOT NULL,
  -- Order within the run, from 1.
  seq integer NOT NULL CHECK (seq >= 1),
  -- One RunEvent: stage-start / stage-progress / stage-end, run-status, run-finished (no row values, only counts).
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, seq),
  FOREIGN KEY (run_id, organisation_id) REFERENCES runs (id, organisation_id) ON DELETE CASCADE
);

ALTER TABLE run_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY run_events_tenant ON run_events
  USING (ferry_tenant_visible(organisation_id)) WITH CHECK (ferry_tenant_visible(organisation_id));
-- A run's progress is a record: added, never changed.
GRANT SELECT, INSERT ON run_events TO ferry_app;
