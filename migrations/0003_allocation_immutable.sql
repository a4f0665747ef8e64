-- Decisions, share versions and their values are records: never updated or deleted. A correction is a new decision.
CREATE FUNCTION anvisa_reject_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable records (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER anvisning_decisions_immutable BEFORE UPDATE OR DELETE ON anvisning_decisions
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();
--> statement-breakpoint
CREATE TRIGGER share_versions_immutable BEFORE UPDATE OR DELETE ON share_versions
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();
--> statement-breakpoint
CREATE TRIGGER share_values_immutable BEFORE UPDATE OR DELETE ON share_values
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();
--> statement-breakpoint
INSERT INTO allocation_ledger (id, share_version_id, children_since_version, total, decisions) VALUES (1, NULL, 0, 0, 0);
