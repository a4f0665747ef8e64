/**
 * The authorization matrix's shared vocabulary (test/server/authorization-matrix.int.test.ts): demo users per role,
 * the fixture, and the case shape. Each capability keeps its own hand-written cases in `src/<capability>/matrix.ts`
 * (registered in test/server/matrix-modules.ts); the test checks that every registered route has exactly one case.
 */
import type { Role } from '../../src/domain/access/roles.ts';
import type { TestApp } from './app.ts';

/**
 * One demo user per role; own scope is Malmö (1280) / Region Skåne / the Migration Agency / the Malmö HVB the matrix
 * places OWN_CHILD with (Nils Persson's).
 */
export const USER_OF: Record<Role, [key: string, organisation?: string]> = {
  allocation_officer: ['anna.alm'],
  asylum_officer: ['omar.said'],
  compensation_officer: ['eva.strom'],
  social_worker: ['sara.lind'],
  unit_manager: ['karin.berg'],
  guardianship_officer: ['per.ek'],
  god_man: ['birgitta.sjo'],
  health_staff: ['lena.holm'],
  police_officer: ['nils.polis'],
  county_coordinator: ['maria.lst'],
  data_protection_officer: ['malmo.dso'],
  administrator: ['malmo.admin'],
  provider_staff: ['nils.persson'],
  capacity_reporter: ['linnea.sand'],
  grant_officer: ['gustav.bidrag'],
  grant_applicant: ['malmo.bidrag'],
  supervision_inspector: ['ingrid.tillsyn'],
  finance_officer: ['malmo.ekonomi'],
};
export const ROLE_LIST = Object.keys(USER_OF) as Role[];

/**
 * 20000112: Malmö is responsible, Birgitta Sjö is god man, placed (by the matrix's setup) with Nils Persson's HVB.
 * 20000107: Stockholm, no relation to Malmö, Skåne or the HVB.
 */
export const OWN_CHILD = '20000112';
export const OTHER_CHILD = '20000107';

export interface Fixture {
  waitingChild: string;
  waitingProposal: string;
  otherDecision: string;
  shareVersion: string;
  sharesCsv: string;
  proposalCsv: string;
  ownAssessment: string;
  otherAssessment: string;
  ownChild: string;
  otherChild: string;
  godMan: string;
  ownAssignment: string;
  otherAssignment: string;
  sundsvallUser: string;
  malmoUser: string;
  /** Ids the capability modules' setups add (e.g. a placement, a provider, a god man request). */
  extra: Record<string, string>;
}

export type Scope = 'own' | 'other';
export type Req = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type Expect = readonly [own: number, other: number];

export interface Case {
  readonly route: string; // "METHOD url" as registered
  readonly build: (f: Fixture, scope: Scope) => Req;
  readonly noSession: number;
  /** Per role: status for own scope, status for the other organisation's scope. */
  readonly expect: Record<Role, Expect>;
  /** Tables a refused attempt must leave unchanged. */
  readonly writes?: readonly string[];
}

export const all = (own: number, other = own): Record<Role, Expect> =>
  Object.fromEntries(ROLE_LIST.map((r) => [r, [own, other] as const])) as Record<Role, Expect>;
export const with_ = (base: Record<Role, Expect>, overrides: Partial<Record<Role, Expect>>) => ({
  ...base,
  ...overrides,
});

export const child = (f: Fixture, s: Scope) => (s === 'own' ? f.ownChild : f.otherChild);
export const MV_READ: Partial<Record<Role, Expect>> = {
  allocation_officer: [200, 200],
  asylum_officer: [200, 200],
  compensation_officer: [200, 200],
};
export const ALLOCATION_READ: Partial<Record<Role, Expect>> = {
  ...MV_READ,
  unit_manager: [200, 200],
  county_coordinator: [200, 200],
};
export const NO_SUCH = '00000000-0000-4000-8000-000000000000';
export const considerations = {
  relatives: null,
  siblings: null,
  specialNeeds: 'Behöver vård i Malmö',
  childsWishes: 'Vill bo i Malmö',
};

/**
 * A capability's cases. `setup` runs once after the base fixture (on the demo database) and returns ids its cases
 * use through `fixture.extra`. Cases run for every role in ROLE_LIST order, own scope before other scope.
 */
export interface MatrixModule {
  readonly setup?: (t: TestApp, base: Fixture) => Promise<Record<string, string>>;
  readonly cases: readonly Case[];
}
