CREATE TABLE "pending_follow_ups" (
	"decision_id" uuid PRIMARY KEY NOT NULL,
	"corrected_from" text,
	"actor" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_follow_ups" ADD CONSTRAINT "pending_follow_ups_decision_id_anvisning_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."anvisning_decisions"("id") ON DELETE no action ON UPDATE no action;