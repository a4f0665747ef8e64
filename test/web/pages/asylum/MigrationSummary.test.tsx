import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AgeView, AsylumView } from '../../../../src/web/api/asylum-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import { AgeFacts, AsylumFacts } from '../../../../src/web/pages/asylum/MigrationSummary.tsx';
import '../../../support/web-messages.ts';

const asylum: AsylumView = {
  recorded: true,
  state: 'temporary_permit',
  version: 3,
  appliedOn: '2026-05-02',
  interviewDates: ['2026-06-01', '2026-12-08'],
  comingInterviews: ['2026-12-08'],
  decision: 'temporary_permit',
  decidedOn: '2026-11-10',
  permitEndsOn: '2029-11-09',
  appealedOn: null,
  finalOn: null,
  permitHolder: true,
  history: [],
  steps: [],
};

const record = { appealedOn: null, adultOnDecision: false };
const age: AgeView = {
  state: 'temporary_decision',
  version: 3,
  statedBirthDate: '2010-06-01',
  registeredBirthDate: '2007-03-01',
  ageToday: 19,
  ageBand: '18+',
  adultToday: true,
  adultFrom: '2025-03-01',
  records: [
    { ...record, kind: 'stated', birthDate: '2010-06-01', decidedOn: '2026-05-02' },
    {
      ...record,
      kind: 'temporary_decision',
      birthDate: '2007-03-01',
      decidedOn: '2026-11-20',
      adultOnDecision: true,
    },
  ],
  currentDecision: {
    ...record,
    kind: 'temporary_decision',
    birthDate: '2007-03-01',
    decidedOn: '2026-11-20',
    adultOnDecision: true,
  },
  doubtedOn: '2026-07-01',
  medicalAssessment: { offeredOn: '2026-07-03', consent: false },
  history: [],
  steps: [],
};

const render = (node: ReactNode) => renderToStaticMarkup(<LanguageProvider>{node}</LanguageProvider>);

describe('the asylum and age case on the child’s page', () => {
  it('shows the decision with the permit’s end date, and the coming interview with the interpreter need', () => {
    const html = render(
      <AsylumFacts asylum={asylum} interpreter={{ needed: true, languages: ['tigrinja', 'arabiska'] }} />,
    );
    expect(html).toContain('Tidsbegränsat uppehållstillstånd (TUT) (2026-11-10)');
    expect(html).toContain('2029-11-09');
    expect(html).toContain('2026-12-08');
    expect(html).toContain('Tolk behövs. Språk: tigrinja, arabiska');
  });

  it('warns when a temporary age decision makes the child an adult, and shows the history of birth dates', () => {
    const html = render(<AgeFacts age={age} />);
    expect(html).toContain('notice--warning');
    expect(html).toContain('Det tillfälliga åldersbeslutet 2026-11-20 gör barnet 18 år eller äldre');
    expect(html).toContain('Erbjuden 2026-07-03. Barnet samtyckte inte.');
    expect(html.indexOf('2010-06-01')).toBeLessThan(html.indexOf('Gör barnet vuxet'));
  });

  it('shows no warning while the child stays under 18', () => {
    const minor = { ...age, records: age.records.slice(0, 1), currentDecision: null };
    expect(render(<AgeFacts age={minor} />)).not.toContain('notice--warning');
    expect(render(<AsylumFacts asylum={{ ...asylum, recorded: false }} interpreter={null} />)).toContain(
      'Inget asylärende',
    );
  });
});
