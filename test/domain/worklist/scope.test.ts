import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anActor } from '../../support/builders.ts';
import type { ChildAccess } from '../../../src/domain/access/child-scope.ts';
import { compareDeadlines, DEADLINE_RULES } from '../../../src/domain/deadlines/rules.ts';
import {
  calendarDaysBetween,
  guardianRules,
  onWorklist,
  ownedBy,
  sectionOfRule,
  timeLeft,
  workingDaysBetween,
  type WorklistDeadline,
} from '../../../src/domain/worklist/scope.ts';

const inScope: ChildAccess = {
  view: 'full',
  basis: 'responsible_municipality',
  identity: 'visible',
  whereabouts: 'visible',
  journal: 'all',
  mayWrite: true,
};
const deadline = (over: Partial<WorklistDeadline> = {}): WorklistDeadline => ({
  childId: 'c',
  rule: 'school-start',
  actorKind: 'social_services',
  municipalityCode: '1280',
  assigneeUserId: null,
  dueOn: '2026-12-01',
  ...over,
});
const context = { today: '2026-11-23', assignedWorkers: [] as string[], standingInFor: [] as string[] };

describe('whose worklist a deadline is on', () => {
  it('social services act on their municipality’s deadlines, the guardianship authority on those of the municipalities it serves', () => {
    const social = anActor('social_worker').in('1280').build();
    expect(ownedBy(social, deadline())).toBe(true);
    expect(ownedBy(social, deadline({ municipalityCode: '2281' }))).toBe(false);
    expect(ownedBy(social, deadline({ actorKind: 'guardianship' }))).toBe(false);
    const authority = anActor('guardianship_officer').build();
    expect(
      ownedBy(
        { ...authority, municipalityCodes: ['1280', '1281'] },
        deadline({ actorKind: 'guardianship', municipalityCode: '1281' }),
      ),
    ).toBe(true);
  });

  it('the Migration Agency acts on its own deadlines, the region on those in its county', () => {
    expect(
      ownedBy(
        anActor('asylum_officer').build(),
        deadline({ actorKind: 'migration_agency', municipalityCode: null }),
      ),
    ).toBe(true);
    const region = { ...anActor('health_staff').build(), countyCode: '12' };
    expect(ownedBy(region, deadline({ actorKind: 'region', municipalityCode: '1281' }))).toBe(true);
    expect(ownedBy(region, deadline({ actorKind: 'region', municipalityCode: '2281' }))).toBe(false);
  });

  it('a god man sees the ward’s deadlines about placement, school, guardianship and a strategy meeting he takes part in, not the social case', () => {
    const godMan = anActor('god_man').build();
    const guardian: ChildAccess = {
      ...inScope,
      view: 'basic',
      basis: 'guardian',
      journal: 'none',
      mayWrite: false,
    };
    expect(guardianRules(godMan).sort()).toEqual([
      'god-man-appointment',
      'missing-strategy-meeting',
      'on-call-placement',
      'school-start',
    ]);
    expect(onWorklist(godMan, deadline(), guardian, {}, context)).toBe(true);
    expect(onWorklist(godMan, deadline({ rule: 'investigation' }), guardian, {}, context)).toBe(false);
    expect(sectionOfRule('investigation')).toBe('social_case');
  });

  it('each deadline is about the part of the case its rule names; a rule no longer known counts as responsibility', () => {
    expect(Object.fromEntries(Object.keys(DEADLINE_RULES).map((r) => [r, sectionOfRule(r)]))).toEqual({
      'protection-assessment': 'social_case',
      'preliminary-assessment': 'social_case',
      investigation: 'social_case',
      'care-review': 'social_case',
      'school-start': 'school',
      'relative-assessment': 'responsibility',
      'turning-18-warning': 'responsibility',
      'continued-responsibility-notice': 'responsibility',
      'change-report': 'responsibility',
      'on-call-placement': 'placement',
      'god-man-appointment': 'guardianship',
      'missing-strategy-meeting': 'missing',
    });
    expect(sectionOfRule('a-retired-rule')).toBe('responsibility');
  });

  it('"mine" keeps the children the actor is assigned to, stands in for, or the deadlines assigned to them', () => {
    const me = anActor('social_worker').in('1280').build();
    const mine = { mine: true };
    expect(onWorklist(me, deadline(), inScope, mine, { ...context, assignedWorkers: [me.userId] })).toBe(
      true,
    );
    expect(
      onWorklist(me, deadline(), inScope, mine, {
        ...context,
        assignedWorkers: ['absent'],
        standingInFor: ['absent'],
      }),
    ).toBe(true);
    expect(onWorklist(me, deadline({ assigneeUserId: me.userId }), inScope, mine, context)).toBe(true);
    expect(onWorklist(me, deadline(), inScope, mine, { ...context, assignedWorkers: ['someone'] })).toBe(
      false,
    );
  });

  it('filters by rule, overdue and municipality; nothing outside the child scope', () => {
    const me = anActor('social_worker').in('1280').build();
    expect(onWorklist(me, deadline(), inScope, { rule: 'care-review' }, context)).toBe(false);
    expect(onWorklist(me, deadline({ dueOn: '2026-11-20' }), inScope, { overdueOnly: true }, context)).toBe(
      true,
    );
    expect(onWorklist(me, deadline(), inScope, { overdueOnly: true }, context)).toBe(false);
    expect(onWorklist(me, deadline(), inScope, { municipalityCode: '2281' }, context)).toBe(false);
    expect(onWorklist(me, deadline(), { ...inScope, view: 'none' }, {}, context)).toBe(false);
  });
});

describe('time left', () => {
  it('counts working days for statutory periods, skipping weekends and Swedish holidays', () => {
    // Monday 21 Dec 2026 → Monday 28 Dec: 22, 23 are working days; 24 (julafton), 25, 26 (and the weekend) are not.
    expect(workingDaysBetween('2026-12-21', '2026-12-28')).toBe(3);
    expect(timeLeft('care-review', '2026-12-21', '2026-12-28')).toEqual({
      days: 3,
      workingDays: true,
      overdue: false,
    });
    expect(timeLeft('school-start', '2026-12-21', '2026-12-28')).toEqual({
      days: 7,
      workingDays: false,
      overdue: false,
    });
    expect(timeLeft('care-review', '2026-12-28', '2026-12-21')).toEqual({
      days: -3,
      workingDays: true,
      overdue: true,
    });
  });

  it('working days never exceed calendar days, and run the other way when overdue', () => {
    const date = fc
      .integer({ min: 0, max: 800 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const work = workingDaysBetween(a, b);
        expect(Math.abs(work)).toBeLessThanOrEqual(Math.abs(calendarDaysBetween(a, b)));
        expect(workingDaysBetween(b, a) + work).toBe(0); // the other way round (and never -0 against 0)
      }),
    );
  });

  it('the worklist order is the domain’s: overdue first, then by due date', () => {
    const rows = [
      { rule: 'school-start' as const, due: '2026-12-01' },
      { rule: 'care-review' as const, due: '2026-11-01' },
      { rule: 'investigation' as const, due: '2026-11-24' },
    ];
    expect([...rows].sort(compareDeadlines('2026-11-23')).map((r) => r.due)).toEqual([
      '2026-11-01',
      '2026-11-24',
      '2026-12-01',
    ]);
  });
});
