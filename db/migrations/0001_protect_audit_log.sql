-- The audit log is append-only: the database itself refuses to change or remove events,
-- whatever the application does. (A superuser can still disable triggers; that is what the
-- hash chain and the signed checkpoints are for.)
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_refuse_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_refuse_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- The head only moves forward, and each move must link to the hash it replaces.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq <= OLD.seq THEN
    RAISE EXCEPTION 'audit chain head can only move forward (% -> %)', OLD.seq, NEW.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.seq = OLD.seq + 1 AND NEW.prev_hash IS DISTINCT FROM OLD.hash THEN
    RAISE EXCEPTION 'audit chain head must link to the previous head hash'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
--> statement-breakpoint
-- Genesis: sequence 0 with an all-zero hash; the first event links to it.
INSERT INTO audit_chain_head (id, seq, hash, prev_hash)
VALUES (1, 0, repeat('0', 64), NULL);
