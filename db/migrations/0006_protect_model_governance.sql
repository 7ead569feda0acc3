-- Model governance rules the database enforces whatever the application does.
--
-- 1. A version's status only moves one step forward along the lifecycle
--    (lib/governance/lifecycle.ts keeps the same list).
CREATE FUNCTION model_versions_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lifecycle text[] := ARRAY['development','testing','staging','production','deprecated','retired'];
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status
     AND array_position(lifecycle, NEW.status) IS DISTINCT FROM array_position(lifecycle, OLD.status) + 1 THEN
    RAISE EXCEPTION 'model version status can only move one step forward (% -> %)', OLD.status, NEW.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER model_versions_forward_only BEFORE UPDATE OF status ON model_versions
  FOR EACH ROW EXECUTE FUNCTION model_versions_forward_only();
--> statement-breakpoint
-- 2. The recorded transitions are the history the as-of question is answered from:
--    append-only, like the audit log.
CREATE FUNCTION governance_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER model_version_transitions_append_only BEFORE UPDATE OR DELETE ON model_version_transitions
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_change();
--> statement-breakpoint
CREATE TRIGGER model_version_transitions_no_truncate BEFORE TRUNCATE ON model_version_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION governance_refuse_change();
--> statement-breakpoint
-- Decisions are never removed; voiding one (artifact replaced) is an UPDATE that keeps it.
CREATE TRIGGER promotion_decisions_no_delete BEFORE DELETE ON promotion_decisions
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_change();
--> statement-breakpoint
-- 3. The approval policy from issue 4 (lib/governance/lifecycle.ts DEFAULT_POLICY).
INSERT INTO approval_policies (to_status, required_roles) VALUES
  ('testing', ARRAY['ml_engineer']),
  ('staging', ARRAY['ml_lead','qa_lead']),
  ('production', ARRAY['ml_lead','security_lead','product_owner']),
  ('deprecated', ARRAY['ml_lead']),
  ('retired', ARRAY['ml_lead','compliance_officer']);
