DROP FUNCTION ferry_auth_find_password_code(text);
DROP TABLE password_codes;
ALTER TABLE role_permissions DROP COLUMN granted_by;
