DROP FUNCTION ferry_audit_chain_head(text);
DROP TABLE audit_events;
DROP FUNCTION ferry_audit_refuse_change();
