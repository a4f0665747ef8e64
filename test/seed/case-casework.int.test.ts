/**
 * The social case and personakt demo data, on a demo grown through every capability's seeder (this one runs after
 * the hand-over): every state of the social case occurs, most cases with time reach care, some deadlines are overdue,
 * workers are assigned and the personakt holds notes, correspondence and documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialCase } from '../../src/domain/case/machines.ts';
import { stockholmDate } from '../../src/domain/time.ts';
import { PINNED_NOW, startTestApp, type TestApp } from '../support/app.ts';
import { growDemoBatch } from '../../src/seed/grow.ts';

let t: TestApp;
const today = stockholmDate(PINNED_NOW);
const rows = async <T>(query: string) => (await t.database.raw.query<T>(query)).rows;
const n = (value: number | string | undefined) => Number(value ?? 0);

beforeAll(async () => {
  t = await startTestApp();
  // Growing the demo runs every capability's seeder (src/seed/case-seeders.ts) for each new child, this one included.
  const target = 24 + 240;
  for (let done = false; !done;)
    ({ done } = await growDemoBatch(t.database.db, PINNED_NOW, today, target, 40));
}, 900_000);
afterAll(async () => t.close());

describe('the social case demo data', () => {
  it('reaches every state of the social case, most cases with time in care', async () => {
    const states = await rows<{ state: string; n: number | string }>(
      `select state, count(*) as n from case_states where machine = 'social_case' group by state`,
    );
    const counts = new Map(states.map((s) => [s.state, n(s.n)]));
    const waiting = await rows<{ n: number | string }>(
      `select count(*) as n from children c where not exists (select 1 from case_states s where s.child_id = c.id and s.machine = 'social_case')`,
    );
    for (const state of socialCase.states) {
      expect((counts.get(state) ?? 0) + (state === 'none' ? n(waiting[0]?.n) : 0), state).toBeGreaterThan(0);
    }
    expect(counts.get('care_ongoing') ?? 0).toBeGreaterThan(counts.get('investigating') ?? 0);
    const overdueReviews = await rows<{ n: number | string }>(
      `select count(*) as n from deadlines where closed_at is null and rule = 'care-review' and due_on < '${today}'`,
    );
    expect(n(overdueReviews[0]?.n)).toBeGreaterThan(0);
  });

  it('leaves some deadlines overdue and records extensions with their reason', async () => {
    const overdue = await rows<{ rule: string; n: number | string }>(
      `select rule, count(*) as n from deadlines where closed_at is null and due_on < '${today}' and rule in ('protection-assessment','preliminary-assessment','investigation','care-review') group by rule`,
    );
    expect(overdue.reduce((sum, r) => sum + n(r.n), 0)).toBeGreaterThan(0);
    const extended = await rows<{ n: number | string }>(
      `select count(*) as n from social_cases where investigation_extension_reason is not null`,
    );
    expect(n(extended[0]?.n)).toBeGreaterThan(0);
  });

  it('assigns social workers to most open cases, leaves some for the unit manager, and sets a substitute in Malmö', async () => {
    const [assigned] = await rows<{ open: number | string; with_primary: number | string }>(
      `select count(*) as open, count(*) filter (where exists (select 1 from case_workers w where w.social_case_id = sc.id and w.role = 'primary' and w.to_date is null)) as with_primary
       from social_cases sc where sc.closed_on is null`,
    );
    expect(n(assigned?.with_primary)).toBeGreaterThan(n(assigned?.open) / 2);
    expect(n(assigned?.with_primary)).toBeLessThan(n(assigned?.open));
    const subs = await rows<{ n: number | string }>(`select count(*) as n from substitutes`);
    expect(n(subs[0]?.n)).toBe(1);
  });

  it('fills the personakt with notes (some not for the child), correspondence and documents', async () => {
    const kinds = await rows<{ kind: string; not_for_child: boolean; n: number | string }>(
      `select kind, not_for_child, count(*) as n from journal_entries group by 1, 2`,
    );
    expect(kinds.some((k) => k.kind === 'note' && k.not_for_child)).toBe(true);
    expect(kinds.some((k) => k.kind === 'correspondence')).toBe(true);
    const docs = await rows<{ n: number | string }>(`select count(*) as n from case_documents`);
    expect(n(docs[0]?.n)).toBeGreaterThan(0);
    const future = await rows<{ n: number | string }>(
      `select count(*) as n from journal_entries where occurred_on > '${today}'`,
    );
    expect(n(future[0]?.n)).toBe(0);
  });
});
