CREATE TABLE "age_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"birth_date" date NOT NULL,
	"decided_on" date NOT NULL,
	"appealed_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asylum_cases" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"applied_on" date NOT NULL,
	"interview_dates" date[] NOT NULL,
	"decision" text,
	"decided_on" date,
	"permit_ends_on" date,
	"appealed_on" date,
	"final_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "best_interests_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"decision_kind" text NOT NULL,
	"rights_concerned" text[] NOT NULL,
	"what_is_known" text NOT NULL,
	"childs_views" text,
	"childs_views_language" text,
	"how_weighed" text NOT NULL,
	"feedback_to_child" text,
	"feedback_given_on" date,
	"not_heard_reason" text,
	"recorded_by" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"not_for_child" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"machine" text NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"actor_role" text,
	"best_interests_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_states" (
	"child_id" uuid NOT NULL,
	"machine" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"municipality_code" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_states_child_id_machine_pk" PRIMARY KEY("child_id","machine")
);
--> statement-breakpoint
CREATE TABLE "case_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"social_case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"assigned_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"change" text NOT NULL,
	"changed_on" date NOT NULL,
	"permit_holder" boolean NOT NULL,
	"due_on" date NOT NULL,
	"reported_on" date,
	"reported_by" uuid,
	"deadline_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"surviving_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"reverted_by" uuid,
	"reverted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"due_on" date NOT NULL,
	"started_on" date NOT NULL,
	"actor_kind" text NOT NULL,
	"municipality_code" text,
	"assignee_user_id" uuid,
	"opened_by_event_id" uuid,
	"extended_reason" text,
	"closed_at" timestamp with time zone,
	"closed_by_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "god_man_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"phone" text,
	"email" text,
	"languages" text[] NOT NULL,
	"municipality_codes" text[] NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guardianship_details" (
	"guardianship_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid,
	"child_heard" boolean NOT NULL,
	"appointed_by" uuid NOT NULL,
	"best_interests_id" uuid,
	"end_reason" text,
	"end_by_law" boolean,
	"end_recorded_by" uuid,
	"end_recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "guardianship_policies" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"max_wards_per_god_man" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "guardianship_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"requested_by_organisation_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"guardianship_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"moved_on" date,
	"moved_recorded_by" uuid,
	"acknowledged_on" date,
	"acknowledged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_examinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"offered_on" date NOT NULL,
	"done_on" date,
	"declined_on" date,
	"referrals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"child_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "placement_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"name" text NOT NULL,
	"form" text NOT NULL,
	"places" integer NOT NULL,
	"target_groups" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"permit_reference" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_places" CHECK ("placement_providers"."places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"form" text NOT NULL,
	"legal_basis" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"end_reason" text,
	"on_call" boolean DEFAULT false NOT NULL,
	"valid_until" date,
	"special_reason" text,
	"best_interests_id" uuid,
	"decided_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_dates" CHECK ("placements"."to_date" is null or "placements"."to_date" >= "placements"."from_date")
);
--> statement-breakpoint
CREATE TABLE "responsibility_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_from" date NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answer_note" text,
	"best_interests_id" uuid
);
--> statement-breakpoint
CREATE TABLE "school_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"school" text NOT NULL,
	"programme" text NOT NULL,
	"enrolled_on" date NOT NULL,
	"started_on" date,
	"ended_on" date,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sfv_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date,
	"court" text,
	"custodian_name" text,
	"decided_on" date,
	"final_on" date,
	"not_applying_reason" text,
	"not_applying_note" text,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"report_received_on" date NOT NULL,
	"protection_assessed_on" date,
	"protection_outcome" text,
	"preliminary_decided_on" date,
	"investigation_opened_on" date,
	"investigation_extended_to" date,
	"investigation_extension_reason" text,
	"interventions_decided_on" date,
	"care_plan_on" date,
	"implementation_plan_on" date,
	"last_review_on" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"absent_user_id" uuid NOT NULL,
	"substitute_user_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "substitute_dates" CHECK ("substitutes"."to_date" >= "substitutes"."from_date")
);
--> statement-breakpoint
CREATE TABLE "turning18_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"continued_until" date,
	"reported_on" date,
	"best_interests_id" uuid,
	"decided_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "stated_birth_date" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "kind" text DEFAULT 'note' NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "occurred_on" date;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "not_for_child" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "direction" text;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "counterpart" text;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "responsibility_periods" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "responsibility_periods" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "age_records" ADD CONSTRAINT "age_records_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "age_records" ADD CONSTRAINT "age_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asylum_cases" ADD CONSTRAINT "asylum_cases_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_records" ADD CONSTRAINT "best_interests_records_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_records" ADD CONSTRAINT "best_interests_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_records" ADD CONSTRAINT "best_interests_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_states" ADD CONSTRAINT "case_states_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_states" ADD CONSTRAINT "case_states_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_social_case_id_social_cases_id_fk" FOREIGN KEY ("social_case_id") REFERENCES "public"."social_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_reports" ADD CONSTRAINT "change_reports_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_reports" ADD CONSTRAINT "change_reports_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_reports" ADD CONSTRAINT "change_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_reports" ADD CONSTRAINT "change_reports_deadline_id_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_identifiers" ADD CONSTRAINT "child_identifiers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_identifiers" ADD CONSTRAINT "child_identifiers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_merges" ADD CONSTRAINT "child_merges_surviving_id_children_id_fk" FOREIGN KEY ("surviving_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_merges" ADD CONSTRAINT "child_merges_merged_id_children_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_merges" ADD CONSTRAINT "child_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_merges" ADD CONSTRAINT "child_merges_reverted_by_users_id_fk" FOREIGN KEY ("reverted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_opened_by_event_id_case_events_id_fk" FOREIGN KEY ("opened_by_event_id") REFERENCES "public"."case_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_closed_by_event_id_case_events_id_fk" FOREIGN KEY ("closed_by_event_id") REFERENCES "public"."case_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_changes" ADD CONSTRAINT "field_changes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_changes" ADD CONSTRAINT "field_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "god_man_profiles" ADD CONSTRAINT "god_man_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_details" ADD CONSTRAINT "guardianship_details_guardianship_id_guardianships_id_fk" FOREIGN KEY ("guardianship_id") REFERENCES "public"."guardianships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_details" ADD CONSTRAINT "guardianship_details_request_id_guardianship_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."guardianship_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_details" ADD CONSTRAINT "guardianship_details_appointed_by_users_id_fk" FOREIGN KEY ("appointed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_details" ADD CONSTRAINT "guardianship_details_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_details" ADD CONSTRAINT "guardianship_details_end_recorded_by_users_id_fk" FOREIGN KEY ("end_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_policies" ADD CONSTRAINT "guardianship_policies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_policies" ADD CONSTRAINT "guardianship_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_requests" ADD CONSTRAINT "guardianship_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_requests" ADD CONSTRAINT "guardianship_requests_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_requests" ADD CONSTRAINT "guardianship_requests_requested_by_organisation_id_organisations_id_fk" FOREIGN KEY ("requested_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_requests" ADD CONSTRAINT "guardianship_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship_requests" ADD CONSTRAINT "guardianship_requests_guardianship_id_guardianships_id_fk" FOREIGN KEY ("guardianship_id") REFERENCES "public"."guardianships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_from_code_municipalities_code_fk" FOREIGN KEY ("from_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_to_code_municipalities_code_fk" FOREIGN KEY ("to_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_moved_recorded_by_users_id_fk" FOREIGN KEY ("moved_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_examinations" ADD CONSTRAINT "health_examinations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_examinations" ADD CONSTRAINT "health_examinations_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_examinations" ADD CONSTRAINT "health_examinations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_providers" ADD CONSTRAINT "placement_providers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_provider_id_placement_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."placement_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_from_code_municipalities_code_fk" FOREIGN KEY ("from_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_to_code_municipalities_code_fk" FOREIGN KEY ("to_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibility_transfers" ADD CONSTRAINT "responsibility_transfers_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_enrolments" ADD CONSTRAINT "school_enrolments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_enrolments" ADD CONSTRAINT "school_enrolments_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_enrolments" ADD CONSTRAINT "school_enrolments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfv_cases" ADD CONSTRAINT "sfv_cases_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfv_cases" ADD CONSTRAINT "sfv_cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfv_cases" ADD CONSTRAINT "sfv_cases_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_cases" ADD CONSTRAINT "social_cases_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_cases" ADD CONSTRAINT "social_cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_cases" ADD CONSTRAINT "social_cases_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitutes" ADD CONSTRAINT "substitutes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitutes" ADD CONSTRAINT "substitutes_absent_user_id_users_id_fk" FOREIGN KEY ("absent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitutes" ADD CONSTRAINT "substitutes_substitute_user_id_users_id_fk" FOREIGN KEY ("substitute_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitutes" ADD CONSTRAINT "substitutes_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turning18_decisions" ADD CONSTRAINT "turning18_decisions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turning18_decisions" ADD CONSTRAINT "turning18_decisions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turning18_decisions" ADD CONSTRAINT "turning18_decisions_best_interests_id_best_interests_records_id_fk" FOREIGN KEY ("best_interests_id") REFERENCES "public"."best_interests_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "turning18_decisions" ADD CONSTRAINT "turning18_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "age_records_child_idx" ON "age_records" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "best_interests_child_idx" ON "best_interests_records" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "case_documents_child_idx" ON "case_documents" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "case_events_child_idx" ON "case_events" USING btree ("child_id","occurred_on");--> statement-breakpoint
CREATE INDEX "case_states_machine_state_idx" ON "case_states" USING btree ("machine","state");--> statement-breakpoint
CREATE INDEX "case_workers_user_idx" ON "case_workers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_workers_case_idx" ON "case_workers" USING btree ("social_case_id");--> statement-breakpoint
CREATE INDEX "change_reports_muni_idx" ON "change_reports" USING btree ("municipality_code","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "child_identifiers_value_uq" ON "child_identifiers" USING btree ("kind","value");--> statement-breakpoint
CREATE INDEX "child_identifiers_child_idx" ON "child_identifiers" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "deadlines_open_muni_idx" ON "deadlines" USING btree ("actor_kind","municipality_code","due_on") WHERE "deadlines"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "deadlines_open_assignee_idx" ON "deadlines" USING btree ("assignee_user_id","due_on") WHERE "deadlines"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "deadlines_child_idx" ON "deadlines" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "field_changes_child_idx" ON "field_changes" USING btree ("child_id","changed_at");--> statement-breakpoint
CREATE INDEX "guardianship_requests_muni_idx" ON "guardianship_requests" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE INDEX "guardianship_requests_child_idx" ON "guardianship_requests" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_child_to_uq" ON "handovers" USING btree ("child_id","to_code");--> statement-breakpoint
CREATE INDEX "health_child_idx" ON "health_examinations" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "providers_muni_idx" ON "placement_providers" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "placements_child_idx" ON "placements" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "placements_provider_idx" ON "placements" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_current_uq" ON "placements" USING btree ("child_id") WHERE "placements"."to_date" is null;--> statement-breakpoint
CREATE INDEX "responsibility_transfers_child_idx" ON "responsibility_transfers" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responsibility_transfers_open_uq" ON "responsibility_transfers" USING btree ("child_id") WHERE "responsibility_transfers"."status" = 'requested';--> statement-breakpoint
CREATE INDEX "school_child_idx" ON "school_enrolments" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "sfv_child_idx" ON "sfv_cases" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "social_cases_child_idx" ON "social_cases" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_cases_open_uq" ON "social_cases" USING btree ("child_id","municipality_code") WHERE "social_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "substitutes_org_idx" ON "substitutes" USING btree ("organisation_id");