CREATE TABLE "network_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"role" text NOT NULL,
	"organisation" text NOT NULL,
	"gender" text NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"consent_on" date NOT NULL,
	"consent_how" text NOT NULL,
	"consent_withdrawn_on" date,
	"owner_id" uuid NOT NULL,
	"confirmed_on" date NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_contact_withdrawn" CHECK ("network_contacts"."consent_withdrawn_on" is null or "network_contacts"."name" is null),
	CONSTRAINT "network_contact_named" CHECK ("network_contacts"."consent_withdrawn_on" is not null or "network_contacts"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "network_event_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"contact_id" uuid,
	"county_code" text NOT NULL,
	"role" text NOT NULL,
	"gender" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "network_participant_count" CHECK ("network_event_participants"."count" >= 1 and ("network_event_participants"."contact_id" is null or "network_event_participants"."count" = 1))
);
--> statement-breakpoint
CREATE TABLE "network_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"place" text NOT NULL,
	"online" boolean NOT NULL,
	"speakers" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_event_days" CHECK ("network_events"."last_day" >= "network_events"."first_day")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"counties" text[] NOT NULL,
	"purpose" text NOT NULL,
	"meets" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_counties" CHECK (cardinality("networks"."counties") >= 1),
	CONSTRAINT "network_years" CHECK ("networks"."to_year" is null or "networks"."to_year" >= "networks"."from_year")
);
--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_event_participants" ADD CONSTRAINT "network_event_participants_event_id_network_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."network_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_event_participants" ADD CONSTRAINT "network_event_participants_contact_id_network_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."network_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_event_participants" ADD CONSTRAINT "network_event_participants_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_events" ADD CONSTRAINT "network_events_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_events" ADD CONSTRAINT "network_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_contacts_network_idx" ON "network_contacts" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_event_participants_event_idx" ON "network_event_participants" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "network_events_network_idx" ON "network_events" USING btree ("network_id","first_day");