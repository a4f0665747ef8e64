/**
 * The worklist: its SQL filter agrees with the pure rule on a random population, and through the API each role gets
 * the open deadlines it must act on — overdue first, with rule, legal source and days left — filtered and paged.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childAccess, type Actor } from '../../src/domain/access/child-scope.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { deadlines } from '../../src/platform/db/schema.ts';
import { loadChildrenWithFacts } from '../../src/children/repository.ts';
import { scopeInput } from '../../src/children/search.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { onWorklist, type WorklistFilters } from '../../src/domain/worklist/scope.ts';
import { writePopulation } from './population.ts';
import { assignedWorkersOf } from '../../src/case/relation.ts';
import { standingInFor, worklistSql } from '../../src/worklist/worklist.ts';

const TODAY = '2026-11-23';
let t: TestApp;
let organisation: string;
const user: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const key of [
    'anna.alm',
    'omar.said',
    'sara.lind',
    'ali.hassan',
    'elin.dahl',
    'birgitta.sjo',
    'hans.gren',
    'per.ek',
    'lena.holm',
    'karin.berg',
  ]) {
    user[key] = await t.userId(key);
  }
  organisation =
    (
      await t.database.raw.query<{ id: string }>(
        "select id from organisations where type = 'municipality' and municipality_code = '1280'",
      )
    ).rows[0]?.id ?? '';
  // Ali stands in for Sara today.
  await t.database.raw.query(
    `insert into substitutes (organisation_id, absent_user_id, substitute_user_id, from_date, to_date, set_by) values ($1, $2, $3, '2026-11-20', '2026-11-30', $4)`,
    [organisation, user['sara.lind'], user['ali.hassan'], user['karin.berg']],
  );
  await writePopulation(
    t.database.raw,
    TODAY,
    {
      godMen: [user['birgitta.sjo'] ?? '', user['hans.gren'] ?? ''],
      officers: [user['anna.alm'] ?? '', user['omar.said'] ?? ''],
      workers: [user['sara.lind'] ?? '', user['ali.hassan'] ?? ''],
      anyUser: user['anna.alm'] ?? '',
      anyOrganisation: organisation,
    },
    160,
    11,
  );
});
afterAll(async () => t.close());

function actor(role: Role, key: string, codes: string[] = [], extra: Partial<Actor> = {}): Actor {
  return {
    userId: user[key] ?? '',
    organisationId: organisation,
    organisationType: 'municipality',
    role,
    municipalityCodes: codes,
    countyCode: null,
    protectedIdentityClearance: false,
    providerId: null,
    ...extra,
  };
}

describe('the worklist in SQL', () => {
  it('holds exactly the deadlines the pure rule puts on each role’s worklist, for every filter, on a random population', async () => {
    const actors = [
      actor('social_worker', 'sara.lind', ['1280']),
      actor('social_worker', 'ali.hassan', ['1280']),
      actor('unit_manager', 'elin.dahl', ['1281']),
      actor('guardianship_officer', 'per.ek', ['1280', '1287']),
      actor('god_man', 'birgitta.sjo'),
      actor('god_man', 'hans.gren'),
      actor('health_staff', 'lena.holm', [], { countyCode: '12' }),
      actor('asylum_officer', 'omar.said', [], { organisationType: 'migration_agency' }),
      actor('allocation_officer', 'anna.alm', [], { organisationType: 'migration_agency' }),
    ];
    const filters: WorklistFilters[] = [
      {},
      { overdueOnly: true },
      { mine: true },
      { rule: 'school-start' },
      { municipalityCode: '1280' },
      { mine: true, overdueOnly: true },
    ];
    const open = await t.database.db.select().from(deadlines).where(isNull(deadlines.closedAt));
    const loaded = new Map(
      (await loadChildrenWithFacts(t.database.db, [...new Set(open.map((d) => d.childId))])).map((l) => [
        l.child.id,
        l,
      ]),
    );
    const workers = await assignedWorkersOf(t.database.db, [...loaded.keys()], TODAY);
    let nonEmpty = 0;
    for (const a of actors) {
      const scope = await scopeInput(t.database.db, a, TODAY, PINNED_NOW);
      const standIns = await standingInFor(t.database.db, a, TODAY);
      for (const f of filters) {
        const rows = await t.database.db
          .select({ id: deadlines.id })
          .from(deadlines)
          .where(worklistSql(scope, f, standIns));
        const pure = open.filter((d) => {
          const one = loaded.get(d.childId);
          if (one === undefined) return false;
          const access = childAccess(a, one.facts, {
            today: TODAY,
            now: PINNED_NOW,
            emergencyGrants: scope.grants,
          });
          return onWorklist(a, d, access, f, {
            today: TODAY,
            assignedWorkers: workers.get(d.childId) ?? [],
            standingInFor: standIns,
          });
        });
        expect(rows.map((r) => r.id).sort(), `${a.role} ${JSON.stringify(f)}`).toEqual(
          pure.map((d) => d.id).sort(),
        );
        if (pure.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });
});

interface WorklistAnswer {
  total: number;
  items: {
    id: string;
    rule: string;
    title: string;
    source: string;
    dueOn: string;
    overdue: boolean;
    daysLeft: number;
    countsWorkingDays: boolean;
    child: { id: string; identityMasked: boolean; firstName: string | null };
  }[];
  meetings: { kind: string; on: string; child: { id: string } }[];
}

describe('the worklist through the API', () => {
  let malmoChild: string;
  beforeAll(async () => {
    malmoChild = await t.childByDossier('20000112');
    const add = (rule: string, dueOn: string, actorKind = 'social_services', code: string | null = '1280') =>
      t.database.raw.query(
        `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, $2, $3, '2026-10-01', $4, $5)`,
        [malmoChild, rule, dueOn, actorKind, code],
      );
    await add('care-review', '2026-11-10');
    await add('investigation', '2026-12-28');
    await add('school-start', '2026-11-30');
    await add('god-man-appointment', '2026-11-25', 'guardianship');
    await add('change-report', '2026-12-07', 'migration_agency', null);
  });

  it('a Malmö social worker sees Malmö’s deadlines, overdue first then by due date, with rule, source and days left', async () => {
    const res = await t.request(await t.login('sara.lind'), 'GET', '/api/worklist?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<WorklistAnswer>();
    const mine = list.items.filter(
      (i) => i.child.id === malmoChild && ['care-review', 'investigation', 'school-start'].includes(i.rule),
    );
    expect(mine.map((i) => i.rule)).toEqual(['care-review', 'school-start', 'investigation']);
    expect(mine[0]).toMatchObject({ overdue: true, countsWorkingDays: true, daysLeft: -9 });
    expect(mine[0]?.title).toContain('sjätte månad');
    expect(mine[0]?.source).toContain('SoL');
    expect(mine[1]).toMatchObject({ overdue: false, countsWorkingDays: false, daysLeft: 7 });
    // 28 December after Christmas: of 24 Nov … 28 Dec only the 23 working days count (not julafton, juldagen, annandagen).
    expect(mine[2]).toMatchObject({ countsWorkingDays: true, daysLeft: 23 });
    const dues = list.items.map((i) => i.dueOn);
    const overdue = list.items.filter((i) => i.overdue).length;
    expect(list.items.slice(0, overdue).every((i) => i.overdue)).toBe(true);
    expect(dues).toEqual([...dues].sort());
    // The guardianship authority's deadline is not social services' to act on.
    expect(list.items.some((i) => i.child.id === malmoChild && i.rule === 'god-man-appointment')).toBe(false);
  });

  it('filters by rule, overdue and municipality, and pages', async () => {
    const session = await t.login('sara.lind');
    const get = async (query: string) =>
      (await t.request(session, 'GET', `/api/worklist?${query}`)).json<WorklistAnswer>();
    expect((await get('rule=care-review&pageSize=200')).items.every((i) => i.rule === 'care-review')).toBe(
      true,
    );
    expect((await get('overdue=true&pageSize=200')).items.every((i) => i.overdue)).toBe(true);
    expect((await get('municipality=2281')).total).toBe(0);
    const all = await get('pageSize=200');
    const first = await get('pageSize=2&page=1');
    const second = await get('pageSize=2&page=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(
      all.items.slice(0, 4).map((i) => i.id),
    );
  });

  it('the guardianship officer sees the guardianship deadlines, the Migration Agency its own', async () => {
    const officer = (
      await t.request(await t.login('per.ek'), 'GET', '/api/worklist?pageSize=200')
    ).json<WorklistAnswer>().items;
    expect(officer.filter((i) => i.child.id === malmoChild).map((i) => i.rule)).toEqual([
      'god-man-appointment',
    ]);
    const agency = (
      await t.request(await t.login('omar.said'), 'GET', '/api/worklist?pageSize=200')
    ).json<WorklistAnswer>().items;
    expect(agency.filter((i) => i.child.id === malmoChild).map((i) => i.rule)).toEqual(['change-report']);
  });

  it('the god man sees the ward’s school and guardianship deadlines and coming meetings, not the social case', async () => {
    await t.database.raw.query(
      `insert into asylum_cases (child_id, applied_on, interview_dates) values ($1, '2026-09-01', array['2026-12-08']::date[]) on conflict (child_id) do update set interview_dates = excluded.interview_dates`,
      [malmoChild],
    );
    const res = await t.request(await t.login('birgitta.sjo'), 'GET', '/api/worklist?pageSize=200');
    expect(res.statusCode).toBe(200);
    const list = res.json<WorklistAnswer>();
    expect(
      list.items
        .filter((i) => i.child.id === malmoChild)
        .map((i) => i.rule)
        .sort(),
    ).toEqual(['god-man-appointment', 'school-start']);
    expect(list.meetings.filter((m) => m.child.id === malmoChild).map((m) => m.kind)).toEqual([
      'asylum_interview',
    ]);
  });

  it('a masked child appears masked on the worklist of one not cleared for it', async () => {
    const canary = await t.childByDossier('20000100');
    const [row] = await t.database.db
      .select({ code: deadlines.municipalityCode })
      .from(deadlines)
      .where(and(eq(deadlines.childId, canary), isNull(deadlines.closedAt)))
      .orderBy(asc(deadlines.dueOn));
    const code = row?.code ?? '1280';
    await t.database.raw.query(
      `insert into deadlines (child_id, rule, due_on, started_on, actor_kind, municipality_code) values ($1, 'school-start', '2026-11-26', '2026-10-01', 'social_services', $2)`,
      [canary, code],
    );
    const res = await t.request(await t.login('ali.hassan'), 'GET', '/api/worklist?pageSize=200');
    const shown = res.json<WorklistAnswer>().items.filter((i) => i.child.id === canary);
    for (const item of shown) expect(item.child).toMatchObject({ identityMasked: true, firstName: null });
    expect(res.body).not.toContain('Zephyrina');
  });
});
