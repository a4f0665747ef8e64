-- The arrival periods by their first day (each child's first responsibility, written once at registration): the
-- statistics' arrivals read a range of days from the index alone (issue 15, bench:statistics).
CREATE INDEX "responsibility_arrival_idx" ON "responsibility_periods" USING btree ("from_date","child_id","municipality_code") WHERE "responsibility_periods"."kind" = 'arrival';