CREATE TABLE "historic_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" text NOT NULL,
	"registration_number" text,
	"municipalities" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"asylum_places" integer NOT NULL,
	"permit_places" integer NOT NULL,
	"replaces_id" uuid,
	"signatures" jsonb NOT NULL,
	"concluded_on" date NOT NULL,
	"note" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"voided_by" uuid,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "historic_agreement_places" CHECK ("historic_agreements"."asylum_places" >= 0 and "historic_agreements"."permit_places" >= 0)
);
--> statement-breakpoint
ALTER TABLE "historic_agreements" ADD CONSTRAINT "historic_agreements_county_code_counties_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."counties"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historic_agreements" ADD CONSTRAINT "historic_agreements_replaces_id_historic_agreements_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."historic_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historic_agreements" ADD CONSTRAINT "historic_agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "historic_agreements" ADD CONSTRAINT "historic_agreements_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "historic_agreements_county_idx" ON "historic_agreements" USING btree ("county_code","valid_from");