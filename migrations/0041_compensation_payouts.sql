CREATE TABLE "compensation_forecasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"year" integer NOT NULL,
	"forecast" integer NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "compensation_forecast_range" CHECK ("compensation_forecasts"."forecast" >= 0)
);
--> statement-breakpoint
CREATE TABLE "compensation_payout_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payout_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"period" text NOT NULL,
	"child_id" uuid,
	"code" text NOT NULL,
	"count" integer NOT NULL,
	"amount" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"period" text NOT NULL,
	"seq" bigserial NOT NULL,
	"kind" text NOT NULL,
	"paid_on" date NOT NULL,
	"total" bigint NOT NULL,
	"share_version_id" uuid,
	"forecast_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_schablon_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"quarter" text NOT NULL,
	"child_id" uuid NOT NULL,
	"explanation" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"rejection_reason" text,
	"answer_text" text,
	"answered_by" uuid,
	"answered_on" date,
	"payout_id" uuid
);
--> statement-breakpoint
ALTER TABLE "compensation_forecasts" ADD CONSTRAINT "compensation_forecasts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payout_lines" ADD CONSTRAINT "compensation_payout_lines_payout_id_compensation_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."compensation_payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payout_lines" ADD CONSTRAINT "compensation_payout_lines_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payout_lines" ADD CONSTRAINT "compensation_payout_lines_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payouts" ADD CONSTRAINT "compensation_payouts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payouts" ADD CONSTRAINT "compensation_payouts_share_version_id_share_versions_id_fk" FOREIGN KEY ("share_version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payouts" ADD CONSTRAINT "compensation_payouts_forecast_id_compensation_forecasts_id_fk" FOREIGN KEY ("forecast_id") REFERENCES "public"."compensation_forecasts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_payouts" ADD CONSTRAINT "compensation_payouts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_schablon_reports" ADD CONSTRAINT "missing_schablon_reports_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_schablon_reports" ADD CONSTRAINT "missing_schablon_reports_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_schablon_reports" ADD CONSTRAINT "missing_schablon_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_schablon_reports" ADD CONSTRAINT "missing_schablon_reports_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_schablon_reports" ADD CONSTRAINT "missing_schablon_reports_payout_id_compensation_payouts_id_fk" FOREIGN KEY ("payout_id") REFERENCES "public"."compensation_payouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_forecasts_year_idx" ON "compensation_forecasts" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "compensation_payout_lines_period_idx" ON "compensation_payout_lines" USING btree ("municipality_code","period");--> statement-breakpoint
CREATE INDEX "compensation_payout_lines_child_idx" ON "compensation_payout_lines" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "compensation_payout_lines_payout_idx" ON "compensation_payout_lines" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "compensation_payouts_period_idx" ON "compensation_payouts" USING btree ("municipality_code","period");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_payouts_regular_uq" ON "compensation_payouts" USING btree ("municipality_code","period") WHERE "compensation_payouts"."kind" = 'regular';--> statement-breakpoint
CREATE INDEX "missing_schablon_reports_municipality_idx" ON "missing_schablon_reports" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "missing_schablon_reports_open_uq" ON "missing_schablon_reports" USING btree ("municipality_code","quarter","child_id") WHERE "missing_schablon_reports"."status" = 'open';--> statement-breakpoint
-- What was paid is a record: a payout and its lines are never changed or deleted (ADR 0035); nor is a forecast.
CREATE TRIGGER compensation_payouts_immutable BEFORE UPDATE OR DELETE ON compensation_payouts
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();--> statement-breakpoint
CREATE TRIGGER compensation_payout_lines_immutable BEFORE UPDATE OR DELETE ON compensation_payout_lines
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();--> statement-breakpoint
CREATE TRIGGER compensation_forecasts_immutable BEFORE UPDATE OR DELETE ON compensation_forecasts
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();
