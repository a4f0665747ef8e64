CREATE TABLE "audit_event_children" (
	"child_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"insert_seq" bigint NOT NULL,
	CONSTRAINT "audit_event_children_child_id_occurred_at_insert_seq_pk" PRIMARY KEY("child_id","occurred_at","insert_seq")
);
--> statement-breakpoint
DROP INDEX "audit_actor_idx";--> statement-breakpoint
DROP INDEX "audit_user_idx";--> statement-breakpoint
DROP INDEX "audit_children_idx";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "view_id" text;--> statement-breakpoint
CREATE INDEX "audit_org_time_idx" ON "audit_events" USING btree ("actor_organisation_id","occurred_at","insert_seq");--> statement-breakpoint
CREATE INDEX "audit_user_time_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at","insert_seq");--> statement-breakpoint
CREATE INDEX "audit_unaffiliated_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at","insert_seq") WHERE "audit_events"."actor_organisation_id" is null;--> statement-breakpoint
CREATE INDEX "audit_view_idx" ON "audit_events" USING btree (coalesce("view_id", "request_id"));--> statement-breakpoint
-- audit_event_children is kept by the database: every event names its children there, in the same transaction.
CREATE FUNCTION anvisa_index_audit_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_event_children (child_id, occurred_at, insert_seq)
    SELECT DISTINCT c, NEW.occurred_at, NEW.insert_seq FROM unnest(NEW.child_ids) AS c;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_index_children AFTER INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION anvisa_index_audit_children();
--> statement-breakpoint
CREATE TRIGGER audit_event_children_append_only BEFORE UPDATE OR DELETE ON audit_event_children
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_children_no_truncate BEFORE TRUNCATE ON audit_event_children
  FOR EACH STATEMENT EXECUTE FUNCTION anvisa_reject_audit_change();
--> statement-breakpoint
INSERT INTO audit_event_children (child_id, occurred_at, insert_seq)
  SELECT DISTINCT c, e.occurred_at, e.insert_seq FROM audit_events e CROSS JOIN LATERAL unnest(e.child_ids) AS c;
