-- Each child's first responsibility period in order, its municipality beside it: the arrivals' `distinct on`
-- reads it from the index alone instead of sorting every period (issue 15, bench:statistics).
CREATE INDEX "responsibility_first_idx" ON "responsibility_periods" USING btree ("child_id","from_date","created_at","municipality_code");