-- Back to the three first types. Refused (the constraint fails) while a connector of a newer type exists: remove it
-- first, so that nothing stored is dropped unseen.
ALTER TABLE connectors DROP CONSTRAINT connectors_type_check;
ALTER TABLE connectors ADD CONSTRAINT connectors_type_check CHECK (type IN ('csv-directory', 'csv-upload', 'postgres'));
