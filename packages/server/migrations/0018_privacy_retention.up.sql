-- Personal identifiers unmasked (previews, exports) need data.identifiable: org admins and migration leads keep it.
INSERT INTO role_permissions (organisation_id, role, permission)
SELECT o.id, r.role, 'data.identifiable'
FROM organisations o CROSS JOIN (VALUES ('org_admin'), ('migration_lead')) AS r (role)
ON CONFLICT DO NOTHING;
-- Each organisation's retention policy (core RetentionPolicy): extracts 30 days after the gate decision, the rest kept.
ALTER TABLE organisations ADD COLUMN retention jsonb NOT NULL DEFAULT '{"version":1,"extractDays":30,"runFolderDays":null,"evidenceDays":null}'::jsonb;
