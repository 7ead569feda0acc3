-- An incident's timeline is its record: updates are appended, never edited or removed
-- (a service is never deleted, only disabled, so its incidents keep their history).
CREATE FUNCTION availability_incident_updates_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'availability_incident_updates is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER availability_incident_updates_append_only BEFORE UPDATE OR DELETE ON availability_incident_updates
  FOR EACH ROW EXECUTE FUNCTION availability_incident_updates_append_only();
--> statement-breakpoint
CREATE TRIGGER availability_incident_updates_no_truncate BEFORE TRUNCATE ON availability_incident_updates
  FOR EACH STATEMENT EXECUTE FUNCTION availability_incident_updates_append_only();
--> statement-breakpoint
INSERT INTO availability_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
