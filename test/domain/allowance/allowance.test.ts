import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNeedCeilings } from '../../../src/domain/allowance/ceilings.ts';
import { kronorSv, specialGrantDecisionText } from '../../../src/domain/allowance/decision-text.ts';
import {
  SPECIAL_GRANT_ACTIONS,
  SPECIAL_GRANT_STATUSES,
  specialGrantStepProblem,
  specialGrantStepsFor,
} from '../../../src/domain/allowance/machine.ts';
import {
  isAppointedGodMan,
  SPECIAL_GRANT_NEEDS,
  specialGrantApplicationProblems,
  specialGrantDecisionProblems,
} from '../../../src/domain/allowance/rules.ts';

describe('the special grant machine', () => {
  it('the god man submits a draft; the officer decides a submitted one and pays only a grant', () => {
    expect(specialGrantStepsFor('draft', 'god_man')).toEqual(['submit']);
    expect(specialGrantStepsFor('submitted', 'officer')).toEqual(['decide']);
    expect(specialGrantStepsFor('granted', 'officer')).toEqual(['pay']);
    expect(specialGrantStepsFor('partly_granted', 'officer')).toEqual(['pay']);
    expect(specialGrantStepsFor('refused', 'officer')).toEqual([]);
    expect(specialGrantStepsFor('paid', 'officer')).toEqual([]);
    expect(specialGrantStepProblem('draft', 'decide', 'god_man')).toBe('wrong_party');
  });

  it('payment is never possible before a grant, whoever asks', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPECIAL_GRANT_STATUSES),
        fc.constantFrom('god_man' as const, 'officer' as const),
        (status, party) => {
          const problem = specialGrantStepProblem(status, 'pay', party);
          if (problem === null) expect(['granted', 'partly_granted']).toContain(status);
        },
      ),
    );
  });

  it('every action belongs to one party only', () => {
    for (const action of SPECIAL_GRANT_ACTIONS)
      for (const status of SPECIAL_GRANT_STATUSES)
        expect(
          specialGrantStepProblem(status, action, 'god_man') === null &&
            specialGrantStepProblem(status, action, 'officer') === null,
        ).toBe(false);
  });
});

describe('an application', () => {
  const why = 'Har vuxit ur jackan';
  it('asks for whole kronor above zero, and says what the child needs and why, whatever the need', () => {
    expect(
      specialGrantApplicationProblems({ need: 'glasses', description: why, amount: 1200 }, undefined),
    ).toEqual([]);
    expect(
      specialGrantApplicationProblems({ need: 'glasses', description: why, amount: 0 }, undefined),
    ).toEqual([{ field: 'amount', code: 'amount_positive' }]);
    expect(
      specialGrantApplicationProblems({ need: 'glasses', description: why, amount: 12.5 }, undefined),
    ).toEqual([{ field: 'amount', code: 'amount_positive' }]);
    for (const need of SPECIAL_GRANT_NEEDS)
      expect(specialGrantApplicationProblems({ need, description: ' ', amount: 300 }, undefined)).toEqual([
        { field: 'description', code: 'description_required' },
      ]);
  });

  it('stays within a ceiling when a source verifies one', () => {
    const verified = { ceiling: 1000, verified: true, source: 'a source' };
    expect(
      specialGrantApplicationProblems({ need: 'glasses', description: why, amount: 1001 }, verified),
    ).toEqual([{ field: 'amount', code: 'amount_above_ceiling' }]);
    expect(
      specialGrantApplicationProblems({ need: 'glasses', description: why, amount: 1000 }, verified),
    ).toEqual([]);
  });

  it('is not refused by a ceiling no source verifies (shown as guidance only)', () => {
    const unverified = { ceiling: 1000, verified: false, source: 'a guess' };
    expect(
      specialGrantApplicationProblems({ need: 'glasses', description: why, amount: 1500 }, unverified),
    ).toEqual([]);
  });

  it('is made only by the god man appointed on the application day', () => {
    const spans = [
      { userId: 'anna', kind: 'god_man' as const, from: '2026-01-10', to: '2026-07-01' },
      { userId: 'birgitta', kind: 'god_man' as const, from: '2026-07-01', to: null },
      { userId: 'carl', kind: 'special_custodian' as const, from: '2026-01-10', to: null },
    ];
    expect(isAppointedGodMan(spans, 'anna', '2026-06-30')).toBe(true);
    expect(isAppointedGodMan(spans, 'anna', '2026-07-01')).toBe(false);
    expect(isAppointedGodMan(spans, 'birgitta', '2026-07-01')).toBe(true);
    expect(isAppointedGodMan(spans, 'birgitta', '2026-06-30')).toBe(false);
    expect(isAppointedGodMan(spans, 'anna', '2026-01-09')).toBe(false);
    expect(isAppointedGodMan(spans, 'carl', '2026-08-01')).toBe(false);
  });
});

describe('a decision', () => {
  it('grants the applied amount, a part of it with a reason, or nothing with a reason', () => {
    expect(specialGrantDecisionProblems({ outcome: 'granted', grantedAmount: 900, reason: '' }, 900)).toEqual(
      [],
    );
    expect(
      specialGrantDecisionProblems(
        { outcome: 'partly_granted', grantedAmount: 600, reason: 'Skäligt pris' },
        900,
      ),
    ).toEqual([]);
    expect(
      specialGrantDecisionProblems({ outcome: 'refused', grantedAmount: null, reason: 'Behovet täcks' }, 900),
    ).toEqual([]);
    expect(specialGrantDecisionProblems({ outcome: 'granted', grantedAmount: 800, reason: '' }, 900)).toEqual(
      [{ field: 'grantedAmount', code: 'granted_means_applied' }],
    );
    expect(
      specialGrantDecisionProblems({ outcome: 'partly_granted', grantedAmount: 900, reason: 'x' }, 900),
    ).toEqual([{ field: 'grantedAmount', code: 'partly_means_less' }]);
    expect(
      specialGrantDecisionProblems({ outcome: 'refused', grantedAmount: null, reason: '' }, 900),
    ).toEqual([{ field: 'reason', code: 'reason_required' }]);
    expect(specialGrantDecisionProblems({ outcome: 'refused', grantedAmount: 5, reason: 'x' }, 900)).toEqual([
      { field: 'grantedAmount', code: 'refusal_grants_nothing' },
    ]);
  });

  it('never grants more than was applied for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 200_000 }),
        (applied, granted) => {
          const ok =
            specialGrantDecisionProblems(
              { outcome: 'partly_granted', grantedAmount: granted, reason: 'r' },
              applied,
            ).length === 0 ||
            specialGrantDecisionProblems({ outcome: 'granted', grantedAmount: granted, reason: '' }, applied)
              .length === 0;
          if (ok) expect(granted).toBeLessThanOrEqual(applied);
        },
      ),
    );
  });
});

describe('the decision text', () => {
  const facts = {
    childName: 'Amir Rahimi',
    dossierNumber: '66000001',
    need: 'winter_clothes' as const,
    description: '',
    appliedAmount: 2500,
    grantedAmount: 2500,
    reason: '',
    decidedOn: '2026-11-20',
  };

  it('a grant names the child, the need, the amount and the act', () => {
    expect(specialGrantDecisionText({ ...facts, outcome: 'granted' })).toEqual([
      'Ansökan gäller särskilt bidrag till Amir Rahimi, dossiernummer 66000001, för vinterkläder med 2 500 kr.',
      'Migrationsverket beviljar ansökan med 2 500 kr.',
      'Beslutet är fattat med stöd av lagen (1994:137) om mottagande av asylsökande m.fl.',
      'Beslutsdatum: 2026-11-20.',
    ]);
  });

  it('a partial grant and a refusal give their reason', () => {
    expect(
      specialGrantDecisionText({
        ...facts,
        outcome: 'partly_granted',
        grantedAmount: 1800,
        reason: 'Skäligt pris.',
      }),
    ).toEqual([
      'Ansökan gäller särskilt bidrag till Amir Rahimi, dossiernummer 66000001, för vinterkläder med 2 500 kr.',
      'Migrationsverket beviljar delvis ansökan med 1 800 kr och avslår den i övrigt.',
      'Skäl: Skäligt pris.',
      'Beslutet är fattat med stöd av lagen (1994:137) om mottagande av asylsökande m.fl.',
      'Beslutsdatum: 2026-11-20.',
    ]);
    const refusal = specialGrantDecisionText({
      ...facts,
      need: 'other',
      description: 'cykel',
      outcome: 'refused',
      grantedAmount: null,
      reason: 'Behovet är inte angeläget.',
    });
    expect(refusal[0]).toBe(
      'Ansökan gäller särskilt bidrag till Amir Rahimi, dossiernummer 66000001, för annat behov (cykel) med 2 500 kr.',
    );
    expect(refusal.slice(1, 3)).toEqual([
      'Migrationsverket avslår ansökan.',
      'Skäl: Behovet är inte angeläget.',
    ]);
  });

  it('names only the dossier number where the name is not to be shown', () => {
    expect(specialGrantDecisionText({ ...facts, childName: null, outcome: 'granted' })[0]).toBe(
      'Ansökan gäller särskilt bidrag till barnet med dossiernummer 66000001 för vinterkläder med 2 500 kr.',
    );
  });

  it('writes kronor with a space between thousands', () => {
    expect(kronorSv(950)).toBe('950 kr');
    expect(kronorSv(12500)).toBe('12 500 kr');
    expect(kronorSv(1250000)).toBe('1 250 000 kr');
  });
});

describe('the needs as data', () => {
  it('refuses a verified row without an amount, an unknown need and a missing one', () => {
    const { problems } = buildNeedCeilings([
      { line: 2, need: 'glasses', ceiling: '', verified: 'ja', source: 's' },
      { line: 3, need: 'bicycle', ceiling: '100', verified: 'nej', source: 's' },
      { line: 4, need: 'other', ceiling: '1.5', verified: 'nej', source: '' },
    ]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 4, 0]);
  });
});
