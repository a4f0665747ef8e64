import { describe, expect, it } from 'vitest';
import { RISK_MOMENT_POLICY, riskMoments, type RiskFacts } from '../../../src/domain/missing/risk-moments.ts';

const TODAY = '2026-11-16';
const calm: RiskFacts = {
  birthDate: '2010-03-01',
  arrivalDate: '2026-01-10',
  asylumDecision: null,
  openHandover: false,
  openTransfer: false,
  placements: [{ fromDate: '2026-01-12', toDate: null }],
};
const kinds = (facts: Partial<RiskFacts>, today = TODAY) =>
  riskMoments({ ...calm, ...facts }, today).map((m) => m.kind);

describe('risk moments of a child’s case on a pinned date', () => {
  it('names the lengths as policy: four weeks after arrival and a move, eight after a refusal and before 18', () => {
    expect(RISK_MOMENT_POLICY).toEqual({
      afterArrivalDays: 28,
      afterRefusalDays: 56,
      beforeEighteenDays: 56,
      afterMoveDays: 28,
    });
  });

  it.each([
    ['a child settled for months has none', {}, []],
    ['arrived today', { arrivalDate: TODAY }, ['after_arrival']],
    ['arrived 27 days ago (the 28th day)', { arrivalDate: '2026-10-20' }, ['after_arrival']],
    ['arrived 28 days ago', { arrivalDate: '2026-10-19' }, []],
    ['arrival unknown', { arrivalDate: null }, []],
    [
      'refused last week',
      { asylumDecision: { decision: 'refused', decidedOn: '2026-11-09' } },
      ['after_refusal'],
    ],
    ['refused 56 days ago', { asylumDecision: { decision: 'refused', decidedOn: '2026-09-21' } }, []],
    [
      'refused 55 days ago',
      { asylumDecision: { decision: 'refused', decidedOn: '2026-09-22' } },
      ['after_refusal'],
    ],
    [
      'granted a permit last week',
      { asylumDecision: { decision: 'permanent_permit', decidedOn: '2026-11-09' } },
      [],
    ],
    ['no decision yet', { asylumDecision: { decision: null, decidedOn: null } }, []],
    ['turns 18 in exactly eight weeks', { birthDate: '2009-01-11' }, ['turning_18']],
    ['turns 18 in eight weeks and a day', { birthDate: '2009-01-12' }, []],
    ['turns 18 tomorrow', { birthDate: '2008-11-17' }, ['turning_18']],
    ['an open hand-over', { openHandover: true }, ['open_handover']],
    ['an open transfer', { openTransfer: true }, ['open_transfer']],
    [
      'moved to a new placement a week ago',
      {
        placements: [
          { fromDate: '2026-01-12', toDate: '2026-11-09' },
          { fromDate: '2026-11-09', toDate: null },
        ],
      },
      ['placement_moved'],
    ],
    [
      'a first placement a week ago is no move',
      { placements: [{ fromDate: '2026-11-09', toDate: null }] },
      [],
    ],
    [
      'a move 28 days ago is over',
      {
        placements: [
          { fromDate: '2026-01-12', toDate: '2026-10-19' },
          { fromDate: '2026-10-19', toDate: null },
        ],
      },
      [],
    ],
    [
      'a placement decided for next week is not a move yet',
      {
        placements: [
          { fromDate: '2026-01-12', toDate: null },
          { fromDate: '2026-11-23', toDate: null },
        ],
      },
      [],
    ],
  ] as const)('%s', (_name, facts, expected) => {
    expect(kinds(facts as Partial<RiskFacts>)).toEqual(expected);
  });

  it('lists several at once, in a fixed order, with when each began and ends', () => {
    const moments = riskMoments(
      {
        ...calm,
        birthDate: '2008-12-24',
        arrivalDate: '2026-11-02',
        asylumDecision: { decision: 'refused', decidedOn: '2026-11-10' },
        openHandover: true,
      },
      TODAY,
    );
    expect(moments).toEqual([
      { kind: 'after_arrival', since: '2026-11-02', until: '2026-11-29' },
      { kind: 'after_refusal', since: '2026-11-10', until: '2027-01-04' },
      { kind: 'turning_18', since: '2026-10-29', until: '2026-12-23' },
      { kind: 'open_handover', since: null, until: null },
    ]);
  });

  it('an adult has none: the moments are about a child going missing', () => {
    expect(kinds({ birthDate: '2008-11-16', openHandover: true, arrivalDate: TODAY })).toEqual([]);
  });
});
