-- The event time as a timestamptz, from the canonical text. Declared IMMUTABLE so that a
-- generated column can use it: text → timestamptz is STABLE in general (DateStyle,
-- TimeZone), but the writer only ever stores ISO 8601 UTC with a `Z`
-- ("2026-11-26T17:50:25.765Z"), which parses to the same instant under every setting.
CREATE FUNCTION audit_event_time(canonical text) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ((canonical::json) ->> 'time')::timestamptz $$;
