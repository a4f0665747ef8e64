/** The worklist as a social worker sees it, rendered from the API's answer (server-side, in a memory router). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEADLINE_RULES, type DeadlineRuleId } from '../../../../src/domain/deadlines/rules.ts';
import { SESSION_KEY } from '../../../../src/web/api/queries.ts';
import type { Session } from '../../../../src/web/api/types.ts';
import type { Worklist, WorklistItem } from '../../../../src/web/api/worklist-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import '../../../support/web-messages.ts';

// Page.tsx notes the first address at load; a server-side render has no window, so the test gives it one.
let lang = 'sv';
vi.stubGlobal('window', {
  location: { href: 'http://localhost/arbetslista' },
  localStorage: { getItem: () => lang, setItem: () => undefined },
});
let WorklistPage: typeof import('../../../../src/web/pages/worklist/WorklistPage.tsx').WorklistPage;
beforeAll(async () => {
  ({ WorklistPage } = await import('../../../../src/web/pages/worklist/WorklistPage.tsx'));
});

const RULES = Object.keys(DEADLINE_RULES) as DeadlineRuleId[];
const SESSION: Session = {
  user: { id: 'u1', displayName: 'Sara Lind' },
  assignments: [
    { id: 'a1', role: 'social_worker', organisationId: 'o1', organisationName: 'Malmö socialtjänst' },
  ] as unknown as Session['assignments'],
  activeAssignmentId: 'a1',
  csrfToken: 'x',
};

function item(rule: DeadlineRuleId, index: number): WorklistItem {
  return {
    id: `d${index}`,
    rule,
    // What the API sends as title and source is not what the page shows: the page names the rule in the user's language.
    title: DEADLINE_RULES[rule].title,
    source: DEADLINE_RULES[rule].source,
    statutory: DEADLINE_RULES[rule].statutory,
    dueOn: '2026-11-24',
    startedOn: '2026-11-10',
    overdue: index === 0,
    daysLeft: index === 0 ? -1 : index,
    countsWorkingDays: DEADLINE_RULES[rule].movesToWorkingDay,
    municipality: { code: '1280', name: 'Malmö' },
    assignee: null,
    riskMoments: index === 1 ? ['after_refusal', 'turning_18'] : [],
    child: {
      id: `c${index}`,
      dossierNumber: `1000000${index}`,
      identityMasked: false,
      firstName: 'Karim',
      lastName: 'Rahimi',
      birthDate: '2011-02-11',
      gender: 'male',
      responsibleMunicipality: { code: '1280', name: 'Malmö' },
      view: 'full',
      basis: 'responsible_municipality',
    },
  };
}

const LIST: Worklist = {
  total: RULES.length,
  page: 1,
  pageSize: 25,
  items: RULES.map(item),
  meetings: [],
  missing: {
    episodes: [
      {
        id: 'e1',
        state: 'notified',
        reportedAt: '2026-11-22T20:00:00Z',
        policeReportedAt: '2026-11-23T08:00:00Z',
        unacknowledged: 3,
        escalated: true,
        returnTalkDueAt: null,
        returnTalkOverdue: false,
        child: { ...item(RULES[0] as DeadlineRuleId, 9).child, id: 'c-missing', dossierNumber: '75000009' },
      },
    ],
    escalations: null,
  },
};

async function render(): Promise<string> {
  const client = new QueryClient();
  client.setQueryData(SESSION_KEY, SESSION);
  client.setQueryData(['worklist', { page: 1 }, 25], LIST);
  const root = createRootRoute({ component: () => <WorklistPage search={{}} /> });
  const router = createRouter({
    routeTree: root,
    history: createMemoryHistory({ initialEntries: ['/arbetslista'] }),
  });
  await router.load();
  return renderToString(
    <QueryClientProvider client={client}>
      <LanguageProvider>
        <RouterProvider router={router} />
      </LanguageProvider>
    </QueryClientProvider>,
  );
}

/** The page's text as a user reads it (tags and attribute values left out, so the filter's option values do not count). */
const visibleText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&#x27;|&quot;|&amp;/g, ' ');

describe('the worklist page', () => {
  it('names every deadline in plain Swedish, with its source, and never shows a rule id', async () => {
    const html = await render();
    const text = visibleText(html);
    for (const rule of RULES) {
      expect(text).toContain(DEADLINE_RULES[rule].title);
      expect(text).not.toContain(rule.includes('-') ? rule : `Regel: ${rule}`);
    }
    expect(text).toContain('20 kap. 3 § SoL (2025:400) (tidigare 11 kap. 2 § SoL 2001:453)');
    expect(text).not.toMatch(/ej kartlagd/);
    expect(text).toContain('12 öppna tidsfrister');
    expect(text).toContain('1 arbetsdag kvar');
    expect(text).toContain('Försenad 1 dag');
    // The child's risk moments beside its name, in words: a marker, not a score.
    expect(text).toContain('Riskmoment: avslag, fyller 18');
    // The missing children first, linked to the child's missing section.
    expect(text.indexOf('Avvikna barn')).toBeGreaterThan(-1);
    expect(text.indexOf('Avvikna barn')).toBeLessThan(text.indexOf('12 öppna tidsfrister'));
    expect(text).toContain('Eskalerad');
    expect(html).toContain('/barn/c-missing?del=avvikande');
  });

  it('speaks English to an English user', async () => {
    lang = 'en';
    const text = visibleText(await render());
    lang = 'sv';
    expect(text).toContain('Investigation finished within four months of its start');
    expect(text).toContain('Ch. 22 s. 13 Social Services Act (2025:400)');
    expect(text).toContain('12 open deadlines');
    expect(text).toContain('1 working day left');
    for (const rule of RULES) expect(text).not.toContain(DEADLINE_RULES[rule].title);
  });
});
