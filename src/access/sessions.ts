/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256. A session has an
 * idle and an absolute timeout, can be revoked one by one or everywhere, and carries the role the user chose
 * as active (one person may hold roles in several organisations).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Actor } from '../domain/access/child-scope.ts';
import { ORGANISATION_TYPES, ROLES, type OrganisationType, type Role } from '../domain/access/roles.ts';
import { sha256Hex } from '../domain/audit/chain.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  guardianshipAuthorityMunicipalities,
  organisations,
  roleAssignments,
  sessions,
  users,
} from '../platform/db/schema.ts';

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

export interface Assignment {
  readonly id: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationType: OrganisationType;
  /** The municipality of a municipal organisation, the county of a county board or region; null otherwise. */
  readonly municipalityCode: string | null;
  readonly countyCode: string | null;
  readonly protectedIdentityClearance: boolean;
  /** The placement provider of a provider organisation; null otherwise. */
  readonly providerId: string | null;
}

export interface AuthState {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly user: { readonly id: string; readonly displayName: string };
  readonly assignments: readonly Assignment[];
  readonly activeAssignmentId: string | null;
  /** Null until the user has chosen an active role. */
  readonly actor: Actor | null;
}

/**
 * `lastSeenAt` is written at most once a minute (not on every request); a use in between leaves it up to this much
 * behind the real last use (less than this much), so the idle deadline counts from `lastSeenAt` plus this slack: a session
 * used within the idle timeout never ends, and an unused one ends between `idleMinutes` and `idleMinutes` + 1 minute
 * after its last use.
 */
const TOUCH_AFTER_MS = 60_000;

function asRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`Unknown role ${value}`);
  return value as Role;
}
function asOrganisationType(value: string): OrganisationType {
  if (!(ORGANISATION_TYPES as readonly string[]).includes(value))
    throw new Error(`Unknown organisation type ${value}`);
  return value as OrganisationType;
}

export const hashToken = (token: string): string => sha256Hex(token);

export async function createSession(
  db: DbOrTx,
  userId: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const assignments = await loadAssignments(db, userId);
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      activeAssignmentId: assignments.length === 1 ? (assignments[0]?.id ?? null) : null,
      csrfToken: randomBytes(24).toString('base64url'),
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
    })
    .returning({ id: sessions.id });
  if (row === undefined) throw new Error('session insert returned nothing');
  return { token, sessionId: row.id };
}

export async function loadAssignments(db: DbOrTx, userId: string): Promise<Assignment[]> {
  const rows = await db
    .select({ assignment: roleAssignments, organisation: organisations })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)))
    .orderBy(organisations.name, roleAssignments.role);
  return rows.map(({ assignment, organisation }) => toAssignment(assignment, organisation));
}

function toAssignment(
  assignment: typeof roleAssignments.$inferSelect,
  organisation: typeof organisations.$inferSelect,
): Assignment {
  return {
    id: assignment.id,
    role: asRole(assignment.role),
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationType: asOrganisationType(organisation.type),
    municipalityCode: organisation.municipalityCode,
    countyCode: organisation.countyCode,
    protectedIdentityClearance: assignment.protectedIdentityClearance,
    providerId: organisation.providerId,
  };
}

/** The actor of an assignment (its organisation was loaded with it; only a guardianship authority asks for more). */
async function actorFor(db: DbOrTx, userId: string, assignment: Assignment): Promise<Actor> {
  let municipalityCodes: string[] = [];
  if (assignment.organisationType === 'municipality' && assignment.municipalityCode !== null) {
    municipalityCodes = [assignment.municipalityCode];
  } else if (assignment.organisationType === 'guardianship_authority') {
    const served = await db
      .select({ code: guardianshipAuthorityMunicipalities.municipalityCode })
      .from(guardianshipAuthorityMunicipalities)
      .where(eq(guardianshipAuthorityMunicipalities.organisationId, assignment.organisationId));
    municipalityCodes = served.map((s) => s.code);
  }
  return {
    userId,
    organisationId: assignment.organisationId,
    organisationType: assignment.organisationType,
    role: assignment.role,
    municipalityCodes,
    countyCode: assignment.countyCode,
    protectedIdentityClearance: assignment.protectedIdentityClearance,
    providerId: assignment.providerId,
  };
}

/** The session behind a cookie token, or null when it is unknown, revoked, idle too long or past its absolute end. */
export async function resolveSession(
  db: DbOrTx,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<AuthState | null> {
  // The session, its user and the user's role assignments in one round trip (one row per assignment).
  const rows = await db
    .select({ session: sessions, user: users, assignment: roleAssignments, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, and(eq(roleAssignments.userId, users.id), isNull(roleAssignments.revokedAt)))
    .leftJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .orderBy(asc(organisations.name), asc(roleAssignments.role));
  const row = rows[0];
  if (row === undefined || row.user.disabled) return null;
  const idleLimit = row.session.lastSeenAt.getTime() + TOUCH_AFTER_MS + policy.idleMinutes * 60_000;
  if (now.getTime() >= idleLimit) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, row.session.id));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  const assignments = rows.flatMap(({ assignment, organisation }) =>
    assignment === null || organisation === null ? [] : [toAssignment(assignment, organisation)],
  );
  const active = assignments.find((a) => a.id === row.session.activeAssignmentId) ?? null;
  return {
    sessionId: row.session.id,
    csrfToken: row.session.csrfToken,
    user: { id: row.user.id, displayName: row.user.displayName },
    assignments,
    activeAssignmentId: active?.id ?? null,
    actor: active === null ? null : await actorFor(db, row.user.id, active),
  };
}

export async function setActiveAssignment(
  db: DbOrTx,
  auth: AuthState,
  assignmentId: string,
): Promise<Assignment | null> {
  const assignment = auth.assignments.find((a) => a.id === assignmentId) ?? null;
  if (assignment === null) return null;
  await db.update(sessions).set({ activeAssignmentId: assignment.id }).where(eq(sessions.id, auth.sessionId));
  return assignment;
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
