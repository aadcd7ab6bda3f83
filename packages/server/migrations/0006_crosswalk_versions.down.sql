ALTER TABLE runs DROP COLUMN crosswalk_hash;
DROP TABLE crosswalk_versions;
