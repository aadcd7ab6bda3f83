DROP TABLE projects;
DROP TABLE workspaces;
DROP TABLE organisations;
DROP FUNCTION ferry_tenant_visible(uuid);
DROP FUNCTION ferry_platform_access();
DROP FUNCTION ferry_current_user_id();
DROP FUNCTION ferry_current_org();
