CREATE TABLE "grant_allotments" (
	"year" integer NOT NULL,
	"county_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grant_allotments_year_county_code_pk" PRIMARY KEY("year","county_code"),
	CONSTRAINT "grant_allotments_amount" CHECK ("grant_allotments"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"by_user_id" uuid NOT NULL,
	"by_role" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"purposes" text[] NOT NULL,
	"partners" jsonb NOT NULL,
	"budget" jsonb NOT NULL,
	"requested_amount" bigint NOT NULL,
	"signatory_name" text NOT NULL,
	"signatory_title" text NOT NULL,
	"submitted_on" date,
	"assessment" text,
	"assessed_on" date,
	"outcome" text,
	"granted_amount" bigint,
	"decision_reasons" text,
	"decided_on" date,
	"paid_on" date,
	"change_description" text,
	"change_requested_on" date,
	"change_approved_on" date,
	"interim_report" text,
	"interim_report_submitted_on" date,
	"interim_report_received_on" date,
	"final_report" text,
	"final_report_submitted_on" date,
	"final_report_received_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_applications_amounts" CHECK ("grant_applications"."requested_amount" >= 0 and ("grant_applications"."granted_amount" is null or "grant_applications"."granted_amount" >= 0))
);
--> statement-breakpoint
CREATE TABLE "grant_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"county_code" text NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"priorities" text NOT NULL,
	"interim_report_due_on" date NOT NULL,
	"final_report_due_on" date NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grant_calls_dates" CHECK ("grant_calls"."deadline" >= "grant_calls"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "grant_pot_holders" (
	"county_code" text PRIMARY KEY NOT NULL,
	"valid_from" date NOT NULL,
	"reference" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_pots" (
	"year" integer PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grant_pots_amount" CHECK ("grant_pots"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "grant_allotments" ADD CONSTRAINT "grant_allotments_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_allotments" ADD CONSTRAINT "grant_allotments_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_events" ADD CONSTRAINT "grant_application_events_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_application_events" ADD CONSTRAINT "grant_application_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_pots" ADD CONSTRAINT "grant_pots_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_application_events_application_idx" ON "grant_application_events" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "grant_applications_call_idx" ON "grant_applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "grant_applications_municipality_idx" ON "grant_applications" USING btree ("municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_calls_year_county_uq" ON "grant_calls" USING btree ("year","county_code");--> statement-breakpoint
INSERT INTO "grant_pot_holders" ("county_code", "valid_from", "reference") VALUES ('06', '2016-01-01', 'Länsstyrelsen i Jönköpings län beslutar om och betalar ut medel enligt 37 a § förordningen (2010:1122) för alla län');
