/**
 * The asylum and age demo data, run on a grown demo through the use cases: every state of both machines occurs, the
 * shares of decisions follow the figures, interviews fall a few weeks after arrival, and the age decisions that make a
 * child an adult end the child-specific responsibilities by rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { age, asylum } from '../../src/domain/case/machines.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { seedActors } from '../../src/seed/actors.ts';
import { AGE_ADULT_SEEDER, ASYLUM_SEEDER } from '../../src/seed/case-asylum.ts';
import { seedChildFacts } from '../../src/seed/case-run.ts';
import { CASE_SEEDERS } from '../../src/seed/case-seeders.ts';
import { growDemoBatch } from '../../src/seed/grow.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);
const rows = async <T>(query: string) => (await t.database.raw.query<T>(query)).rows;
const GROWN = 'dossier_number::bigint >= 20000124';

beforeAll(async () => {
  t = await startTestApp();
  for (let done = false; !done;)
    ({ done } = await growDemoBatch(t.database.db, PINNED_NOW, today, 24 + 240, 80));
  // The generator runs the wired seeders itself; until they are wired, run them here in their order.
  if (CASE_SEEDERS.some((s) => s.name === ASYLUM_SEEDER.name)) return;
  const ids = await rows<{ id: string; dossier_number: string }>(
    `select id, dossier_number from children where ${GROWN} order by dossier_number`,
  );
  await t.database.db.transaction(async (tx) => {
    const actors = seedActors(tx, PINNED_NOW, today);
    for (const { id, dossier_number } of ids) {
      const index = Number(dossier_number) - 20_000_100;
      const child = await seedChildFacts(tx, id, index);
      const random = seededRandom(8_000_000 + index);
      await ASYLUM_SEEDER.seed(actors, child, random, today);
      await AGE_ADULT_SEEDER.seed(actors, child, random, today);
    }
  });
}, 900_000);
afterAll(async () => t.close());

describe('the asylum and age demo data', () => {
  it('reaches every state of the asylum and age machines', async () => {
    const states = await rows<{ machine: string; state: string; n: number | string }>(
      `select machine, state, count(*) as n from case_states where machine in ('asylum', 'age') group by 1, 2 order by 1, 2`,
    );
    const reached = new Set(states.map((s) => `${s.machine}.${s.state}`));
    const grown = Number(
      (await rows<{ n: number | string }>(`select count(*) as n from children where ${GROWN}`))[0]?.n,
    );
    for (const machine of [asylum, age]) {
      const started = states
        .filter((s) => s.machine === machine.name)
        .reduce((sum, s) => sum + Number(s.n), 0);
      for (const state of machine.states) {
        const occurs =
          reached.has(`${machine.name}.${state}`) || (state === machine.initial && started < grown);
        expect(occurs, `${machine.name}.${state}`).toBe(true);
      }
    }
  });

  it('grants most decided cases a permit, mostly temporary, with some refusals, Dublin transfers and write-offs', async () => {
    const decided = await rows<{ decision: string; n: number | string }>(
      `select e.details->>'decision' as decision, count(*) as n from case_events e
       where e.machine = 'asylum' and e.event in ('grant_permanent', 'grant_temporary', 'refuse', 'transfer_dublin', 'write_off') group by 1`,
    );
    const of = (d: string) => Number(decided.find((r) => r.decision === d)?.n ?? 0);
    const total = decided.reduce((sum, r) => sum + Number(r.n), 0);
    expect(total).toBeGreaterThan(60);
    const permits = of('permanent_permit') + of('temporary_permit');
    expect(permits / total).toBeGreaterThan(0.5);
    expect(of('temporary_permit')).toBeGreaterThan(of('permanent_permit'));
    for (const d of ['refused', 'dublin_transfer', 'written_off']) expect(of(d), d).toBeGreaterThan(0);
    // Every temporary permit has an end date after its decision.
    expect(
      await rows(
        `select child_id from asylum_cases where decision = 'temporary_permit' and (permit_ends_on is null or permit_ends_on <= decided_on)`,
      ),
    ).toEqual([]);
  });

  it('holds interviews a few weeks after arrival, and books the coming ones', async () => {
    const gaps = await rows<{ days: number }>(
      `select (e.occurred_on - a.applied_on)::int as days from case_events e join asylum_cases a on a.child_id = e.child_id
       where e.machine = 'asylum' and e.event = 'interview'`,
    );
    const median =
      [...gaps.map((g) => Number(g.days))].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(14);
    expect(median).toBeLessThanOrEqual(42);
    const coming = await rows(
      `select child_id from asylum_cases where exists (select 1 from unnest(interview_dates) d where d > '${today}')`,
    );
    expect(coming.length).toBeGreaterThan(0);
  });

  it('ends the responsibilities by rule for the children an age decision made adults, and only for them', async () => {
    const adults = await rows<{ child_id: string }>(
      `select child_id from case_events where machine = 'age' and event = 'decide_temporarily' and (details->>'makesAdult')::boolean`,
    );
    expect(adults.length).toBeGreaterThan(0);
    const ended = await rows<{ child_id: string }>(
      `select child_id from case_events where machine = 'responsibility' and event = 'end_at_18' and details->>'reason' = 'age_changed'`,
    );
    expect(ended.map((r) => r.child_id).sort()).toEqual(adults.map((r) => r.child_id).sort());
    const open = await rows(
      `select p.child_id from responsibility_periods p where p.to_date is null and p.child_id in (${adults.map((a) => `'${a.child_id}'`).join(', ')})`,
    );
    expect(open).toEqual([]);
  });

  it('leaves the tests’ fixture children as registered', async () => {
    expect(
      await rows(
        `select c.id from children c join case_states s on s.child_id = c.id where s.machine in ('asylum', 'age') and c.dossier_number::bigint < 20000124`,
      ),
    ).toEqual([]);
  });
});
