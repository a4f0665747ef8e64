-- The child's timeline and best-interests records are never rewritten or deleted. The only change allowed is moving
-- a row to another child record when two records of the same child are merged (or the merge is undone).
CREATE FUNCTION anvisa_case_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'child_id') = (to_jsonb(OLD) - 'child_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION anvisa_case_record_guard();
--> statement-breakpoint
CREATE TRIGGER best_interests_append_only BEFORE UPDATE OR DELETE ON best_interests_records
  FOR EACH ROW EXECUTE FUNCTION anvisa_case_record_guard();
--> statement-breakpoint
CREATE TRIGGER field_changes_append_only BEFORE UPDATE OR DELETE ON field_changes
  FOR EACH ROW EXECUTE FUNCTION anvisa_case_record_guard();
