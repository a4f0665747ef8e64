-- Audit rows stay append-only, with one exception: culling a payload (setting it to NULL, nothing else) of a sealed
-- event that a sealed, chained culling event ('audit.cull', payload {"throughSeq": n}) covers. A culling event
-- covers the links 1..n sealed before it; it is never culled itself. `audit verify` holds a NULL payload elsewhere
-- for tampering.
CREATE FUNCTION anvisa_guard_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.payload IS NOT NULL AND NEW.payload IS NULL AND OLD.kind <> 'audit.cull'
     AND (to_jsonb(NEW) - 'payload') = (to_jsonb(OLD) - 'payload')
     AND EXISTS (
       SELECT 1 FROM audit_chain l, audit_chain c JOIN audit_events ce ON ce.id = c.event_id
       WHERE l.event_id = OLD.id AND ce.kind = 'audit.cull' AND jsonb_typeof(ce.payload -> 'throughSeq') = 'number'
         AND (ce.payload ->> 'throughSeq')::numeric >= l.seq AND (ce.payload ->> 'throughSeq')::numeric < c.seq)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit rows are append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
DROP TRIGGER audit_events_append_only ON audit_events;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION anvisa_guard_audit_event();
