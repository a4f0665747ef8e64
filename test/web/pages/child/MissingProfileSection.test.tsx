/** The prevention profile's section of the child's page and the "Riskmoment" list, rendered from the API's answers. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { missingProfileKey } from '../../../../src/web/api/missing-queries.ts';
import type { ProfileView } from '../../../../src/web/api/missing-types.ts';
import type { ChildDetail } from '../../../../src/web/api/types.ts';
import type { Overview } from '../../../../src/web/api/worklist-types.ts';
import { LanguageProvider } from '../../../../src/web/language.tsx';
import {
  MissingProfileSection,
  RiskMoments,
} from '../../../../src/web/pages/child/sections/MissingProfileSection.tsx';
import { problemsByField } from '../../../../src/web/pages/child/sections/missing-fields.tsx';
import { ApiError } from '../../../../src/web/api/client.ts';
import '../../../support/web-messages.ts';

const CHILD = { id: 'c1', birthDate: '2009-05-01' } as ChildDetail;
const version = (n: number, heightCm: number) => ({
  version: n,
  recordedAt: '2026-11-20T10:00:00.000Z',
  recordedBy: 'Sara Lind',
  recordedRole: 'social_worker',
  profile: {
    description: {
      heightCm,
      build: 'Smal',
      hair: 'Svart',
      eyes: 'Bruna',
      distinguishingMarks: null,
      languages: ['dari'],
    },
    phones: ['070-174 06 05'],
    socialMedia: [{ platform: 'Instagram', handle: '@k' }],
    contacts: [{ name: 'Ahmad', relation: 'kusin', phone: null }],
    places: ['Centralstationen'],
    previousEpisodes: null,
    medicalNeeds: 'Astmamedicin',
  },
  photo: n === 2 ? { id: 'ph1', takenOn: '2026-11-18', mediaType: 'image/png', sizeBytes: 10 } : null,
});
const observation = {
  id: '00000000-0000-4000-8000-000000000001',
  indicator: 'instructed_to_call' as const,
  observed: true,
  observedOn: '2026-11-10',
  note: 'Får samtal från okänt nummer',
  searchRelevant: true,
  observerRole: 'social_worker',
  recordedAt: '2026-11-10T10:00:00.000Z',
};
const view = (writes: boolean): ProfileView => ({
  version: 2,
  current: version(2, 174),
  history: [version(1, 172)],
  indicators: [observation],
  observations: [observation],
  edits: { profile: writes, photo: writes, observation: writes },
  photoMaxBytes: 2 * 1024 * 1024,
});

function render(node: ReactNode, data?: ProfileView): string {
  const client = new QueryClient();
  if (data !== undefined) client.setQueryData(missingProfileKey('c1'), data);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );
}

describe('the prevention profile on the child’s page', () => {
  it('shows the current version with its photo and alt text, the indicators by source and the earlier versions', () => {
    const html = render(<MissingProfileSection child={CHILD} />, view(false));
    expect(html).toContain('Förebyggande profil');
    expect(html).toContain('src="/api/children/c1/missing-profile/photos/ph1"');
    expect(html).toContain('alt="Foto av barnet, taget 2026-11-18"');
    expect(html).toContain('Migrationsverket');
    expect(html).toContain(
      'Har mobiltelefon, SIM-kort eller telefonnummer och har fått instruktioner att ringa dem',
    );
    expect(html).toContain('Relevant vid eftersökning');
    expect(html).toContain('Tidigare versioner');
    expect(html).toMatch(/Version 1, sparad .* av Sara Lind/);
  });

  it('offers no form to a reader (the god man), and every form with labelled fields to the social services', () => {
    const reader = render(<MissingProfileSection child={CHILD} />, view(false));
    expect(reader).not.toContain('<form');
    const writer = render(<MissingProfileSection child={CHILD} />, view(true));
    expect(writer.match(/<form/g)).toHaveLength(3);
    for (const id of [
      'mp-heightCm',
      'mp-contacts',
      'mp-medicalNeeds',
      'mp-contentBase64',
      'mp-takenOn',
      'ro-indicator',
    ])
      expect(writer).toContain(`for="${id}"`);
    expect(writer).toContain('accept="image/jpeg,image/png"');
  });

  it('never shows a score: no sum or count of the indicators', () => {
    const html = render(<MissingProfileSection child={CHILD} />, view(false));
    expect(html).not.toMatch(/poäng|score|\d+ av \d+ indikatorer/i);
  });

  it('puts the server’s Swedish problems on the form’s fields', () => {
    const error = new ApiError(400, 'validation', 'invalid', [
      { field: 'body.description.heightCm', code: 'too_big', message: 'Längd: högst 230 cm' },
      { field: 'body.contacts.0.name', code: 'too_small', message: 'Kontakt, namn: fyll i fältet' },
    ]);
    expect([...problemsByField(error)]).toEqual([
      ['heightCm', ['Längd: högst 230 cm']],
      ['contacts', ['Kontakt, namn: fyll i fältet']],
    ]);
  });
});

describe('Riskmoment', () => {
  const overview = (riskMoments: Overview['riskMoments']) => ({ riskMoments }) as Overview;
  it('lists the child’s risk moments in Swedish', () => {
    const html = render(
      <RiskMoments
        overview={overview([
          { kind: 'after_refusal', since: '2026-11-10', until: '2027-01-04' },
          { kind: 'turning_18', since: '2026-10-29', until: '2026-12-23' },
        ])}
      />,
    );
    // A heading under "Att göra" (h3): the view's own h2 stays first, the one that takes focus when the view is chosen.
    expect(html).toMatch(/<h3 id="risk-moments-title">Riskmoment<\/h3>/);
    expect(html).not.toContain('<h2');
    expect(html).toContain('Avslag på asylansökan 2026-11-10');
    expect(html).toContain('Fyller 18 inom åtta veckor');
  });

  it('shows nothing where there are none or the role does not read the profile', () => {
    expect(render(<RiskMoments overview={overview([])} />)).toBe('');
    expect(render(<RiskMoments overview={overview(null)} />)).toBe('');
  });
});
