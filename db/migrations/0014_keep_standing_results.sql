-- Each test occurrence carries its standing record (the one no correction superseded), so
-- the calendar reads a month of tests without walking each one's chain of records.
--
-- Records are write-once and form a linear chain (one original per occurrence, each record
-- superseded at most once), so every record that can be inserted is the new head: an
-- original when there is none, or a correction of the current head. The trigger checks that
-- and moves the occurrence's pointer in the same transaction.
CREATE FUNCTION control_results_track_standing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_head uuid;
BEGIN
  SELECT standing_result_id INTO current_head FROM control_test_occurrences WHERE id = NEW.occurrence_id FOR UPDATE;
  IF NEW.supersedes_id IS DISTINCT FROM current_head THEN
    RAISE EXCEPTION 'a record of occurrence % must supersede its standing record % (got %)', NEW.occurrence_id, current_head, NEW.supersedes_id
      USING ERRCODE = 'unique_violation';
  END IF;
  UPDATE control_test_occurrences
     SET standing_result_id = NEW.id, standing_result = NEW.result, standing_tested_on = NEW.tested_on
   WHERE id = NEW.occurrence_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER control_test_results_track_standing AFTER INSERT ON control_test_results
  FOR EACH ROW EXECUTE FUNCTION control_results_track_standing();
--> statement-breakpoint
-- Only that trigger writes the standing columns.
CREATE FUNCTION control_occurrences_standing_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND (NEW.standing_result_id IS DISTINCT FROM OLD.standing_result_id
      OR NEW.standing_result IS DISTINCT FROM OLD.standing_result OR NEW.standing_tested_on IS DISTINCT FROM OLD.standing_tested_on) THEN
    RAISE EXCEPTION 'the standing result of a test occurrence follows its records and is not set directly'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER control_test_occurrences_standing_guard BEFORE UPDATE ON control_test_occurrences
  FOR EACH ROW EXECUTE FUNCTION control_occurrences_standing_guard();
--> statement-breakpoint
-- Records written before this migration.
ALTER TABLE control_test_occurrences DISABLE TRIGGER control_test_occurrences_standing_guard;
--> statement-breakpoint
UPDATE control_test_occurrences o
   SET standing_result_id = r.id, standing_result = r.result, standing_tested_on = r.tested_on
  FROM control_test_results r
 WHERE r.occurrence_id = o.id
   AND NOT EXISTS (SELECT 1 FROM control_test_results c WHERE c.supersedes_id = r.id);
--> statement-breakpoint
ALTER TABLE control_test_occurrences ENABLE TRIGGER control_test_occurrences_standing_guard;
