import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allotmentsProblem,
  applicationProblems,
  costsBeforeDecision,
  decisionProblem,
  GRANT_PURPOSES,
  nationalSummary,
  remainingAllotment,
  reportReminders,
  requestedAmount,
  type ApplicationDraft,
  type ReportFacts,
  type SummaryInput,
} from '../../../src/domain/grants/rules.ts';
import { applications2015 } from './fixtures-2015.ts';

const draft = (d: Partial<ApplicationDraft> = {}): ApplicationDraft => ({
  applicantType: 'municipality',
  signatoryName: 'Kim Ek',
  signatoryTitle: 'Kommundirektör',
  purposes: ['networks'],
  budget: [{ description: 'Samordnare', amount: 120_000, costDate: '2027-07-01' }],
  ...d,
});

describe('E-R8: who applies and what the application holds', () => {
  it('a complete application by a municipality has no problem', () => {
    expect(applicationProblems(draft())).toEqual([]);
  });
  it('an association of municipalities or any other organisation cannot apply', () => {
    for (const type of ['county_board', 'provider', 'region'] as const)
      expect(applicationProblems(draft({ applicantType: type }))).toEqual([
        { field: 'applicant', code: 'not_a_municipality' },
      ]);
  });
  it('names the missing signatory, purpose and budget, each at its field', () => {
    expect(
      applicationProblems(draft({ signatoryName: ' ', signatoryTitle: '', purposes: [], budget: [] })),
    ).toEqual([
      { field: 'signatoryName', code: 'signatory_required' },
      { field: 'signatoryTitle', code: 'signatory_required' },
      { field: 'purposes', code: 'purpose_required' },
      { field: 'budget', code: 'budget_required' },
    ]);
  });
  it('every budget line is a positive whole number of kronor', () => {
    expect(
      applicationProblems(
        draft({
          budget: [
            { description: 'a', amount: 0, costDate: '2027-07-01' },
            { description: 'b', amount: 10.5, costDate: '2027-07-01' },
            { description: 'c', amount: 1, costDate: '2027-07-01' },
          ],
        }),
      ).map((p) => p.field),
    ).toEqual(['budget.0.amount', 'budget.1.amount']);
  });
  it('there are exactly four purposes, and any non-empty choice of them is enough', () => {
    expect(GRANT_PURPOSES).toHaveLength(4);
    fc.assert(
      fc.property(fc.subarray([...GRANT_PURPOSES], { minLength: 1 }), (purposes) => {
        expect(applicationProblems(draft({ purposes }))).toEqual([]);
      }),
    );
  });
});

describe('E-R9: no costs before the decision', () => {
  it('names each line dated before the decision date; the decision day itself is eligible', () => {
    const budget = [
      { description: 'a', amount: 1, costDate: '2027-06-12' },
      { description: 'b', amount: 1, costDate: '2027-06-13' },
      { description: 'c', amount: 1, costDate: '2027-09-01' },
    ];
    expect(costsBeforeDecision(budget, '2027-06-13')).toEqual([
      { field: 'budget.0.costDate', code: 'cost_before_decision' },
    ]);
  });
});

describe('E-R10: never more than the allotment', () => {
  const base = { outcome: 'granted' as const, requested: 300_000, allotment: 1_000_000 };
  it('a grant that fits is allowed; one that does not names the remaining amount', () => {
    expect(decisionProblem({ ...base, amount: 300_000, grantedSoFar: [700_000] })).toBeNull();
    expect(decisionProblem({ ...base, amount: 300_000, grantedSoFar: [600_000, 200_000] })).toEqual({
      code: 'allotment_exceeded',
      remaining: 200_000,
    });
  });
  it('a refusal always fits; a grant needs an allotment and an amount consistent with the outcome', () => {
    expect(decisionProblem({ ...base, outcome: 'refused', amount: 0, grantedSoFar: [2_000_000] })).toBeNull();
    expect(decisionProblem({ ...base, amount: 300_000, allotment: null, grantedSoFar: [] })).toEqual({
      code: 'no_allotment',
    });
    expect(decisionProblem({ ...base, amount: 0, grantedSoFar: [] })).toEqual({ code: 'amount_required' });
    expect(decisionProblem({ ...base, amount: 400_000, grantedSoFar: [] })).toEqual({
      code: 'amount_above_requested',
    });
    expect(decisionProblem({ ...base, amount: 200_000, grantedSoFar: [] })).toEqual({
      code: 'granted_means_requested',
    });
    expect(
      decisionProblem({ ...base, outcome: 'partly_granted', amount: 300_000, grantedSoFar: [] }),
    ).toEqual({ code: 'partly_means_less' });
  });
  it('whatever is decided in order, the sum granted never exceeds the allotment (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(fc.integer({ min: 1, max: 900_000 }), { maxLength: 30 }),
        (allotment, requests) => {
          const granted: number[] = [];
          for (const requested of requests) {
            const problem = decisionProblem({
              outcome: 'granted',
              amount: requested,
              requested,
              allotment,
              grantedSoFar: granted,
            });
            if (problem === null) granted.push(requested);
            else if (problem.code === 'allotment_exceeded')
              expect(problem.remaining).toBe(remainingAllotment(allotment, granted));
          }
          expect(granted.reduce((s, a) => s + a, 0)).toBeLessThanOrEqual(allotment);
        },
      ),
    );
  });
  it('the allotments together may not exceed the national pot', () => {
    expect(allotmentsProblem(66_000_000, [2_310_000, 63_690_000])).toBeNull();
    expect(allotmentsProblem(66_000_000, [2_310_000, 63_690_001])).toBe('allotments_exceed_pot');
  });
  it('what is asked for is the sum of the budget lines', () => {
    expect(
      requestedAmount([
        { description: 'a', amount: 100, costDate: '2027-01-01' },
        { description: 'b', amount: 250, costDate: '2027-01-01' },
      ]),
    ).toBe(350);
  });
});

describe('report reminders', () => {
  const facts = (f: Partial<ReportFacts> = {}): ReportFacts => ({
    status: 'paid',
    deadline: '2027-05-03',
    interimReportDueOn: '2028-01-31',
    finalReportDueOn: '2028-09-30',
    interimReportSubmitted: false,
    finalReportSubmitted: false,
    ...f,
  });
  it('nothing is owed before the payment or long before the date', () => {
    expect(reportReminders(facts({ status: 'granted' }), '2028-03-01')).toEqual([]);
    expect(reportReminders(facts(), '2027-12-31')).toEqual([]);
  });
  it('due thirty days before, overdue after the date, gone once submitted', () => {
    expect(reportReminders(facts(), '2028-01-01')).toEqual([
      { report: 'interim', dueOn: '2028-01-31', state: 'due' },
    ]);
    expect(reportReminders(facts(), '2028-02-01')).toEqual([
      { report: 'interim', dueOn: '2028-01-31', state: 'overdue' },
    ]);
    expect(
      reportReminders(facts({ status: 'interim_reported', interimReportSubmitted: true }), '2028-10-01'),
    ).toEqual([{ report: 'final', dueOn: '2028-09-30', state: 'overdue' }]);
    expect(
      reportReminders(
        facts({ status: 'closed', interimReportSubmitted: true, finalReportSubmitted: true }),
        '2029-01-01',
      ),
    ).toEqual([]);
  });
});

describe('the national summary (G8)', () => {
  it('reproduces 2015: 201 applications from 148 municipalities, 114 granted wholly or partly', () => {
    const summary = nationalSummary(applications2015());
    expect(summary.total).toMatchObject({ applications: 201, municipalities: 148, granted: 114 });
    expect(summary.total.grantedWholly + summary.total.grantedPartly).toBe(114);
    expect(summary.total.refused).toBe(87);
    expect(summary.counties).toHaveLength(21);
    expect(summary.counties.reduce((s, c) => s + c.applications, 0)).toBe(201);
  });
  it('drafts and applications never submitted are not counted; a county row adds up to the total (property)', () => {
    const item = fc.record({
      countyCode: fc.constantFrom('01', '06', '12'),
      municipalityCode: fc.constantFrom('0180', '0680', '1280', '1281'),
      status: fc.constantFrom('draft', 'not_submitted_by_deadline', 'submitted', 'refused', 'paid', 'closed'),
      outcome: fc.constantFrom(null, 'granted', 'partly_granted', 'refused'),
      grantedAmount: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
    }) as fc.Arbitrary<SummaryInput>;
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const s = nationalSummary(items);
        const submitted = items.filter(
          (i) => i.status !== 'draft' && i.status !== 'not_submitted_by_deadline',
        );
        expect(s.total.applications).toBe(submitted.length);
        for (const key of ['applications', 'granted', 'refused', 'grantedAmount'] as const)
          expect(s.counties.reduce((sum, c) => sum + c[key], 0)).toBe(s.total[key]);
      }),
    );
  });
});
