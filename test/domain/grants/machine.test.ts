import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveStatus,
  GRANT_ACTIONS,
  GRANT_STEPS,
  statusAfter,
  stepProblem,
  stepsFor,
  type GrantFacts,
  type StoredGrantStatus,
} from '../../../src/domain/grants/machine.ts';

const facts = (f: Partial<GrantFacts> = {}): GrantFacts => ({
  status: 'draft',
  deadline: '2027-05-03',
  interimReportSubmitted: false,
  interimReportReceived: false,
  ...f,
});

describe('the grant machine', () => {
  it('a draft past the deadline is not submitted by the deadline, and can no longer be submitted', () => {
    expect(effectiveStatus('draft', '2027-05-03', '2027-05-03')).toBe('draft');
    expect(effectiveStatus('draft', '2027-05-03', '2027-05-04')).toBe('not_submitted_by_deadline');
    expect(effectiveStatus('submitted', '2027-05-03', '2028-01-01')).toBe('submitted');
    expect(stepProblem(facts(), 'submit', 'applicant', '2027-05-03')).toBeNull();
    expect(stepProblem(facts(), 'submit', 'applicant', '2027-05-04')).toBe('deadline_passed');
    expect(stepsFor(facts(), 'applicant', '2027-05-04')).toEqual([]);
  });
  it('walks draft → … → closed, each step by its party', () => {
    const walk: [
      StoredGrantStatus,
      (typeof GRANT_ACTIONS)[number],
      'applicant' | 'officer',
      StoredGrantStatus,
    ][] = [
      ['draft', 'submit', 'applicant', 'submitted'],
      ['submitted', 'assess', 'officer', 'assessed'],
      ['granted', 'pay', 'officer', 'paid'],
      ['paid', 'request_change', 'applicant', 'change_requested'],
      ['change_requested', 'approve_change', 'officer', 'change_approved'],
      ['change_approved', 'submit_interim_report', 'applicant', 'interim_reported'],
      ['final_reported', 'receive_final_report', 'officer', 'closed'],
    ];
    for (const [from, action, party, to] of walk) {
      expect(stepProblem(facts({ status: from }), action, party, '2027-05-01')).toBeNull();
      expect(statusAfter(action, from)).toBe(to);
    }
    expect(statusAfter('decide', 'assessed', 'partly_granted')).toBe('partly_granted');
  });
  it('the final report waits for the interim report to be received', () => {
    const reported = facts({ status: 'interim_reported', interimReportSubmitted: true });
    expect(stepProblem(reported, 'submit_final_report', 'applicant', '2028-01-01')).toBe(
      'interim_report_first',
    );
    expect(stepProblem(reported, 'receive_interim_report', 'officer', '2028-01-01')).toBeNull();
    const received = { ...reported, interimReportReceived: true };
    expect(stepProblem(received, 'receive_interim_report', 'officer', '2028-01-01')).toBe(
      'transition_not_allowed',
    );
    expect(stepProblem(received, 'submit_final_report', 'applicant', '2028-01-01')).toBeNull();
  });
  it('no step is taken by the other party, and none from a status the table does not list (property)', () => {
    const statuses = [...new Set(GRANT_STEPS.flatMap((s) => [...s.from, ...s.to]))];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.constantFrom(...GRANT_ACTIONS),
        fc.constantFrom('applicant' as const, 'officer' as const),
        (status, action, party) => {
          const step = GRANT_STEPS.find((s) => s.action === action);
          const problem = stepProblem(
            facts({ status, interimReportReceived: true }),
            action,
            party,
            '2027-01-01',
          );
          if (step?.by !== party) expect(problem).toBe('wrong_party');
          else if (!(step.from as readonly string[]).includes(status)) expect(problem).not.toBeNull();
        },
      ),
    );
  });
  it('refused and closed are final', () => {
    for (const status of ['refused', 'closed'] as const) {
      expect(stepsFor(facts({ status }), 'applicant', '2027-01-01')).toEqual([]);
      expect(stepsFor(facts({ status }), 'officer', '2027-01-01')).toEqual([]);
    }
  });
});
