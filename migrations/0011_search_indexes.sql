CREATE INDEX "children_birth_date_idx" ON "children" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "children_stated_birth_date_idx" ON "children" USING btree ("stated_birth_date");--> statement-breakpoint
CREATE INDEX "relative_assessments_child_idx" ON "relative_assessments" USING btree ("child_id");