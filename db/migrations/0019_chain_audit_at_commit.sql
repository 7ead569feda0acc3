-- Audit events are chained at commit. A transaction stages each event's canonical text in
-- audit_pending; a deferred constraint trigger chains it at COMMIT: it takes the head's row
-- lock (the same lock the batch appender takes), hashes, inserts into audit_events and
-- drops the staged row. The head lock is then held only for the commit itself, never for a
-- round trip back to the application, so concurrent writers no longer queue behind a busy
-- client. If the chaining fails, the COMMIT fails and the whole transaction rolls back
-- (invariant 1: no change commits without its event).
--
-- UNLOGGED: a staged row lives only inside its own transaction (it is deleted when its event
-- is chained), so it needs no WAL; what is durable is the audit_events row, written in the
-- same transaction.
CREATE UNLOGGED TABLE audit_pending (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  canonical text NOT NULL
);
--> statement-breakpoint
-- The same formula as chainHash() in lib/audit/hash.ts and docs/audit-log-format.md:
-- SHA-256 over "assay.audit.v1\n" || seq || "\n" || previous hash || "\n" || canonical text.
CREATE FUNCTION audit_chain_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head record;
BEGIN
  UPDATE audit_chain_head
     SET seq = seq + 1,
         prev_hash = hash,
         hash = encode(sha256(convert_to(
           'assay.audit.v1' || E'\n' || (seq + 1)::text || E'\n' || hash || E'\n' || NEW.canonical, 'UTF8')), 'hex')
   WHERE id = 1
  RETURNING seq, prev_hash, hash INTO head;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit chain head is missing' USING ERRCODE = 'data_exception';
  END IF;
  INSERT INTO audit_events (seq, canonical, prev_hash, hash) VALUES (head.seq, NEW.canonical, head.prev_hash, head.hash);
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Deferred row triggers fire at COMMIT in the order their rows were inserted, so one
-- transaction's events keep the order in which it recorded them.
CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_chain_at_commit();
