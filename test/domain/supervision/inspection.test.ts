import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenTransitions, transition } from '../../../src/domain/case/machine.ts';
import {
  CRITICISM_LEVELS,
  closeProblem,
  findingsBySeverity,
  inspectionMachine,
  isOverdue,
  mostSerious,
  reportRecipients,
  sampleOpen,
  type InspectionEvent,
  type InspectionState,
} from '../../../src/domain/supervision/inspection.ts';
import {
  countiesSupervisedBy,
  supervisionTableProblems,
  supervisorOf,
} from '../../../src/domain/supervision/supervisors.ts';

function walk(events: readonly [InspectionEvent, 'supervision_inspector' | 'guardianship_officer'][]) {
  let state: InspectionState = inspectionMachine.initial;
  for (const [event, role] of events) {
    const result = transition(inspectionMachine, state, event, role);
    if (!result.ok) throw new Error(result.message);
    state = result.to;
  }
  return state;
}

describe('the inspection', () => {
  it('runs from the plan through the sample, the report and the response to closing', () => {
    expect(
      walk([
        ['draw_sample', 'supervision_inspector'],
        ['record_finding', 'supervision_inspector'],
        ['send_report', 'supervision_inspector'],
        ['record_response', 'guardianship_officer'],
        ['record_action_done', 'guardianship_officer'],
        ['close', 'supervision_inspector'],
      ]),
    ).toBe('closed');
  });

  it('lets only the authority respond, and only the inspector draw, report and close', () => {
    expect(transition(inspectionMachine, 'report_sent', 'record_response', 'supervision_inspector').ok).toBe(
      false,
    );
    expect(transition(inspectionMachine, 'planned', 'draw_sample', 'guardianship_officer').ok).toBe(false);
    expect(transition(inspectionMachine, 'response_received', 'close', 'guardianship_officer').ok).toBe(
      false,
    );
  });

  it('refuses every step a state does not offer; a skipped year and a closed inspection offer none', () => {
    const forbidden = forbiddenTransitions(inspectionMachine);
    expect(forbidden.length).toBeGreaterThan(0);
    for (const { state, event } of forbidden)
      expect(transition(inspectionMachine, state, event, 'supervision_inspector').ok).toBe(false);
    for (const state of ['skipped', 'closed'] as const)
      expect(forbidden.filter((f) => f.state === state)).toHaveLength(
        new Set(inspectionMachine.transitions.map((t) => t.event)).size,
      );
  });

  it('opens the sampled files only while the inspection is open', () => {
    expect(
      ['planned', 'in_progress', 'report_sent', 'response_received', 'closed', 'skipped'].map((s) =>
        sampleOpen(s as InspectionState),
      ),
    ).toEqual([false, true, true, true, false, false]);
  });
});

describe('findings and the report (E-R7)', () => {
  it('has three criticism levels, and orders findings most serious first, keeping the order within a level', () => {
    expect(CRITICISM_LEVELS).toEqual(['cannot_escape_criticism', 'criticism', 'serious_criticism']);
    const findings = [
      { id: 1, level: 'criticism' as const },
      { id: 2, level: 'serious_criticism' as const },
      { id: 3, level: 'cannot_escape_criticism' as const },
      { id: 4, level: 'criticism' as const },
    ];
    expect(findingsBySeverity(findings).map((f) => f.id)).toEqual([2, 1, 4, 3]);
    expect(mostSerious(findings)).toBe('serious_criticism');
    expect(mostSerious([])).toBeNull();
  });

  it('sends the report to the executive board, the council and the auditors of each municipality served', () => {
    expect(reportRecipients(['2281', '2262', '2281'])).toEqual([
      { municipalityCode: '2262', body: 'kommunstyrelse' },
      { municipalityCode: '2262', body: 'kommunfullmaktige' },
      { municipalityCode: '2262', body: 'kommunrevision' },
      { municipalityCode: '2281', body: 'kommunstyrelse' },
      { municipalityCode: '2281', body: 'kommunfullmaktige' },
      { municipalityCode: '2281', body: 'kommunrevision' },
    ]);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9]{4}$/), { maxLength: 8 }), (codes) => {
        expect(reportRecipients(codes)).toHaveLength(3 * new Set(codes).size);
      }),
    );
  });
});

describe('follow-up actions', () => {
  it('are overdue past their deadline while not done; the deadline day is in time', () => {
    expect(isOverdue({ deadline: '2026-03-01', doneOn: null }, '2026-03-01')).toBe(false);
    expect(isOverdue({ deadline: '2026-03-01', doneOn: null }, '2026-03-02')).toBe(true);
    expect(isOverdue({ deadline: '2026-03-01', doneOn: '2026-03-05' }, '2026-04-01')).toBe(false);
  });
  it('keep the inspection open until every one is done', () => {
    expect(closeProblem([{ deadline: '2026-03-01', doneOn: null }])).toBe('open_actions');
    expect(closeProblem([{ deadline: '2026-03-01', doneOn: '2026-02-01' }])).toBeNull();
    expect(closeProblem([])).toBeNull();
  });
});

describe('the supervising county boards', () => {
  const rows = [
    { countyCode: '01', boardCountyCode: '01' },
    { countyCode: '03', boardCountyCode: '01' },
    { countyCode: '12', boardCountyCode: '12' },
  ];
  it('finds a county without a supervisor, a double and a board that does not supervise its own county', () => {
    expect(supervisionTableProblems(rows, ['01', '03', '12'])).toEqual([]);
    expect(supervisionTableProblems(rows, ['01', '03', '12', '13'])).toEqual([
      'county 13 has no supervising county board',
    ]);
    expect(
      supervisionTableProblems([...rows, { countyCode: '03', boardCountyCode: '12' }], ['01', '03', '12']),
    ).toEqual(['county 03 has 2 supervising county boards']);
    expect(supervisionTableProblems([{ countyCode: '03', boardCountyCode: '01' }], ['01', '03'])).toContain(
      'county board 01 does not supervise its own county',
    );
  });
  it('answers which counties a board supervises and who supervises a county', () => {
    expect(countiesSupervisedBy(rows, '01')).toEqual(['01', '03']);
    expect(countiesSupervisedBy(rows, '03')).toEqual([]);
    expect(countiesSupervisedBy(rows, null)).toEqual([]);
    expect(supervisorOf(rows, '03')).toBe('01');
    expect(supervisorOf(rows, '99')).toBeNull();
  });
});
