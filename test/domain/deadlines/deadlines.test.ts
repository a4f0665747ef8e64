import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  ageOn,
  birthday,
  isWorkingDay,
  onOrNextWorkingDay,
} from '../../../src/domain/deadlines/calendar.ts';
import { stockholmDate } from '../../../src/domain/time.ts';
import { compareDeadlines, DEADLINE_RULES, deadlines, dueFor } from '../../../src/domain/deadlines/rules.ts';

describe('Swedish working days (lag 1930:173)', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-21', false], // Saturday
    ['2026-11-22', false], // Sunday
    ['2026-06-19', false], // midsommarafton
    ['2026-12-24', false], // julafton
    ['2026-12-31', false], // nyårsafton
    ['2026-06-06', false], // nationaldagen (a Saturday in 2026, a holiday anyway)
    ['2026-05-14', false], // Kristi himmelsfärdsdag
    ['2026-04-03', false], // långfredagen
    ['2026-04-06', false], // annandag påsk
    ['2026-01-05', true], // trettondagsafton is a working day
    ['2026-04-30', true], // valborgsmässoafton is a working day
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
  it('moves a deadline on a holiday weekend to the next working day', () => {
    expect(onOrNextWorkingDay('2026-12-24')).toBe('2026-12-28'); // julafton, juldagen, annandag jul, Sunday
    expect(onOrNextWorkingDay('2026-04-03')).toBe('2026-04-07'); // Easter
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22'); // over midsommar
  });
});

describe('calendar arithmetic', () => {
  it('adds months, clamping to the month’s last day, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
  });
  it('a child born on 29 February turns 18 on 1 March in a common year', () => {
    expect(birthday('2008-02-29', 18)).toBe('2026-03-01');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('deadline rules', () => {
  it('every rule carries its legal source', () => {
    for (const rule of Object.values(DEADLINE_RULES)) expect(rule.source.length).toBeGreaterThan(10);
  });
  it('a protection assessment is due at once: the next calendar day at the latest, weekend or holiday', () => {
    expect(deadlines.protectionAssessment('2026-11-23')).toEqual({
      rule: 'protection-assessment',
      due: '2026-11-24',
    });
    expect(deadlines.protectionAssessment('2026-11-20').due).toBe('2026-11-21'); // Friday → Saturday, not Monday
    expect(deadlines.protectionAssessment('2026-12-23').due).toBe('2026-12-24'); // julafton: "genast" is no period
  });
  it('a preliminary assessment is due 14 days after the report; over Christmas it moves to the next working day', () => {
    expect(deadlines.preliminaryAssessment('2026-11-02').due).toBe('2026-11-16');
    expect(deadlines.preliminaryAssessment('2026-12-10').due).toBe('2026-12-28'); // 24 Dec → 28 Dec
  });
  it('an investigation is due four months after it opened', () => {
    expect(deadlines.investigation('2026-10-31').due).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
  });
  it('the care is reviewed six months after the placement', () => {
    expect(deadlines.careReview('2026-06-20').due).toBe('2026-12-21'); // 20 Dec is a Sunday
  });
  it('school starts within a month of arrival (guidance: not moved)', () => {
    expect(deadlines.schoolStart('2026-01-31').due).toBe('2026-02-28');
  });
  it('turning 18: the warning five weeks before, the notice three weeks before', () => {
    expect(deadlines.turning18Warning('2008-12-24').due).toBe('2026-11-19');
    expect(deadlines.continuedResponsibilityNotice('2008-12-24').due).toBe('2026-12-03');
  });
  it('changes are reported by the 7th of the next month, or after the quarter for permit holders', () => {
    expect(deadlines.changeReport('2026-11-23', false).due).toBe('2026-12-07');
    expect(deadlines.changeReport('2026-11-23', true).due).toBe('2027-01-07');
    expect(deadlines.changeReport('2026-01-15', true).due).toBe('2026-04-07');
    expect(deadlines.changeReport('2026-12-31', false).due).toBe('2027-01-07');
  });
  it('an on-call placement holds until the next working day', () => {
    expect(deadlines.onCallPlacement('2026-06-18').due).toBe('2026-06-22');
  });
  it('a god man is appointed within three days of the request (practice, not moved)', () => {
    expect(deadlines.godManAppointment('2026-12-30').due).toBe('2027-01-02');
  });
  it('every rule names who must act', () => {
    for (const rule of Object.values(DEADLINE_RULES))
      expect(['social_services', 'guardianship', 'migration_agency', 'region']).toContain(rule.actor);
  });
  // The table the engine uses: each rule's due date from the event that starts it, with a pinned calendar.
  const context = {
    on: '2026-02-27',
    birthDate: '2008-02-29',
    arrivalDate: '2026-01-31',
    permitHolder: false,
  };
  it.each([
    ['protection-assessment', '2026-02-28'], // Friday → Saturday: "genast" does not wait for Monday
    ['preliminary-assessment', '2026-03-13'],
    ['investigation', '2026-06-29'], // 27 Jun is a Saturday
    ['care-review', '2026-08-27'],
    ['school-start', '2026-02-28'], // one month from 31 Jan, clamped; guidance is not moved
    ['relative-assessment', '2026-03-02'],
    ['turning-18-warning', '2026-01-25'], // 18th birthday of a 29 Feb child: 1 Mar 2026
    ['continued-responsibility-notice', '2026-02-08'],
    ['change-report', '2026-03-07'],
    ['on-call-placement', '2026-03-02'],
    ['god-man-appointment', '2026-03-02'],
  ] as const)('dueFor %s from 2026-02-27 is %s', (rule, due) => {
    expect(dueFor(rule, context)).toEqual({ rule, due });
  });
  it('a leap year moves the month-end arithmetic', () => {
    expect(dueFor('investigation', { ...context, on: '2027-10-31' }).due).toBe('2028-02-29');
    expect(dueFor('care-review', { ...context, on: '2027-08-31' }).due).toBe('2028-02-29');
    expect(dueFor('change-report', { ...context, on: '2028-02-29', permitHolder: true }).due).toBe(
      '2028-04-07',
    );
  });
  it('lists overdue deadlines first', () => {
    const list = [
      { rule: 'school-start' as const, due: '2026-12-01' },
      { rule: 'investigation' as const, due: '2026-11-01' },
      { rule: 'care-review' as const, due: '2026-11-30' },
    ].sort(compareDeadlines('2026-11-23'));
    expect(list.map((d) => d.rule)).toEqual(['investigation', 'care-review', 'school-start']);
  });
});

describe('the Social Services Act (2025:400), in force since 1 July 2025', () => {
  const SOL_RULES = [
    ['protection-assessment', '20 kap. 1 §', '11 kap. 1 a §'],
    ['preliminary-assessment', '20 kap. 2 §', '11 kap. 1 a §'],
    ['investigation', '20 kap. 3 §', '11 kap. 2 §'],
    ['care-review', '22 kap. 13 §', '6 kap. 8 §'],
  ] as const;
  it.each(SOL_RULES)(
    '%s cites %s SoL (2025:400) and keeps %s SoL 2001:453 as history',
    (rule, current, former) => {
      expect(DEADLINE_RULES[rule].source).toBe(`${current} SoL (2025:400) (tidigare ${former} SoL 2001:453)`);
      expect(DEADLINE_RULES[rule].statutory).toBe(true);
    },
  );
  it('no rule cites the repealed act alone, and none carries a mapping note', () => {
    for (const [id, rule] of Object.entries(DEADLINE_RULES)) {
      expect(rule.source, id).not.toMatch(/ej kartlagd|kartlag|unverified|overifierad/i);
      if (rule.source.includes('2001:453'))
        expect(rule.source, id).toMatch(/SoL \(2025:400\) \(tidigare .* SoL 2001:453\)$/);
    }
  });

  // The clock is pinned: the event's date is the calendar date in Stockholm at the instant it was recorded.
  const at = (instant: string) => stockholmDate(new Date(instant));
  it.each([
    // A report late on a Friday evening UTC is Saturday in Stockholm; "genast" is Sunday at the latest, not Monday.
    ['protection-assessment', '2026-02-27T23:30:00Z', '2026-03-01'],
    // 14 days from receipt; 19 June 2026 is midsommarafton: the next working day.
    ['preliminary-assessment', '2026-06-05T08:00:00Z', '2026-06-22'],
    // Four months from the day the investigation was opened (23:30 UTC in March is 00:30 the next day in Stockholm).
    ['investigation', '2026-03-09T23:30:00Z', '2026-07-10'],
    // Six months from the start of the care; 20 December 2026 is a Sunday.
    ['care-review', '2026-06-20T10:00:00Z', '2026-12-21'],
  ] as const)('%s started at %s (Stockholm) is due %s', (rule, instant, due) => {
    expect(
      dueFor(rule, {
        on: at(instant),
        birthDate: '2010-01-01',
        arrivalDate: '2026-01-10',
        permitHolder: false,
      }),
    ).toEqual({ rule, due });
  });
  it('the investigation counts from its opening, not from the report before it', () => {
    const report = '2026-02-27';
    const opened = '2026-03-10'; // after the protection and the preliminary assessment
    expect(deadlines.investigation(opened).due).toBe('2026-07-10');
    expect(deadlines.investigation(opened).due).not.toBe(deadlines.investigation(report).due);
  });
});
