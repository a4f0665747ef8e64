/** Writes audit events. Called inside the request's transaction, so the event commits with the change or not at all. */
import { randomUUID } from 'node:crypto';
import { payloadDigest } from '../domain/audit/chain.ts';
import type { AuditEventKind, AuditOutcome } from '../domain/audit/events.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { auditEvents } from '../platform/db/schema.ts';

export interface AuditActor {
  readonly userId: string;
  readonly organisationId: string | null;
  readonly role: string | null;
}

export interface AuditEventInput {
  readonly kind: AuditEventKind;
  readonly outcome: AuditOutcome;
  readonly requestId: string;
  /** The page view the request belongs to; the request id when not given (the request is a view of its own). */
  readonly viewId?: string;
  readonly actor: AuditActor | null;
  readonly purpose: string | null;
  readonly childIds: readonly string[];
  readonly emergency: boolean;
  /** Ids, counts and codes only — never names, addresses or free text about a child. */
  readonly payload: Readonly<Record<string, unknown>>;
}

export async function writeAuditEvent(db: DbOrTx, input: AuditEventInput, now: Date): Promise<string> {
  const id = randomUUID();
  await db.insert(auditEvents).values({
    id,
    occurredAt: now,
    requestId: input.requestId,
    kind: input.kind,
    outcome: input.outcome,
    actorUserId: input.actor?.userId ?? null,
    actorOrganisationId: input.actor?.organisationId ?? null,
    actorRole: input.actor?.role ?? null,
    purpose: input.purpose,
    childIds: [...new Set(input.childIds)],
    emergency: input.emergency,
    payload: input.payload,
    payloadDigest: payloadDigest(input.payload),
    viewId: input.viewId ?? input.requestId,
  });
  return id;
}
