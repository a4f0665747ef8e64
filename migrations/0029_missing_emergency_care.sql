CREATE TABLE "missing_emergency_care" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_role" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"place" text NOT NULL,
	"care" text NOT NULL,
	"description" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_emergency_care" ADD CONSTRAINT "missing_emergency_care_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_emergency_care" ADD CONSTRAINT "missing_emergency_care_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_emergency_care" ADD CONSTRAINT "missing_emergency_care_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_emergency_care" ADD CONSTRAINT "missing_emergency_care_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_emergency_care_episode_idx" ON "missing_emergency_care" USING btree ("episode_id","started_at");