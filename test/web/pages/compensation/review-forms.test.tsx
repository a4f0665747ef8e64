/**
 * The Agency's answer forms on claims and missing-schablon reports: nothing is decided or paid by a choice the officer
 * did not make, and what a line's decision rests on (the LVU decision) is there before the decision.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimLine } from '../../../../src/web/api/claims-types.ts';
import type { MissingSchablonReport } from '../../../../src/web/api/payout-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import { LineDecision } from '../../../../src/web/pages/compensation/ClaimLineDecision.tsx';
import { AnswerFormFor } from '../../../../src/web/pages/compensation/MissingSchablonAnswerForm.tsx';
import '../../../support/web-messages.ts';

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );
}

const line: ClaimLine = {
  id: '00000000-0000-4000-8000-000000000011',
  childId: '00000000-0000-4000-8000-000000000021',
  name: 'Reza Mohammadi',
  dossierNumber: '20000110',
  code: 'LVU_TILLAGG',
  quarter: '2026-Q3',
  count: 10,
  amount: 19_000,
  attachment: {
    id: '00000000-0000-4000-8000-000000000031',
    fileName: 'lvu-beslut.pdf',
    mediaType: 'application/pdf',
    sizeBytes: 1200,
  },
  amountStated: false,
  statedAmount: null,
  attachmentRequired: true,
  attachmentKind: 'lvu_decision',
  firstClaimedOn: '2026-10-05',
  outcome: null,
  grantedAmount: null,
  reason: null,
  reasonText: null,
  decidedOn: null,
};

const claim: Claim = {
  id: '00000000-0000-4000-8000-000000000001',
  chainId: '00000000-0000-4000-8000-000000000001',
  versionNo: 1,
  municipalityCode: '1280',
  municipalityName: 'Malmö',
  quarters: ['2026-Q3'],
  lastDay: '2027-01-31',
  status: 'submitted',
  createdOn: '2026-10-01',
  submittedOn: '2026-10-05',
  decidedOn: null,
  paidOn: null,
  claimed: 19_000,
  granted: null,
  lineCount: 1,
  latest: true,
  lines: [line],
  candidates: [],
  versions: [],
  decidedBy: null,
  decision: null,
  payment: null,
  steps: ['decide'],
  attachmentMaxBytes: 2_000_000,
  version: 2,
};

const decisionOn = (l: ClaimLine) =>
  render(<LineDecision claim={claim} line={l} focus={false} onDone={() => Promise.resolve()} />);

describe('the decision on a claim line', () => {
  it('has no outcome chosen before the officer chooses one, and says the line is not decided', () => {
    const html = decisionOn(line);
    expect(html).not.toMatch(/<input[^>]*type="radio"[^>]*checked/);
    expect(html).toContain('Inte beslutad');
    // Neither the amount of a reduction nor a reason is asked for before an outcome is chosen.
    expect(html).not.toContain('Beviljat belopp i hela kronor');
    expect(html).not.toContain('Välj skäl');
  });

  it('links the line’s attachment (the LVU decision) before the line is decided', () => {
    const html = decisionOn(line);
    expect(html).toContain(
      `href="/api/compensation/review/attachments/${line.attachment?.id ?? ''}" download="lvu-beslut.pdf">lvu-beslut.pdf</a>`,
    );
    const missing = decisionOn({ ...line, attachment: null });
    expect(missing).toContain('Raden kräver LVU-beslutet som bilaga. Ingen fil är bifogad.');
  });

  it('shows a decided line’s outcome instead of "Inte beslutad"', () => {
    const html = decisionOn({ ...line, outcome: 'granted', grantedAmount: 19_000, decidedOn: '2026-10-10' });
    expect(html).not.toContain('Inte beslutad');
    expect(html).toMatch(/Beviljas 19\s000\skr\./);
  });
});

const report: MissingSchablonReport = {
  id: '00000000-0000-4000-8000-000000000041',
  municipalityCode: '1280',
  municipalityName: 'Malmö',
  quarter: '2026-Q2',
  childId: '00000000-0000-4000-8000-000000000021',
  name: 'Reza Mohammadi',
  dossierNumber: '20000110',
  explanation: 'Schablonen saknas på utbetalningslistan.',
  reportedOn: '2026-12-04',
  reportedBy: 'Fredrik Holm',
  status: 'open',
  rejectionReason: null,
  answerText: null,
  answeredOn: null,
  payout: null,
  computed: 91_000,
  paid: 46_000,
  difference: 45_000,
};

describe('the answer to a missing-schablon report', () => {
  it('has neither acceptance nor rejection chosen beforehand, so no payment day is asked for yet', () => {
    const html = render(<AnswerFormFor report={report} onAnswered={() => undefined} />);
    expect(html).toContain('Godkänn: betala ut det som saknas');
    expect(html).not.toMatch(/<input[^>]*type="radio"[^>]*checked/);
    expect(html).not.toContain('Utbetalningsdag');
    expect(html).not.toContain('Skäl till avslaget');
  });
});
