import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLOSURE_MINIMUM,
  DEFAULT_REPEAT,
  DEFAULT_RETURN_TALK_HOURS,
  earliestClosureNotFound,
  governingRoutine,
  NOTIFICATION_RECIPIENTS,
  notificationClocks,
  policyProblems,
  repeatRuleMet,
  returnTalkDue,
  routineOn,
  routineProblems,
  type MunicipalPolicy,
  type RegionalRoutine,
} from '../../../src/domain/missing/routine.ts';
import { addDays } from '../../../src/domain/time.ts';
import { deadlines } from '../../../src/domain/deadlines/rules.ts';

const skane: RegionalRoutine = {
  countyCode: '12',
  validFrom: '2019-01-01',
  validTo: null,
  reference: 'Regional samverkansplan, Länsstyrelsen Skåne, 2018-12-14',
  recipients: NOTIFICATION_RECIPIENTS.map((recipient) => ({
    recipient,
    dueWithinHours: recipient === 'police' ? 2 : 8,
    escalateAfterHours: 24,
  })),
  closureMinimum: DEFAULT_CLOSURE_MINIMUM,
  returnTalkWithinHours: DEFAULT_RETURN_TALK_HOURS,
  repeat: DEFAULT_REPEAT,
};

const malmo: MunicipalPolicy = {
  municipalityCode: '1280',
  validFrom: '2019-01-01',
  validTo: null,
  policyReference: 'Malmö stad, rutin för avvikna barn',
  closureMinimum: { days: 21 },
};

describe('the clocks of a missing episode (the research notes’ date cases, D.4)', () => {
  it('allows closing as not found three months after the police report, not before', () => {
    expect(earliestClosureNotFound('2025-01-10', DEFAULT_CLOSURE_MINIMUM)).toBe('2025-04-10');
    // The month's last day when the target month is shorter.
    expect(earliestClosureNotFound('2025-11-30', { months: 3 })).toBe('2026-02-28');
    expect(earliestClosureNotFound('2025-01-10', { days: 21 })).toBe('2025-01-31');
  });

  it('makes the return talk due 72 hours after the child was found', () => {
    expect(returnTalkDue(new Date('2025-01-10T13:00:00Z'), 72).toISOString()).toBe(
      '2025-01-13T13:00:00.000Z',
    );
  });

  it('calls for a strategy meeting at three episodes in 30 days', () => {
    expect(repeatRuleMet(['2025-03-01', '2025-03-15', '2025-03-29'], DEFAULT_REPEAT)).toBe(true);
    expect(repeatRuleMet(['2025-03-01', '2025-03-15'], DEFAULT_REPEAT)).toBe(false);
    // 2025-03-01 to 2025-03-31 is 31 days: the first falls out of the window.
    expect(repeatRuleMet(['2025-03-01', '2025-03-15', '2025-03-31'], DEFAULT_REPEAT)).toBe(false);
    expect(repeatRuleMet([], DEFAULT_REPEAT)).toBe(false);
  });

  it('times each recipient’s notification and its escalation from the police report', () => {
    const clocks = notificationClocks(skane.recipients, new Date('2025-01-10T10:00:00Z'));
    expect(clocks).toHaveLength(NOTIFICATION_RECIPIENTS.length);
    expect(clocks.find((c) => c.recipient === 'police')).toEqual({
      recipient: 'police',
      dueAt: new Date('2025-01-10T12:00:00Z'),
      escalateAt: new Date('2025-01-11T12:00:00Z'),
    });
  });

  it('does not depend on the order the episodes are given in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 60 }),
        (offsets, episodes, withinDays) => {
          const dates = offsets.map((o) => addDays('2025-01-01', o));
          const rule = { episodes, withinDays };
          expect(repeatRuleMet([...dates].reverse(), rule)).toBe(repeatRuleMet(dates, rule));
        },
      ),
    );
  });

  it('never allows closing as not found before the police report’s date plus the minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 24 }), (offset, months) => {
        const report = addDays('2020-01-01', offset);
        const earliest = earliestClosureNotFound(report, { months });
        expect(earliest > addDays(report, 28 * months - 1)).toBe(true);
        expect(earliest <= addDays(report, 31 * months)).toBe(true);
      }),
    );
  });
});

describe('the regional routine as data, versioned', () => {
  it('finds the version in force on a day, and none before the first', () => {
    const older = { ...skane, validFrom: '2016-01-01', validTo: '2018-12-31', reference: 'Äldre plan' };
    expect(routineOn([older, skane], '12', '2018-12-31')?.reference).toBe('Äldre plan');
    expect(routineOn([older, skane], '12', '2019-01-01')?.reference).toBe(skane.reference);
    expect(routineOn([older, skane], '12', '2015-12-31')).toBeNull();
    expect(routineOn([older, skane], '01', '2020-01-01')).toBeNull();
  });

  it('accepts a complete routine and names each fault by field and reason', () => {
    expect(routineProblems(skane, [])).toEqual([]);
    const faulty: RegionalRoutine = {
      ...skane,
      validTo: '2018-01-01',
      reference: ' ',
      recipients: [
        { recipient: 'police', dueWithinHours: 0, escalateAfterHours: 24 },
        { recipient: 'police', dueWithinHours: 2, escalateAfterHours: 24 },
      ],
      returnTalkWithinHours: 0,
    };
    const problems = routineProblems(faulty, []);
    expect(problems).toContainEqual({ field: 'validTo', reason: 'ends_before_start' });
    expect(problems).toContainEqual({ field: 'reference', reason: 'missing_reference' });
    expect(problems).toContainEqual({ field: 'recipients.0.dueWithinHours', reason: 'not_positive' });
    expect(problems).toContainEqual({ field: 'recipients.1.recipient', reason: 'duplicate_recipient' });
    // A recipient left out is a gap the routine must close, not a silent one (D-R6).
    expect(problems).toContainEqual({ field: 'recipients.god_man', reason: 'missing_recipient' });
    expect(problems).toContainEqual({ field: 'returnTalkWithinHours', reason: 'not_positive' });
  });

  it('refuses periods, hours and counts that cannot be', () => {
    expect(
      routineProblems(
        {
          ...skane,
          validTo: '2025-02-30',
          recipients: skane.recipients.map((r) => ({
            ...r,
            escalateAfterHours: r.recipient === 'school' ? 0 : 24,
          })),
          closureMinimum: { days: 0 },
          repeat: { episodes: 0, withinDays: 1.5 },
        },
        [],
      ),
    ).toEqual([
      { field: 'validTo', reason: 'invalid_date' },
      { field: 'recipients.6.escalateAfterHours', reason: 'not_positive' },
      { field: 'closureMinimum', reason: 'not_positive' },
      { field: 'repeat.episodes', reason: 'not_positive' },
      { field: 'repeat.withinDays', reason: 'not_positive' },
    ]);
    expect(routineProblems({ ...skane, validFrom: '2019-13-01' }, [])).toEqual([
      { field: 'validFrom', reason: 'invalid_date' },
    ]);
    expect(
      policyProblems(
        { ...malmo, validFrom: '1 jan', closureMinimum: { months: 0 }, returnTalkWithinHours: -1 },
        skane,
      ),
    ).toEqual([
      { field: 'validFrom', reason: 'invalid_date' },
      { field: 'closureMinimum', reason: 'not_positive' },
      { field: 'returnTalkWithinHours', reason: 'not_positive' },
    ]);
  });

  it('refuses a second version of the same county for the same days', () => {
    const overlapping = { ...skane, validFrom: '2024-01-01' };
    expect(routineProblems(overlapping, [skane])).toEqual([
      { field: 'validFrom', reason: 'overlaps_another_version' },
    ]);
    expect(routineProblems(overlapping, [{ ...skane, countyCode: '01' }])).toEqual([]);
    expect(
      routineProblems(overlapping, [{ ...skane, validFrom: '2019-01-01', validTo: '2023-12-31' }]),
    ).toEqual([]);
  });
});

describe('a municipality’s own policy (D-R2)', () => {
  it('shortens the closure minimum only with a policy reference, and governs its own episodes only', () => {
    expect(policyProblems(malmo, skane)).toEqual([]);
    expect(policyProblems({ ...malmo, policyReference: '' }, skane)).toEqual([
      { field: 'policyReference', reason: 'missing_reference' },
    ]);
    const inMalmo = governingRoutine(skane, [malmo], '1280', '2025-01-10');
    expect(inMalmo.closureMinimum).toEqual({ days: 21 });
    expect(inMalmo.policyReference).toBe(malmo.policyReference);
    const inLund = governingRoutine(skane, [malmo], '1281', '2025-01-10');
    expect(inLund.closureMinimum).toEqual(DEFAULT_CLOSURE_MINIMUM);
    expect(inLund.policyReference).toBeNull();
    // Before the policy was in force the county's routine governs.
    expect(
      governingRoutine(skane, [{ ...malmo, validFrom: '2026-01-01' }], '1280', '2025-01-10').policyReference,
    ).toBeNull();
  });

  it('may tighten the return talk, never loosen it', () => {
    expect(policyProblems({ ...malmo, returnTalkWithinHours: 96 }, skane)).toEqual([
      { field: 'returnTalkWithinHours', reason: 'looser_than_county' },
    ]);
    expect(
      governingRoutine(skane, [{ ...malmo, returnTalkWithinHours: 48 }], '1280', '2025-01-10')
        .returnTalkWithinHours,
    ).toBe(48);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (hours) => {
        const governing = governingRoutine(
          skane,
          [{ ...malmo, returnTalkWithinHours: hours }],
          '1280',
          '2025-01-10',
        );
        expect(governing.returnTalkWithinHours).toBeLessThanOrEqual(skane.returnTalkWithinHours);
      }),
    );
  });
});

describe('the clocks of the routine, as the issue names them (Europe/Stockholm)', () => {
  it.each([
    [
      'police report 2025-01-10 → earliest closure as not found',
      () => earliestClosureNotFound('2025-01-10', DEFAULT_CLOSURE_MINIMUM),
      '2025-04-10',
    ],
    [
      'found 2025-01-10 14:00 → return talk due 2025-01-13 14:00',
      () => returnTalkDue(new Date('2025-01-10T14:00:00+01:00'), DEFAULT_RETURN_TALK_HOURS).toISOString(),
      new Date('2025-01-13T14:00:00+01:00').toISOString(),
    ],
    [
      'episodes on 03-01, 03-15, 03-29 → a strategy meeting',
      () => repeatRuleMet(['2025-03-01', '2025-03-15', '2025-03-29'], DEFAULT_REPEAT),
      true,
    ],
    [
      'absconding 2025-03-15 (an asylum seeker) → the change report due 2025-04-07',
      () => deadlines.changeReport('2025-03-15', false).due,
      '2025-04-07',
    ],
    [
      'absconding 2025-03-15 (a permit holder) → due the 7th after the quarter',
      () => deadlines.changeReport('2025-03-15', true).due,
      '2025-04-07',
    ],
  ] as const)('%s', (_, clock, expected) => {
    expect(clock()).toBe(expected);
  });
});
