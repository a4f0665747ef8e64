ALTER TABLE "municipalities" ADD COLUMN "official_name" text;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD COLUMN "relative_name" text;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD COLUMN "relative_address" text;--> statement-breakpoint
ALTER TABLE "relative_assessments" ADD COLUMN "relative_phone" text;--> statement-breakpoint
-- An open relative assessment is on the assessing municipality's worklist (rule relative-assessment) until answered.
INSERT INTO "deadlines" ("child_id", "rule", "due_on", "started_on", "actor_kind", "municipality_code")
SELECT a."child_id", 'relative-assessment', a."due_on", (a."created_at" AT TIME ZONE 'Europe/Stockholm')::date, 'social_services', a."municipality_code"
FROM "relative_assessments" a
WHERE a."outcome" IS NULL
  AND NOT EXISTS (
    SELECT 1 FROM "deadlines" d
    WHERE d."child_id" = a."child_id" AND d."rule" = 'relative-assessment' AND d."municipality_code" = a."municipality_code" AND d."closed_at" IS NULL
  );
