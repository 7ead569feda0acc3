-- The chain head's forward-only rule, checked by the trigger's WHEN condition: PostgreSQL
-- evaluates it in the executor and calls the PL/pgSQL function only to refuse a bad move,
-- instead of entering PL/pgSQL on every append. Same rule as migration 0001.
DROP TRIGGER audit_chain_head_forward_only ON audit_chain_head;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head
  FOR EACH ROW
  WHEN (NEW.seq <= OLD.seq OR (NEW.seq = OLD.seq + 1 AND NEW.prev_hash IS DISTINCT FROM OLD.hash))
  EXECUTE FUNCTION audit_head_forward_only();
