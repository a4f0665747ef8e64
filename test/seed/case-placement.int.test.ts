/**
 * The placement, school and health demo data, run on a grown demo through the use cases: every state of the three
 * machines and every end reason occurs, school starts take about four weeks with a share over the goal, providers
 * exist where children are placed and are seldom over-occupied, and the audit chain still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealPending, verifyChain } from '../../src/audit/chain-store.ts';
import { health, placement, school } from '../../src/domain/case/machines.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { PLACEMENT_END_REASONS } from '../../src/placement/end.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { PLACEMENT_SEEDERS } from '../../src/seed/case-placement.ts';
import { CASE_SEEDERS } from '../../src/seed/case-seeders.ts';
import { growDemoBatch } from '../../src/seed/grow.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);

const rows = async <T>(query: string) => (await t.database.raw.query<T>(query)).rows;

beforeAll(async () => {
  t = await startTestApp();
  // The generator runs every capability's seeders for each new child (src/seed/case-seeders.ts), these included.
  const target = 24 + 320;
  for (let done = false; !done;)
    ({ done } = await growDemoBatch(t.database.db, PINNED_NOW, today, target, 80));
}, 900_000);
afterAll(async () => t.close());

describe('the placement, school and health demo data', () => {
  it('is part of the demo generator, after the hand-over and before the rules that end responsibility', () => {
    const names = CASE_SEEDERS.map((s) => s.name);
    for (const seeder of PLACEMENT_SEEDERS) expect(names).toContain(seeder.name);
    const first = names.indexOf('placement');
    if (names.includes('hand-over')) expect(names.indexOf('hand-over')).toBeLessThan(first);
    if (names.includes('turning-18')) expect(names.indexOf('turning-18')).toBeGreaterThan(first);
  });

  it('reaches every state of the three machines', async () => {
    const states = await rows<{ machine: string; state: string }>(
      `select distinct machine, state from case_states where machine in ('placement', 'school', 'health')`,
    );
    const reached = new Set(states.map((s) => `${s.machine}.${s.state}`));
    const assigned = await rows<{ n: number | string }>(
      `select count(*) as n from children where dossier_number::bigint >= 20000124`,
    );
    const started = await rows<{ machine: string; n: number | string }>(
      `select machine, count(*) as n from case_states where machine in ('placement', 'school', 'health') group by machine`,
    );
    for (const machine of [placement, school, health]) {
      const initialOccurs =
        Number(started.find((s) => s.machine === machine.name)?.n ?? 0) < Number(assigned[0]?.n ?? 0);
      for (const state of machine.states) {
        expect(
          reached.has(`${machine.name}.${state}`) || (state === machine.initial && initialOccurs),
          `${machine.name}.${state}`,
        ).toBe(true);
      }
    }
  });

  it('ends placements for every reason, with moves and on-call placements followed by decisions', async () => {
    const reasons = new Set(
      (
        await rows<{ end_reason: string }>(
          `select distinct end_reason from placements where end_reason is not null`,
        )
      ).map((r) => r.end_reason),
    );
    for (const reason of PLACEMENT_END_REASONS) expect(reasons.has(reason), reason).toBe(true);
    expect(reasons.has('followed_by_decision')).toBe(true);
    const forms = new Map(
      (
        await rows<{ form: string; n: number | string }>(
          `select form, count(*) as n from placements group by form`,
        )
      ).map((r) => [r.form, Number(r.n)]),
    );
    expect(forms.get('hvb') ?? 0).toBeGreaterThan(forms.get('familjehem') ?? 0);
    for (const form of ['stodboende', 'jourhem', 'sis'])
      expect(forms.get(form) ?? 0, form).toBeGreaterThan(0);
    const young = await rows<{ n: number | string }>(
      `select count(*) as n from placements p join children c on c.id = p.child_id where p.form = 'stodboende' and age(p.from_date, c.birth_date) < interval '18 years' and p.special_reason is null`,
    );
    expect(Number(young[0]?.n)).toBe(0);
  });

  it('starts school after about four weeks, a share of the children beyond the 30-day goal', async () => {
    const days = (
      await rows<{ days: number | string }>(
        `select (min(s.started_on) - min(r.from_date)) as days from school_enrolments s join responsibility_periods r on r.child_id = s.child_id where s.started_on is not null group by s.child_id`,
      )
    )
      .map((r) => Number(r.days))
      .sort((a, b) => a - b);
    expect(days.length).toBeGreaterThan(100);
    const median = days[Math.floor(days.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(21);
    expect(median).toBeLessThanOrEqual(35);
    const over = days.filter((d) => d > 30).length / days.length;
    expect(over).toBeGreaterThan(0.1);
    expect(over).toBeLessThan(0.6);
  });

  it('has providers where children are placed, seldom over-occupied, and referrals without diagnoses', async () => {
    const placedWithout = await rows<{ n: number | string }>(
      `select count(*) as n from placements p left join placement_providers v on v.id = p.provider_id and v.municipality_code = p.municipality_code where v.id is null`,
    );
    expect(Number(placedWithout[0]?.n)).toBe(0);
    const over = await rows<{ n: number | string }>(
      `select count(*) as n from placement_providers v where v.places < (select count(*) from placements p where p.provider_id = v.id and p.from_date <= '${today}' and (p.to_date is null or p.to_date > '${today}'))`,
    );
    const providers = await rows<{ n: number | string }>(`select count(*) as n from placement_providers`);
    expect(Number(over[0]?.n)).toBeLessThan(Number(providers[0]?.n) / 10);
    const referrals = await rows<{ referrals: unknown }>(
      `select referrals from health_examinations where jsonb_array_length(referrals) > 0`,
    );
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals)
      for (const item of r.referrals as object[]) expect(Object.keys(item).sort()).toEqual(['on', 'to']);
  });

  it('leaves an audit chain that verifies', async () => {
    await sealPending(t.database.db, PINNED_NOW);
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });
});
