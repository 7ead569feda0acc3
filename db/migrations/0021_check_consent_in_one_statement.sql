-- The consent check as one function (lib/privacy/consent-check.ts), so that a check is one
-- statement, denial included: the machine route runs it inside its API key's
-- authentication statement, and the UI as a statement of its own.
--
-- The decision is the rule of decideConsent() in lib/privacy/consent-state.ts: the newest
-- record naming the purpose decides (ties in time broken by id, as subjectHistory() orders
-- them); none at all is no_record, none naming the purpose is purpose_not_covered, then
-- refused, withdrawn, expired (at or after its expiry), else granted.
-- consent-check.service.test.ts compares the two on random histories.
--
-- A denial stages its audit event in audit_pending, chained when the calling statement
-- commits, like any audit-only event. The app builds the event's RFC 8785 text, so there
-- is one canonicalizer; it cannot know the reason (decided here) nor, on the machine route,
-- the key's id (known once the key is found in the same statement), so the text carries the
-- two values as the placeholders "__reason__" and "__api_key__". Only a real member can match
-- '"reason":"__reason__"': inside any JSON string value a quote is escaped. Both are
-- replaced by ASCII-only values (a reason from a fixed list, a uuid), which RFC 8785 writes
-- as they are, so the result is still canonical.
CREATE FUNCTION consent_check(p_subject text, p_purpose text, p_at timestamptz, p_denial_event text, p_api_key uuid)
RETURNS json
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  purpose record;
  latest_id uuid;
  latest_status text;
  latest_expires timestamptz;
  reason text;
  event text;
BEGIN
  SELECT p.key, p.label, p.description, p.allowed_fields INTO purpose FROM privacy_purposes p WHERE p.key = p_purpose;
  IF NOT FOUND THEN
    RETURN json_build_object('purpose', NULL);
  END IF;

  SELECT c.id, c.status, c.expires_at INTO latest_id, latest_status, latest_expires
    FROM consent_records c
   WHERE c.subject_pseudonym = p_subject AND p_purpose = ANY (c.purposes)
   ORDER BY c.recorded_at DESC, c.id DESC
   LIMIT 1;
  IF NOT FOUND THEN
    reason := CASE WHEN EXISTS (SELECT 1 FROM consent_records c WHERE c.subject_pseudonym = p_subject)
                   THEN 'purpose_not_covered' ELSE 'no_record' END;
  ELSIF latest_status IN ('refused', 'withdrawn') THEN
    reason := latest_status;
  ELSIF latest_expires <= p_at THEN
    reason := 'expired';
  ELSE
    reason := 'granted';
  END IF;

  IF reason <> 'granted' THEN
    IF strpos(p_denial_event, '"reason":"__reason__"') = 0 THEN
      RAISE EXCEPTION 'consent_check: the denial event has no reason placeholder' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    event := replace(p_denial_event, '"reason":"__reason__"', '"reason":"' || reason || '"');
    IF strpos(event, '"apiKeyId":"__api_key__"') > 0 THEN
      IF p_api_key IS NULL THEN
        RAISE EXCEPTION 'consent_check: the denial event names a key, but none was given' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      event := replace(event, '"apiKeyId":"__api_key__"', '"apiKeyId":"' || p_api_key::text || '"');
    END IF;
    INSERT INTO audit_pending (canonical) VALUES (event);
  END IF;

  RETURN json_build_object(
    'purpose', json_build_object('key', purpose.key, 'label', purpose.label, 'description', purpose.description, 'allowedFields', purpose.allowed_fields),
    'reason', reason,
    'recordId', latest_id,
    'expiresAt', CASE WHEN reason = 'granted' THEN latest_expires END);
END
$$;
