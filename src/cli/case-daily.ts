/** `npm run anvisa -- case daily`: the daily rules of the child's case, once, on today's date (see src/responsibility/daily.ts). */
import type { Database } from '../platform/db/client.ts';
import { runDailyRules } from '../responsibility/daily.ts';

export async function caseDaily(database: Database, now: Date, out: (line: string) => void): Promise<number> {
  const summary = await runDailyRules(database.db, now, out);
  const { end_at_18, end_as_decided, end_guardianship, end_aftercare } = summary.applied;
  out(
    `daily rules ${summary.today}: ${summary.checked} children checked; responsibility ended at 18: ${end_at_18}, ` +
      `decided ends taking hold: ${end_as_decided}, guardianships ended by law: ${end_guardianship}, aftercare ended: ${end_aftercare}` +
      (summary.failed > 0 ? `; FAILED for ${summary.failed}` : ''),
  );
  return summary.failed > 0 ? 1 : 0;
}
