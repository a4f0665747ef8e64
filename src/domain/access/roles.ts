/**
 * Organisation types, roles and the permissions each role carries.
 * A permission says what kind of action a role may attempt; which concrete children it may
 * touch is decided separately by the scope rules in `child-scope.ts`.
 */

export const ORGANISATION_TYPES = [
  'migration_agency', // Migrationsverket, national, with units
  'county_board', // Länsstyrelsen, 21
  'municipality', // kommunens socialtjänst, 290
  'guardianship_authority', // överförmyndare, may serve several municipalities
  'region', // region (health care), 21
  'police', // Polismyndigheten
  'god_man_pool', // gode män are private persons; they hold the god man role in this pseudo-organisation
  'provider', // a placement provider's staff (HVB, stödboende, jourhem, familjehem): one organisation per provider
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = [
  'allocation_officer',
  'asylum_officer',
  'compensation_officer',
  'social_worker',
  'unit_manager',
  'guardianship_officer',
  'god_man',
  'health_staff',
  'police_officer',
  'county_coordinator',
  'data_protection_officer',
  'administrator',
  'provider_staff',
  'capacity_reporter',
  'grant_officer',
  'grant_applicant',
  'supervision_inspector',
  'finance_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles an organisation of each type may grant. */
export const ROLES_BY_ORGANISATION_TYPE: Readonly<Record<OrganisationType, readonly Role[]>> = {
  migration_agency: [
    'allocation_officer',
    'asylum_officer',
    'compensation_officer',
    'data_protection_officer',
    'administrator',
  ],
  county_board: [
    'county_coordinator',
    'supervision_inspector',
    'grant_officer',
    'data_protection_officer',
    'administrator',
  ],
  municipality: [
    'social_worker',
    'unit_manager',
    'capacity_reporter',
    'grant_applicant',
    'finance_officer',
    'data_protection_officer',
    'administrator',
  ],
  guardianship_authority: ['guardianship_officer', 'data_protection_officer', 'administrator'],
  region: ['health_staff', 'data_protection_officer', 'administrator'],
  police: ['police_officer', 'data_protection_officer', 'administrator'],
  god_man_pool: ['god_man'],
  provider: ['provider_staff'],
};

export const PERMISSIONS = [
  'child:list', // lists and searches of children in scope
  'child:read', // one child's page
  'child:register', // register an arriving child (Migration Agency)
  'child:journal:read',
  'child:journal:write',
  'child:export',
  'child:access-log', // "who has seen this child", for the responsible organisation
  'emergency-access:request',
  'guardianship:appoint',
  'statistics:read', // aggregates without names
  'audit:read', // the organisation's own users' accesses and attempts
  'users:manage',
  'allocation:decide', // register arriving children's intake, propose, decide and correct anvisningar
  'allocation:read', // decisions, the queue, shares and figures per municipality (no names)
  'shares:manage', // import, propose and transfer shares
  'allocation:incoming', // a municipality's incoming children and its relative assessments
  // The child's case (issue 4). Which sections of which children is decided by src/domain/access/case-sections.ts.
  'case:read', // the case sections of a child in scope (social case, placement, school, timeline, …)
  'case:write', // social services' steps: social case, placement, school, transfer, hand-over, SFV, turning 18
  'case:manage', // the unit manager: assign and reassign cases, substitutes, the unit's caseload
  'providers:read', // placement providers and free places
  'providers:manage', // register and change placement providers
  'guardianship:request', // ask the guardianship authority for a god man
  'guardianship:registry', // the registry of gode män and the ward-limit policy
  'asylum:record', // the asylum case and age decisions (Migration Agency)
  'health:record', // the region's health examination
  'worklist:read', // the role's worklist of open deadlines
  'child:edit', // basic data and identifiers of a child (field history, optimistic concurrency)
  'child:merge', // merge two records of the same child, and undo it
  'key-figures:read', // case key figures by gender and age band (no names)
  'missing:read', // a child's missing episodes and prevention profile (the missing sections decide whose)
  'missing:report', // report a child absent or missing, and the steps of the episode (the missing section decides which)
  'missing:police', // the police view: children with an open missing episode in the officer's police region
  // D-R1: the one write an emergency grant allows — the emergency care another municipality gives a missing child
  // (only with basis `emergency`, never by the responsible municipality; src/missing/emergency-care.ts, ADR 0025 §9)
  'missing:emergency-care',
  // The county board's work (issue 13): the capacity survey (lägesbild) and the redistribution of shares.
  'capacity:report', // a municipality's own capacity report, per period the county sets
  'capacity:follow-up', // the county's periods, every municipality's report side by side with Anvisa's figures
  'shares:redistribute', // the county proposes an omfördelning within the county; the Agency fixes it (shares:manage)
  'programme:manage', // the county's regional development programme: adopt it, follow its indicators, record follow-ups
  'agreements:record', // the county's historic agreements (överenskommelser before the share model): register, read, void
  'network:manage', // the networks of the county's counties, their competence events and contact directory (ADR 0029)
  // §37a grants for refugee guides and family contacts (ADR 0028); no child data.
  'grants:apply', // the own municipality's applications, change requests and reports
  'grants:decide', // the own county's call, assessments, decisions, payments, change approvals, reports' receipt
  // The county board's supervision of the guardianship authorities (issue 13 point 4, ADR 0027): the plan, the
  // inspections and the sampled files of the authorities in the counties the board supervises.
  'supervision:inspect',
  // A guardianship authority's answer to the reports about itself: its response and the follow-up actions done.
  'supervision:respond',
  // The child's special grant (särskilt bidrag; issue 14 point 7, ADR 0033).
  'allowance:apply', // the god man applies on the ward's behalf and follows the decision
  'allowance:decide', // the Migration Agency decides the applications and records their payment
  // The state compensation (issue 14, ADR 0032): the own municipality's computed compensation per quarter, a child's
  // lines explained day by day, and the LVU daily costs the lines need.
  'compensation:municipality',
  // The Migration Agency's review of the municipalities' claims (issue 14 point 5, ADR 0034): every municipality's
  // submitted claims, the decision per line and the payment.
  'compensation:review',
  // The Migration Agency's automatic payments (issue 14 points 5–6, ADR 0035): record a municipality's payout for a
  // quarter or a year, the forecast behind the annual compensation, and answer the reports of a missing schablon.
  'compensation:payout',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  allocation_officer: [
    'child:list',
    'child:read',
    'child:register',
    'child:export',
    'emergency-access:request',
    'statistics:read',
    'allocation:decide',
    'allocation:read',
    'shares:manage',
    'case:read',
    'missing:read',
    'worklist:read',
    'child:edit',
    'child:merge',
    'key-figures:read',
  ],
  asylum_officer: [
    'child:list',
    'child:read',
    'emergency-access:request',
    'allocation:read',
    'case:read',
    'missing:read',
    'guardianship:request',
    'asylum:record',
    'worklist:read',
    'child:edit',
  ],
  // case:read for the parts of the case that compensation rests on: responsibility and placements (case-sections).
  compensation_officer: [
    'child:list',
    'child:read',
    'emergency-access:request',
    'statistics:read',
    'allocation:read',
    'case:read',
    'missing:read',
    'allowance:decide',
    'compensation:review',
    'compensation:payout',
  ],
  social_worker: [
    'child:list',
    'child:read',
    'child:journal:read',
    'child:journal:write',
    'child:export',
    'emergency-access:request',
    'allocation:incoming',
    'case:read',
    'missing:read',
    'case:write',
    'providers:read',
    'guardianship:request',
    'worklist:read',
    'child:edit',
    'missing:report',
    'missing:emergency-care',
  ],
  unit_manager: [
    'child:list',
    'child:read',
    'child:journal:read',
    'child:journal:write',
    'child:export',
    'child:access-log',
    'emergency-access:request',
    'statistics:read',
    'allocation:incoming',
    'allocation:read',
    'case:read',
    'missing:read',
    'case:write',
    'case:manage',
    'providers:read',
    'providers:manage',
    'guardianship:request',
    'worklist:read',
    'child:edit',
    'child:merge',
    'key-figures:read',
    'missing:report',
    'missing:emergency-care',
    'capacity:report',
  ],
  guardianship_officer: [
    'child:list',
    'child:read',
    'guardianship:appoint',
    'guardianship:registry',
    'case:read',
    'missing:read',
    'worklist:read',
    'supervision:respond',
  ],
  god_man: ['child:list', 'child:read', 'case:read', 'missing:read', 'worklist:read', 'allowance:apply'],
  health_staff: [
    'child:list',
    'child:read',
    'emergency-access:request',
    'case:read',
    'missing:read',
    'health:record',
    'worklist:read',
  ],
  police_officer: ['missing:police'],
  county_coordinator: [
    'statistics:read',
    'allocation:read',
    'providers:read',
    'key-figures:read',
    'capacity:follow-up',
    'shares:redistribute',
    'programme:manage',
    'agreements:record',
    'network:manage',
  ],
  data_protection_officer: ['audit:read', 'child:access-log'],
  administrator: ['users:manage'],
  // The children placed with the provider now, their minimal data and who to call (ADR 0025 point 4); no case section.
  provider_staff: ['child:list', 'child:read', 'worklist:read', 'missing:read', 'missing:report'],
  // The municipality's reporter for the county's capacity survey: figures about the reception, never a child.
  capacity_reporter: ['capacity:report'],
  // The county board that holds the national pot (a row in grant_pot_holders) also sets the pot and the allotments.
  grant_officer: ['grants:decide'],
  grant_applicant: ['grants:apply'],
  // The county board's inspector of guardianship authorities: no child list, no case sections — a sampled file only,
  // through the inspection (src/supervision/, ADR 0027).
  supervision_inspector: ['supervision:inspect'],
  // The municipality's finance officer (ekonomihandläggare): the own municipality's compensation; children only as
  // the lines name them, through the compensation routes — no child list, no child page (ADR 0032).
  finance_officer: ['compensation:municipality'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function roleAllowedIn(role: Role, organisationType: OrganisationType): boolean {
  return ROLES_BY_ORGANISATION_TYPE[organisationType].includes(role);
}

/** Roles that may open emergency access (break-the-glass); never god men, police, county or administrators. */
export function mayRequestEmergencyAccess(role: Role): boolean {
  return hasPermission(role, 'emergency-access:request');
}

/** Emergency access (break-the-glass) lasts at most a day: what is needed after that goes through the normal scope. */
export const EMERGENCY_ACCESS_MAX_HOURS = 24;

/** Why a requested emergency-access duration cannot be granted, or null when it can (whole hours, 1–24). */
export function emergencyHoursProblem(hours: number): 'not_whole_hours' | 'too_short' | 'too_long' | null {
  if (!Number.isInteger(hours)) return 'not_whole_hours';
  if (hours < 1) return 'too_short';
  if (hours > EMERGENCY_ACCESS_MAX_HOURS) return 'too_long';
  return null;
}

export const MIGRATION_AGENCY_CASE_ROLES: readonly Role[] = [
  'allocation_officer',
  'asylum_officer',
  'compensation_officer',
];
export const MUNICIPAL_CASE_ROLES: readonly Role[] = ['social_worker', 'unit_manager'];
