-- ferry:destroys audit-trail audit_events
-- (ferry db rollback refuses this script unless given --drop-audit-trail.)
DROP FUNCTION ferry_audit_chain_head(text);
DROP TABLE audit_events;
DROP FUNCTION ferry_audit_refuse_change();
