-- Children decided before the guard existed: their first decision.
INSERT INTO decided_children (child_id, decision_id)
SELECT DISTINCT ON (c) c, d.id FROM anvisning_decisions d CROSS JOIN LATERAL unnest(d.child_ids) AS c ORDER BY c, d.seq
ON CONFLICT DO NOTHING;
