/** The assignment dropdowns mark a worker who is absent today, with the last day and who stands in. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Caseload, SocialCase, WorkerLoad } from '../../../../src/web/api/casework-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import { AssignWorkersForm } from '../../../../src/web/pages/casework/AssignWorkersForm.tsx';
import '../../../support/web-messages.ts';

const worker = (over: Partial<WorkerLoad>): WorkerLoad => ({
  userId: 'u1',
  name: 'Sara Lind',
  primaryCases: 3,
  secondaryCases: 1,
  overdue: 0,
  nextDue: null,
  absentUntil: null,
  substitute: null,
  ...over,
});

describe('assigning social workers', () => {
  it('marks the absent worker in both lists, and only them', () => {
    const caseload: Caseload = {
      workers: [
        worker({ absentUntil: '2026-12-10', substitute: { userId: 'u2', name: 'Ali Hassan' } }),
        worker({ userId: 'u2', name: 'Ali Hassan' }),
      ],
      unassigned: 0,
      total: 0,
      items: [],
    };
    const client = new QueryClient();
    client.setQueryData(['caseload', 'all', 1], caseload);
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <LanguageProvider>
          <AssignWorkersForm childId="c1" socialCase={{ workers: [] } as unknown as SocialCase} />
        </LanguageProvider>
      </QueryClientProvider>,
    );
    const marked = 'Sara Lind (frånvarande t.o.m. 2026-12-10, ersättare Ali Hassan)';
    expect(html.split(marked)).toHaveLength(3);
    expect(html).toContain('>Ali Hassan</option>');
  });
});
