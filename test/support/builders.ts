/** Test builders with defaults and named traits, e.g. `aChild().responsibleIn('1280').since('2026-01-10')`. */
import type {
  Actor,
  ChildFacts,
  EmergencyGrant,
  GuardianLink,
  ResponsibilityPeriod,
} from '../../src/domain/access/child-scope.ts';
import type { OrganisationType, Role } from '../../src/domain/access/roles.ts';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export class ChildBuilder {
  private facts: { -readonly [K in keyof ChildFacts]: ChildFacts[K] } = {
    childId: nextId('child'),
    protectedIdentity: false,
    responsibility: [],
    guardians: [],
    caseOfficerUserIds: [],
    openRelativeAssessments: [],
    openTransferRequests: [],
    openHandovers: [],
    placements: [],
  };
  withId(id: string): this {
    this.facts.childId = id;
    return this;
  }
  arrivedIn(code: string, from = '2026-01-01', to: string | null = null): this {
    this.facts.responsibility = [
      ...this.facts.responsibility,
      { municipalityCode: code, kind: 'arrival', from, to } satisfies ResponsibilityPeriod,
    ];
    return this;
  }
  assignedTo(code: string, from = '2026-01-05', to: string | null = null): this {
    this.facts.responsibility = [
      ...this.facts.responsibility,
      { municipalityCode: code, kind: 'assigned', from, to },
    ];
    return this;
  }
  withGodMan(userId: string, from = '2026-01-06', to: string | null = null): this {
    this.facts.guardians = [
      ...this.facts.guardians,
      { userId, kind: 'god_man', from, to } satisfies GuardianLink,
    ];
    return this;
  }
  withSpecialCustodian(userId: string, from = '2026-03-01'): this {
    this.facts.guardians = [...this.facts.guardians, { userId, kind: 'special_custodian', from, to: null }];
    return this;
  }
  handledBy(userId: string): this {
    this.facts.caseOfficerUserIds = [...this.facts.caseOfficerUserIds, userId];
    return this;
  }
  withRelativeAssessmentIn(code: string): this {
    this.facts.openRelativeAssessments = [...this.facts.openRelativeAssessments, code];
    return this;
  }
  withTransferRequestTo(code: string): this {
    this.facts.openTransferRequests = [...this.facts.openTransferRequests, code];
    return this;
  }
  withOpenHandover(fromCode: string, toCode: string): this {
    this.facts.openHandovers = [...this.facts.openHandovers, { fromCode, toCode }];
    return this;
  }
  /** Placed with the provider from `from` up to, not including, `to` (the day the placement ended). */
  placedWith(providerId: string, from = '2026-02-01', to: string | null = null): this {
    this.facts.placements = [...this.facts.placements, { providerId, from, to }];
    return this;
  }
  withProtectedIdentity(): this {
    this.facts.protectedIdentity = true;
    return this;
  }
  build(): ChildFacts {
    return { ...this.facts };
  }
}
export const aChild = () => new ChildBuilder();

const ORG_TYPE_OF: Record<Role, OrganisationType> = {
  allocation_officer: 'migration_agency',
  asylum_officer: 'migration_agency',
  compensation_officer: 'migration_agency',
  social_worker: 'municipality',
  unit_manager: 'municipality',
  guardianship_officer: 'guardianship_authority',
  god_man: 'god_man_pool',
  health_staff: 'region',
  police_officer: 'police',
  county_coordinator: 'county_board',
  supervision_inspector: 'county_board',
  data_protection_officer: 'municipality',
  administrator: 'municipality',
  provider_staff: 'provider',
  capacity_reporter: 'municipality',
  grant_officer: 'county_board',
  grant_applicant: 'municipality',
  finance_officer: 'municipality',
};

export class ActorBuilder {
  private actor: { -readonly [K in keyof Actor]: Actor[K] };
  constructor(role: Role) {
    this.actor = {
      userId: nextId('user'),
      organisationId: nextId('org'),
      organisationType: ORG_TYPE_OF[role],
      role,
      municipalityCodes: [],
      countyCode: null,
      protectedIdentityClearance: false,
      providerId: null,
    };
  }
  in(...codes: string[]): this {
    this.actor.municipalityCodes = codes;
    this.actor.countyCode = codes[0]?.slice(0, 2) ?? null;
    return this;
  }
  inCounty(countyCode: string): this {
    this.actor.countyCode = countyCode;
    return this;
  }
  ofOrganisation(type: OrganisationType, id = this.actor.organisationId): this {
    this.actor.organisationType = type;
    this.actor.organisationId = id;
    return this;
  }
  /** The staff of a provider organisation: the provider it is. */
  atProvider(providerId: string): this {
    this.actor.organisationType = 'provider';
    this.actor.providerId = providerId;
    return this;
  }
  withUserId(id: string): this {
    this.actor.userId = id;
    return this;
  }
  cleared(): this {
    this.actor.protectedIdentityClearance = true;
    return this;
  }
  build(): Actor {
    return { ...this.actor };
  }
}
export const anActor = (role: Role) => new ActorBuilder(role);

export function aGrant(actor: Actor, childId: string, expiresAt: Date): EmergencyGrant {
  return { childId, userId: actor.userId, organisationId: actor.organisationId, role: actor.role, expiresAt };
}
