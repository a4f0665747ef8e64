/**
 * `anvisa statistics import-history --history h.csv --source "…" --by <subject>` (issue 15, ADR 0039): the Migration
 * Agency's published monthly counts of arriving children, for the months before Anvisa's own records, into
 * `arrival_history` (append-only: a month imported again is a new row, the latest counts). The file is the forecast's
 * history (`manad,antal`, consecutive months); the source says where the figures come from; `--by` names the Agency's
 * user who vouches for them (an identity-provider subject with an allocation officer's role at the Agency). All rows
 * in one transaction, or none; bad input exit 2 before the database is touched.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import type { Database } from '../platform/db/client.ts';
import { arrivalHistory, organisations, roleAssignments, users } from '../platform/db/schema.ts';
import { readHistory } from './forecast.ts';
import { UsageError } from './usage-error.ts';

type Out = (line: string) => void;

export interface ImportHistoryOptions {
  readonly file: string;
  readonly source: string;
  readonly by: string;
  readonly months: readonly { readonly month: string; readonly count: number }[];
}

/** The command line and the file, checked before the database is opened. */
export function importHistoryOptions(args: readonly string[]): ImportHistoryOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { history: { type: 'string' }, source: { type: 'string' }, by: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const { history, source, by } = values;
  if (history === undefined || source === undefined || by === undefined)
    throw new UsageError('statistics import-history needs --history, --source and --by');
  if (source.trim().length < 3) throw new UsageError('--source must say where the figures come from');
  return { file: history, source: source.trim(), by, months: readHistory(history, 1).history };
}

export async function importHistory(
  database: Database,
  options: ImportHistoryOptions,
  now: Date,
  out: Out,
): Promise<number> {
  const [officer] = await database.db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(
      and(
        eq(users.subject, options.by),
        eq(users.disabled, false),
        eq(roleAssignments.role, 'allocation_officer'),
        isNull(roleAssignments.revokedAt),
        eq(organisations.type, 'migration_agency'),
      ),
    )
    .limit(1);
  if (officer === undefined)
    throw new UsageError(`--by ${options.by} is not an active allocation officer at the Migration Agency`);
  await database.db.transaction(async (tx) => {
    await tx.insert(arrivalHistory).values(
      options.months.map((m) => ({
        month: m.month,
        count: m.count,
        source: options.source,
        recordedBy: officer.id,
        recordedAt: now,
      })),
    );
  });
  const [first, last] = [options.months[0]?.month, options.months.at(-1)?.month];
  out(`imported ${options.months.length} months (${first ?? ''} to ${last ?? ''}) from ${options.file}`);
  return 0;
}
