-- Checkpoints are evidence too: once signed, never changed or removed by anyone but a
-- superuser who first disables these triggers (which the signatures then expose).
CREATE TRIGGER audit_checkpoints_refuse_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_refuse_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
