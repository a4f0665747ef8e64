CREATE TABLE "compensation_claim_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compensation_claim_attachment_type" CHECK ("compensation_claim_attachments"."media_type" in ('application/pdf', 'image/png', 'image/jpeg') and "compensation_claim_attachments"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "compensation_claim_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"code" text NOT NULL,
	"quarter" text NOT NULL,
	"attachment_id" uuid,
	"claimed_count" integer,
	"claimed_amount" bigint,
	"outcome" text,
	"granted_amount" bigint,
	"reason" text,
	"reason_text" text,
	"decided_on" date,
	"decided_by" uuid,
	CONSTRAINT "compensation_claim_lines_amounts" CHECK (("compensation_claim_lines"."claimed_amount" is null or "compensation_claim_lines"."claimed_amount" > 0) and ("compensation_claim_lines"."granted_amount" is null or ("compensation_claim_lines"."granted_amount" >= 0 and "compensation_claim_lines"."granted_amount" <= "compensation_claim_lines"."claimed_amount"))),
	CONSTRAINT "compensation_claim_lines_outcome" CHECK ("compensation_claim_lines"."outcome" is null or ("compensation_claim_lines"."outcome" in ('granted', 'reduced', 'rejected') and "compensation_claim_lines"."claimed_amount" is not null and "compensation_claim_lines"."granted_amount" is not null and ("compensation_claim_lines"."outcome" = 'granted' or "compensation_claim_lines"."reason" is not null)))
);
--> statement-breakpoint
CREATE TABLE "compensation_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"chain_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"replaces_id" uuid,
	"first_quarter" text NOT NULL,
	"last_quarter" text NOT NULL,
	"last_day" date NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_on" date NOT NULL,
	"submitted_on" date,
	"submitted_by" uuid,
	"decided_on" date,
	"decided_by" uuid,
	"paid_on" date,
	"paid_amount" bigint,
	"payment_reference" text,
	"payment_recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compensation_claims_status" CHECK ("compensation_claims"."status" in ('draft', 'submitted', 'superseded', 'decided', 'paid')),
	CONSTRAINT "compensation_claims_submitted" CHECK (("compensation_claims"."status" = 'draft') = ("compensation_claims"."submitted_on" is null)),
	CONSTRAINT "compensation_claims_paid_after_decision" CHECK ("compensation_claims"."paid_on" is null or ("compensation_claims"."decided_on" is not null and "compensation_claims"."paid_on" >= "compensation_claims"."decided_on" and "compensation_claims"."paid_amount" > 0))
);
--> statement-breakpoint
ALTER TABLE "compensation_claim_attachments" ADD CONSTRAINT "compensation_claim_attachments_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claim_attachments" ADD CONSTRAINT "compensation_claim_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claim_lines" ADD CONSTRAINT "compensation_claim_lines_claim_id_compensation_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."compensation_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claim_lines" ADD CONSTRAINT "compensation_claim_lines_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claim_lines" ADD CONSTRAINT "compensation_claim_lines_attachment_id_compensation_claim_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."compensation_claim_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claim_lines" ADD CONSTRAINT "compensation_claim_lines_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_replaces_id_compensation_claims_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."compensation_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_payment_recorded_by_users_id_fk" FOREIGN KEY ("payment_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_claim_lines_unique" ON "compensation_claim_lines" USING btree ("claim_id","child_id","code","quarter");--> statement-breakpoint
CREATE INDEX "compensation_claim_lines_child_idx" ON "compensation_claim_lines" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_claims_chain_version" ON "compensation_claims" USING btree ("chain_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_claims_replaces" ON "compensation_claims" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "compensation_claims_municipality_idx" ON "compensation_claims" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "compensation_claims_status_idx" ON "compensation_claims" USING btree ("status");