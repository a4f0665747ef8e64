CREATE TABLE "decided_children" (
	"child_id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decided_children" ADD CONSTRAINT "decided_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;