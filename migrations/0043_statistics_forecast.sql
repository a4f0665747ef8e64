CREATE TABLE "arrival_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"month" text NOT NULL,
	"count" integer NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "arrival_history_month" CHECK ("arrival_history"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "arrival_history_count" CHECK ("arrival_history"."count" >= 0)
);
--> statement-breakpoint
-- A forecast recorded before its publication day was kept: the day it was recorded stands for it (ADR 0039). The
-- table is append-only, so its guard steps aside for this one backfill.
ALTER TABLE "compensation_forecasts" ADD COLUMN "published_on" date;--> statement-breakpoint
ALTER TABLE "compensation_forecasts" DISABLE TRIGGER compensation_forecasts_immutable;--> statement-breakpoint
UPDATE "compensation_forecasts" SET "published_on" = ("recorded_at" at time zone 'Europe/Stockholm')::date;--> statement-breakpoint
ALTER TABLE "compensation_forecasts" ENABLE TRIGGER compensation_forecasts_immutable;--> statement-breakpoint
ALTER TABLE "compensation_forecasts" ALTER COLUMN "published_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "arrival_history" ADD CONSTRAINT "arrival_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arrival_history_month_idx" ON "arrival_history" USING btree ("month","seq");--> statement-breakpoint
-- The history is a record: a corrected month is a new row, never a change (ADR 0039).
CREATE TRIGGER arrival_history_immutable BEFORE UPDATE OR DELETE ON arrival_history
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();
