/** Allocation decisions end to end through the API: proposal, siblings, relatives, deviation, correction, replay. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationReplay } from '../../src/cli/main.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { startTestApp, type Session, type TestApp } from '../support/app.ts';
import { arrivedChild } from '../support/arrivals.ts';
import { replayAll } from '../../src/allocation/replay.ts';

let t: TestApp;
let officer: Session;

const considerations = {
  relatives: null,
  siblings: null,
  specialNeeds: null,
  childsWishes: 'Vill gå i skolan',
};

const arrive = (extra: Record<string, unknown> = {}) =>
  arrivedChild(t, {
    session: officer,
    municipalityCode: '0180',
    arrivalDate: '2026-11-22',
    fields: {
      firstName: 'Yonas',
      lastName: 'Haile',
      citizenship: 'Eritrea',
      languages: ['tigrinja'],
      ...extra,
    },
  });

interface Proposal {
  kind: string;
  basis: string;
  municipality: {
    code: string;
    share: number;
    received: number;
    quota: string;
    deficit: string;
    name: string;
  };
  nextInTurn: { code: string }[];
  group: { id: string }[];
}

beforeAll(async () => {
  t = await startTestApp();
  officer = await t.login('anna.alm');
});
afterAll(async () => t.close());

describe('an allocation decision', () => {
  it('refuses a decision on a proposal that has moved on, so the officer looks again', async () => {
    const child = await arrive();
    const proposal = (
      await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)
    ).json<Proposal>();
    const stale =
      proposal.nextInTurn[0]?.code === proposal.municipality.code
        ? '0114'
        : (proposal.nextInTurn[0]?.code ?? '0114');
    const res = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
      municipalityCode: stale,
      proposedCode: stale,
      considerations,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('proposal_changed');
  });

  it('decides by the rule, now: another decision taken first does not make it stale, and the result is the rule’s', async () => {
    const seen = await arrive();
    const first = await arrive();
    const before = (
      await t.request(officer, 'GET', `/api/allocation/children/${seen}/proposal`)
    ).json<Proposal>();
    // Another officer decides a child first: the queue moves on while the first officer still looks at the proposal.
    const other = await t.request(officer, 'POST', `/api/allocation/children/${first}/decision/by-rule`, {
      considerations,
    });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json<{ municipalityCode: string }>().municipalityCode).toBe(before.municipality.code);
    const now = (
      await t.request(officer, 'GET', `/api/allocation/children/${seen}/proposal`)
    ).json<Proposal>();
    expect(now.municipality.code).not.toBe(before.municipality.code);
    const stale = await t.request(officer, 'POST', `/api/allocation/children/${seen}/decision`, {
      municipalityCode: before.municipality.code,
      proposedCode: before.municipality.code,
      considerations,
    });
    expect(stale.statusCode).toBe(409);
    const res = await t.request(officer, 'POST', `/api/allocation/children/${seen}/decision/by-rule`, {
      considerations,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'utjamnande',
      municipalityCode: now.municipality.code,
      childIds: [seen],
    });
    expect(res.json<{ municipalityName: string }>().municipalityName).toBe(now.municipality.name);
    // The decision records the proposal it followed; the audit says it was taken by the rule at commit time.
    const { rows } = await t.database.raw.query<{ proposed_code: string; municipality_code: string }>(
      'select proposed_code, municipality_code from anvisning_decisions where id = $1',
      [res.json<{ id: string }>().id],
    );
    expect(rows[0]).toEqual({
      proposed_code: now.municipality.code,
      municipality_code: now.municipality.code,
    });
    const audit = await t.database.raw.query<{ payload: { mode?: string } }>(
      "select payload from audit_events where kind = 'allocation.decide' and child_ids @> array[$1]::uuid[] and outcome = 'allowed'",
      [seen],
    );
    expect(audit.rows.map((r) => r.payload.mode)).toEqual(['by_rule_now']);
    // A second attempt on the same child is refused as already decided, by either way.
    const again = await t.request(officer, 'POST', `/api/allocation/children/${seen}/decision/by-rule`, {
      considerations,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('already_decided');
    expect((await replayAll(t.database.db, '2026-11-23')).differences).toEqual([]);
  });

  it('refuses a municipality or a reason in a decision by the rule: a deviation is decided explicitly', async () => {
    const child = await arrive();
    const res = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision/by-rule`, {
      considerations,
      municipalityCode: '1280',
    });
    expect(res.statusCode).toBe(400);
  });

  it('proposes the rule’s pick with its figures and the next five, and the confirmed decision hands the child over', async () => {
    const child = await arrive();
    const queue = (await t.request(officer, 'GET', '/api/allocation/queue?length=6')).json<{
      next: { code: string }[];
    }>();
    const proposal = (
      await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)
    ).json<Proposal>();
    expect(proposal).toMatchObject({
      kind: 'utjamnande',
      basis: 'rule',
      municipality: { code: queue.next[0]?.code },
    });
    expect(proposal.nextInTurn.map((n) => n.code)).toEqual(queue.next.slice(1, 6).map((n) => n.code));
    const decided = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
      municipalityCode: proposal.municipality.code,
      proposedCode: proposal.municipality.code,
      considerations,
    });
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({
      kind: 'utjamnande',
      municipalityCode: proposal.municipality.code,
    });
    const detail = (
      await t.request(officer, 'GET', `/api/allocation/decisions/${decided.json<{ id: string }>().id}`)
    ).json<{ proposal: Proposal | null }>();
    // The printed decision carries the reasons' figures as they stood before it, recomputed from the history.
    expect(detail.proposal).toMatchObject({
      kind: 'utjamnande',
      basis: 'rule',
      municipality: proposal.municipality,
    });
    const again = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
      municipalityCode: proposal.municipality.code,
      proposedCode: proposal.municipality.code,
      considerations,
    });
    expect(again.statusCode).toBe(409);
    const page = (await t.request(officer, 'GET', `/api/children/${child}`)).json<{
      responsibleMunicipality: { code: string };
    }>();
    expect(page.responsibleMunicipality.code).toBe(proposal.municipality.code);
  });

  it('decides siblings together; a relative found suitable sends them to the relative, whose social worker sees both at once', async () => {
    const first = await arrive({
      relative: {
        municipalityCode: '1280',
        relation: 'morbror',
        name: 'Reza Karimi',
        phone: '070-174 06 10',
      },
    });
    const second = await arrive({ siblingOfChildId: first, firstName: 'Senait' });
    const sara = await t.login('sara.lind');
    const tasks = (await t.request(sara, 'GET', '/api/relative-assessments')).json<
      { id: string; childId: string; dueOn: string }[]
    >();
    const task = tasks.find((x) => x.childId === first);
    expect(task?.dueOn).toBe('2026-11-26');
    expect(
      (
        await t.request(sara, 'POST', `/api/relative-assessments/${task?.id ?? ''}/outcome`, {
          outcome: 'suitable',
          note: 'Hembesök gjort',
        })
      ).statusCode,
    ).toBe(200);
    const proposal = (
      await t.request(officer, 'GET', `/api/allocation/children/${first}/proposal`)
    ).json<Proposal>();
    expect(proposal).toMatchObject({ kind: 'anknytning', basis: 'relative', municipality: { code: '1280' } });
    expect(proposal.group.map((g) => g.id).sort()).toEqual([first, second].sort());
    const decided = await t.request(officer, 'POST', `/api/allocation/children/${first}/decision`, {
      municipalityCode: '1280',
      proposedCode: '1280',
      considerations,
    });
    expect(decided.json<{ childIds: string[] }>().childIds.sort()).toEqual([first, second].sort());
    const detail = (
      await t.request(officer, 'GET', `/api/allocation/decisions/${decided.json<{ id: string }>().id}`)
    ).json<{ proposal: { basis: string; relatives: { outcome: string | null }[] } }>();
    expect(detail.proposal).toMatchObject({ basis: 'relative', relatives: [{ outcome: 'suitable' }] });
    const incoming = (await t.request(sara, 'GET', '/api/allocation/incoming'))
      .json<{ id: string }[]>()
      .map((c) => c.id);
    expect(incoming).toEqual(expect.arrayContaining([first, second]));
  });

  it('sends a sibling arriving later to where the group went, as an anknytning', async () => {
    const first = await arrive();
    const proposal = (
      await t.request(officer, 'GET', `/api/allocation/children/${first}/proposal`)
    ).json<Proposal>();
    await t.request(officer, 'POST', `/api/allocation/children/${first}/decision`, {
      municipalityCode: proposal.municipality.code,
      proposedCode: proposal.municipality.code,
      considerations,
    });
    const later = await arrive({ siblingOfChildId: first });
    expect(
      (await t.request(officer, 'GET', `/api/allocation/children/${later}/proposal`)).json<Proposal>(),
    ).toMatchObject({
      kind: 'anknytning',
      basis: 'sibling',
      municipality: { code: proposal.municipality.code },
    });
  });

  it('a relative judged unsuitable means a balancing decision', async () => {
    const child = await arrive({
      relative: {
        municipalityCode: '2281',
        relation: 'kusin',
        name: 'Omar Osman',
        address: 'Storgatan 4, Sundsvall',
      },
    });
    const johan = await t.login('johan.nilsson');
    const task = (await t.request(johan, 'GET', '/api/relative-assessments'))
      .json<{ id: string; childId: string }[]>()
      .find((x) => x.childId === child);
    await t.request(johan, 'POST', `/api/relative-assessments/${task?.id ?? ''}/outcome`, {
      outcome: 'unsuitable',
      note: 'Ingen möjlighet att ta emot',
    });
    expect(
      (await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)).json<Proposal>(),
    ).toMatchObject({ kind: 'utjamnande', basis: 'rule' });
    // Answered: the relative's municipality no longer lists the task, nor sees the child.
    const after = (await t.request(johan, 'GET', '/api/relative-assessments')).json<{ childId: string }[]>();
    expect(after.map((x) => x.childId)).not.toContain(child);
    expect((await t.request(johan, 'GET', `/api/children/${child}`)).statusCode).toBe(404);
  });

  it('deviating from the proposal needs a recorded reason and counts like an anknytning', async () => {
    const child = await arrive({ specialNeeds: 'Rullstol' });
    const proposal = (
      await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)
    ).json<Proposal>();
    const other = proposal.municipality.code === '1480' ? '1280' : '1480';
    const refused = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
      municipalityCode: other,
      proposedCode: proposal.municipality.code,
      considerations,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { fields: { field: string }[] } }>().error.fields[0]?.field).toBe(
      'body.reason',
    );
    const ok = await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
      municipalityCode: other,
      proposedCode: proposal.municipality.code,
      reason: 'Kommunen har anmält att den kan möta behovet av anpassat boende',
      considerations: { ...considerations, specialNeeds: 'Rullstol' },
    });
    expect(ok.json()).toMatchObject({ kind: 'deviation', municipalityCode: other });
    // The printed reasons' facts: the proposed and the decided municipality, each with its own figures before the
    // decision, recomputed from the history and matching the state the decision was taken from.
    const detail = (
      await t.request(officer, 'GET', `/api/allocation/decisions/${ok.json<{ id: string }>().id}`)
    ).json<{
      proposal: {
        basis: string;
        municipality: { code: string; quota: string };
        decided: { code: string };
        quotaTolerance: string;
        verified: boolean;
      };
    }>();
    expect(detail.proposal).toMatchObject({
      basis: 'rule',
      municipality: { code: proposal.municipality.code, quota: proposal.municipality.quota },
      decided: { code: other },
      quotaTolerance: '0.998',
      verified: true,
    });
  });

  it('serves the formal municipality names decisions use, not a name built with a suffix', async () => {
    const list = (await t.request(officer, 'GET', '/api/reference/municipalities')).json<
      { code: string; officialName: string }[]
    >();
    const official = new Map(list.map((m) => [m.code, m.officialName]));
    expect(list).toHaveLength(290);
    expect([
      official.get('0180'),
      official.get('1280'),
      official.get('2281'),
      official.get('1440'),
      official.get('2080'),
      official.get('0880'),
    ]).toEqual([
      'Stockholms kommun',
      'Malmö kommun',
      'Sundsvalls kommun',
      'Ale kommun',
      'Falu kommun',
      'Kalmar kommun',
    ]);
    // A database from before the names gets them from the reference file on its next start.
    await t.database.raw.query(
      `update municipalities set official_name = null where code in ('2080', '1440')`,
    );
    await loadReferenceData(t.database.db);
    const { rows } = await t.database.raw.query<{ name: string }>(
      `select official_name as name from municipalities where code in ('1440', '2080') order by code`,
    );
    expect(rows.map((r) => r.name)).toEqual(['Ale kommun', 'Falu kommun']);
  });

  it('a correction supersedes the decision: the count moves, the exact quotas do not, and replay is clean', async () => {
    const child = await arrive();
    const proposal = (
      await t.request(officer, 'GET', `/api/allocation/children/${child}/proposal`)
    ).json<Proposal>();
    const decision = (
      await t.request(officer, 'POST', `/api/allocation/children/${child}/decision`, {
        municipalityCode: proposal.municipality.code,
        proposedCode: proposal.municipality.code,
        considerations,
      })
    ).json<{ id: string }>();
    const figures = async () =>
      (await t.request(officer, 'GET', '/api/allocation/figures')).json<
        { code: string; received: number; quota: string }[]
      >();
    const before = await figures();
    const target = proposal.municipality.code === '2583' ? '2584' : '2583';
    const corrected = await t.request(
      officer,
      'POST',
      `/api/allocation/decisions/${decision.id}/correction`,
      { municipalityCode: target, reason: 'Fel kommun i beslutet' },
    );
    expect(corrected.statusCode).toBe(201);
    const after = await figures();
    const at = (list: typeof before, code: string) => list.find((f) => f.code === code);
    expect(at(after, target)?.received).toBe((at(before, target)?.received ?? 0) + 1);
    expect(at(after, proposal.municipality.code)?.received).toBe(
      (at(before, proposal.municipality.code)?.received ?? 0) - 1,
    );
    expect(after.map((f) => f.quota)).toEqual(before.map((f) => f.quota));
    expect(
      (
        await t.request(officer, 'POST', `/api/allocation/decisions/${decision.id}/correction`, {
          municipalityCode: '0180',
          reason: 'Igen',
        })
      ).statusCode,
    ).toBe(409);
    const lines: string[] = [];
    expect(
      await allocationReplay(t.database, t.clock.now.toISOString().slice(0, 10), (l) => lines.push(l)),
    ).toBe(0);
  });

  it('decision records cannot be changed, and replay names a record altered behind the trigger’s back', async () => {
    await expect(t.database.raw.exec("update anvisning_decisions set reason = 'x'")).rejects.toThrow(
      /immutable/,
    );
    const { rows } = await t.database.raw.query<{ id: string }>(
      "select id from anvisning_decisions where kind = 'utjamnande' order by seq desc limit 1",
    );
    const id = rows[0]?.id ?? '';
    await t.database.raw.exec(
      'alter table anvisning_decisions disable trigger anvisning_decisions_immutable',
    );
    await t.database.raw.query("update anvisning_decisions set municipality_code = '2583' where id = $1", [
      id,
    ]);
    await t.database.raw.exec('alter table anvisning_decisions enable trigger anvisning_decisions_immutable');
    const result = await replayAll(t.database.db, '2026-11-23');
    expect(result.differences.some((d) => d.decisionId === id)).toBe(true);
    const lines: string[] = [];
    expect(await allocationReplay(t.database, '2026-11-23', (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toContain(id);
  });

  it('replay names a share version altered after it was decided', async () => {
    const { rows } = await t.database.raw.query<{ version_id: string }>(
      'select version_id from share_values limit 1',
    );
    await t.database.raw.exec('alter table share_values disable trigger share_values_immutable');
    await t.database.raw.query(
      "update share_values set promille = promille + 1 where version_id = $1 and municipality_code = '0180'",
      [rows[0]?.version_id],
    );
    await t.database.raw.exec('alter table share_values enable trigger share_values_immutable');
    const result = await replayAll(t.database.db, '2026-11-23');
    expect(result.differences.map((d) => d.message).join('\n')).toContain(
      `share version ${rows[0]?.version_id ?? ''}`,
    );
  });
});

describe('shares', () => {
  it('an import lists every bad line', async () => {
    const res = await t.request(officer, 'POST', '/api/allocation/shares', {
      validFrom: '2027-01-01',
      csv: 'kommunkod,promille\n9999,5\n1280,x\n',
      note: 'Test',
    });
    expect(res.statusCode).toBe(422);
    expect(
      res.json<{ error: { fields: { message: string }[] } }>().error.fields.map((f) => f.message),
    ).toEqual(['rad 2: unknown kommunkod 9999', 'rad 3: promille "x" is not a whole number ≥ 0']);
  });
  it('a transfer across counties is refused and nothing is written', async () => {
    const [version] = (await t.request(officer, 'GET', '/api/allocation/shares')).json<{ id: string }[]>();
    const res = await t.request(officer, 'POST', `/api/allocation/shares/${version?.id ?? ''}/transfers`, {
      transfers: [{ fromCode: '1281', toCode: '0180', promille: 1 }],
      decidedBy: 'Migrationsverket',
      note: 'Fel',
    });
    expect(res.statusCode).toBe(422);
    expect((await t.request(officer, 'GET', '/api/allocation/shares')).json<unknown[]>()).toHaveLength(2);
  });
});
