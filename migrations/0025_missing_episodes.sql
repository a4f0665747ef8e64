CREATE TABLE "missing_episode_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"actor_role" text NOT NULL,
	"best_interests_id" uuid
);
--> statement-breakpoint
CREATE TABLE "missing_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"municipality_code" text NOT NULL,
	"county_code" text NOT NULL,
	"linked_to_id" uuid,
	"routine_id" uuid,
	"policy_id" uuid,
	"routine" jsonb NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"last_seen_place" text NOT NULL,
	"kind" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_by_role" text NOT NULL,
	"police_reference" text,
	"police_reported_at" timestamp with time zone,
	"earliest_closure_on" date,
	"lvu_assessment" jsonb,
	"found_at" timestamp with time zone,
	"found" jsonb,
	"return_talk_due_at" timestamp with time zone,
	"return_talk" jsonb,
	"completion" jsonb,
	"closed_on" date,
	"closure_reason" text,
	"closed_by" uuid,
	"best_interests_id" uuid,
	"strategy_meeting_due" boolean DEFAULT false NOT NULL,
	"last_reviewed_on" date,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"municipality_code" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalate_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_note" text,
	"not_applicable" text,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "municipal_missing_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"policy_reference" text NOT NULL,
	"closure_minimum" jsonb,
	"return_talk_within_hours" integer,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_routines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"reference" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"closure_minimum" jsonb NOT NULL,
	"return_talk_within_hours" integer NOT NULL,
	"repeat_episodes" integer NOT NULL,
	"repeat_within_days" integer NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_episode_events" ADD CONSTRAINT "missing_episode_events_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episode_events" ADD CONSTRAINT "missing_episode_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episode_events" ADD CONSTRAINT "missing_episode_events_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episode_events" ADD CONSTRAINT "missing_episode_events_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_linked_to_id_missing_episodes_id_fk" FOREIGN KEY ("linked_to_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_routine_id_regional_routines_id_fk" FOREIGN KEY ("routine_id") REFERENCES "public"."regional_routines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_policy_id_municipal_missing_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."municipal_missing_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_notifications" ADD CONSTRAINT "missing_notifications_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_notifications" ADD CONSTRAINT "missing_notifications_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_notifications" ADD CONSTRAINT "missing_notifications_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_notifications" ADD CONSTRAINT "missing_notifications_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_missing_policies" ADD CONSTRAINT "municipal_missing_policies_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_missing_policies" ADD CONSTRAINT "municipal_missing_policies_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_routines" ADD CONSTRAINT "regional_routines_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_routines" ADD CONSTRAINT "regional_routines_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_episode_events_episode_idx" ON "missing_episode_events" USING btree ("episode_id","recorded_at");--> statement-breakpoint
CREATE INDEX "missing_episodes_child_idx" ON "missing_episodes" USING btree ("child_id","reported_at");--> statement-breakpoint
CREATE INDEX "missing_episodes_open_idx" ON "missing_episodes" USING btree ("county_code","state") WHERE "missing_episodes"."state" not in ('returned', 'closed_not_found', 'closed_aged_out', 'closed_left_country');--> statement-breakpoint
CREATE INDEX "missing_episodes_muni_idx" ON "missing_episodes" USING btree ("municipality_code","state");--> statement-breakpoint
CREATE UNIQUE INDEX "missing_notifications_recipient_uq" ON "missing_notifications" USING btree ("episode_id","recipient");--> statement-breakpoint
CREATE INDEX "missing_notifications_unacknowledged_idx" ON "missing_notifications" USING btree ("escalate_at") WHERE "missing_notifications"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "municipal_missing_policies_muni_idx" ON "municipal_missing_policies" USING btree ("municipality_code","valid_from");--> statement-breakpoint
CREATE INDEX "regional_routines_county_idx" ON "regional_routines" USING btree ("county_code","valid_from");