/**
 * The child's latest best-interests record, for a new decision's form to offer as its starting point: the officer
 * confirms or changes each part, and the decision still stores a full record of its own. Read like the rest of the
 * child's case: in scope, and only for those who may read the best-interests records (others learn nothing: 404).
 */
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { childInScope, type Caller } from './caller.ts';
import { stockholmDate } from '../domain/time.ts';
import { bestInterestsRecords, users } from '../platform/db/schema.ts';
import { requireSection } from './relation.ts';
import type { LatestBestInterestsSchema } from './contract.ts';

export type LatestBestInterests = z.infer<typeof LatestBestInterestsSchema>;

export async function readLatestBestInterests(caller: Caller, childId: string): Promise<LatestBestInterests> {
  const { access } = await childInScope(caller, childId);
  await requireSection(caller.db, caller.actor, access, childId, caller.today, 'best_interests', 'read');
  const [row] = await caller.db
    .select({ r: bestInterestsRecords, recordedBy: users.displayName })
    .from(bestInterestsRecords)
    .innerJoin(users, eq(users.id, bestInterestsRecords.recordedBy))
    .where(eq(bestInterestsRecords.childId, childId))
    .orderBy(desc(bestInterestsRecords.recordedAt))
    .limit(1);
  caller.audit.children([childId]);
  caller.audit.detail('part', 'best_interests');
  if (row === undefined) return { record: null };
  caller.audit.detail('bestInterestsId', row.r.id);
  const r = row.r;
  return {
    record: {
      id: r.id,
      decisionKind: r.decisionKind,
      rightsConcerned: r.rightsConcerned,
      whatIsKnown: r.whatIsKnown,
      childsViews: r.childsViews,
      childsViewsLanguage: r.childsViewsLanguage,
      howWeighed: r.howWeighed,
      feedbackToChild: r.feedbackToChild,
      feedbackGivenOn: r.feedbackGivenOn,
      notHeardReason: r.notHeardReason,
      recordedBy: row.recordedBy,
      recordedOn: stockholmDate(r.recordedAt),
    },
  };
}
