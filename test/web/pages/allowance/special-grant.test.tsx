/** The special grant's pages' parts, rendered from the API's answers (ADR 0033, 0036). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SpecialGrant, SpecialGrantNeedRow } from '../../../../src/web/api/allowance-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import {
  DecisionDocument,
  SpecialGrantFacts,
  useCeilingText,
} from '../../../../src/web/pages/allowance/shared.tsx';
import { HandledPanel } from '../../../../src/web/pages/allowance/SpecialGrantHandled.tsx';
import { SpecialGrantSteps } from '../../../../src/web/pages/allowance/SpecialGrantSteps.tsx';
import '../../../support/web-messages.ts';

const application: SpecialGrant = {
  id: 'a1',
  childId: 'c1',
  child: '20000100',
  dossierNumber: '20000100',
  status: 'partly_granted',
  need: 'winter_clothes',
  description: 'Har vuxit ur vinterjackan.',
  appliedAmount: 3500,
  appliedOn: '2026-11-19',
  submittedOn: '2026-11-20',
  outcome: 'partly_granted',
  grantedAmount: 2500,
  reason: 'Skäligt pris.',
  decidedOn: '2026-11-23',
  paidOn: null,
  decision: [
    'Ansökan gäller särskilt bidrag till barnet med dossiernummer 20000100 för vinterkläder med 3 500 kr.',
    'Migrationsverket beviljar delvis ansökan med 2 500 kr och avslår den i övrigt.',
    'Skäl: Skäligt pris.',
  ],
  steps: ['pay'],
  version: 3,
};

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );
}

const stepsOf = (steps: SpecialGrant['steps']) =>
  render(<SpecialGrantSteps application={{ ...application, steps }} onDone={() => undefined} />);

describe('the steps on an application', () => {
  it('are exactly those the server offers: none, the submission, the decision or the payment', () => {
    expect(stepsOf([])).toBe('');
    const submit = stepsOf(['submit']);
    expect(submit).toContain('>Skicka in till Migrationsverket<');
    expect(submit).not.toContain('Fatta beslut');
    const decide = stepsOf(['decide']);
    expect(decide).toContain('Bevilja hela det sökta beloppet');
    expect(decide).toContain('Bevilja delvis');
    expect(decide).toContain('>Avslå<');
    expect(decide).toContain('Skäl för beslutet');
    expect(decide).not.toContain('Registrera utbetalning');
    const pay = stepsOf(['pay']);
    expect(pay).toContain('Utbetalningsdag');
    expect(pay).not.toContain('Skicka in');
  });

  it('asks the officer for an amount only once the application is granted in part', () => {
    expect(stepsOf(['decide'])).not.toContain('Beviljat belopp i hela kronor');
  });
});

describe('the decision', () => {
  it('is shown paragraph by paragraph as the server wrote it, in Swedish whatever the page language', () => {
    const html = render(<DecisionDocument application={application} />);
    for (const paragraph of application.decision ?? []) expect(html).toContain(`<p>${paragraph}</p>`);
    expect(html).toContain('lang="sv"');
    expect(html).toContain('Beslut om särskilt bidrag');
  });

  it('is not there before the Agency has decided', () => {
    expect(render(<DecisionDocument application={{ ...application, decision: null }} />)).toBe('');
  });
});

describe('the amounts', () => {
  it('show the payment with its day once it is paid, and not before', () => {
    expect(render(<SpecialGrantFacts application={application} />)).not.toContain('Utbetalt');
    const paid = render(
      <SpecialGrantFacts application={{ ...application, status: 'paid', paidOn: '2026-11-25' }} />,
    );
    expect(paid).toMatch(/Utbetalt<\/dt><dd[^>]*>2\s500\skr den 2026-11-25</);
  });

  it('mark a ceiling no source verifies as "ej verifierat belopp" and never show the data’s sources', () => {
    function Ceiling({ needs }: { readonly needs: readonly SpecialGrantNeedRow[] }) {
      return <p>{useCeilingText(needs)('glasses')}</p>;
    }
    const none = render(<Ceiling needs={[{ need: 'glasses', ceiling: null, verified: false }]} />);
    expect(none).toContain('Högsta belopp: ej verifierat belopp.');
    const unverified = render(<Ceiling needs={[{ need: 'glasses', ceiling: 2000, verified: false }]} />);
    expect(unverified).toMatch(/Högsta belopp: 2\s000\skr \(ej verifierat belopp, bara vägledande\)/);
    const verified = render(<Ceiling needs={[{ need: 'glasses', ceiling: 2000, verified: true }]} />);
    expect(verified).toMatch(/Högsta belopp: 2\s000\skr\.</);
    expect(verified).not.toContain('verifierat');
  });
});

describe('the panel on the application just decided or paid', () => {
  it('keeps the headings in order: the decision’s heading is one level below the panel’s h2', () => {
    for (const action of ['decide', 'pay'] as const) {
      const html = render(<HandledPanel handled={{ application, action }} />);
      const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      expect(levels).toEqual([2, 3]);
    }
  });
});
