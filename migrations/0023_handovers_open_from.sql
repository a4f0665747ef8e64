-- The open hand-overs from a municipality are part of its social services' scope, read by every search of theirs;
-- without an index each search scanned every hand-over ever made (one per anvisning), and the plan's cost over that
-- scan passed PostgreSQL's JIT threshold: about 250 ms of compiling per search at 100,000 hand-overs, 14 ms with it.
CREATE INDEX "handovers_open_from_idx" ON "handovers" USING btree ("from_code") WHERE "handovers"."moved_on" is null;