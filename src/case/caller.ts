/**
 * Who calls the case kernel, and the one door to a child's record: `childInScope`.
 *
 * `Caller` is the request's caller (`ctx.caller()` in src/platform/http/route.ts): a logged-in actor, the request's
 * transaction, the clock and the audit scope. `SystemCaller` is Anvisa itself acting on what follows from law on a
 * date (the daily rules, the scheduled notices, the demo seeder's daily run): no actor, no request. `CaseCaller` is
 * either; the transition engine and the consequences accept it.
 */
import { childAccess, type ChildAccess } from '../domain/access/child-scope.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { HttpError, notFound } from '../platform/http/errors.ts';
import type { AuditScope, RequestCaller } from '../platform/http/route.ts';
import { emergencyGrantsFor, loadChildrenWithFacts, type ChildWithFacts } from '../children/repository.ts';

/** The use cases' caller: one type for every capability. */
export type Caller = RequestCaller;

/** Anvisa itself: what follows from law on a date, with no user behind it. */
export interface SystemCaller {
  readonly db: DbOrTx;
  readonly now: Date;
  readonly today: string;
  readonly actor: null;
  readonly audit?: AuditScope;
}

/** A user's request or Anvisa itself. */
export type CaseCaller = Caller | SystemCaller;

/** The same transaction and clock, acting as Anvisa itself (the follow-ups that law, not the user, decides). */
export function asSystem(caller: Pick<SystemCaller, 'db' | 'now' | 'today' | 'audit'>): SystemCaller {
  return caller.audit === undefined
    ? { db: caller.db, now: caller.now, today: caller.today, actor: null }
    : { db: caller.db, now: caller.now, today: caller.today, actor: null, audit: caller.audit };
}

/** A record merged into another record of the same child answers with a pointer to the surviving record. */
export interface MergedPointer {
  readonly mergedInto: { readonly id: string; readonly dossierNumber: string };
}

/** 409 `merged`: the record was merged; `error.current` points to the surviving record. */
export function mergedError(childId: string, pointer: MergedPointer): HttpError {
  return new HttpError(
    409,
    'merged',
    'This record was merged into another record of the same child',
    [
      {
        field: 'childId',
        code: 'merged',
        message: 'Posten har slagits samman med en annan post för samma barn',
      },
    ],
    [childId],
    pointer,
  );
}

/**
 * The child with the caller's access to it, or 404 (audited as a refused attempt) when outside the scope. A merged
 * record's facts now live on the surviving record: the caller's access is decided on those, and the answer is 409
 * `merged` with a pointer (or, with `allowMerged`, the record itself, for the merge's own undo).
 */
export async function childInScope(
  caller: Caller,
  childId: string,
  options: { readonly allowMerged?: boolean } = {},
): Promise<ChildWithFacts & { access: ChildAccess }> {
  const [found] = await loadChildrenWithFacts(caller.db, [childId]);
  if (found === undefined) throw notFound([childId]);
  const survivorId = found.child.mergedIntoId;
  const [survivor] = survivorId === null ? [found] : await loadChildrenWithFacts(caller.db, [survivorId]);
  if (survivor === undefined) throw notFound([childId]);
  const grants = await emergencyGrantsFor(caller.db, caller.actor, caller.now, [childId, survivor.child.id]);
  const facts = survivorId === null ? found.facts : { ...survivor.facts, childId };
  const access = childAccess(caller.actor, facts, {
    today: caller.today,
    now: caller.now,
    emergencyGrants: grants,
  });
  if (access.view === 'none') throw notFound([childId]);
  if (access.basis === 'emergency') caller.audit.emergency();
  if (survivorId !== null && options.allowMerged !== true) {
    throw mergedError(childId, {
      mergedInto: { id: survivor.child.id, dossierNumber: survivor.child.dossierNumber },
    });
  }
  return { ...found, access };
}
