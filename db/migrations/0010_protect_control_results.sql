-- Control-testing rules the database enforces whatever the application does.
--
-- 1. A recorded test result is locked: a correction is a new row that supersedes it, so
--    UPDATE, DELETE and TRUNCATE are refused, as is changing the evidence it relied on.
--    Evidence files and their metadata are write-once too: the SHA-256 recorded at upload
--    is what a download is checked against.
CREATE FUNCTION controls_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is write-once: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER control_test_results_locked BEFORE UPDATE OR DELETE ON control_test_results
  FOR EACH ROW EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_test_results_no_truncate BEFORE TRUNCATE ON control_test_results
  FOR EACH STATEMENT EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_result_evidence_locked BEFORE UPDATE OR DELETE ON control_result_evidence
  FOR EACH ROW EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_result_evidence_no_truncate BEFORE TRUNCATE ON control_result_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_evidence_locked BEFORE UPDATE OR DELETE ON control_evidence
  FOR EACH ROW EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER control_evidence_no_truncate BEFORE TRUNCATE ON control_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_blobs_locked BEFORE UPDATE OR DELETE ON evidence_blobs
  FOR EACH ROW EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_blobs_no_truncate BEFORE TRUNCATE ON evidence_blobs
  FOR EACH STATEMENT EXECUTE FUNCTION controls_refuse_change();
--> statement-breakpoint
-- 2. A result that is not a pass needs a remediation; the application creates both in one
--    transaction, and this deferred check refuses a commit where one is missing.
CREATE FUNCTION control_results_need_remediation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.result <> 'pass' AND NOT EXISTS (SELECT 1 FROM control_remediations WHERE result_id = NEW.id) THEN
    RAISE EXCEPTION 'a % result needs a remediation (result %)', NEW.result, NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER control_test_results_need_remediation AFTER INSERT ON control_test_results
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION control_results_need_remediation();
--> statement-breakpoint
-- 3. The AICPA 2017 Trust Services Criteria (revised points of focus 2022): the common
--    criteria series and the additional criteria per category.
INSERT INTO soc2_criteria (code, title, category, sort_order) VALUES
  ('CC1', 'Control Environment', 'Security (common criteria)', 1),
  ('CC2', 'Communication and Information', 'Security (common criteria)', 2),
  ('CC3', 'Risk Assessment', 'Security (common criteria)', 3),
  ('CC4', 'Monitoring Activities', 'Security (common criteria)', 4),
  ('CC5', 'Control Activities', 'Security (common criteria)', 5),
  ('CC6', 'Logical and Physical Access Controls', 'Security (common criteria)', 6),
  ('CC7', 'System Operations', 'Security (common criteria)', 7),
  ('CC8', 'Change Management', 'Security (common criteria)', 8),
  ('CC9', 'Risk Mitigation', 'Security (common criteria)', 9),
  ('A1', 'Additional Criteria for Availability', 'Availability', 10),
  ('C1', 'Additional Criteria for Confidentiality', 'Confidentiality', 11),
  ('PI1', 'Additional Criteria for Processing Integrity', 'Processing integrity', 12),
  ('P1', 'Notice and Communication of Objectives Related to Privacy', 'Privacy', 13),
  ('P2', 'Choice and Consent', 'Privacy', 14),
  ('P3', 'Collection', 'Privacy', 15),
  ('P4', 'Use, Retention, and Disposal', 'Privacy', 16),
  ('P5', 'Access', 'Privacy', 17),
  ('P6', 'Disclosure and Notification', 'Privacy', 18),
  ('P7', 'Quality', 'Privacy', 19),
  ('P8', 'Monitoring and Enforcement', 'Privacy', 20);
