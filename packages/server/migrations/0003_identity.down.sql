-- ferry:destroys users users
-- (ferry db rollback refuses this script unless given --drop-users.)
DROP FUNCTION ferry_email_in_use(text);
DROP FUNCTION ferry_org_id_by_slug(text);
DROP FUNCTION ferry_auth_find_api_token(text);
DROP FUNCTION ferry_auth_find_session(text);
DROP FUNCTION ferry_auth_find_user(text);
DROP TABLE registration_requests;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE role_permissions;
DROP TABLE user_roles;
DROP TABLE users;
