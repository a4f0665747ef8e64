/** The placement, school and health sections of the child's page, rendered from the API's answers. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseStep } from '../../../../src/web/api/case-steps.ts';
import { healthKey, placementsKey, schoolKey } from '../../../../src/web/api/placement-queries.ts';
import type {
  HealthView,
  PlacementView,
  ProvidersView,
  SchoolView,
} from '../../../../src/web/api/placement-types.ts';
import type { ChildDetail } from '../../../../src/web/api/types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import { HealthSection } from '../../../../src/web/pages/child/sections/HealthSection.tsx';
import { PlacementSection } from '../../../../src/web/pages/child/sections/PlacementSection.tsx';
import { SchoolSection } from '../../../../src/web/pages/child/sections/SchoolSection.tsx';
import { PlacementDecisionForm } from '../../../../src/web/pages/placement/PlacementDecisionForm.tsx';
import '../../../support/web-messages.ts';

const CHILD = { id: 'c1', birthDate: '2009-05-01' } as ChildDetail;
/** A step as the server offers it. */
const step = <A extends string>(
  machine: string,
  action: A,
  path: string,
  bestInterests = false,
): CaseStep<A> => ({
  action,
  machine,
  event: action,
  method: 'POST',
  path: `/api/children/c1/${path}`,
  needs: { date: 'date', bestInterests, decisionKind: null, fields: [] },
});
const meeting = { age: 17, languages: ['dari', 'pashto'], interpreterNeeded: true };
const record = {
  id: 'p1',
  provider: { id: 'v1', name: 'HVB Solrosen' },
  form: 'hvb' as const,
  legalBasis: 'SoL' as const,
  fromDate: '2026-10-01',
  toDate: null,
  endReason: null,
  onCall: false,
  validUntil: null,
  specialReason: null,
  decidedBy: 'Sara Lind',
  bestInterestsId: null,
};
const placed: PlacementView = {
  state: 'placed',
  version: 2,
  current: record,
  history: [
    record,
    {
      ...record,
      id: 'p0',
      provider: { id: 'v0', name: 'Jourhemmet Ek' },
      form: 'jourhem',
      fromDate: '2026-09-28',
      toDate: '2026-10-01',
      endReason: 'moved',
      onCall: true,
    },
  ],
  days: [{ municipality: { code: '1280', name: 'Malmö' }, days: 57 }],
  child: { ...meeting, birthDate: '2009-05-01' },
  steps: [step('placement', 'move', 'placements/move', true), step('placement', 'end', 'placements/end')],
};
const providers: ProvidersView = {
  providers: [
    {
      id: 'v2',
      municipality: { code: '1280', name: 'Malmö' },
      name: 'Stödboendet Kajen',
      form: 'stodboende',
      places: 10,
      occupied: 7,
      free: 3,
      targetGroups: [],
      languages: ['dari'],
      permitReference: null,
      active: true,
      version: 1,
    },
  ],
  capacity: [],
};

function render(node: ReactNode, data: [readonly unknown[], unknown][] = []): string {
  const client = new QueryClient();
  for (const [key, value] of data) client.setQueryData(key, value);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('the placement section', () => {
  it('shows the current placement, the placements before it and the days of care, and the decisions the state allows', () => {
    const html = render(<PlacementSection child={CHILD} access="write" />, [[placementsKey('c1'), placed]]);
    expect(html).toContain('HVB Solrosen');
    expect(html).toContain('Jourhemmet Ek');
    expect(html).toContain('57 i Malmö');
    expect(html).toContain('>Flytta<');
    expect(html).toContain('>Avsluta placeringen<');
    expect(html).not.toContain('>Placera<');
  });

  it('offers exactly the steps the view carries, nothing the server would refuse', () => {
    const onlyEnd = render(<PlacementSection child={CHILD} access="write" />, [
      [placementsKey('c1'), { ...placed, steps: [step('placement', 'end', 'placements/end')] }],
    ]);
    expect(onlyEnd).toContain('>Avsluta placeringen<');
    expect(onlyEnd).not.toContain('>Flytta<');
    const none = render(<PlacementSection child={CHILD} access="write" />, [
      [placementsKey('c1'), { ...placed, steps: [] }],
    ]);
    expect(none).not.toContain('<button');
  });

  it('cites the Social Services Act in force the day each placement was decided', () => {
    const before = {
      ...record,
      id: 'p-old',
      fromDate: '2025-05-12',
      toDate: '2025-09-01',
      endReason: 'moved',
    };
    const html = render(<PlacementSection child={CHILD} access="write" />, [
      [placementsKey('c1'), { ...placed, history: [record, before] }],
    ]);
    expect(html).toContain('SoL (frivillig vård), 11 kap. 1 § och 9 kap. 1 § SoL (2025:400)');
    expect(html).toContain(
      'SoL (frivillig vård), 4 kap. 1 § och 6 kap. 1 § SoL (2001:453), lagen som gällde när beslutet fattades',
    );
  });

  it('shows an on-call placement with the day it is valid to, and offers the ordinary decision', () => {
    const onCall: PlacementView = {
      ...placed,
      state: 'on_call_placed',
      current: { ...record, onCall: true, validUntil: '2026-11-23' },
      steps: [step('placement', 'place', 'placements', true), step('placement', 'end', 'placements/end')],
    };
    const html = render(<PlacementSection child={CHILD} access="write" />, [[placementsKey('c1'), onCall]]);
    expect(html).toContain('gäller till och med 2026-11-23');
    expect(html).toContain('Ordinarie placeringsbeslut');
  });

  it('never names the place of a child whose place is hidden from the reader, and offers no decisions to readers', () => {
    const masked: PlacementView = {
      ...placed,
      current: { ...record, provider: null },
      history: [{ ...record, provider: null }],
    };
    const html = render(<PlacementSection child={CHILD} access="read" />, [[placementsKey('c1'), masked]]);
    expect(html).not.toContain('Solrosen');
    expect(html).toContain('Uppgiften visas inte');
    expect(html).not.toContain('<button');
  });

  it('asks a 17-year-old’s stödboende for the special reasons, with the child’s languages and the best-interests record', () => {
    const stod: PlacementView = { ...placed, current: { ...record, form: 'stodboende' } };
    const html = render(
      <PlacementDecisionForm
        childId="c1"
        view={stod}
        step={step('placement', 'place', 'placements', true)}
        onDone={() => undefined}
      />,
      [[['providers', 'stodboende', ''], providers]],
    );
    expect(html).toContain('Särskilda skäl för stödboende');
    expect(html).toContain('Stödboendet Kajen – 3 av 10 platser lediga – språk: dari');
    expect(html).toContain('Språk: dari, pashto.');
    expect(html).toContain('Barnet behöver tolk.');
    expect(html).toContain('Barnets bästa och barnets åsikter');
  });

  it('warns before stödboende for a child under 16', () => {
    const young: PlacementView = {
      ...placed,
      current: { ...record, form: 'stodboende' },
      child: { ...meeting, age: 14, birthDate: '2012-01-01' },
    };
    const html = render(
      <PlacementDecisionForm
        childId="c1"
        view={young}
        step={step('placement', 'move', 'placements/move', true)}
        onDone={() => undefined}
      />,
      [[['providers', 'stodboende', ''], providers]],
    );
    expect(html).toContain('Stödboende kan beslutas först från 16 års ålder.');
    expect(html).not.toContain('Särskilda skäl för stödboende');
  });
});

describe('the school section', () => {
  const school: SchoolView = {
    state: 'attending',
    version: 2,
    arrivalDate: '2026-09-01',
    dueOn: '2026-10-01',
    goalDays: 30,
    days: 41,
    started: true,
    withinGoal: false,
    current: {
      id: 'e1',
      school: 'Rosengårdsskolan',
      programme: 'sprakintroduktion',
      enrolledOn: '2026-10-05',
      startedOn: '2026-10-12',
      endedOn: null,
    },
    enrolments: [
      {
        id: 'e1',
        school: 'Rosengårdsskolan',
        programme: 'sprakintroduktion',
        enrolledOn: '2026-10-05',
        startedOn: '2026-10-12',
        endedOn: null,
      },
    ],
    child: meeting,
    steps: [step('school', 'end', 'school/end')],
  };
  it('shows the days from arrival to the school start against the 30-day goal', () => {
    const html = render(<SchoolSection child={CHILD} access="write" />, [[schoolKey('c1'), school]]);
    expect(html).toContain('Började skolan efter 41 dagar – mer än målet 30.');
    expect(html).toContain('Över målet');
    expect(html).toContain('Språkintroduktion');
    expect(html).toContain('>Avsluta skolgången<');
  });
});

describe('the health section', () => {
  const health: HealthView = {
    state: 'done',
    version: 3,
    examinations: [
      {
        id: 'h1',
        countyCode: '12',
        offeredOn: '2026-10-02',
        doneOn: '2026-10-09',
        declinedOn: null,
        referrals: [{ to: 'dental_care', on: '2026-10-09' }],
      },
    ],
    child: meeting,
    steps: [step('health', 'referral', 'health/referrals')],
  };
  it('shows the examination and where the child was referred, with the languages for whoever meets the child', () => {
    const html = render(<HealthSection child={CHILD} access="write" />, [[healthKey('c1'), health]]);
    expect(html).toContain('Tandvård (2026-10-09)');
    expect(html).toContain('Inför hälsoundersökningen:');
    expect(html).toContain('Registrera remiss');
  });
});
