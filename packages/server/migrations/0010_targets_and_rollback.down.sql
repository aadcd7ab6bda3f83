DELETE FROM role_permissions WHERE permission IN ('target.read', 'target.manage', 'run.rollback');
ALTER TABLE runs DROP COLUMN rollback;
ALTER TABLE runs DROP COLUMN target_id;
DROP TABLE target_host_allowlist;
DROP TABLE target_databases;
