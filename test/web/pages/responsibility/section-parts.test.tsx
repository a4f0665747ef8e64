/** The responsibility section's parts render every branch the API can send, in Swedish (server-side, no browser). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CaseStep } from '../../../../src/web/api/case-steps.ts';
import type {
  ResponsibilityAction,
  ResponsibilityView,
  Turning18,
} from '../../../../src/web/api/responsibility-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import {
  ChangeReportsPart,
  HandoverPart,
  TransfersPart,
  Turning18Part,
} from '../../../../src/web/pages/responsibility/SectionParts.tsx';
import { ResponsibilitySteps } from '../../../../src/web/pages/responsibility/ResponsibilitySteps.tsx';
import '../../../support/web-messages.ts';

const MALMO = { code: '1280', name: 'Malmö' };
const LUND = { code: '1281', name: 'Lund' };

/** A step as the view offers it (src/responsibility/steps.ts). */
const step = (action: ResponsibilityAction, date: string | null): CaseStep<ResponsibilityAction> => ({
  action,
  machine: action === 'request_transfer' ? 'transfer' : 'responsibility',
  event: action,
  method: 'POST',
  path: `/api/children/c/${action}`,
  needs: { date, bestInterests: false, decisionKind: null, fields: [] },
});

const VIEW: ResponsibilityView = {
  access: 'write',
  steps: [
    step('record_move', 'movedOn'),
    step('acknowledge_receipt', 'acknowledgedOn'),
    step('decide_continued', null),
    step('end_responsibility', null),
  ],
  responsibility: { state: 'assigned', version: 3 },
  transfer: { state: 'requested', version: 1 },
  responsible: MALMO,
  periods: [
    {
      id: 'p1',
      municipality: LUND,
      kind: 'arrival',
      from: '2026-11-01',
      to: '2026-11-03',
      reason: null,
      endReason: 'handed_over',
    },
    {
      id: 'p2',
      municipality: MALMO,
      kind: 'assigned',
      from: '2026-11-03',
      to: null,
      reason: 'anvisning',
      endReason: null,
    },
  ],
  handovers: [
    {
      id: 'h1-000000',
      from: LUND,
      to: MALMO,
      current: true,
      movedOn: null,
      acknowledgedOn: null,
      daysOfCare: { days: 22, until: '2026-11-23', basis: 'ongoing' },
      mayRecordMove: true,
    },
  ],
  onCallPlacements: [
    {
      id: 'o1',
      municipality: LUND,
      provider: 'Jourhemmet Linden',
      from: '2026-11-01',
      validUntil: '2026-11-02',
      to: null,
      holdsToday: false,
    },
  ],
  receivedOn: null,
  transfers: [
    {
      id: 't1-000000',
      from: MALMO,
      to: LUND,
      requestedBy: 'to',
      status: 'requested',
      reason: 'Systern bor i Lund',
      proposedFrom: '2026-12-01',
      requestedAt: '2026-11-20T10:00:00Z',
      requestedByName: 'Elin Dahl',
      answeredAt: null,
      answerNote: null,
      relation: 'answerer',
      mayAnswer: true,
      mayWithdraw: false,
    },
  ],
  turning18: null,
  changeReports: [],
  interpreter: { languages: ['dari'], interpreterNeeded: true },
};
const TURNING_18: Turning18 = {
  birthday18: '2027-01-10',
  birthday21: '2030-01-10',
  warningDue: '2026-12-06',
  noticeDue: '2026-12-20',
  age: 17,
  decision: {
    decision: 'continue',
    decidedOn: '2026-11-20',
    decidedBy: 'Sara Lind',
    continuedUntil: '2029-06-30',
    reportedOn: null,
    reportedInTime: null,
  },
  mayRecordReported: true,
};
const WITH_REPORT: ResponsibilityView = {
  ...VIEW,
  turning18: TURNING_18,
  changeReports: [
    {
      id: 'c1-000000',
      municipality: MALMO,
      change: 'transfer',
      changedOn: '2026-10-01',
      permitHolder: false,
      dueOn: '2026-11-07',
      reportedOn: null,
      overdue: true,
      mayMarkReported: true,
    },
  ],
};

function render(node: ReactNode): string {
  return renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('the responsibility section', () => {
  it('shows the hand-over with its days of care, the move and receipt steps and the on-call placement', () => {
    const html = render(<HandoverPart view={VIEW} />);
    expect(html).toContain('Lund → Malmö');
    expect(html).toContain('22 dygn till 2026-11-23');
    expect(html).toContain('Jourhemmet Linden');
    const steps = render(
      <ResponsibilitySteps childId="c" view={VIEW} onDone={() => {}} onRequested={() => {}} />,
    );
    expect(steps).toContain('Registrera flytten');
    expect(steps).toContain('Kvittera mottagandet');
  });

  it('offers exactly the steps the view carries (the server decides when the decision before 18 is due)', () => {
    const none = render(
      <ResponsibilitySteps
        childId="c"
        view={{ ...VIEW, steps: [] }}
        onDone={() => {}}
        onRequested={() => {}}
      />,
    );
    expect(none).not.toContain('<button');
    const offeredHere = render(
      <ResponsibilitySteps childId="c" view={VIEW} onDone={() => {}} onRequested={() => {}} />,
    );
    expect(offeredHere).toContain('Besluta om fortsatt ansvar efter 18');
    const notOffered = render(
      <ResponsibilitySteps
        childId="c"
        view={{ ...VIEW, steps: VIEW.steps.filter((s) => s.action !== 'decide_continued') }}
        onDone={() => {}}
        onRequested={() => {}}
      />,
    );
    expect(notOffered).not.toContain('Besluta om fortsatt ansvar efter 18');
  });

  it('shows an open transfer and the answer form with the best-interests record to the municipality that answers', () => {
    const html = render(<TransfersPart view={VIEW} requested={null} />);
    expect(html).toContain('Systern bor i Lund');
    expect(html).toContain('Svara på begäran om överflyttning');
    expect(html).not.toContain('Återkalla begäran');
  });

  it('shows the turning-18 decision, the reporting step and the decision steps with the child’s languages', () => {
    const html = render(<Turning18Part childId="c" view={WITH_REPORT} turning18={TURNING_18} />);
    expect(html).toContain('Fortsatt ansvar till 2029-06-30');
    expect(html).toContain('Registrera anmälan om fortsatt ansvar');
    expect(html).toContain('dari');
    const steps = render(
      <ResponsibilitySteps childId="c" view={WITH_REPORT} onDone={() => {}} onRequested={() => {}} />,
    );
    expect(steps).toContain('Besluta om fortsatt ansvar efter 18');
    expect(steps).toContain('Besluta att ansvaret upphör vid 18');
  });

  it('shows the child’s changes to report, late ones marked, with the step to record the report', () => {
    const html = render(<ChangeReportsPart view={WITH_REPORT} />);
    expect(html).toContain('Överflyttning');
    expect(html).toContain('Försenad');
    expect(html).toContain('Anmäld den');
  });

  it('shows the receipt of a child that arrived in the municipality it was assigned to (no hand-over)', () => {
    const received = {
      ...VIEW,
      handovers: [],
      onCallPlacements: [],
      steps: [],
      receivedOn: '2026-11-20',
    };
    const html = render(<HandoverPart view={received} />);
    expect(html).toContain('data-testid="received-on">2026-11-20<');
  });

  it('renders nothing of a part the caller has nothing in', () => {
    const empty = {
      ...VIEW,
      handovers: [],
      onCallPlacements: [],
      steps: [],
      transfers: [],
      changeReports: [],
    };
    expect(render(<HandoverPart view={empty} />)).toBe('');
    expect(render(<TransfersPart view={empty} requested={null} />)).toBe('');
    expect(render(<ChangeReportsPart view={empty} />)).toBe('');
  });
});
