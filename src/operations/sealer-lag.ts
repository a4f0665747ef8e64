/**
 * How far the audit sealer is behind, read cheaply enough for every health check and scrape: the events inserted
 * after the last sealed one and not yet chained (an index range on `insert_seq`, not a scan of the whole log), and
 * how long the oldest has waited — by the database's clock on both ends (`inserted_at`), since a request's own time
 * may lie in the past (the demo's history) and the app's clock may differ from the database's. An event that
 * committed late with a smaller `insert_seq` is sealed at the next round and not counted here.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../platform/db/client.ts';

export interface SealerBacklog {
  readonly events: number;
  /** Seconds the oldest of them has waited; 0 when none waits. */
  readonly lagSeconds: number;
}

export async function sealerBacklog(db: DbOrTx): Promise<SealerBacklog> {
  const [row] = await rowsOf<{ events: string | number; lag: string | number | null }>(
    db,
    sql`
    select count(*) as events, extract(epoch from now() - min(e.inserted_at)) as lag
      from audit_events e
     where e.insert_seq > coalesce((select s.insert_seq from audit_chain c join audit_events s on s.id = c.event_id
                                     order by c.seq desc limit 1), 0)
       and not exists (select 1 from audit_chain c where c.event_id = e.id)`,
  );
  return {
    events: Number(row?.events ?? 0),
    lagSeconds: row?.lag === null || row?.lag === undefined ? 0 : Math.max(0, Number(row.lag)),
  };
}
