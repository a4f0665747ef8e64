CREATE TABLE "allocation_ledger" (
	"id" integer PRIMARY KEY NOT NULL,
	"share_version_id" uuid,
	"children_since_version" bigint NOT NULL,
	"total" bigint NOT NULL,
	"decisions" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation_state" (
	"municipality_code" text PRIMARY KEY NOT NULL,
	"received" bigint NOT NULL,
	"expected_base" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anvisning_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint NOT NULL,
	"child_ids" uuid[] NOT NULL,
	"municipality_code" text NOT NULL,
	"kind" text NOT NULL,
	"proposed_code" text,
	"rule" text NOT NULL,
	"rule_version" text NOT NULL,
	"share_version_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" uuid NOT NULL,
	"supersedes_id" uuid,
	"reason" text,
	"considerations" jsonb NOT NULL,
	"state_hash" text NOT NULL,
	"record_hash" text NOT NULL,
	CONSTRAINT "anvisning_decisions_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "child_intake" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"name_variants" text[] NOT NULL,
	"citizenship" text,
	"languages" text[] NOT NULL,
	"interpreter_needed" boolean NOT NULL,
	"sibling_group_id" uuid,
	"relative_municipality_code" text,
	"relative_relation" text,
	"special_needs" text,
	"wishes" text,
	"owner_organisation_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relative_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"relation" text NOT NULL,
	"due_on" date NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone,
	"owner_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"promille" integer NOT NULL,
	"decided_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_values" (
	"version_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"promille" integer NOT NULL,
	CONSTRAINT "share_values_version_id_municipality_code_pk" PRIMARY KEY("version_id","municipality_code"),
	CONSTRAINT "promille_range" CHECK ("share_values"."promille" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "share_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"valid_from" date NOT NULL,
	"source" text NOT NULL,
	"based_on_id" uuid,
	"note" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allocation_ledger" ADD CONSTRAINT "allocation_ledger_share_version_id_share_versions_id_fk" FOREIGN KEY ("share_version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_state" ADD CONSTRAINT "allocation_state_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anvisning_decisions" ADD CONSTRAINT "anvisning_decisions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anvisning_decisions" ADD CONSTRAINT "anvisning_decisions_share_version_id_share_versions_id_fk" FOREIGN KEY ("share_version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anvisning_decisions" ADD CONSTRAINT "anvisning_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_intake" ADD CONSTRAINT "child_intake_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_intake" ADD CONSTRAINT "child_intake_relative_municipality_code_municipalities_code_fk" FOREIGN KEY ("relative_municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_intake" ADD CONSTRAINT "child_intake_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD CONSTRAINT "relative_assessments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD CONSTRAINT "relative_assessments_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD CONSTRAINT "relative_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD CONSTRAINT "relative_assessments_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_transfers" ADD CONSTRAINT "share_transfers_version_id_share_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_transfers" ADD CONSTRAINT "share_transfers_from_code_municipalities_code_fk" FOREIGN KEY ("from_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_transfers" ADD CONSTRAINT "share_transfers_to_code_municipalities_code_fk" FOREIGN KEY ("to_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_values" ADD CONSTRAINT "share_values_version_id_share_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."share_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_values" ADD CONSTRAINT "share_values_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_versions" ADD CONSTRAINT "share_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decisions_children_idx" ON "anvisning_decisions" USING gin ("child_ids");--> statement-breakpoint
CREATE INDEX "decisions_municipality_idx" ON "anvisning_decisions" USING btree ("municipality_code","decided_on");--> statement-breakpoint
CREATE INDEX "relative_assessments_muni_idx" ON "relative_assessments" USING btree ("municipality_code");