CREATE TABLE "capacity_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"due_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_period_dates" CHECK ("capacity_periods"."ends_on" >= "capacity_periods"."starts_on" and "capacity_periods"."due_on" >= "capacity_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "capacity_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"answers" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"adopted_on" date NOT NULL,
	"working_group" text[] NOT NULL,
	"goals" jsonb NOT NULL,
	"adopted_by" uuid NOT NULL,
	"adopted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "development_programme_years" CHECK ("development_programmes"."last_year" >= "development_programmes"."first_year")
);
--> statement-breakpoint
CREATE TABLE "programme_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"goal_index" integer NOT NULL,
	"assessment" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redistribution_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"base_version_id" uuid NOT NULL,
	"transfers" jsonb NOT NULL,
	"dialogue" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"result_version_id" uuid
);
--> statement-breakpoint
ALTER TABLE "capacity_periods" ADD CONSTRAINT "capacity_periods_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_periods" ADD CONSTRAINT "capacity_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reminders" ADD CONSTRAINT "capacity_reminders_period_id_capacity_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."capacity_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reminders" ADD CONSTRAINT "capacity_reminders_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reminders" ADD CONSTRAINT "capacity_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reports" ADD CONSTRAINT "capacity_reports_period_id_capacity_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."capacity_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reports" ADD CONSTRAINT "capacity_reports_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reports" ADD CONSTRAINT "capacity_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_programmes" ADD CONSTRAINT "development_programmes_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_programmes" ADD CONSTRAINT "development_programmes_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_follow_ups" ADD CONSTRAINT "programme_follow_ups_programme_id_development_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."development_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_follow_ups" ADD CONSTRAINT "programme_follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redistribution_proposals" ADD CONSTRAINT "redistribution_proposals_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redistribution_proposals" ADD CONSTRAINT "redistribution_proposals_base_version_id_share_versions_id_fk" FOREIGN KEY ("base_version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redistribution_proposals" ADD CONSTRAINT "redistribution_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redistribution_proposals" ADD CONSTRAINT "redistribution_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redistribution_proposals" ADD CONSTRAINT "redistribution_proposals_result_version_id_share_versions_id_fk" FOREIGN KEY ("result_version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_periods_county_idx" ON "capacity_periods" USING btree ("county_code","starts_on");--> statement-breakpoint
CREATE INDEX "capacity_reminders_period_idx" ON "capacity_reminders" USING btree ("period_id","municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_reports_period_muni_uq" ON "capacity_reports" USING btree ("period_id","municipality_code");--> statement-breakpoint
CREATE INDEX "development_programmes_county_idx" ON "development_programmes" USING btree ("county_code","first_year");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_follow_ups_uq" ON "programme_follow_ups" USING btree ("programme_id","year","goal_index");--> statement-breakpoint
CREATE INDEX "redistribution_county_idx" ON "redistribution_proposals" USING btree ("county_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "redistribution_open_uq" ON "redistribution_proposals" USING btree ("county_code","year") WHERE "redistribution_proposals"."status" = 'proposed';