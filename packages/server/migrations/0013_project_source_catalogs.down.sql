ALTER TABLE runs DROP COLUMN source_catalog_hash;
DROP TABLE source_catalog_versions;
