/**
 * The database schema (PostgreSQL 15 dialect; runs unchanged on PGlite). Migrations in `migrations/` are
 * generated from this file by drizzle-kit; hand-written SQL (triggers) lives in custom migrations there.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
  (t) => [primaryKey({ columns: [t.municipalityCode, t.year] }), check('population_non_negative', sql`${t.population} >= 0`)],
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
    createdAt: createdAt(),
  },
  (t) => [index('organisations_type_idx').on(t.type)],
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
    createdAt: createdAt(),
  },
  (t) => [check('dossier_number_digits', sql`${t.dossierNumber} ~ '^[0-9]{4,12}$'`)],
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
    kind: text('kind').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('responsibility_child_idx').on(t.childId),
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
  (t) => [index('emergency_user_idx').on(t.userId, t.childId), index('emergency_org_idx').on(t.organisationId)],
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
  },
  (t) => [
    index('audit_actor_idx').on(t.actorOrganisationId, t.occurredAt),
    index('audit_user_idx').on(t.actorUserId, t.occurredAt),
    index('audit_children_idx').using('gin', t.childIds),
  ],
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
  (t) => [primaryKey({ columns: [t.versionId, t.municipalityCode] }), check('promille_range', sql`${t.promille} between 0 and 1000`)],
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
  (t) => [index('decisions_children_idx').using('gin', t.childIds), index('decisions_municipality_idx').on(t.municipalityCode, t.decidedOn)],
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
  (t) => [index('relative_assessments_muni_idx').on(t.municipalityCode)],
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
