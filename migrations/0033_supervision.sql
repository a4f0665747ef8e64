CREATE TABLE "supervision_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"description" text NOT NULL,
	"deadline" date NOT NULL,
	"done_on" date,
	"done_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supervision_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"file_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" uuid NOT NULL,
	"county_board_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"planned_on" date,
	"skip_reason" text,
	"trigger" text,
	"trigger_note" text,
	"sample_seed" bigint,
	"sample_pool" integer,
	"sampled_on" date,
	"report_sent_on" date,
	"response" text,
	"responded_on" date,
	"responded_by" uuid,
	"closed_on" date,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_inspections_skip" CHECK (("supervision_inspections"."state" = 'skipped') = ("supervision_inspections"."skip_reason" is not null) and ("supervision_inspections"."state" = 'skipped') = ("supervision_inspections"."planned_on" is null))
);
--> statement-breakpoint
CREATE TABLE "supervision_sample_files" (
	"inspection_id" uuid NOT NULL,
	"file_kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "supervision_sample_files_inspection_id_file_id_pk" PRIMARY KEY("inspection_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_inspection_id_supervision_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."supervision_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_inspection_id_supervision_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."supervision_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_authority_id_organisations_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_county_board_id_organisations_id_fk" FOREIGN KEY ("county_board_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sample_files" ADD CONSTRAINT "supervision_sample_files_inspection_id_supervision_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."supervision_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sample_files" ADD CONSTRAINT "supervision_sample_files_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_actions_inspection_idx" ON "supervision_actions" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "supervision_findings_inspection_idx" ON "supervision_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "supervision_inspections_authority_idx" ON "supervision_inspections" USING btree ("authority_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_inspections_regular_uq" ON "supervision_inspections" USING btree ("authority_id","year") WHERE "supervision_inspections"."kind" = 'regular';--> statement-breakpoint
CREATE INDEX "supervision_sample_child_idx" ON "supervision_sample_files" USING btree ("child_id");