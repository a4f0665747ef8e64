/**
 * Networks, competence events and contacts (issue 13 point 6, ADR 0029): the use cases. A county coordinator sees and
 * edits the networks that hold its county (another county's network is 404, as everywhere); a contact is stored only
 * with consent and an owner at one of the network's county boards; withdrawn consent empties the personal fields and
 * keeps the anonymous participation. The rules are in src/domain/county/networks.ts. No child is in any of it.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import {
  contactProblems,
  eventProblems,
  mayEditNetwork,
  maySeeNetwork,
  needsReview,
  networkProblems,
  participationReport,
  participationReports,
  withdrawConsent,
  type NetworkRole,
  type Participation,
  type ParticipantGender,
} from '../domain/county/networks.ts';
import type { ErrorCode } from '../domain/error-codes.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  counties,
  networkContacts,
  networkEventParticipants,
  networkEvents,
  networks,
  organisations,
  roleAssignments,
  users,
} from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { countyOfActor } from '../reference/areas.ts';
import type { ContactBody, CreateNetworkBody, EventBody, NetworkSchema, NetworksSchema } from './contract.ts';

type NetworkView = Answer<z.input<typeof NetworkSchema>>;
type NetworkRow = typeof networks.$inferSelect;

function refuse(code: ErrorCode, message: string, problems: readonly { field: string; code: string }[]) {
  return unprocessable(
    code,
    message,
    problems.map((p) => ({ field: `body.${p.field}`, code: p.code, message: p.code })),
  );
}

async function countyNames(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: counties.code, name: counties.name })
    .from(counties)
    .orderBy(asc(counties.code));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * The network if the caller may see it (or, for a change, edit it): its county is one of the network's; otherwise 404
 * (it is not said to exist).
 */
async function visibleNetwork(
  caller: RequestCaller,
  networkId: string,
  rule: 'see' | 'edit' = 'edit',
): Promise<NetworkRow> {
  const county = countyOfActor(caller.actor);
  const [row] = await caller.db.select().from(networks).where(eq(networks.id, networkId));
  const may = rule === 'see' ? maySeeNetwork : mayEditNetwork;
  if (row === undefined || !may(county, row.counties)) throw notFound();
  caller.audit.detail('networkId', row.id);
  return row;
}

/** The coordinators of the network's county boards: who may own a contact. */
async function possibleOwners(db: DbOrTx, networkCounties: readonly string[]) {
  return db
    .selectDistinct({ id: users.id, name: users.displayName, countyCode: organisations.countyCode })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(
      and(
        eq(roleAssignments.role, 'county_coordinator'),
        isNull(roleAssignments.revokedAt),
        eq(users.disabled, false),
        eq(organisations.type, 'county_board'),
        inArray(organisations.countyCode, [...networkCounties]),
      ),
    )
    .orderBy(asc(users.displayName));
}

export async function readNetworks(caller: RequestCaller): Promise<Answer<z.input<typeof NetworksSchema>>> {
  const county = countyOfActor(caller.actor);
  const names = await countyNames(caller.db);
  const rows = await caller.db
    .select()
    .from(networks)
    .where(sql`${county} = any(${networks.counties})`)
    .orderBy(asc(networks.name));
  const ids = rows.map((r) => r.id);
  const contacts =
    ids.length === 0
      ? []
      : await caller.db
          .select({ networkId: networkContacts.networkId, confirmedOn: networkContacts.confirmedOn })
          .from(networkContacts)
          .where(and(inArray(networkContacts.networkId, ids), isNull(networkContacts.consentWithdrawnOn)));
  const events =
    ids.length === 0
      ? []
      : await caller.db
          .select({ networkId: networkEvents.networkId })
          .from(networkEvents)
          .where(inArray(networkEvents.networkId, ids));
  caller.audit.detail('countyCode', county);
  return {
    county: { code: county, name: names.get(county) ?? county },
    counties: [...names].map(([code, name]) => ({ code, name })),
    networks: rows.map((n) => {
      const own = contacts.filter((c) => c.networkId === n.id);
      return {
        id: n.id,
        name: n.name,
        counties: n.counties.map((code) => ({ code, name: names.get(code) ?? code })),
        meets: n.meets,
        fromYear: n.fromYear,
        toYear: n.toYear,
        members: own.length,
        events: events.filter((e) => e.networkId === n.id).length,
        needsReview: own.filter((c) => needsReview(c.confirmedOn, caller.today)).length,
      };
    }),
  };
}

async function networkView(caller: RequestCaller, network: NetworkRow): Promise<NetworkView> {
  const names = await countyNames(caller.db);
  const contacts = await caller.db
    .select({ c: networkContacts, ownerName: users.displayName })
    .from(networkContacts)
    .innerJoin(users, eq(users.id, networkContacts.ownerId))
    .where(eq(networkContacts.networkId, network.id))
    .orderBy(asc(networkContacts.countyCode), asc(networkContacts.name));
  const events = await caller.db
    .select()
    .from(networkEvents)
    .where(eq(networkEvents.networkId, network.id))
    .orderBy(asc(networkEvents.firstDay), asc(networkEvents.theme));
  const participants =
    events.length === 0
      ? []
      : await caller.db
          .select()
          .from(networkEventParticipants)
          .where(
            inArray(
              networkEventParticipants.eventId,
              events.map((e) => e.id),
            ),
          );
  const current = contacts.filter(({ c }) => c.consentWithdrawnOn === null);
  const named = new Map(current.map(({ c }) => [c.id, c.name ?? '']));
  const asParticipation = (p: typeof networkEventParticipants.$inferSelect): Participation => ({
    countyCode: p.countyCode,
    role: p.role as NetworkRole,
    gender: p.gender as ParticipantGender,
    count: p.count,
  });
  // Every answer with the members' names and contact details names them in its audit entry, a write's as a read's:
  // whose details were shown, by id, whatever the request's kind (ADR 0029).
  caller.audit.detail(
    'contactsShown',
    current.map(({ c }) => c.id),
  );
  const reports = participationReports(
    events.map((e) => participants.filter((p) => p.eventId === e.id).map(asParticipation)),
    network.counties,
  );
  return {
    id: network.id,
    name: network.name,
    counties: network.counties.map((code) => ({ code, name: names.get(code) ?? code })),
    purpose: network.purpose,
    meets: network.meets,
    fromYear: network.fromYear,
    toYear: network.toYear,
    members: current.map(({ c, ownerName }) => ({
      id: c.id,
      name: c.name ?? '',
      email: c.email === '' ? null : c.email,
      phone: c.phone === '' ? null : c.phone,
      countyCode: c.countyCode,
      role: c.role as NetworkRole,
      organisation: c.organisation,
      gender: c.gender as ParticipantGender,
      consentOn: c.consentOn,
      consentHow: c.consentHow as 'written' | 'email' | 'oral',
      owner: { id: c.ownerId, name: ownerName },
      confirmedOn: c.confirmedOn,
      needsReview: needsReview(c.confirmedOn, caller.today),
    })),
    withdrawn: contacts.length - current.length,
    events: events.map((e, i) => {
      const own = participants.filter((p) => p.eventId === e.id);
      return {
        id: e.id,
        theme: e.theme,
        firstDay: e.firstDay,
        lastDay: e.lastDay,
        place: e.place,
        online: e.online,
        speakers: e.speakers,
        contacts: own.flatMap((p) => {
          const name = p.contactId === null ? undefined : named.get(p.contactId);
          return p.contactId === null || name === undefined ? [] : [{ id: p.contactId, name }];
        }),
        report: reports.events[i] ?? participationReport([], network.counties),
      };
    }),
    report: reports.total,
    owners: (await possibleOwners(caller.db, network.counties)).map((o) => ({
      id: o.id,
      name: o.name,
      countyCode: o.countyCode ?? '',
    })),
  };
}

/** One network with its members' names and contact details: a read of personal data, audited as such. */
export async function readNetwork(caller: RequestCaller, networkId: string): Promise<NetworkView> {
  return networkView(caller, await visibleNetwork(caller, networkId, 'see'));
}

export async function createNetwork(
  caller: RequestCaller,
  body: z.output<typeof CreateNetworkBody>,
): Promise<NetworkView> {
  const county = countyOfActor(caller.actor);
  const known = [...(await countyNames(caller.db)).keys()];
  const chosen = [...new Set(body.counties)].sort();
  const problems = networkProblems({ ...body, counties: chosen }, county, known);
  if (problems.length > 0)
    throw refuse('network_invalid', 'The network cannot be created like this', problems);
  const [row] = await caller.db
    .insert(networks)
    .values({
      name: body.name.trim(),
      counties: chosen,
      purpose: body.purpose.trim(),
      meets: body.meets.trim(),
      fromYear: body.fromYear,
      toYear: body.toYear,
      createdBy: caller.actor.userId,
      createdAt: caller.now,
    })
    .returning();
  if (row === undefined) throw notFound();
  caller.audit.detail('networkId', row.id);
  return networkView(caller, row);
}

/**
 * The network's contacts whose consent stands, held (share lock) until the request's transaction ends: a withdrawal
 * at the same time waits, and then finds and anonymises the participation recorded with them.
 */
async function currentContacts(db: DbOrTx, networkId: string) {
  return db
    .select()
    .from(networkContacts)
    .where(and(eq(networkContacts.networkId, networkId), isNull(networkContacts.consentWithdrawnOn)))
    .for('share');
}

export async function addEvent(
  caller: RequestCaller,
  networkId: string,
  body: z.output<typeof EventBody>,
): Promise<NetworkView> {
  const network = await visibleNetwork(caller, networkId);
  const contacts = await currentContacts(caller.db, network.id);
  const problems = eventProblems(
    body,
    network.counties,
    contacts.map((c) => c.id),
  );
  if (problems.length > 0)
    throw refuse('network_event_invalid', 'The event cannot be recorded like this', problems);
  const [event] = await caller.db
    .insert(networkEvents)
    .values({
      networkId: network.id,
      theme: body.theme.trim(),
      firstDay: body.firstDay,
      lastDay: body.lastDay,
      place: body.place.trim(),
      online: body.online,
      speakers: body.speakers.trim(),
      createdBy: caller.actor.userId,
      createdAt: caller.now,
    })
    .returning({ id: networkEvents.id });
  if (event === undefined) throw notFound();
  const rows = [
    ...body.contactIds.flatMap((id) => {
      const c = contacts.find((x) => x.id === id);
      return c === undefined
        ? []
        : [
            {
              eventId: event.id,
              contactId: c.id,
              countyCode: c.countyCode,
              role: c.role,
              gender: c.gender,
              count: 1,
            },
          ];
    }),
    ...body.counts.map((c) => ({ eventId: event.id, contactId: null, ...c })),
  ];
  if (rows.length > 0) await caller.db.insert(networkEventParticipants).values(rows);
  caller.audit.detail('eventId', event.id);
  return networkView(caller, network);
}

async function checkedContact(
  caller: RequestCaller,
  network: NetworkRow,
  body: z.output<typeof ContactBody>,
) {
  const owners = await possibleOwners(caller.db, network.counties);
  const problems = contactProblems(
    body,
    network.counties,
    owners.map((o) => o.id),
    caller.today,
  );
  if (problems.length > 0)
    throw refuse('contact_invalid', 'The contact cannot be stored like this', problems);
  return {
    countyCode: body.countyCode,
    role: body.role,
    organisation: body.organisation.trim(),
    gender: body.gender,
    name: body.name.trim(),
    email: body.email.trim(),
    phone: body.phone.trim(),
    // Never null here: contactProblems refused a contact without consent.
    consentOn: body.consentOn ?? caller.today,
    consentHow: body.consentHow ?? 'written',
    ownerId: body.ownerId,
    // Whoever records or changes the entry has just checked it: it is current from today.
    confirmedOn: caller.today,
    updatedBy: caller.actor.userId,
    updatedAt: caller.now,
  };
}

export async function addContact(
  caller: RequestCaller,
  networkId: string,
  body: z.output<typeof ContactBody>,
): Promise<NetworkView> {
  const network = await visibleNetwork(caller, networkId);
  const values = await checkedContact(caller, network, body);
  const [row] = await caller.db
    .insert(networkContacts)
    .values({ ...values, networkId: network.id })
    .returning({ id: networkContacts.id });
  caller.audit.detail('contactId', row?.id ?? null);
  return networkView(caller, network);
}

/**
 * A contact of the network whose consent stands (a withdrawn one is gone as a person: 404), locked for the request:
 * a change and a withdrawal at the same time run one after the other, and the later one finds the earlier's result
 * (a change after a withdrawal is 404, not a name written back that the database's check refuses with a 500).
 */
async function currentContact(caller: RequestCaller, network: NetworkRow, contactId: string) {
  const [row] = await caller.db
    .select()
    .from(networkContacts)
    .where(
      and(
        eq(networkContacts.id, contactId),
        eq(networkContacts.networkId, network.id),
        isNull(networkContacts.consentWithdrawnOn),
      ),
    )
    .for('update');
  if (row === undefined) throw notFound();
  caller.audit.detail('contactId', row.id);
  return row;
}

export async function updateContact(
  caller: RequestCaller,
  networkId: string,
  contactId: string,
  body: z.output<typeof ContactBody>,
): Promise<NetworkView> {
  const network = await visibleNetwork(caller, networkId);
  const contact = await currentContact(caller, network, contactId);
  const values = await checkedContact(caller, network, body);
  await caller.db
    .update(networkContacts)
    .set(values)
    .where(and(eq(networkContacts.id, contact.id), isNull(networkContacts.consentWithdrawnOn)));
  return networkView(caller, network);
}

/** Consent withdrawn: name, e-mail and phone are emptied; the anonymous participation stays counted. */
export async function withdrawContactConsent(
  caller: RequestCaller,
  networkId: string,
  contactId: string,
): Promise<NetworkView> {
  const network = await visibleNetwork(caller, networkId);
  const contact = await currentContact(caller, network, contactId);
  const left = withdrawConsent(contact, caller.today);
  await caller.db
    .update(networkContacts)
    .set({
      name: left.name,
      email: left.email,
      phone: left.phone,
      organisation: left.organisation,
      consentWithdrawnOn: left.consentWithdrawnOn,
      updatedBy: caller.actor.userId,
      updatedAt: caller.now,
    })
    .where(eq(networkContacts.id, contact.id));
  await caller.db
    .update(networkEventParticipants)
    .set({ contactId: null })
    .where(eq(networkEventParticipants.contactId, contact.id));
  return networkView(caller, network);
}

/** The owner (or another coordinator of the network) confirms the entry is current. */
export async function confirmContact(
  caller: RequestCaller,
  networkId: string,
  contactId: string,
): Promise<NetworkView> {
  const network = await visibleNetwork(caller, networkId);
  const contact = await currentContact(caller, network, contactId);
  await caller.db
    .update(networkContacts)
    .set({ confirmedOn: caller.today, updatedBy: caller.actor.userId, updatedAt: caller.now })
    .where(eq(networkContacts.id, contact.id));
  return networkView(caller, network);
}
