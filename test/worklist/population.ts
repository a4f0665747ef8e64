/**
 * For integration tests: a random population of children written straight into the database — responsibility
 * periods of every kind and length (also same-day ones), open and closed hand-overs, transfer requests, relative
 * assessments, god men, Migration Agency case officers, protected identities, social cases with assigned workers,
 * placements with providers (current, ended, ended the day they began, one after the other), and open and closed deadlines of every actor kind — so that the SQL filters can be compared with the pure rules
 * on many more combinations than the demo has. Deterministic for a seed.
 */
import fc from 'fast-check';
import type { RawSql } from '../../src/platform/db/client.ts';
import { addDays } from '../../src/domain/time.ts';

export const CODES = ['1280', '1281', '2281', '0180', '1287'] as const;
const KINDS = ['arrival', 'assigned', 'transferred', 'aftercare'] as const;
const ACTOR_KINDS = ['social_services', 'guardianship', 'migration_agency', 'region'] as const;
const RULES = [
  'school-start',
  'care-review',
  'investigation',
  'god-man-appointment',
  'turning-18-warning',
  'on-call-placement',
  'change-report',
] as const;
const NAMES = [
  ['Mohammad', 'Karimi'],
  ['Muhammed', 'Rezaei'],
  ['Mohamed', 'Abdi'],
  ['Ahmad', 'Hosseini'],
  ['Ahmed', 'Osman'],
  ['Hussein', 'Haile'],
  ['Husain', 'Warsame'],
  ['Abdulrahman', 'Jafari'],
  ['Abdul Rahman', 'Al-Hassan'],
  ['Fatima', 'Ahmadi'],
] as const;

export interface PopulationUsers {
  readonly godMen: readonly string[];
  readonly officers: readonly string[];
  readonly workers: readonly string[];
  readonly anyUser: string;
  readonly anyOrganisation: string;
  /** Placement providers to place the children with (none: no child is placed). */
  readonly providers?: readonly string[];
}

const day = (today: string) => fc.integer({ min: -400, max: 10 }).map((n) => addDays(today, n));

function childArbitrary(today: string, users: PopulationUsers) {
  const code = fc.constantFrom(...CODES);
  /** A value with probability `p`, else null. */
  const maybe = <T>(arb: fc.Arbitrary<T>, p = 0.3): fc.Arbitrary<T | null> =>
    fc.oneof(
      { arbitrary: fc.constant(null), weight: Math.round((1 - p) * 10) },
      { arbitrary: arb, weight: Math.round(p * 10) },
    );
  return fc.record({
    name: fc.constantFrom(...NAMES),
    protectedIdentity: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    periods: fc.array(
      fc.record({
        code,
        kind: fc.constantFrom(...KINDS),
        from: day(today),
        length: fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 300 })),
      }),
      { maxLength: 3 },
    ),
    godMan: maybe(
      fc.record({
        user: fc.constantFrom(...users.godMen),
        from: day(today),
        length: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 200 })),
      }),
    ),
    officer: maybe(fc.constantFrom(...users.officers), 0.2),
    assessment: maybe(fc.record({ code, open: fc.boolean() }), 0.2),
    transfer: maybe(fc.record({ from: code, to: code, requested: fc.boolean() }), 0.2),
    handover: maybe(fc.record({ from: code, to: code, moved: fc.boolean() }), 0.3),
    socialCase: maybe(
      fc.record({
        code,
        worker: fc.constantFrom(...users.workers),
        open: fc.boolean(),
        workerLeft: fc.boolean(),
      }),
      0.4,
    ),
    deadlines: fc.array(
      fc.record({
        rule: fc.constantFrom(...RULES),
        actorKind: fc.constantFrom(...ACTOR_KINDS),
        code: maybe(code, 0.9),
        due: fc.integer({ min: -30, max: 60 }).map((n) => addDays(today, n)),
        closed: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        assignee: maybe(fc.constantFrom(...users.workers), 0.15),
      }),
      { maxLength: 3 },
    ),
  });
}

/**
 * A child's placements one after the other, each beginning the day the one before ended (a length of 0: ended the day
 * it began); one without a length is current. Near `today`, so that placements begin and end around it.
 */
function placementsArbitrary(today: string, providers: readonly string[]) {
  return fc.record({
    start: fc.integer({ min: -60, max: 5 }).map((n) => addDays(today, n)),
    stays: fc.array(
      fc.record({
        provider: fc.constantFrom(...providers),
        length: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 70 })),
      }),
      { maxLength: 2 },
    ),
  });
}

const q = (value: string | null) => (value === null ? 'null' : `'${value.replaceAll("'", "''")}'`);

/** Writes `count` random children; returns their ids. */
export async function writePopulation(
  raw: RawSql,
  today: string,
  users: PopulationUsers,
  count: number,
  seed: number,
): Promise<string[]> {
  const specs = fc.sample(childArbitrary(today, users), { numRuns: count, seed });
  // Drawn apart, so that the rest of the population is the same with providers or without.
  const providers = users.providers ?? [];
  const placed =
    providers.length === 0
      ? []
      : fc.sample(placementsArbitrary(today, providers), { numRuns: count, seed: seed + 1 });
  const ids: string[] = [];
  let n = 0;
  for (const spec of specs) {
    n++;
    const { rows } = await raw.query<{ id: string }>(
      `insert into children (dossier_number, first_name, last_name, birth_date, gender, protected_identity, owner_organisation_id)
       values ($1, $2, $3, $4, 'male', $5, $6) returning id`,
      [
        `${90_000_000 + seed * 1000 + n}`,
        spec.name[0],
        spec.name[1],
        '2010-05-05',
        spec.protectedIdentity,
        users.anyOrganisation,
      ],
    );
    const id = rows[0]?.id ?? '';
    ids.push(id);
    const statements: string[] = [];
    for (const p of spec.periods) {
      const to = p.length === null ? null : addDays(p.from, p.length);
      statements.push(
        `insert into responsibility_periods (child_id, municipality_code, kind, from_date, to_date, owner_organisation_id) values ('${id}', '${p.code}', '${p.kind}', '${p.from}', ${q(to)}, '${users.anyOrganisation}')`,
      );
    }
    if (spec.godMan !== null) {
      const to = spec.godMan.length === null ? null : addDays(spec.godMan.from, spec.godMan.length);
      statements.push(
        `insert into guardianships (child_id, guardian_user_id, kind, from_date, to_date, owner_organisation_id) values ('${id}', '${spec.godMan.user}', 'god_man', '${spec.godMan.from}', ${q(to)}, '${users.anyOrganisation}')`,
      );
    }
    if (spec.officer !== null)
      statements.push(`insert into case_officers (child_id, user_id) values ('${id}', '${spec.officer}')`);
    if (spec.assessment !== null) {
      statements.push(
        `insert into relative_assessments (child_id, municipality_code, relation, due_on, outcome, owner_organisation_id) values ('${id}', '${spec.assessment.code}', 'morbror', '${today}', ${spec.assessment.open ? 'null' : "'suitable'"}, '${users.anyOrganisation}')`,
      );
    }
    if (spec.transfer !== null) {
      statements.push(
        `insert into responsibility_transfers (child_id, from_code, to_code, status, reason, proposed_from, requested_by, requested_at) values ('${id}', '${spec.transfer.from}', '${spec.transfer.to}', '${spec.transfer.requested ? 'requested' : 'declined'}', 'Flytt', '${today}', '${users.anyUser}', now())`,
      );
    }
    if (spec.handover !== null) {
      statements.push(
        `insert into handovers (child_id, from_code, to_code, moved_on) values ('${id}', '${spec.handover.from}', '${spec.handover.to}', ${spec.handover.moved ? `'${today}'` : 'null'})`,
      );
    }
    if (spec.socialCase !== null) {
      const c = spec.socialCase;
      statements.push(
        `with sc as (insert into social_cases (child_id, municipality_code, owner_organisation_id, report_received_on, closed_on) values ('${id}', '${c.code}', '${users.anyOrganisation}', '${addDays(today, -30)}', ${c.open ? 'null' : `'${today}'`}) returning id)
         insert into case_workers (social_case_id, user_id, role, from_date, to_date, assigned_by) select sc.id, '${c.worker}', 'primary', '${addDays(today, -30)}', ${c.workerLeft ? `'${today}'` : 'null'}, '${users.anyUser}' from sc`,
      );
    }
    let from = placed[n - 1]?.start ?? today;
    for (const stay of placed[n - 1]?.stays ?? []) {
      const to = stay.length === null ? null : addDays(from, stay.length);
      statements.push(
        `insert into placements (child_id, municipality_code, provider_id, form, legal_basis, from_date, to_date, decided_by) values ('${id}', '1280', '${stay.provider}', 'hvb', 'SoL', '${from}', ${q(to)}, '${users.anyUser}')`,
      );
      if (to === null) break;
      from = to;
    }
    for (const d of spec.deadlines) {
      statements.push(
        `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code, assignee_user_id, closed_at) values ('${id}', '${d.rule}', '${d.due}', '${addDays(today, -40)}', '${d.actorKind}', ${q(d.code)}, ${q(d.assignee)}, ${d.closed ? 'now()' : 'null'})`,
      );
    }
    for (const statement of statements) await raw.query(statement);
  }
  return ids;
}
