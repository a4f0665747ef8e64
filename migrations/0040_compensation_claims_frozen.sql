-- A submitted claim is frozen (ADR 0034): what it claims — its municipality, chain, version, quarters, last day and
-- submission, and each line's child, code, quarter, attachment, days and amount — never changes, and neither a
-- submitted claim nor its lines are deleted. The Agency's decision, the payment and the status are written later.
-- Attachments are never changed.
CREATE FUNCTION anvisa_claim_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (TG_OP = 'DELETE' OR
     (NEW.municipality_code, NEW.chain_id, NEW.version_no, NEW.replaces_id, NEW.first_quarter, NEW.last_quarter,
      NEW.last_day, NEW.created_by, NEW.submitted_on, NEW.submitted_by, NEW.status = 'draft')
     IS DISTINCT FROM
     (OLD.municipality_code, OLD.chain_id, OLD.version_no, OLD.replaces_id, OLD.first_quarter, OLD.last_quarter,
      OLD.last_day, OLD.created_by, OLD.submitted_on, OLD.submitted_by, false)) THEN
    RAISE EXCEPTION 'a submitted claim is frozen (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER compensation_claims_frozen BEFORE UPDATE OR DELETE ON compensation_claims
  FOR EACH ROW EXECUTE FUNCTION anvisa_claim_frozen();
--> statement-breakpoint
CREATE FUNCTION anvisa_claim_line_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT status FROM compensation_claims WHERE id = OLD.claim_id) <> 'draft' AND (TG_OP = 'DELETE' OR
     (NEW.claim_id, NEW.child_id, NEW.code, NEW.quarter, NEW.attachment_id, NEW.claimed_count, NEW.claimed_amount)
     IS DISTINCT FROM
     (OLD.claim_id, OLD.child_id, OLD.code, OLD.quarter, OLD.attachment_id, OLD.claimed_count, OLD.claimed_amount)) THEN
    RAISE EXCEPTION 'a submitted claim''s line is frozen (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER compensation_claim_lines_frozen BEFORE UPDATE OR DELETE ON compensation_claim_lines
  FOR EACH ROW EXECUTE FUNCTION anvisa_claim_line_frozen();
--> statement-breakpoint
CREATE TRIGGER compensation_claim_attachments_immutable BEFORE UPDATE ON compensation_claim_attachments
  FOR EACH ROW EXECUTE FUNCTION anvisa_reject_record_change();
