/** The asylum officer's decision form, rendered from the steps the view offers. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AsylumAction } from '../../../../src/web/api/asylum-types.ts';
import type { CaseStep } from '../../../../src/web/api/case-steps.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import { DecisionForm } from '../../../../src/web/pages/asylum/AsylumForms.tsx';

const step = (action: AsylumAction): CaseStep<AsylumAction> => ({
  action,
  machine: 'asylum',
  event: action,
  method: 'POST',
  path: '/api/children/c1/asylum/decision',
  needs: {
    date: 'decidedOn',
    bestInterests: false,
    decisionKind: null,
    fields: ['decision', 'permitEndsOn'],
  },
});

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );

describe('the decision form', () => {
  it('offers only the decisions whose events the view offers', () => {
    const steps = [step('refuse'), step('write_off')];
    const html = render(
      <DecisionForm
        childId="c1"
        step={step('refuse')}
        version={2}
        onDone={() => undefined}
        asylum={{ interviewDates: [], steps }}
      />,
    );
    expect(html).toContain('value="refused"');
    expect(html).toContain('value="written_off"');
    expect(html).not.toContain('value="permanent_permit"');
    expect(html).not.toContain('value="dublin_transfer"');
  });
});
