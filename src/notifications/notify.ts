/**
 * In-app notifications: one row per user to be told. Use cases call these in their own transaction; the header shows
 * the count, and (when SMTP is configured) a mail says only that something waits in Anvisa — never personal data.
 * `details` carries ids, codes and dates only.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type Role, MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  guardianshipAuthorityMunicipalities,
  handovers,
  notifications,
  organisations,
  roleAssignments,
} from '../platform/db/schema.ts';

import type { NotificationKind } from './contract.ts';
/** For the importer in src/asylum, until it imports the contract (ADR 0019). */
export type { NotificationKind } from './contract.ts';

export type NotificationDetails = Readonly<Record<string, string | number | boolean | null>>;

export async function notifyUsers(
  db: DbOrTx,
  userIds: readonly string[],
  kind: NotificationKind,
  childId: string | null,
  details: NotificationDetails,
  now: Date,
): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  await db
    .insert(notifications)
    .values(unique.map((userId) => ({ userId, kind, childId, details, createdAt: now })));
  return unique.length;
}

/** The users holding one of `roles` (not revoked) in the given organisations. */
export async function usersWithRoles(
  db: DbOrTx,
  organisationIds: readonly string[],
  roles: readonly Role[],
): Promise<string[]> {
  if (organisationIds.length === 0 || roles.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        inArray(roleAssignments.organisationId, [...organisationIds]),
        inArray(roleAssignments.role, [...roles]),
        isNull(roleAssignments.revokedAt),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}

/** The organisations acting for a municipality: its social services, or the guardianship authority serving it. */
export async function organisationsFor(
  db: DbOrTx,
  kind: 'social_services' | 'guardianship',
  municipalityCode: string,
): Promise<string[]> {
  if (kind === 'social_services') {
    const rows = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(eq(organisations.type, 'municipality'), eq(organisations.municipalityCode, municipalityCode)),
      );
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: guardianshipAuthorityMunicipalities.organisationId })
    .from(guardianshipAuthorityMunicipalities)
    .where(eq(guardianshipAuthorityMunicipalities.municipalityCode, municipalityCode));
  return rows.map((r) => r.id);
}

/** Tells everyone in `roles` at the municipality's social services (or guardianship authority). */
export async function notifyMunicipality(
  db: DbOrTx,
  kind: 'social_services' | 'guardianship',
  municipalityCode: string,
  roles: readonly Role[],
  notification: { kind: NotificationKind; childId: string | null; details: NotificationDetails },
  now: Date,
): Promise<number> {
  const orgs = await organisationsFor(db, kind, municipalityCode);
  const userIds = await usersWithRoles(db, orgs, roles);
  return notifyUsers(db, userIds, notification.kind, notification.childId, notification.details, now);
}

/**
 * The assigned municipality's social services are told of a child assigned to them (a follow-up of an anvisning),
 * naming the municipality the child comes from: the open hand-over's (written by the assignment step before this one),
 * or the assigned one when the child is already there.
 */
export async function notifyIncomingChild(
  db: DbOrTx,
  facts: { readonly childId: string; readonly decisionId: string; readonly municipalityCode: string },
  now: Date,
): Promise<void> {
  const [handover] = await db
    .select({ fromCode: handovers.fromCode })
    .from(handovers)
    .where(
      and(
        eq(handovers.childId, facts.childId),
        eq(handovers.toCode, facts.municipalityCode),
        // The hand-over this decision opened (or reopened); an earlier, completed one is not where the child is now.
        isNull(handovers.movedOn),
        isNull(handovers.acknowledgedOn),
      ),
    );
  await notifyMunicipality(
    db,
    'social_services',
    facts.municipalityCode,
    MUNICIPAL_CASE_ROLES,
    {
      kind: 'incoming_child',
      childId: facts.childId,
      details: { decisionId: facts.decisionId, fromCode: handover?.fromCode ?? facts.municipalityCode },
    },
    now,
  );
}

/**
 * The county's reminder of a capacity report (a follow-up of `capacity.reminded`): a notice to each user the reminder
 * is for, naming the period and its due day. Answers how many were told.
 */
export async function notifyCapacityReminder(
  db: DbOrTx,
  facts: { readonly periodLabel: string; readonly dueOn: string; readonly recipientIds: readonly string[] },
  now: Date,
): Promise<number> {
  return notifyUsers(
    db,
    facts.recipientIds,
    'capacity_reminder',
    null,
    { period: facts.periodLabel, dueOn: facts.dueOn },
    now,
  );
}
