-- Connector types from the core connector registry: JSON/NDJSON folders, Excel workbooks, fixed-width and delimited
-- dumps (read inside the organisation's allowed folders) and MySQL/MariaDB databases (on its allowed hosts, the
-- password sealed as for PostgreSQL).
ALTER TABLE connectors DROP CONSTRAINT connectors_type_check;
ALTER TABLE connectors ADD CONSTRAINT connectors_type_check
  CHECK (type IN ('csv-directory', 'csv-upload', 'postgres', 'json', 'xlsx', 'dump', 'mysql'));
