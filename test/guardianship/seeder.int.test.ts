/** The demo seeder of the guardianship capability runs through the use cases and makes every state occur. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random.ts';
import { guardianship } from '../../src/domain/case/machines.ts';
import { seedActors } from '../../src/seed/actors.ts';
import { seedChildFacts } from '../../src/seed/case-run.ts';
import { seedGuardianship } from '../../src/seed/case-guardianship.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { grantPermit } from './fixtures.ts';

let t: TestApp;
const TODAY = '2026-11-23';

/** [index, arrival, permit] — positions chosen so that each path of the seeder is taken. */
const CHILDREN: readonly (readonly [number, string, string | null])[] = [
  [66, '2026-05-01', null], // no request yet
  [104, '2026-05-01', null], // request withdrawn
  [200, TODAY, null], // requested today, not yet appointed
  [41, '2026-01-10', null], // resignation and replacement
  [40, '2026-02-01', null], // ended by decision
  [52, '2026-08-01', '2026-10-01'], // SFV applied, pending
  [53, '2026-08-01', '2026-10-01'],
  [55, '2026-08-01', '2026-10-01'],
  [56, '2026-08-01', '2026-10-01'],
  [62, '2026-01-01', '2026-01-15'], // SFV appointed
  [44, '2026-01-01', '2026-01-15'], // SFV refused
  [70, '2026-01-01', '2026-03-01'], // no application, with a reason
  [25, '2026-06-01', null],
  [26, '2026-06-01', null],
];

beforeAll(async () => {
  t = await startTestApp();
  const actors = seedActors(t.database.db, t.clock.now, TODAY);
  for (const [index, arrival, permit] of CHILDREN) {
    const id = await arrivedChild(t, {
      arrivalDate: arrival,
      birthDate: '2011-04-04',
      fields: { dossierNumber: String(93_000_000 + index) }, // the assertions find these children by '93%'
    });
    if (permit !== null) await grantPermit(t, id, permit);
    const child = await seedChildFacts(t.database.db, id, index);
    await seedGuardianship(actors, child, seededRandom(index), TODAY);
  }
}, 300_000);
afterAll(async () => t.close());

describe('the guardianship seeder', () => {
  it('makes every state of the machine occur', async () => {
    const { rows } = await t.database.raw.query<{ state: string }>(
      `select distinct coalesce(s.state, 'none') as state from children c left join case_states s on s.child_id = c.id and s.machine = 'guardianship' where c.dossier_number like '93%'`,
    );
    expect(rows.map((r) => r.state).sort()).toEqual([...guardianship.states].sort());
  });

  it('records resignations, ends by decision, refused SFVs and reasons not to apply, each with its record', async () => {
    const { rows } = await t.database.raw.query<{ what: string }>(
      `select distinct d.end_reason as what from guardianship_details d where d.end_reason is not null
       union select distinct 'sfv:' || status from sfv_cases`,
    );
    const seen = rows.map((r) => r.what);
    expect(seen).toEqual(
      expect.arrayContaining([
        'resigned',
        'sfv_final',
        'sfv:refused',
        'sfv:not_applying',
        'sfv:pending',
        'sfv:appointed',
      ]),
    );
    expect(seen.some((w) => ['parent_custody', 'left_sweden', 'not_needed'].includes(w))).toBe(true);
    const missing = await t.database.raw.query<{ n: number | string }>(
      `select count(*) as n from guardianships g left join guardianship_details d on d.guardianship_id = g.id where d.best_interests_id is null and g.child_id in (select id from children where dossier_number like '93%')`,
    );
    expect(Number(missing.rows[0]?.n)).toBe(0);
  });

  it('gives the tests’ fixture children the god men the tests expect: every third one, Birgitta Sjö for even positions', async () => {
    const actors = seedActors(t.database.db, t.clock.now, TODAY);
    for (let index = 0; index < 24; index++) {
      const id = await t.childByDossier(String(20_000_100 + index));
      await seedGuardianship(
        actors,
        await seedChildFacts(t.database.db, id, index),
        seededRandom(index),
        TODAY,
      );
    }
    const godManOf = async (dossier: string) => {
      const { rows } = await t.database.raw.query<{ subject: string }>(
        `select u.subject from guardianships g join users u on u.id = g.guardian_user_id join children c on c.id = g.child_id
         where c.dossier_number = $1 and g.from_date <= $2 and (g.to_date is null or g.to_date > $2)`,
        [dossier, TODAY],
      );
      return rows.map((r) => r.subject);
    };
    expect(await godManOf('20000112')).toEqual(['dev:birgitta.sjo']);
    expect(await godManOf('20000100')).toEqual(['dev:birgitta.sjo']);
    expect(await godManOf('20000110')).toEqual([]);
    const state = async (dossier: string) => {
      const { rows } = await t.database.raw.query<{ state: string }>(
        `select s.state from case_states s join children c on c.id = s.child_id where c.dossier_number = $1 and s.machine = 'guardianship'`,
        [dossier],
      );
      return rows[0]?.state ?? 'none';
    };
    expect(await state('20000112')).toBe('god_man_appointed');
    expect(await state('20000108')).toBe('god_man_requested');
    expect(await state('20000110')).toBe('none');
  });

  it('registers extra gode män through the registry when the pool runs short', async () => {
    const { rows } = await t.database.raw.query<{ n: number | string }>(
      `select count(*) as n from god_man_profiles`,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThanOrEqual(2);
  });
});
