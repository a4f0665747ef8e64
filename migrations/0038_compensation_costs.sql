CREATE TABLE "compensation_daily_costs" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"daily_cost" integer NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "compensation_daily_cost_positive" CHECK ("compensation_daily_costs"."daily_cost" > 0)
);
--> statement-breakpoint
ALTER TABLE "compensation_daily_costs" ADD CONSTRAINT "compensation_daily_costs_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_daily_costs" ADD CONSTRAINT "compensation_daily_costs_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_daily_costs" ADD CONSTRAINT "compensation_daily_costs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;