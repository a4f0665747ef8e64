-- The sealer's queue: the events not yet chained, kept by the database. Until now the sealer found them by comparing
-- the whole log with the chain every second (a scan that grows with every event ever written); now a row enters
-- here with its event, in the same transaction, and the sealer removes it in the transaction that chains the event.
CREATE TABLE "audit_unsealed" (
	"insert_seq" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION anvisa_queue_audit_event() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
BEGIN
  INSERT INTO audit_unsealed (insert_seq) VALUES (NEW.insert_seq);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_queue_unsealed AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION anvisa_queue_audit_event();
--> statement-breakpoint
INSERT INTO audit_unsealed (insert_seq)
  SELECT e.insert_seq FROM audit_events e LEFT JOIN audit_chain c ON c.event_id = e.id WHERE c.seq IS NULL;
