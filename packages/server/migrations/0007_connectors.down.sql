DELETE FROM role_permissions WHERE permission IN ('connector.read', 'connector.manage', 'connector.preview');
DROP TABLE connector_files;
DROP TABLE connectors;
