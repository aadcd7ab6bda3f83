ALTER TABLE organisations DROP COLUMN retention;
DELETE FROM role_permissions WHERE permission = 'data.identifiable';
