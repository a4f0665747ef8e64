/**
 * The database schema (PostgreSQL 15 dialect; runs unchanged on PGlite). Migrations in `migrations/` are
 * generated from this file by drizzle-kit; hand-written SQL (triggers) lives in custom migrations there.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  customType,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// ── Reference data ────────────────────────────────────────────────────────────
export const counties = pgTable('counties', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** The formal name ("Stockholms kommun", "Falu kommun"), from reference-data; the name decisions use. */
    officialName: text('official_name'),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
  },
  (t) => [check('municipality_code_format', sql`${t.code} ~ '^[0-9]{4}$'`)],
);

export const population = pgTable(
  'population',
  {
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.year] }),
    check('population_non_negative', sql`${t.population} >= 0`),
  ],
);

// ── Organisations, users, roles ───────────────────────────────────────────────
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    countyCode: text('county_code').references(() => counties.code),
    /** A placement provider's staff (type `provider`): the one provider it is; null for every other type. */
    providerId: uuid('provider_id').references(() => placementProviders.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('organisations_type_idx').on(t.type),
    uniqueIndex('organisations_provider_uq').on(t.providerId),
    check('organisations_provider', sql`(${t.type} = 'provider') = (${t.providerId} is not null)`),
  ],
);

/** The municipalities a guardianship authority (överförmyndare) serves. */
export const guardianshipAuthorityMunicipalities = pgTable(
  'guardianship_authority_municipalities',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.municipalityCode] })],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The identity provider's subject; unique per issuer. */
  subject: text('subject').notNull().unique(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    protectedIdentityClearance: boolean('protected_identity_clearance').notNull().default(false),
    grantedBy: uuid('granted_by'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('role_assignments_active_uq')
      .on(t.userId, t.organisationId, t.role)
      .where(sql`${t.revokedAt} is null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    activeAssignmentId: uuid('active_assignment_id').references(() => roleAssignments.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Short-lived state of an OIDC login in progress (PKCE verifier, state, nonce). */
export const loginAttempts = pgTable('login_attempts', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: createdAt(),
});

// ── Children (minimal record; extended by the allocation and case issues) ─────
export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierNumber: text('dossier_number').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: text('gender').notNull(),
    protectedIdentity: boolean('protected_identity').notNull().default(false),
    /** Where the child lives now (address or placement); whereabouts are masked for protected identities. */
    whereabouts: text('whereabouts'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The birth date the child stated; `birthDate` is the registered one (history in age_records). */
    statedBirthDate: date('stated_birth_date', { mode: 'string' }),
    /** Set when this record was merged into another record of the same child (reversible, see child_merges). */
    mergedIntoId: uuid('merged_into_id'),
    /** Optimistic concurrency for edits of the child's basic data. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    /**
     * The transliteration keys of the names (each name and each of its words, `nameKeys` in src/domain/search/names.ts),
     * kept by the database from the names (SQL function `anvisa_name_keys`, migration 0012) so a name search is an
     * index lookup.
     */
    nameKeys: text('name_keys')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`anvisa_name_keys(first_name, last_name)`),
  },
  (t) => [
    check('dossier_number_digits', sql`${t.dossierNumber} ~ '^[0-9]{4,12}$'`),
    // Without the pending list (fastupdate off): a search reads the index, never a list of the latest inserts that
    // every search would scan through (up to 4 MB: 14 ms per key looked up at 100,000 children; migration 0024).
    index('children_name_keys_idx').using('gin', t.nameKeys).with({ fastupdate: false }),
    // The records merged into a child (its timeline and history include them): few, so a partial index.
    index('children_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
    // A search by birth date (as registered or as the child stated it) looks the date up.
    index('children_birth_date_idx').on(t.birthDate),
    index('children_stated_birth_date_idx').on(t.statedBirthDate),
  ],
);

export const responsibilityPeriods = pgTable(
  'responsibility_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    /** arrival | assigned | transferred | aftercare */
    kind: text('kind').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    /** Why the period began: anvisning, transfer, continued_responsibility (aftercare), … */
    reason: text('reason'),
    /** Why it ended: handed_over, transferred, turned_18, absconded, left_sweden, reunited, sfv, age_changed, aftercare_ended */
    endReason: text('end_reason'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('responsibility_child_idx').on(t.childId),
    // The arrival periods by their first day, the child and municipality beside it: the statistics' arrivals read a
    // range of days from the index alone (bench:statistics).
    index('responsibility_arrival_idx')
      .on(t.fromDate, t.childId, t.municipalityCode)
      .where(sql`${t.kind} = 'arrival'`),
    index('responsibility_municipality_idx').on(t.municipalityCode),
    check('responsibility_dates', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/** God man or special custodian (SFV) ↔ ward. */
export const guardianships = pgTable(
  'guardianships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    guardianUserId: uuid('guardian_user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('guardianships_child_idx').on(t.childId),
    index('guardianships_guardian_idx').on(t.guardianUserId),
    check('guardianship_dates', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

/** Migration Agency officers handling a child's case. */
export const caseOfficers = pgTable(
  'case_officers',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.childId, t.userId] })],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    /** note | correspondence (a logged letter, e-mail or call) */
    kind: text('kind').notNull().default('note'),
    /** The date the note is about (for correspondence: sent or received). */
    occurredOn: date('occurred_on', { mode: 'string' }),
    /** Notes the child may not read (e.g. about others) are marked. */
    notForChild: boolean('not_for_child').notNull().default(false),
    /** Correspondence: incoming | outgoing, the counterpart and the channel (letter, e-mail, phone). */
    direction: text('direction'),
    counterpart: text('counterpart'),
    channel: text('channel'),
    createdAt: createdAt(),
  },
  (t) => [index('journal_child_idx').on(t.childId)],
);

export const emergencyAccessGrants = pgTable(
  'emergency_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('emergency_user_idx').on(t.userId, t.childId),
    index('emergency_org_idx').on(t.organisationId),
  ],
);

// ── Audit ─────────────────────────────────────────────────────────────────────
/** Append-only (a trigger rejects UPDATE and DELETE). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    /** Insertion order, used by the sealer; not the chain order. */
    insertSeq: bigserial('insert_seq', { mode: 'number' }).notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /**
     * When the row was written, by the database's clock (not the request's): how long an event has waited for the
     * sealer (src/operations/sealer-lag.ts). Not part of the chained header.
     */
    insertedAt: timestamp('inserted_at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id').notNull(),
    kind: text('kind').notNull(),
    outcome: text('outcome').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    actorRole: text('actor_role'),
    purpose: text('purpose'),
    childIds: uuid('child_ids').array().notNull(),
    emergency: boolean('emergency').notNull(),
    payload: jsonb('payload'),
    payloadDigest: text('payload_digest').notNull(),
    /**
     * The page view the request belonged to (the web client's per-view id, or the request id): the log shows one
     * entry per view. Null on rows written before views were recorded; those group by their request id.
     */
    viewId: text('view_id'),
  },
  (t) => [
    // The logs page newest first by (time, insertion order) within an organisation, a user or a child.
    index('audit_org_time_idx').on(t.actorOrganisationId, t.occurredAt, t.insertSeq),
    index('audit_user_time_idx').on(t.actorUserId, t.occurredAt, t.insertSeq),
    // Logins and other events outside any organisation, for the log of the organisations the user belongs to.
    index('audit_unaffiliated_idx')
      .on(t.actorUserId, t.occurredAt, t.insertSeq)
      .where(sql`${t.actorOrganisationId} is null`),
    // The other events of a page view (grouping at read time).
    index('audit_view_idx').on(sql`coalesce(${t.viewId}, ${t.requestId})`),
  ],
);

/**
 * Which events name which child, in the log's order, so that one child's events are read newest first through an
 * index ("who has seen this child", the log review by dossier number). Kept by the database from
 * `audit_events.child_ids` (trigger, migration 0014); append-only like the events; `audit verify` checks it against
 * the chained events.
 */
export const auditEventChildren = pgTable(
  'audit_event_children',
  {
    childId: uuid('child_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    insertSeq: bigint('insert_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.childId, t.occurredAt, t.insertSeq] })],
);

/** The hash chain over audit events, in sealing order. Append-only. */
export const auditChain = pgTable('audit_chain', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  eventId: uuid('event_id')
    .notNull()
    .unique()
    .references(() => auditEvents.id),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
});

/**
 * The events not yet sealed, by insertion order: the sealer's queue, kept by the database (a row enters with its
 * event, in the same transaction, by trigger; the sealer removes it in the transaction that chains the event). The
 * sealer so reads what waits instead of comparing the whole log with the chain. Bookkeeping, not evidence: the chain
 * and `audit verify` do not depend on it.
 */
export const auditUnsealed = pgTable('audit_unsealed', {
  insertSeq: bigint('insert_seq', { mode: 'number' }).primaryKey(),
});

// ── Allocation (anvisning) ─────────────────────────────────────────────────────
/** Facts the Migration Agency records at registration, beyond the minimal record. */
export const childIntake = pgTable('child_intake', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => children.id),
  nameVariants: text('name_variants').array().notNull(),
  citizenship: text('citizenship'),
  languages: text('languages').array().notNull(),
  interpreterNeeded: boolean('interpreter_needed').notNull(),
  siblingGroupId: uuid('sibling_group_id'),
  relativeMunicipalityCode: text('relative_municipality_code').references(() => municipalities.code),
  relativeRelation: text('relative_relation'),
  specialNeeds: text('special_needs'),
  wishes: text('wishes'),
  ownerOrganisationId: uuid('owner_organisation_id')
    .notNull()
    .references(() => organisations.id),
});

/** A share vector (andelar) valid from a date until replaced. Immutable: a change is a new version. */
export const shareVersions = pgTable('share_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  source: text('source').notNull(),
  basedOnId: uuid('based_on_id'),
  note: text('note').notNull(),
  decidedBy: uuid('decided_by')
    .notNull()
    .references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  contentHash: text('content_hash').notNull(),
});

export const shareValues = pgTable(
  'share_values',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => shareVersions.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    promille: integer('promille').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.municipalityCode] }),
    check('promille_range', sql`${t.promille} between 0 and 1000`),
  ],
);

/** Transfers within a county (omfördelning) that produced a share version. */
export const shareTransfers = pgTable('share_transfers', {
  id: uuid('id').primaryKey().defaultRandom(),
  versionId: uuid('version_id')
    .notNull()
    .references(() => shareVersions.id),
  fromCode: text('from_code')
    .notNull()
    .references(() => municipalities.code),
  toCode: text('to_code')
    .notNull()
    .references(() => municipalities.code),
  promille: integer('promille').notNull(),
  decidedBy: text('decided_by').notNull(),
});

/** The running state of the allocation model; one row, locked by every decision (serialises decisions). */
export const allocationLedger = pgTable('allocation_ledger', {
  id: integer('id').primaryKey(),
  shareVersionId: uuid('share_version_id').references(() => shareVersions.id),
  childrenSinceVersion: bigint('children_since_version', { mode: 'number' }).notNull(),
  total: bigint('total', { mode: 'number' }).notNull(),
  decisions: bigint('decisions', { mode: 'number' }).notNull(),
  /** A new random token with every change, so a process can tell whether its cached copy of the state is current. */
  stateToken: uuid('state_token'),
});

/** Per municipality: r_i, and E_i as of the start of the ledger's share version (E_i = base + s_i · n). */
export const allocationState = pgTable('allocation_state', {
  municipalityCode: text('municipality_code')
    .primaryKey()
    .references(() => municipalities.code),
  received: bigint('received', { mode: 'number' }).notNull(),
  expectedBase: bigint('expected_base', { mode: 'number' }).notNull(),
});

/** Immutable decision records (anvisningsbeslut). A correction is a new record that supersedes an earlier one. */
export const anvisningDecisions = pgTable(
  'anvisning_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull().unique(),
    childIds: uuid('child_ids').array().notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    kind: text('kind').notNull(),
    proposedCode: text('proposed_code'),
    rule: text('rule').notNull(),
    ruleVersion: text('rule_version').notNull(),
    shareVersionId: uuid('share_version_id')
      .notNull()
      .references(() => shareVersions.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    supersedesId: uuid('supersedes_id'),
    reason: text('reason'),
    considerations: jsonb('considerations').notNull(),
    stateHash: text('state_hash').notNull(),
    recordHash: text('record_hash').notNull(),
  },
  (t) => [
    index('decisions_children_idx').using('gin', t.childIds),
    index('decisions_municipality_idx').on(t.municipalityCode, t.decidedOn),
  ],
);

/** A stated relative: social services of the relative's municipality assess suitability within 3 days. */
export const relativeAssessments = pgTable(
  'relative_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    relation: text('relation').notNull(),
    /** The relative's contact details, for the assessing municipality only (null on tasks registered before them). */
    relativeName: text('relative_name'),
    relativeAddress: text('relative_address'),
    relativePhone: text('relative_phone'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    assessedBy: uuid('assessed_by').references(() => users.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('relative_assessments_muni_idx').on(t.municipalityCode),
    index('relative_assessments_child_idx').on(t.childId),
  ],
);

/**
 * One row per child ever decided: a unique guard, so no child can be decided twice, whatever the interleaving. It is
 * written before the ledger lock is taken (the decision id is chosen in advance), so it has no foreign key to it.
 */
export const decidedChildren = pgTable('decided_children', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => children.id),
  decisionId: uuid('decision_id').notNull(),
});

/**
 * The follow-ups of an allocation decision not yet carried out (ADR 0023). The decision's transaction writes the row
 * beside the decision under the ledger lock; right after the commit the same request runs the consequences table for
 * the decision's children in a second transaction that deletes the row. A row left behind (the process stopped, a
 * follow-up failed) is taken up by the sweeper and before any correction of the same children. Ids and codes only.
 */
export const pendingFollowUps = pgTable('pending_follow_ups', {
  decisionId: uuid('decision_id')
    .primaryKey()
    .references(() => anvisningDecisions.id),
  /** For a correction: the municipality of the decision it supersedes; null for a first decision. */
  correctedFrom: text('corrected_from'),
  /** The deciding user's role (ids, role and codes): the assignment is made in their name. */
  actor: jsonb('actor').notNull(),
  attempts: integer('attempts').notNull().default(0),
  /** The last failure's kind and code (never its message: it may quote a child's data). */
  lastError: text('last_error'),
  createdAt: createdAt(),
});

// ── The child's case after anvisning (issue 4) ─────────────────────────────────
// Sub-processes are orthogonal state machines (src/domain/case/machines.ts). `case_states` holds each machine's
// current state per child; every transition is a `case_events` row (the child's timeline) and may open or close
// `deadlines` (the worklists). Detail tables below hold what each step records.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Extra identifiers of a child: more dossier numbers, personnummer, samordningsnummer (validated, normalised). */
export const childIdentifiers = pgTable(
  'child_identifiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** dossier | personnummer | samordningsnummer */
    kind: text('kind').notNull(),
    /** Dossier: digits. Personnummer/samordningsnummer: 12 digits, no separator (YYYYMMDDNNNC). */
    value: text('value').notNull(),
    addedBy: uuid('added_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('child_identifiers_value_uq').on(t.kind, t.value),
    index('child_identifiers_child_idx').on(t.childId),
  ],
);

/** Each machine's current state for a child; `version` guards against stale transitions (409). */
export const caseStates = pgTable(
  'case_states',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    machine: text('machine').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    /** The municipality whose social services own the machine's instance (social case, placement), if any. */
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.childId, t.machine] }),
    index('case_states_machine_state_idx').on(t.machine, t.state),
  ],
);

/** The best-interests record of one decision about a child (CRC art. 3 and 12). Immutable. */
export const bestInterestsRecords = pgTable(
  'best_interests_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** What decision it belongs to: placement, god_man_appointment, transfer, end_of_responsibility, … */
    decisionKind: text('decision_kind').notNull(),
    rightsConcerned: text('rights_concerned').array().notNull(),
    whatIsKnown: text('what_is_known').notNull(),
    childsViews: text('childs_views'),
    childsViewsLanguage: text('childs_views_language'),
    howWeighed: text('how_weighed').notNull(),
    feedbackToChild: text('feedback_to_child'),
    feedbackGivenOn: date('feedback_given_on', { mode: 'string' }),
    notHeardReason: text('not_heard_reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('best_interests_child_idx').on(t.childId)],
);

/** Every event of a child's case: the timeline. Append-only. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    machine: text('machine').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    /** The date the event took effect (may be earlier than it was recorded). */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id),
    actorRole: text('actor_role'),
    bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
    /** Ids, codes and dates of the event (no free text about the child). */
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('case_events_child_idx').on(t.childId, t.occurredOn)],
);

/**
 * Open and closed deadlines. Each carries the rule that set it (src/domain/deadlines/rules.ts) and who must act:
 * a municipality's social services, a guardianship authority (by municipality served), the Migration Agency or a region.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    rule: text('rule').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** social_services | guardianship | migration_agency | region */
    actorKind: text('actor_kind').notNull(),
    /** The municipality concerned (social services; guardianship authorities by the municipalities they serve; region by county). */
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    openedByEventId: uuid('opened_by_event_id').references(() => caseEvents.id),
    /** A deadline extended with a reason (e.g. the investigation beyond four months). */
    extendedReason: text('extended_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByEventId: uuid('closed_by_event_id').references(() => caseEvents.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('deadlines_open_muni_idx')
      .on(t.actorKind, t.municipalityCode, t.dueOn)
      .where(sql`${t.closedAt} is null`),
    index('deadlines_open_assignee_idx')
      .on(t.assigneeUserId, t.dueOn)
      .where(sql`${t.closedAt} is null`),
    index('deadlines_child_idx').on(t.childId),
  ],
);

/** Field-level change history of a child's editable records; optimistic concurrency uses each record's version. */
export const fieldChanges = pgTable(
  'field_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('field_changes_child_idx').on(t.childId, t.changedAt)],
);

/** Responsibility transfer between municipalities: requested by one, confirmed (or declined) by the other. */
export const responsibilityTransfers = pgTable(
  'responsibility_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    fromCode: text('from_code')
      .notNull()
      .references(() => municipalities.code),
    toCode: text('to_code')
      .notNull()
      .references(() => municipalities.code),
    /** requested | confirmed | declined | withdrawn */
    status: text('status').notNull(),
    /**
     * Which side asked: `from` (the responsible municipality hands the child over) or `to` (another municipality asks
     * to take it over). Only a request from the responsible side opens the child to the other one (ADR 0016).
     */
    requestedSide: text('requested_side').notNull().default('from'),
    reason: text('reason').notNull(),
    proposedFrom: date('proposed_from', { mode: 'string' }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerNote: text('answer_note'),
    bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
  },
  (t) => [
    index('responsibility_transfers_child_idx').on(t.childId),
    uniqueIndex('responsibility_transfers_open_uq')
      .on(t.childId)
      .where(sql`${t.status} = 'requested'`),
  ],
);

/** Hand-over from the arrival municipality to the assigned one: the physical move and the acknowledgement. */
export const handovers = pgTable(
  'handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    fromCode: text('from_code')
      .notNull()
      .references(() => municipalities.code),
    toCode: text('to_code')
      .notNull()
      .references(() => municipalities.code),
    movedOn: date('moved_on', { mode: 'string' }),
    movedRecordedBy: uuid('moved_recorded_by').references(() => users.id),
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('handovers_child_to_uq').on(t.childId, t.toCode),
    // The open hand-overs from a municipality: part of its social services' scope, read by every search of theirs.
    index('handovers_open_from_idx')
      .on(t.fromCode)
      .where(sql`${t.movedOn} is null`),
  ],
);

/** Changes the responsible municipality must report to the Migration Agency, with the reporting deadline. */
export const changeReports = pgTable(
  'change_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    /** transfer | absconding | departure | reunification | sfv | turning_18 */
    change: text('change').notNull(),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    permitHolder: boolean('permit_holder').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reportedOn: date('reported_on', { mode: 'string' }),
    reportedBy: uuid('reported_by').references(() => users.id),
    deadlineId: uuid('deadline_id').references(() => deadlines.id),
    createdAt: createdAt(),
  },
  (t) => [index('change_reports_muni_idx').on(t.municipalityCode, t.reportedOn)],
);

/** Social services' case of the responsible municipality; the state is in case_states (machine social_case). */
export const socialCases = pgTable(
  'social_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    reportReceivedOn: date('report_received_on', { mode: 'string' }).notNull(),
    protectionAssessedOn: date('protection_assessed_on', { mode: 'string' }),
    /** immediate_protection_needed | no_immediate_need */
    protectionOutcome: text('protection_outcome'),
    preliminaryDecidedOn: date('preliminary_decided_on', { mode: 'string' }),
    investigationOpenedOn: date('investigation_opened_on', { mode: 'string' }),
    investigationExtendedTo: date('investigation_extended_to', { mode: 'string' }),
    investigationExtensionReason: text('investigation_extension_reason'),
    interventionsDecidedOn: date('interventions_decided_on', { mode: 'string' }),
    carePlanOn: date('care_plan_on', { mode: 'string' }),
    implementationPlanOn: date('implementation_plan_on', { mode: 'string' }),
    lastReviewOn: date('last_review_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('social_cases_child_idx').on(t.childId),
    uniqueIndex('social_cases_open_uq')
      .on(t.childId, t.municipalityCode)
      .where(sql`${t.closedOn} is null`),
  ],
);

/** The social workers assigned to a case; the unit manager assigns and reassigns. */
export const caseWorkers = pgTable(
  'case_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    socialCaseId: uuid('social_case_id')
      .notNull()
      .references(() => socialCases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** primary | secondary */
    role: text('role').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_workers_user_idx').on(t.userId), index('case_workers_case_idx').on(t.socialCaseId)],
);

/** A substitute covers an absent social worker's cases for a period (set by the unit manager). */
export const substitutes = pgTable(
  'substitutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    absentUserId: uuid('absent_user_id')
      .notNull()
      .references(() => users.id),
    substituteUserId: uuid('substitute_user_id')
      .notNull()
      .references(() => users.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('substitute_dates', sql`${t.toDate} >= ${t.fromDate}`),
    index('substitutes_org_idx').on(t.organisationId),
  ],
);

/** Documents in the child's file (personakt): PDF and images, size-limited, stored in the database. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Not for the child to read (e.g. information about others). */
    notForChild: boolean('not_for_child').notNull().default(false),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('case_documents_child_idx').on(t.childId)],
);

/** Placement providers of a municipality (HVB, stödboende, familjehem, jourhem, SiS). */
export const placementProviders = pgTable(
  'placement_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    name: text('name').notNull(),
    /** hvb | stodboende | familjehem | jourhem | sis */
    form: text('form').notNull(),
    places: integer('places').notNull(),
    /** girls | younger | special_needs */
    targetGroups: text('target_groups').array().notNull(),
    languages: text('languages').array().notNull(),
    /** IVO permit reference (private HVB and stödboende). */
    permitReference: text('permit_reference'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('providers_muni_idx').on(t.municipalityCode),
    check('providers_places', sql`${t.places} >= 0`),
  ],
);

export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => placementProviders.id),
    form: text('form').notNull(),
    /** SoL | LVU */
    legalBasis: text('legal_basis').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    /** moved | turned_18 | absconded | left_sweden | reunited | age_changed */
    endReason: text('end_reason'),
    /** Decided out of hours by the on-call social services; valid to the next working day. */
    onCall: boolean('on_call').notNull().default(false),
    validUntil: date('valid_until', { mode: 'string' }),
    /** Stödboende for a 16–17-year-old needs a recorded special reason. */
    specialReason: text('special_reason'),
    bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('placements_child_idx').on(t.childId),
    index('placements_provider_idx').on(t.providerId),
    uniqueIndex('placements_current_uq')
      .on(t.childId)
      .where(sql`${t.toDate} is null`),
    check('placement_dates', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

export const schoolEnrolments = pgTable(
  'school_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    school: text('school').notNull(),
    /** e.g. förskoleklass, grundskola, språkintroduktion (IM), a national programme */
    programme: text('programme').notNull(),
    enrolledOn: date('enrolled_on', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('school_child_idx').on(t.childId)],
);

/** The region's health examination: offered / done / declined, and referrals. No diagnoses. */
export const healthExaminations = pgTable(
  'health_examinations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    offeredOn: date('offered_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    declinedOn: date('declined_on', { mode: 'string' }),
    /** [{ to: 'BUP' | 'tandvård' | …, on: 'YYYY-MM-DD' }] — where the child was referred, never why. */
    referrals: jsonb('referrals').notNull().default([]),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('health_child_idx').on(t.childId)],
);

/** Requests for a god man (or a replacement after resignation) to the guardianship authority. */
export const guardianshipRequests = pgTable(
  'guardianship_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The municipality whose guardianship authority is asked (the responsible municipality). */
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    requestedByOrganisationId: uuid('requested_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    /** initial | replacement (after a resignation) */
    reason: text('reason').notNull(),
    /** open | appointed | withdrawn */
    status: text('status').notNull(),
    guardianshipId: uuid('guardianship_id').references(() => guardianships.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('guardianship_requests_muni_idx').on(t.municipalityCode, t.status),
    index('guardianship_requests_child_idx').on(t.childId),
  ],
);

/** How an appointment was made and how it ended; the link itself (who, from, to) is in `guardianships`. */
export const guardianshipDetails = pgTable('guardianship_details', {
  guardianshipId: uuid('guardianship_id')
    .primaryKey()
    .references(() => guardianships.id),
  requestId: uuid('request_id').references(() => guardianshipRequests.id),
  childHeard: boolean('child_heard').notNull(),
  appointedBy: uuid('appointed_by')
    .notNull()
    .references(() => users.id),
  bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
  /** turned_18 | sfv_final | age_changed (by law) · parent_custody | left_sweden | not_needed | resigned (by decision) */
  endReason: text('end_reason'),
  endByLaw: boolean('end_by_law'),
  endRecordedBy: uuid('end_recorded_by').references(() => users.id),
  endRecordedAt: timestamp('end_recorded_at', { withTimezone: true }),
});

/** The registry of gode män (a god man is a user in the god man pool). */
export const godManProfiles = pgTable('god_man_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  phone: text('phone'),
  email: text('email'),
  languages: text('languages').array().notNull(),
  /** Municipalities whose guardianship authority the god man takes assignments from. */
  municipalityCodes: text('municipality_codes').array().notNull(),
  available: boolean('available').notNull().default(true),
  version: integer('version').notNull().default(1),
});

/** A guardianship authority's own policy: the number of wards per god man above which the UI warns. */
export const guardianshipPolicies = pgTable('guardianship_policies', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  maxWardsPerGodMan: integer('max_wards_per_god_man').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

/** Special custodian (särskilt förordnad vårdnadshavare): application to the district court, or reasons not to apply. */
export const sfvCases = pgTable(
  'sfv_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    /** pending | appointed | not_applying | withdrawn */
    status: text('status').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }),
    court: text('court'),
    custodianName: text('custodian_name'),
    decidedOn: date('decided_on', { mode: 'string' }),
    finalOn: date('final_on', { mode: 'string' }),
    /** turns_18_within_6_months | parents_on_their_way | other */
    notApplyingReason: text('not_applying_reason'),
    notApplyingNote: text('not_applying_note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('sfv_child_idx').on(t.childId)],
);

/** The asylum case as the Migration Agency records it; the state is in case_states (machine asylum). */
export const asylumCases = pgTable('asylum_cases', {
  childId: uuid('child_id')
    .primaryKey()
    .references(() => children.id),
  appliedOn: date('applied_on', { mode: 'string' }).notNull(),
  interviewDates: date('interview_dates', { mode: 'string' }).array().notNull(),
  /** permanent_permit | temporary_permit | refused | dublin_transfer | written_off */
  decision: text('decision'),
  decidedOn: date('decided_on', { mode: 'string' }),
  permitEndsOn: date('permit_ends_on', { mode: 'string' }),
  appealedOn: date('appealed_on', { mode: 'string' }),
  finalOn: date('final_on', { mode: 'string' }),
  version: integer('version').notNull().default(1),
});

/** Age: stated and registered birth dates with history, temporary (appealable) and final age decisions. */
export const ageRecords = pgTable(
  'age_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** stated | registered | temporary_decision | final_decision */
    kind: text('kind').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    appealedOn: date('appealed_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('age_records_child_idx').on(t.childId)],
);

/** The municipality's decision before the child turns 18: continued responsibility (aftercare to 21) or the end. */
export const turning18Decisions = pgTable('turning18_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id')
    .notNull()
    .references(() => children.id),
  municipalityCode: text('municipality_code')
    .notNull()
    .references(() => municipalities.code),
  /** continue | end */
  decision: text('decision').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  continuedUntil: date('continued_until', { mode: 'string' }),
  reportedOn: date('reported_on', { mode: 'string' }),
  bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
  decidedBy: uuid('decided_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** In-app notifications, addressed to one user. E-mail (if configured) says only that something waits. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** incoming_child | appointment | deadline_soon | transfer_request | guardianship_request | … */
    kind: text('kind').notNull(),
    childId: uuid('child_id').references(() => children.id),
    /** Ids and dates only. */
    details: jsonb('details').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/** Two records of the same child merged by the responsible organisation; reversible. */
export const childMerges = pgTable('child_merges', {
  id: uuid('id').primaryKey().defaultRandom(),
  survivingId: uuid('surviving_id')
    .notNull()
    .references(() => children.id),
  mergedId: uuid('merged_id')
    .notNull()
    .references(() => children.id),
  reason: text('reason').notNull(),
  /** What was moved from the merged record, so the merge can be undone: { table: [ids] }. */
  moved: jsonb('moved').notNull(),
  mergedBy: uuid('merged_by')
    .notNull()
    .references(() => users.id),
  mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
  revertedBy: uuid('reverted_by').references(() => users.id),
  revertedAt: timestamp('reverted_at', { withTimezone: true }),
});

// ── Children who go missing (issue 12, ADR 0025) ─────────────────────────────
/** A county board's regional routine for children who go missing, versioned with a validity period. */
export const regionalRoutines = pgTable(
  'regional_routines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** The county board's plan (title, registration number). */
    reference: text('reference').notNull(),
    /** [{ recipient, dueWithinHours, escalateAfterHours }] — every recipient of the routine (D-R6). */
    recipients: jsonb('recipients').notNull(),
    /** { months } or { days } from the police report (D-R2). */
    closureMinimum: jsonb('closure_minimum').notNull(),
    returnTalkWithinHours: integer('return_talk_within_hours').notNull(),
    repeatEpisodes: integer('repeat_episodes').notNull(),
    repeatWithinDays: integer('repeat_within_days').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('regional_routines_county_idx').on(t.countyCode, t.validFrom)],
);

/** A municipality's recorded departure from its county's routine (only with a policy reference). */
export const municipalMissingPolicies = pgTable(
  'municipal_missing_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    policyReference: text('policy_reference').notNull(),
    closureMinimum: jsonb('closure_minimum'),
    returnTalkWithinHours: integer('return_talk_within_hours'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('municipal_missing_policies_muni_idx').on(t.municipalityCode, t.validFrom)],
);

/** One episode of a child being absent or missing (machine `missing_episode`); a child may have many. */
export const missingEpisodes = pgTable(
  'missing_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    /** The municipality responsible when the episode opened (D-R1: it stays responsible). */
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    /** An earlier, closed episode this one follows (a child found after a closure). */
    linkedToId: uuid('linked_to_id').references((): AnyPgColumn => missingEpisodes.id),
    /** The county's stored routine version that governed the episode; null where the county had none (the default). */
    routineId: uuid('routine_id').references(() => regionalRoutines.id),
    policyId: uuid('policy_id').references(() => municipalMissingPolicies.id),
    /** The governing routine as it was when the episode opened (its clocks never change with a later version). */
    routine: jsonb('routine').notNull(),
    /** When the child was last seen, and where (a place, not an address of the placement unless it is one). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    lastSeenPlace: text('last_seen_place').notNull(),
    /** away_without_permission (whereabouts known, no search) | missing, as classified when reported (D1). */
    kind: text('kind').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    reportedByRole: text('reported_by_role').notNull(),
    policeReference: text('police_reference'),
    policeReportedAt: timestamp('police_reported_at', { withTimezone: true }),
    /** The first day a closure as not found is possible (police report + the governing minimum). */
    earliestClosureOn: date('earliest_closure_on', { mode: 'string' }),
    /** { outcome, grounds[], concreteGrounds, decisionReference, assessedOn } — recorded at once (D7). */
    lvuAssessment: jsonb('lvu_assessment'),
    foundAt: timestamp('found_at', { withTimezone: true }),
    /** { place, foundBy, condition, crimeSuspected, crimeReportReference, harm } */
    found: jsonb('found'),
    returnTalkDueAt: timestamp('return_talk_due_at', { withTimezone: true }),
    /** { outcome, heldAt, participants, childsAccount, childsViews, actions, notHeldReason } */
    returnTalk: jsonb('return_talk'),
    /** When the hourly clock job told the assigned workers and unit managers that the return talk is overdue. */
    returnTalkEscalatedAt: timestamp('return_talk_escalated_at', { withTimezone: true }),
    /** { placementReviewed: 'continues' | 'changed', note } */
    completion: jsonb('completion'),
    closedOn: date('closed_on', { mode: 'string' }),
    closureReason: text('closure_reason'),
    closedBy: uuid('closed_by').references(() => users.id),
    bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
    /** A strategy meeting called for by the repeat rule when this episode became a search. */
    strategyMeetingDue: boolean('strategy_meeting_due').notNull().default(false),
    /** { heldOn, participants, decisions, carePlanReviewed, recordedBy, recordedAt } */
    strategyMeeting: jsonb('strategy_meeting'),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('missing_episodes_child_idx').on(t.childId, t.reportedAt),
    index('missing_episodes_open_idx')
      .on(t.countyCode, t.state)
      .where(
        sql`${t.state} not in ('returned', 'closed_not_found', 'closed_aged_out', 'closed_left_country')`,
      ),
    index('missing_episodes_muni_idx').on(t.municipalityCode, t.state),
  ],
);

/** Each step of an episode: who, when, from and to which state. Append-only. */
export const missingEpisodeEvents = pgTable(
  'missing_episode_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id),
    actorRole: text('actor_role').notNull(),
    bestInterestsId: uuid('best_interests_id').references(() => bestInterestsRecords.id),
  },
  (t) => [index('missing_episode_events_episode_idx').on(t.episodeId, t.recordedAt)],
);

/** One notification of the routine per recipient, with its clock (D-R6: none left out). */
export const missingNotifications = pgTable(
  'missing_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    recipient: text('recipient').notNull(),
    /** The municipality whose unit manager sees it escalate (the responsible one). */
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    escalateAt: timestamp('escalate_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    /** Who acknowledged for an outside recipient (name and organisation, as told). */
    acknowledgedNote: text('acknowledged_note'),
    /** The recipient has none to notify: same_municipality | none_appointed | not_enrolled (shown, never silent). */
    notApplicable: text('not_applicable'),
    /** When the hourly clock job put it on the unit manager's worklist. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('missing_notifications_recipient_uq').on(t.episodeId, t.recipient),
    index('missing_notifications_unacknowledged_idx')
      .on(t.escalateAt)
      .where(sql`${t.acknowledgedAt} is null`),
  ],
);

/**
 * Emergency care given by a municipality where a missing child turns up (D-R1: responsibility stays with the episode's
 * municipality; the other records the care it gives, and only that). Append-only; one row per record.
 */
export const missingEmergencyCare = pgTable(
  'missing_emergency_care',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => missingEpisodes.id),
    /** The municipality that gives the care (never the episode's responsible one). */
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedRole: text('recorded_role').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Where the child is cared for. */
    place: text('place').notNull(),
    /** jourhem | hvb | socialjour | health_care | other (src/domain/missing/emergency-care.ts). */
    care: text('care').notNull(),
    description: text('description').notNull(),
    /** Whom the responsible municipality calls. */
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('missing_emergency_care_episode_idx').on(t.episodeId, t.startedAt)],
);

// ── Children who go missing: prevention (issue 12, ADR 0025) ─────────────────

/** A recent photo for the prevention profile (JPEG or PNG, recognised by its bytes), served only through its route. */
export const missingProfilePhotos = pgTable(
  'missing_profile_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** image/jpeg | image/png */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The day the photo was taken. */
    takenOn: date('taken_on', { mode: 'string' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('missing_profile_photos_child_idx').on(t.childId)],
);

/** The prevention profile (förebyggande profil), versioned: every save is a new row with who and when. */
export const missingProfiles = pgTable(
  'missing_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    version: integer('version').notNull(),
    /** The profile's fields as the contract validated them (src/missing/contract.ts ProfileBody). */
    profile: jsonb('profile').notNull(),
    photoId: uuid('photo_id').references(() => missingProfilePhotos.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedRole: text('recorded_role').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('missing_profiles_child_version_uq').on(t.childId, t.version)],
);

/** One observation of one risk indicator (src/domain/missing/risk-indicators.ts); never summed into a score. */
export const riskObservations = pgTable(
  'risk_observations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    indicator: text('indicator').notNull(),
    observed: boolean('observed').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    observerRole: text('observer_role').notNull(),
    observerUserId: uuid('observer_user_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull().default(''),
    /** Shown to the police when the child is missing (ADR 0025 §5). */
    searchRelevant: boolean('search_relevant').notNull().default(false),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('risk_observations_child_idx').on(t.childId)],
);

// ── The county board's work (issue 13) ────────────────────────────────────────

/** A capacity survey period a county sets (e.g. twice a year); its municipalities report once each. */
export const capacityPeriods = pgTable(
  'capacity_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    label: text('label').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('capacity_periods_county_idx').on(t.countyCode, t.startsOn),
    check('capacity_period_dates', sql`${t.endsOn} >= ${t.startsOn} and ${t.dueOn} >= ${t.startsOn}`),
  ],
);

/** A municipality's report for a period (src/domain/county/capacity.ts); revised in place, each revision audited. */
export const capacityReports = pgTable(
  'capacity_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => capacityPeriods.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    /** CapacityAnswers, validated by the contract before it is written. */
    answers: jsonb('answers').notNull(),
    version: integer('version').notNull().default(1),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('capacity_reports_period_muni_uq').on(t.periodId, t.municipalityCode)],
);

/** A reminder the county sent to a municipality that had not reported (the notices go to its reporters). */
export const capacityReminders = pgTable(
  'capacity_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => capacityPeriods.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('capacity_reminders_period_idx').on(t.periodId, t.municipalityCode)],
);

/** A county's redistribution proposal (omfördelning) for one year; the Migration Agency fixes or returns it. */
export const redistributionProposals = pgTable(
  'redistribution_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    year: integer('year').notNull(),
    /** The share version the county started from (the latest for the year when it proposed). */
    baseVersionId: uuid('base_version_id')
      .notNull()
      .references(() => shareVersions.id),
    /** RedistributionTransfer[] (src/domain/county/redistribution.ts). */
    transfers: jsonb('transfers').notNull(),
    /** What the dialogue with the municipalities concluded. */
    dialogue: text('dialogue').notNull(),
    /** proposed | fixed | returned */
    status: text('status').notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    /** The share version the Agency's fixing produced. */
    resultVersionId: uuid('result_version_id').references(() => shareVersions.id),
  },
  (t) => [
    index('redistribution_county_idx').on(t.countyCode, t.year),
    uniqueIndex('redistribution_open_uq')
      .on(t.countyCode, t.year)
      .where(sql`${t.status} = 'proposed'`),
  ],
);

/** A county's regional development programme for two years (src/domain/county/programme.ts). */
export const developmentProgrammes = pgTable(
  'development_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    /** The municipalities represented in the working group that adopted it. */
    workingGroup: text('working_group').array().notNull(),
    /** ProgrammeGoal[]: title, measures (text, responsible), indicators (kind, target). */
    goals: jsonb('goals').notNull(),
    adoptedBy: uuid('adopted_by')
      .notNull()
      .references(() => users.id),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('development_programmes_county_idx').on(t.countyCode, t.firstYear),
    check('development_programme_years', sql`${t.lastYear} >= ${t.firstYear}`),
  ],
);

/** The yearly follow-up of one goal of a programme; revised in place. */
export const programmeFollowUps = pgTable(
  'programme_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => developmentProgrammes.id),
    year: integer('year').notNull(),
    goalIndex: integer('goal_index').notNull(),
    assessment: text('assessment').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('programme_follow_ups_uq').on(t.programmeId, t.year, t.goalIndex)],
);

/**
 * A historic agreement (överenskommelse, 2006 – March 2016) on the reception of unaccompanied children, registered
 * from its paper for the record (src/domain/county/agreements.ts). A registration error is voided with a reason, never
 * deleted or rewritten.
 */
export const historicAgreements = pgTable(
  'historic_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    /** The county board's registration number (diarienummer) of the document, where it has one. */
    registrationNumber: text('registration_number'),
    /** The municipalities that are parties (an association of municipalities is its members). */
    municipalities: text('municipalities').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    asylumPlaces: integer('asylum_places').notNull(),
    permitPlaces: integer('permit_places').notNull(),
    /** The earlier agreement this one renegotiated (omförhandling). */
    replacesId: uuid('replaces_id').references((): AnyPgColumn => historicAgreements.id),
    /** AgreementSignature[] with the signatory's name, title and the place signed. */
    signatures: jsonb('signatures').notNull(),
    concludedOn: date('concluded_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    voidedBy: uuid('voided_by').references(() => users.id),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
  },
  (t) => [
    index('historic_agreements_county_idx').on(t.countyCode, t.validFrom),
    check('historic_agreement_places', sql`${t.asylumPlaces} >= 0 and ${t.permitPlaces} >= 0`),
  ],
);

// ── §37a grants for refugee guides and family contacts (issue 13 point 5, ADR 0028) ─────────────────────────────
/**
 * Which county board holds the national §37a pot (from 2016 Länsstyrelsen i Jönköpings län): its grant officers set
 * the pot and the counties' allotments and see the national summary. Data, not a code in the logic; the migration
 * records Jönköping.
 */
export const grantPotHolders = pgTable('grant_pot_holders', {
  countyCode: text('county_code').primaryKey(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  reference: text('reference').notNull(),
});

/** The year's national pot (whole kronor). */
export const grantPots = pgTable(
  'grant_pots',
  {
    year: integer('year').primaryKey(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('grant_pots_amount', sql`${t.amount} >= 0`)],
);

/** A county's share of the year's pot (whole kronor). */
export const grantAllotments = pgTable(
  'grant_allotments',
  {
    year: integer('year').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.countyCode] }),
    check('grant_allotments_amount', sql`${t.amount} >= 0`),
  ],
);

/** A county's call for the year: when it opens, its deadline, the decision day planned, priorities, report dates. */
export const grantCalls = pgTable(
  'grant_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    priorities: text('priorities').notNull(),
    interimReportDueOn: date('interim_report_due_on', { mode: 'string' }).notNull(),
    finalReportDueOn: date('final_report_due_on', { mode: 'string' }).notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('grant_calls_year_county_uq').on(t.year, t.countyCode),
    check('grant_calls_dates', sql`${t.deadline} >= ${t.opensOn}`),
  ],
);

/** A municipality's application under a call (machine in src/domain/grants/machine.ts). */
export const grantApplications = pgTable(
  'grant_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => grantCalls.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    /** A stored status; 'not_submitted_by_deadline' is derived from the call's deadline. */
    status: text('status').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    purposes: text('purposes').array().notNull(),
    /** [{ name, certificate }] — the partners (intyg samverkanspart). */
    partners: jsonb('partners').notNull(),
    /** [{ description, amount, costDate }] — whole kronor. */
    budget: jsonb('budget').notNull(),
    requestedAmount: bigint('requested_amount', { mode: 'number' }).notNull(),
    signatoryName: text('signatory_name').notNull(),
    signatoryTitle: text('signatory_title').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }),
    assessment: text('assessment'),
    assessedOn: date('assessed_on', { mode: 'string' }),
    outcome: text('outcome'),
    grantedAmount: bigint('granted_amount', { mode: 'number' }),
    decisionReasons: text('decision_reasons'),
    decidedOn: date('decided_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    changeDescription: text('change_description'),
    changeRequestedOn: date('change_requested_on', { mode: 'string' }),
    changeApprovedOn: date('change_approved_on', { mode: 'string' }),
    interimReport: text('interim_report'),
    interimReportSubmittedOn: date('interim_report_submitted_on', { mode: 'string' }),
    interimReportReceivedOn: date('interim_report_received_on', { mode: 'string' }),
    finalReport: text('final_report'),
    finalReportSubmittedOn: date('final_report_submitted_on', { mode: 'string' }),
    finalReportReceivedOn: date('final_report_received_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('grant_applications_call_idx').on(t.callId),
    index('grant_applications_municipality_idx').on(t.municipalityCode),
    check(
      'grant_applications_amounts',
      sql`${t.requestedAmount} >= 0 and (${t.grantedAmount} is null or ${t.grantedAmount} >= 0)`,
    ),
  ],
);

/** Each step of an application: who, when, from and to which status. */
export const grantApplicationEvents = pgTable(
  'grant_application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => grantApplications.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    byRole: text('by_role').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('grant_application_events_application_idx').on(t.applicationId)],
);

// ── Supervision of the guardianship authorities (ADR 0027) ───────────────────
/**
 * One inspection of a guardianship authority by its supervising county board (src/domain/supervision/): a year's
 * regular inspection (or the year's skip, with its reason), or an ad-hoc review with its trigger. One regular entry
 * per authority and year (E-R6).
 */
export const supervisionInspections = pgTable(
  'supervision_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => organisations.id),
    /** The supervising county board's organisation (the inspector's). */
    countyBoardId: uuid('county_board_id')
      .notNull()
      .references(() => organisations.id),
    /** regular | ad_hoc */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    /** planned | in_progress | report_sent | response_received | closed | skipped */
    state: text('state').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    /** The exceptional reason a year was skipped (state `skipped`). */
    skipReason: text('skip_reason'),
    /** Ad hoc: complaint | media | other, and what was reported (no personal data is asked for). */
    trigger: text('trigger'),
    triggerNote: text('trigger_note'),
    /** The draw's seed and the number of files it was drawn from (the sample is reproducible from them). */
    sampleSeed: bigint('sample_seed', { mode: 'number' }),
    samplePool: integer('sample_pool'),
    sampledOn: date('sampled_on', { mode: 'string' }),
    reportSentOn: date('report_sent_on', { mode: 'string' }),
    response: text('response'),
    respondedOn: date('responded_on', { mode: 'string' }),
    respondedBy: uuid('responded_by').references(() => users.id),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('supervision_inspections_authority_idx').on(t.authorityId, t.year),
    uniqueIndex('supervision_inspections_regular_uq')
      .on(t.authorityId, t.year)
      .where(sql`${t.kind} = 'regular'`),
    check(
      'supervision_inspections_skip',
      sql`(${t.state} = 'skipped') = (${t.skipReason} is not null) and (${t.state} = 'skipped') = (${t.plannedOn} is null)`,
    ),
  ],
);

/** The files an inspection sampled: a god man appointment (guardianships) or a special custodian case (sfv_cases). */
export const supervisionSampleFiles = pgTable(
  'supervision_sample_files',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => supervisionInspections.id),
    /** god_man | sfv */
    fileKind: text('file_kind').notNull(),
    fileId: uuid('file_id').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The order drawn. */
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.fileId] }),
    index('supervision_sample_child_idx').on(t.childId),
  ],
);

/** A finding of an inspection with its criticism level (E-R7); optionally about one sampled file. */
export const supervisionFindings = pgTable(
  'supervision_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => supervisionInspections.id),
    /** cannot_escape_criticism | criticism | serious_criticism */
    level: text('level').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    fileId: uuid('file_id'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('supervision_findings_inspection_idx').on(t.inspectionId)],
);

/** A follow-up action the authority committed to in its response, with its deadline and when it was done. */
export const supervisionActions = pgTable(
  'supervision_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => supervisionInspections.id),
    description: text('description').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneBy: uuid('done_by').references(() => users.id),
  },
  (t) => [index('supervision_actions_inspection_idx').on(t.inspectionId)],
);

// ── Networks, competence events and contacts (issue 13 point 6, ADR 0029) ──────────────────────────────────────────
/** A network of the county boards' work with these children; it may span counties. No child is in any of its tables. */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The counties whose coordinators see and edit it (at least one). */
    counties: text('counties').array().notNull(),
    purpose: text('purpose').notNull(),
    /** How often it meets, as said ("2–4 gånger per år", "vid behov"). */
    meets: text('meets').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('network_counties', sql`cardinality(${t.counties}) >= 1`),
    check('network_years', sql`${t.toYear} is null or ${t.toYear} >= ${t.fromYear}`),
  ],
);

/**
 * A person in a network's contact directory (a member: role in the network and organisation). Stored only with
 * consent; when it is withdrawn, name, e-mail and phone are emptied and the row stays, anonymous, for the counts.
 */
export const networkContacts = pgTable(
  'network_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    /** NETWORK_ROLES */
    role: text('role').notNull(),
    organisation: text('organisation').notNull(),
    /** female | male | other (the key figures' vocabulary), for the participation report. */
    gender: text('gender').notNull(),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    consentOn: date('consent_on', { mode: 'string' }).notNull(),
    /** written | email | oral */
    consentHow: text('consent_how').notNull(),
    consentWithdrawnOn: date('consent_withdrawn_on', { mode: 'string' }),
    /** The user of a county board who keeps the entry current. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    confirmedOn: date('confirmed_on', { mode: 'string' }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('network_contacts_network_idx').on(t.networkId),
    check('network_contact_withdrawn', sql`${t.consentWithdrawnOn} is null or ${t.name} is null`),
    check('network_contact_named', sql`${t.consentWithdrawnOn} is not null or ${t.name} is not null`),
  ],
);

/** A competence event (a session, a conference) of a network. */
export const networkEvents = pgTable(
  'network_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    theme: text('theme').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    online: boolean('online').notNull(),
    /** Speakers and co-organisers, as said. */
    speakers: text('speakers').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('network_events_network_idx').on(t.networkId, t.firstDay),
    check('network_event_days', sql`${t.lastDay} >= ${t.firstDay}`),
  ],
);

/**
 * Who took part in an event: a contact (count 1; its county, role and gender copied when recorded) or an anonymous
 * count by county, role and gender. A contact whose consent is withdrawn leaves its row with contact_id emptied.
 */
export const networkEventParticipants = pgTable(
  'network_event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => networkEvents.id),
    contactId: uuid('contact_id').references(() => networkContacts.id),
    countyCode: text('county_code')
      .notNull()
      .references(() => counties.code),
    role: text('role').notNull(),
    gender: text('gender').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    index('network_event_participants_event_idx').on(t.eventId),
    check('network_participant_count', sql`${t.count} >= 1 and (${t.contactId} is null or ${t.count} = 1)`),
  ],
);

/**
 * The child's special grant (särskilt bidrag; issue 14 point 7, ADR 0033): the god man's application on the child's
 * behalf, the Agency's decision and its payment (src/domain/allowance/machine.ts). Whole kronor.
 */
export const specialGrantApplications = pgTable(
  'special_grant_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    status: text('status').notNull(),
    need: text('need').notNull(),
    description: text('description').notNull(),
    appliedAmount: bigint('applied_amount', { mode: 'number' }).notNull(),
    appliedBy: uuid('applied_by')
      .notNull()
      .references(() => users.id),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }),
    outcome: text('outcome'),
    grantedAmount: bigint('granted_amount', { mode: 'number' }),
    reason: text('reason'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    paidOn: date('paid_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('special_grant_applications_child_idx').on(t.childId),
    index('special_grant_applications_status_idx').on(t.status),
    check(
      'special_grant_applications_amounts',
      sql`${t.appliedAmount} > 0 and (${t.grantedAmount} is null or (${t.grantedAmount} > 0 and ${t.grantedAmount} <= ${t.appliedAmount}))`,
    ),
    check(
      'special_grant_applications_paid_after_grant',
      sql`${t.paidOn} is null or ${t.outcome} in ('granted', 'partly_granted')`,
    ),
  ],
);

/**
 * The daily cost of a placement under LVU, as the placing municipality's finance officer records it (issue 14 point 3,
 * ADR 0032): whole kronor a day without VAT, the cost the LVU_TILLAGG line subtracts the schablon from. One row per
 * placement; a new value replaces the old one (the audit log keeps who set what).
 */
export const compensationDailyCosts = pgTable(
  'compensation_daily_costs',
  {
    placementId: uuid('placement_id')
      .primaryKey()
      .references(() => placements.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    dailyCost: integer('daily_cost').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('compensation_daily_cost_positive', sql`${t.dailyCost} > 0`)],
);

/**
 * Files attached to a claim's lines (issue 14 point 4, ADR 0034): the LVU decision for an LVU line. PDF, PNG or JPEG
 * recognised by their first bytes, size-limited, stored in the database with their SHA-256; never changed. A new
 * version of a claim refers to the same file.
 */
export const compensationClaimAttachments = pgTable(
  'compensation_claim_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'compensation_claim_attachment_type',
      sql`${t.mediaType} in ('application/pdf', 'image/png', 'image/jpeg') and ${t.sizeBytes} > 0`,
    ),
  ],
);

/**
 * A municipality's claim for the compensation it applies for (issue 14 point 4, ADR 0034): one quarter or two that
 * follow each other, a draft until submitted, then frozen (a trigger refuses changes to what was claimed); a correction
 * is a new version in the same chain (`chain_id` is the first version's id) that replaces the earlier one. The Agency's
 * decision and the payment are recorded on the version it reviewed. Whole kronor.
 */
export const compensationClaims = pgTable(
  'compensation_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    chainId: uuid('chain_id').notNull(),
    versionNo: integer('version_no').notNull(),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => compensationClaims.id),
    firstQuarter: text('first_quarter').notNull(),
    lastQuarter: text('last_quarter').notNull(),
    /** The last day the claim may reach the Agency (19 § 2017:193, moved by lag 1930:173). */
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    paidOn: date('paid_on', { mode: 'string' }),
    paidAmount: bigint('paid_amount', { mode: 'number' }),
    paymentReference: text('payment_reference'),
    paymentRecordedBy: uuid('payment_recorded_by').references(() => users.id),
    /** Optimistic concurrency: every write adds one. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('compensation_claims_chain_version').on(t.chainId, t.versionNo),
    uniqueIndex('compensation_claims_replaces').on(t.replacesId),
    index('compensation_claims_municipality_idx').on(t.municipalityCode),
    index('compensation_claims_status_idx').on(t.status),
    check(
      'compensation_claims_status',
      sql`${t.status} in ('draft', 'submitted', 'superseded', 'decided', 'paid')`,
    ),
    check('compensation_claims_submitted', sql`(${t.status} = 'draft') = (${t.submittedOn} is null)`),
    check(
      'compensation_claims_paid_after_decision',
      sql`${t.paidOn} is null or (${t.decidedOn} is not null and ${t.paidOn} >= ${t.decidedOn} and ${t.paidAmount} > 0)`,
    ),
  ],
);

/**
 * A claim's line: one child, one code, one quarter. What was claimed (days and amount) is recomputed from the facts and
 * frozen on submission; the Agency's decision on the line (granted, reduced, rejected with a reason) is written on it.
 */
export const compensationClaimLines = pgTable(
  'compensation_claim_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => compensationClaims.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    code: text('code').notNull(),
    quarter: text('quarter').notNull(),
    attachmentId: uuid('attachment_id').references(() => compensationClaimAttachments.id),
    /** An actual-cost line's amount as the municipality states it while drafting (SFV_KOSTNAD); null for the others. */
    statedAmount: bigint('stated_amount', { mode: 'number' }),
    claimedCount: integer('claimed_count'),
    claimedAmount: bigint('claimed_amount', { mode: 'number' }),
    outcome: text('outcome'),
    grantedAmount: bigint('granted_amount', { mode: 'number' }),
    reason: text('reason'),
    reasonText: text('reason_text'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('compensation_claim_lines_unique').on(t.claimId, t.childId, t.code, t.quarter),
    index('compensation_claim_lines_child_idx').on(t.childId),
    check(
      'compensation_claim_lines_amounts',
      sql`(${t.claimedAmount} is null or ${t.claimedAmount} > 0) and (${t.grantedAmount} is null or (${t.grantedAmount} >= 0 and ${t.grantedAmount} <= ${t.claimedAmount})) and (${t.statedAmount} is null or ${t.statedAmount} > 0)`,
    ),
    check(
      'compensation_claim_lines_outcome',
      sql`${t.outcome} is null or (${t.outcome} in ('granted', 'reduced', 'rejected') and ${t.claimedAmount} is not null and ${t.grantedAmount} is not null and (${t.outcome} = 'granted' or ${t.reason} is not null))`,
    ),
  ],
);

/**
 * The Migration Agency's forecast of unaccompanied children for a year (issue 14 point 6, ADR 0035): the basis of the
 * variable annual compensation, recorded by the Agency's compensation officer with its source. Append-only: a new
 * forecast for a year is a new row, the latest recorded is the one in force.
 */
export const compensationForecasts = pgTable(
  'compensation_forecasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order forecasts were recorded in (two may share a timestamp). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    year: integer('year').notNull(),
    forecast: integer('forecast').notNull(),
    source: text('source').notNull(),
    /** The day the Agency published the forecast (five a year); the accuracy view sets each against the outcome. */
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('compensation_forecasts_year_idx').on(t.year, t.seq),
    check('compensation_forecast_range', sql`${t.forecast} >= 0`),
  ],
);

/**
 * A payment the Migration Agency made without a claim (issue 14, ADR 0035): a municipality's automatic schablons for
 * a quarter (period YYYY-Qn) or its annual compensation (period YYYY). One regular payout per municipality and
 * period; a supplementary one pays what an accepted missing-schablon report showed was left out. Immutable.
 */
export const compensationPayouts = pgTable(
  'compensation_payouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    period: text('period').notNull(),
    /** The order payouts were recorded in. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** regular | supplementary */
    kind: text('kind').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    /** The annual compensation's basis: the share version and the forecast it used (null for a quarter). */
    shareVersionId: uuid('share_version_id').references(() => shareVersions.id),
    forecastId: uuid('forecast_id').references(() => compensationForecasts.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('compensation_payouts_period_idx').on(t.municipalityCode, t.period),
    uniqueIndex('compensation_payouts_regular_uq')
      .on(t.municipalityCode, t.period)
      .where(sql`${t.kind} = 'regular'`),
  ],
);

/**
 * A payout's lines as paid: per municipality, period, child (null for the annual compensation) and code, the days
 * (children for ANVISNING_ENGANG and RORLIG_AR, 1 for FAST_AR) and whole kronor. Immutable: a later change of the
 * facts changes what Anvisa computes, never what was paid.
 */
export const compensationPayoutLines = pgTable(
  'compensation_payout_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    payoutId: uuid('payout_id')
      .notNull()
      .references(() => compensationPayouts.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    period: text('period').notNull(),
    childId: uuid('child_id').references(() => children.id),
    code: text('code').notNull(),
    count: integer('count').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('compensation_payout_lines_period_idx').on(t.municipalityCode, t.period),
    index('compensation_payout_lines_child_idx').on(t.childId),
    index('compensation_payout_lines_payout_idx').on(t.payoutId),
  ],
);

/**
 * A municipality's report of a missing schablon (anmälan om utebliven schablonersättning; research F.2 step F3): a
 * child's automatic schablon for a quarter, computed but not (fully) paid, with the municipality's explanation; the
 * Agency accepts it (a supplementary payout) or rejects it with a reason. One open report per child and quarter.
 */
export const missingSchablonReports = pgTable(
  'missing_schablon_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    quarter: text('quarter').notNull(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    explanation: text('explanation').notNull(),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** open | accepted | rejected */
    status: text('status').notNull(),
    /** MISSING_SCHABLON_REJECTIONS (src/domain/compensation/payouts.ts) when rejected. */
    rejectionReason: text('rejection_reason'),
    answerText: text('answer_text'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** The supplementary payout an acceptance made. */
    payoutId: uuid('payout_id').references(() => compensationPayouts.id),
  },
  (t) => [
    index('missing_schablon_reports_municipality_idx').on(t.municipalityCode, t.status),
    uniqueIndex('missing_schablon_reports_open_uq')
      .on(t.municipalityCode, t.quarter, t.childId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * The monthly count of unaccompanied children arriving in Sweden for months before Anvisa's own records (issue 15,
 * ADR 0039): the Migration Agency's published figure, with its source. The forecast reads these months first and
 * Anvisa's own arrivals for the months without one. A corrected figure is a new row; the latest recorded counts.
 */
export const arrivalHistory = pgTable(
  'arrival_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    count: integer('count').notNull(),
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('arrival_history_month_idx').on(t.month, t.seq),
    check('arrival_history_month', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('arrival_history_count', sql`${t.count} >= 0`),
  ],
);
