ALTER TABLE "responsibility_transfers" ADD COLUMN "requested_side" text DEFAULT 'from' NOT NULL;--> statement-breakpoint
-- Requests made before the column existed: the side is in the request's event on the child's timeline.
UPDATE "responsibility_transfers" t SET "requested_side" = 'to'
  WHERE EXISTS (SELECT 1 FROM "case_events" e
    WHERE e."child_id" = t."child_id" AND e."machine" = 'transfer' AND e."event" = 'request_transfer'
      AND e."details"->>'transferId' = t."id"::text AND e."details"->>'side' = 'to');
