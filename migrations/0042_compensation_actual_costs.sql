ALTER TABLE "compensation_claim_lines" DROP CONSTRAINT "compensation_claim_lines_amounts";--> statement-breakpoint
ALTER TABLE "compensation_claim_lines" ADD COLUMN "stated_amount" bigint;--> statement-breakpoint
ALTER TABLE "compensation_claim_lines" ADD CONSTRAINT "compensation_claim_lines_amounts" CHECK (("compensation_claim_lines"."claimed_amount" is null or "compensation_claim_lines"."claimed_amount" > 0) and ("compensation_claim_lines"."granted_amount" is null or ("compensation_claim_lines"."granted_amount" >= 0 and "compensation_claim_lines"."granted_amount" <= "compensation_claim_lines"."claimed_amount")) and ("compensation_claim_lines"."stated_amount" is null or "compensation_claim_lines"."stated_amount" > 0));--> statement-breakpoint
-- An actual-cost line's stated amount is frozen with the rest of a submitted claim's line (ADR 0038), and no line is
-- added to a claim once it is submitted (the routes never do; the database refuses it too).
CREATE OR REPLACE FUNCTION anvisa_claim_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF (SELECT status FROM compensation_claims WHERE id = NEW.claim_id) <> 'draft' THEN
      RAISE EXCEPTION 'a submitted claim''s lines are frozen (INSERT refused)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF (SELECT status FROM compensation_claims WHERE id = OLD.claim_id) <> 'draft' AND (TG_OP = 'DELETE' OR
     (NEW.claim_id, NEW.child_id, NEW.code, NEW.quarter, NEW.attachment_id, NEW.stated_amount, NEW.claimed_count,
      NEW.claimed_amount)
     IS DISTINCT FROM
     (OLD.claim_id, OLD.child_id, OLD.code, OLD.quarter, OLD.attachment_id, OLD.stated_amount, OLD.claimed_count,
      OLD.claimed_amount)) THEN
    RAISE EXCEPTION 'a submitted claim''s line is frozen (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER compensation_claim_lines_no_late_insert BEFORE INSERT ON compensation_claim_lines
  FOR EACH ROW EXECUTE FUNCTION anvisa_claim_line_frozen();
