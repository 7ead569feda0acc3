-- Consent history is append-only (DESIGN.md invariant 5): a withdrawal or renewal is a new
-- record. The one exception is erasure: a fulfilled deletion request removes a subject's
-- records inside a transaction that has set `assay.erasure` to 'on' (lib/privacy/erasure.ts).
CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('assay.erasure', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consent_records is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
  FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
--> statement-breakpoint
CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
  FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
--> statement-breakpoint
-- The default purposes catalog and its minimization rules (editable in the app).
INSERT INTO privacy_purposes (key, label, description, allowed_fields) VALUES
  ('model_training', 'Model training', 'Training and fine-tuning models on the subject''s data.', '{interaction_text,labels,locale}'),
  ('evaluation', 'Evaluation', 'Measuring model quality on held-out data.', '{interaction_text,labels}'),
  ('analytics', 'Analytics', 'Aggregate usage statistics.', '{event_type,timestamp,locale}'),
  ('product_improvement', 'Product improvement', 'Finding and fixing product problems.', '{event_type,timestamp,error_code}'),
  ('marketing', 'Marketing', 'Contacting the subject about products.', '{email_pseudonym,locale}')
ON CONFLICT (key) DO NOTHING;
