-- The search's GIN indexes without a pending list. With fastupdate on (PostgreSQL's default) the entries of new rows
-- wait in an unordered list until a vacuum, and every search scans that whole list (up to gin_pending_list_limit,
-- 4 MB): at 100,000 children a name search read 500 pages per key it looked up, 14 ms each, three or four keys a
-- search. Children are registered a few at a time and searched all day, so each insert updates the index itself.
ALTER INDEX "children_name_keys_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('children_name_keys_idx'::regclass);--> statement-breakpoint
ALTER INDEX "children_name_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('children_name_trgm_idx'::regclass);--> statement-breakpoint
-- A search by dossier number finds it anywhere in the number (LIKE '%…%', the child's own and its other dossier
-- numbers): trigram indexes instead of reading every child (15 ms at 100,000 children). Like the name's trigram index
-- (migration 0012) they are on expressions drizzle's schema does not describe, so they live here only.
CREATE INDEX "children_dossier_trgm_idx" ON "children" USING gin ("dossier_number" gin_trgm_ops) WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX "child_identifiers_dossier_trgm_idx" ON "child_identifiers" USING gin ("value" gin_trgm_ops) WITH (fastupdate = off) WHERE "kind" = 'dossier';
