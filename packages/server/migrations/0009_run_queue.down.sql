DROP TABLE run_events;
ALTER TABLE runs DROP COLUMN runner_id;
ALTER TABLE runs DROP COLUMN heartbeat_at;
