/**
 * What a log page answers: one entry per page view, with names, and for the data protection officer the dossier
 * numbers of the children concerned (which the route then audits as shown). Also the dossier search's lookup.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { PageViewEntry } from '../domain/audit/page-views.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { childIdentifiers, children, organisations, roleAssignments, users } from '../platform/db/schema.ts';
import type { LogPage } from './log-query.ts';

/** An entry names its children by dossier number up to this many; a list's entry gives the count only. */
export const MAX_NAMED_CHILDREN = 3;

import type { LogPageSchema } from './contract.ts';

export interface Presented {
  readonly page: z.infer<typeof LogPageSchema>;
  /** The children whose dossier numbers the answer shows: the route audits them. */
  readonly namedChildren: readonly string[];
}

/**
 * Names, organisations, report links and (with `nameChildren`) dossier numbers for a page of entries. The child's
 * own access log does not name the other children a list showed alongside it: its readers may not know them.
 */
export async function present(
  db: DbOrTx,
  page: LogPage,
  reader: { readonly organisationIds: readonly string[]; readonly nameChildren: boolean },
): Promise<Presented> {
  const entries = page.entries;
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])))];
  const orgIds = [
    ...new Set(entries.flatMap((e) => (e.actorOrganisationId === null ? [] : [e.actorOrganisationId]))),
  ];
  const named = (e: PageViewEntry) =>
    reader.nameChildren && e.childIds.length <= MAX_NAMED_CHILDREN ? e.childIds : [];
  const childIds = [...new Set(entries.flatMap(named))];
  // One after another: inside the request's transaction there is one session (PGlite).
  const names =
    actorIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, actorIds));
  const orgs =
    orgIds.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, orgIds));
  const members =
    actorIds.length === 0
      ? []
      : await db
          .selectDistinct({ id: roleAssignments.userId })
          .from(roleAssignments)
          .where(
            and(
              inArray(roleAssignments.organisationId, [...reader.organisationIds]),
              inArray(roleAssignments.userId, actorIds),
            ),
          );
  const dossiers =
    childIds.length === 0
      ? []
      : await db
          .select({ id: children.id, dossierNumber: children.dossierNumber })
          .from(children)
          .where(inArray(children.id, childIds));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const orgOf = new Map(orgs.map((o) => [o.id, o.name]));
  const own = new Set(members.map((m) => m.id));
  const dossierOf = new Map(dossiers.map((d) => [d.id, d.dossierNumber]));
  return {
    page: {
      older: page.older,
      newer: page.newer,
      entries: entries.map((e) => ({
        id: e.id,
        startedAt: e.startedAt,
        endedAt: e.endedAt,
        actorUserId: e.actorUserId,
        actorName: e.actorUserId === null ? null : (nameOf.get(e.actorUserId) ?? null),
        organisationName: e.actorOrganisationId === null ? null : (orgOf.get(e.actorOrganisationId) ?? null),
        role: e.role,
        reportAvailable: e.actorUserId !== null && own.has(e.actorUserId),
        outcome: e.outcome,
        emergency: e.emergency,
        purpose: e.purpose,
        parts: [...e.parts],
        childCount: e.childIds.length,
        children: named(e).flatMap((id) => {
          const dossierNumber = dossierOf.get(id);
          return dossierNumber === undefined ? [] : [{ id, dossierNumber }];
        }),
      })),
    },
    namedChildren: [...dossierOf.keys()],
  };
}

/**
 * The records a dossier number stands for: the child whose number it is (its own or a further one), and the
 * records merged with it either way, since their accesses are the same child's.
 */
export async function childrenByDossier(db: DbOrTx, dossierNumber: string): Promise<string[]> {
  const direct = await db
    .select({ id: children.id, mergedIntoId: children.mergedIntoId })
    .from(children)
    .where(
      or(
        eq(children.dossierNumber, dossierNumber),
        inArray(
          children.id,
          db
            .select({ id: childIdentifiers.childId })
            .from(childIdentifiers)
            .where(and(eq(childIdentifiers.kind, 'dossier'), eq(childIdentifiers.value, dossierNumber))),
        ),
      ),
    );
  if (direct.length === 0) return [];
  const ids = direct.map((d) => d.id);
  const mergedInto = direct.flatMap((d) => (d.mergedIntoId === null ? [] : [d.mergedIntoId]));
  const mergedHere = await db
    .select({ id: children.id })
    .from(children)
    .where(inArray(children.mergedIntoId, ids));
  return [...new Set([...ids, ...mergedInto, ...mergedHere.map((m) => m.id)])];
}
