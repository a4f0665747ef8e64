CREATE TABLE "missing_profile_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"taken_on" date NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"profile" jsonb NOT NULL,
	"photo_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_role" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"observed" boolean NOT NULL,
	"observed_on" date NOT NULL,
	"observer_role" text NOT NULL,
	"observer_user_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"search_relevant" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_profile_photos" ADD CONSTRAINT "missing_profile_photos_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_profile_photos" ADD CONSTRAINT "missing_profile_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_profiles" ADD CONSTRAINT "missing_profiles_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_profiles" ADD CONSTRAINT "missing_profiles_photo_id_missing_profile_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."missing_profile_photos"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_profiles" ADD CONSTRAINT "missing_profiles_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_observations" ADD CONSTRAINT "risk_observations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_observations" ADD CONSTRAINT "risk_observations_observer_user_id_users_id_fk" FOREIGN KEY ("observer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_profile_photos_child_idx" ON "missing_profile_photos" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "missing_profiles_child_version_uq" ON "missing_profiles" USING btree ("child_id","version");--> statement-breakpoint
CREATE INDEX "risk_observations_child_idx" ON "risk_observations" USING btree ("child_id");