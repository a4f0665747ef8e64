CREATE TABLE "special_grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"status" text NOT NULL,
	"need" text NOT NULL,
	"description" text NOT NULL,
	"applied_amount" bigint NOT NULL,
	"applied_by" uuid NOT NULL,
	"applied_on" date NOT NULL,
	"submitted_on" date,
	"outcome" text,
	"granted_amount" bigint,
	"reason" text,
	"decided_on" date,
	"decided_by" uuid,
	"paid_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_grant_applications_amounts" CHECK ("special_grant_applications"."applied_amount" > 0 and ("special_grant_applications"."granted_amount" is null or ("special_grant_applications"."granted_amount" > 0 and "special_grant_applications"."granted_amount" <= "special_grant_applications"."applied_amount"))),
	CONSTRAINT "special_grant_applications_paid_after_grant" CHECK ("special_grant_applications"."paid_on" is null or "special_grant_applications"."outcome" in ('granted', 'partly_granted'))
);
--> statement-breakpoint
ALTER TABLE "special_grant_applications" ADD CONSTRAINT "special_grant_applications_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_grant_applications" ADD CONSTRAINT "special_grant_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_grant_applications" ADD CONSTRAINT "special_grant_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "special_grant_applications_child_idx" ON "special_grant_applications" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "special_grant_applications_status_idx" ON "special_grant_applications" USING btree ("status");