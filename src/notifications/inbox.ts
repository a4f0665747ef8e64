/**
 * A user's notifications: the unread count for the header, the list (each child shown as the active role may see
 * it — a notification about a child outside the role's scope shows no child), marking as read. Notifications are
 * the user's own whatever role is active; the details are ids, codes and dates only.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { childAccess } from '../domain/access/child-scope.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { notifications } from '../platform/db/schema.ts';
import { notFound } from '../platform/http/errors.ts';
import { presentSummary } from '../children/present.ts';
import type { ChildSummary } from '../children/contract.ts';
import { emergencyGrantsFor, loadChildrenWithFacts } from '../children/repository.ts';
import { lookupFor } from '../children/use-cases.ts';
import { type Caller } from '../case/caller.ts';
import type { NotificationDetails } from './notify.ts';

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export interface NotificationItem {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly details: NotificationDetails;
  /** The child as the active role may see it; null when there is none or it is outside the role's scope. */
  readonly child: ChildSummary | null;
  /** The notification is about a child the active role cannot see (another of the user's roles can). */
  readonly otherRole: boolean;
}

/** Only ids, codes, dates, numbers and flags pass: a producer's free text never reaches the answer. */
function safeDetails(details: unknown): NotificationDetails {
  if (typeof details !== 'object' || details === null) return {};
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[key] = value;
    else if (typeof value === 'string' && /^[\w.:-]{1,64}$/.test(value)) out[key] = value;
  }
  return out;
}

export async function listNotifications(
  caller: Caller,
  options: { readonly unreadOnly: boolean; readonly page: number; readonly pageSize: number },
): Promise<{ total: number; unread: number; items: NotificationItem[] }> {
  const where = and(
    eq(notifications.userId, caller.actor.userId),
    options.unreadOnly ? isNull(notifications.readAt) : sql`true`,
  );
  const [rows, [total], unread] = await Promise.all([
    caller.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    caller.db.select({ n: count() }).from(notifications).where(where),
    unreadCount(caller.db, caller.actor.userId),
  ]);
  const childIds = [...new Set(rows.flatMap((r) => (r.childId === null ? [] : [r.childId])))];
  const [loaded, grants, lookup] = await Promise.all([
    loadChildrenWithFacts(caller.db, childIds),
    emergencyGrantsFor(caller.db, caller.actor, caller.now, childIds),
    lookupFor(caller.db, []),
  ]);
  const shown = new Map<string, ChildSummary>();
  for (const { child, facts } of loaded) {
    const access = childAccess(caller.actor, facts, {
      today: caller.today,
      now: caller.now,
      emergencyGrants: grants,
    });
    if (access.view === 'none' || child.mergedIntoId !== null) continue;
    if (access.basis === 'emergency') caller.audit.emergency();
    shown.set(child.id, presentSummary(child, facts, access, caller.today, lookup));
  }
  caller.audit.children(shown.keys());
  caller.audit.detail('shown', rows.length);
  return {
    total: Number(total?.n ?? 0),
    unread,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
      details: safeDetails(r.details),
      child: r.childId === null ? null : (shown.get(r.childId) ?? null),
      otherRole: r.childId !== null && !shown.has(r.childId),
    })),
  };
}

/** Marks one of the user's notifications read (404 for anyone else's); reading twice keeps the first time. */
export async function markRead(
  caller: Caller,
  notificationId: string,
): Promise<{ id: string; readAt: string }> {
  const [row] = await caller.db
    .select({ id: notifications.id, readAt: notifications.readAt, childId: notifications.childId })
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, caller.actor.userId)));
  if (row === undefined) throw notFound();
  const readAt = row.readAt ?? caller.now;
  if (row.readAt === null)
    await caller.db.update(notifications).set({ readAt }).where(eq(notifications.id, row.id));
  caller.audit.detail('notificationId', row.id);
  return { id: row.id, readAt: readAt.toISOString() };
}

export async function markAllRead(caller: Caller): Promise<{ marked: number }> {
  const marked = await caller.db
    .update(notifications)
    .set({ readAt: caller.now })
    .where(and(eq(notifications.userId, caller.actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  caller.audit.detail('marked', marked.length);
  return { marked: marked.length };
}
