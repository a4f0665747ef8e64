/**
 * Emergency care in the child's "Avvikanden" section (D-R1), rendered from the API's answers: the municipality where
 * the child turned up is offered "Registrera akut omsorg" and its form; the responsible municipality sees the records
 * under the episode; the server's reasons read as Swedish sentences on their fields.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { missingKey } from '../../../../src/web/api/missing-queries.ts';
import type { Episode, MissingAction, MissingView } from '../../../../src/web/api/missing-types.ts';
import type { CaseStep } from '../../../../src/web/api/case-steps.ts';
import type { ChildDetail } from '../../../../src/web/api/types.ts';
import { fieldErrorText } from '../../../../src/web/form-errors.ts';
import { LanguageProvider, useI18n } from '../../../../src/web/language.tsx';
import { EmergencyCareForm } from '../../../../src/web/pages/missing/EpisodeForms.tsx';
import { MissingSection } from '../../../../src/web/pages/missing/MissingSection.tsx';
import { EmergencyCareFormSchema } from '../../../../src/web/schemas-missing.ts';
import type { EmergencyCareProblem } from '../../../../src/domain/missing/emergency-care.ts';
import '../../../support/web-messages.ts';

const CHILD = { id: 'c1', birthDate: '2010-05-01' } as ChildDetail;
const EPISODE_ID = '00000000-0000-4000-8000-0000000000e1';
const STEP: CaseStep<MissingAction> = {
  action: 'emergency_care',
  machine: 'missing_episode',
  event: 'record_emergency_care',
  method: 'POST',
  path: `/api/children/c1/missing/${EPISODE_ID}/emergency-care`,
  needs: {
    date: null,
    bestInterests: false,
    decisionKind: null,
    fields: ['startedAt', 'place', 'care', 'description', 'contactName', 'contactPhone'],
  },
};
const CARE: Episode['emergencyCare'][number] = {
  id: '00000000-0000-4000-8000-0000000000c1',
  municipality: { code: '1281', name: 'Lunds kommun' },
  startedAt: '2026-11-23T00:30:00.000Z',
  endedAt: null,
  place: 'Socialjourens jourhem, Lund',
  care: 'jourhem',
  description: 'Barnet fick mat och sömn.',
  contactName: 'Socialjouren i Lund',
  contactPhone: '046-35 50 00',
  recordedAt: '2026-11-23T08:00:00.000Z',
};

function episode(over: Partial<Episode>): Episode {
  return {
    id: EPISODE_ID,
    state: 'notified',
    version: 3,
    linkedToId: null,
    kind: 'missing',
    lastSeenAt: '2026-11-22T19:00:00.000Z',
    lastSeenPlace: 'HVB Solgården, Malmö',
    reportedAt: '2026-11-22T20:00:00.000Z',
    reportedByRole: 'social_worker',
    municipality: { code: '1280', name: 'Malmö stad' },
    policeReference: '5000-K1-26',
    policeReportedAt: '2026-11-22T21:00:00.000Z',
    earliestClosureOn: '2026-12-13',
    lvuAssessment: null,
    foundAt: null,
    found: null,
    returnTalkDueAt: null,
    returnTalk: null,
    completion: null,
    closedOn: null,
    closureReason: null,
    strategyMeetingDue: false,
    strategyMeetingDueOn: null,
    strategyMeeting: null,
    routine: {
      reference: '',
      policyReference: null,
      closureMinimum: { months: 3 },
      returnTalkWithinHours: 72,
    },
    notifications: [],
    emergencyCare: [],
    events: [],
    steps: [],
    ...over,
  };
}

function render(node: ReactNode, data?: MissingView): string {
  const client = new QueryClient();
  if (data !== undefined) client.setQueryData(missingKey('c1'), data);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <LanguageProvider>{node}</LanguageProvider>
    </QueryClientProvider>,
  );
}

const viewOf = (e: Episode): MissingView => ({
  child: { age: 16, languages: ['dari'], interpreterNeeded: true },
  episodes: [e],
  steps: [],
});

describe('emergency care in the missing section', () => {
  it('offers the municipality where the child turned up "Registrera akut omsorg", and nothing else', () => {
    const html = render(<MissingSection child={CHILD} access="read" />, viewOf(episode({ steps: [STEP] })));
    expect(html).toContain('Registrera akut omsorg');
    expect(html).not.toContain('Registrera påträffad');
    // The responsible municipality's own view of the same episode has no such step.
    expect(render(<MissingSection child={CHILD} />, viewOf(episode({})))).not.toContain(
      'Registrera akut omsorg',
    );
  });

  it('shows the responsible municipality each record under the episode: where, what, from when, whom to call', () => {
    const html = render(
      <MissingSection child={CHILD} access="write" />,
      viewOf(
        episode({
          emergencyCare: [
            CARE,
            { ...CARE, id: 'c2', place: null, care: 'health_care', endedAt: '2026-11-23T09:00:00.000Z' },
          ],
        }),
      ),
    );
    expect(html.match(/Akut omsorg i Lunds kommun/g)).toHaveLength(2);
    expect(html).toContain('Socialjourens jourhem, Lund');
    expect(html).toContain('Jourhem');
    expect(html).toContain('Barnet fick mat och sömn.');
    expect(html).toContain('Socialjouren i Lund, 046-35 50 00');
    expect(html).toMatch(/Från [^<]*01:30/);
    expect(html).toContain('Hälso- och sjukvård');
    expect(html).toContain('Visas inte (skyddade personuppgifter)');
  });

  it('asks for each field with a label, and says who stays responsible', () => {
    const html = render(
      <EmergencyCareForm childId="c1" step={STEP} episode={episode({})} onDone={() => undefined} />,
    );
    expect(html).toContain('Malmö stad är fortfarande ansvarig kommun för barnet');
    for (const id of [
      'missing-care-from-date',
      'missing-care-from-time',
      'missing-care-to-date',
      'missing-care-to-time',
      'missing-care-place',
      'missing-care-description',
      'missing-care-contact',
      'missing-care-phone',
    ])
      expect(html).toContain(`for="${id}"`);
    for (const kind of ['Jourhem', 'HVB', 'Socialjouren', 'Hälso- och sjukvård', 'Annat'])
      expect(html).toContain(kind);
  });
});

describe('the emergency-care form’s rules', () => {
  const valid = {
    date: '2026-11-23',
    time: '01:30',
    endDate: '',
    endTime: '',
    place: 'Socialjouren',
    care: 'socialjour',
    description: 'Mat och sömn.',
    contactName: 'Jouren',
    contactPhone: '046-35 50 00',
  };
  const issues = (v: Record<string, unknown>) => {
    const r = EmergencyCareFormSchema.safeParse({ ...valid, ...v });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('accepts a record without an end, and needs both parts of an end once one is typed', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ endDate: '2026-11-23', endTime: '08:00' })).toEqual([]);
    expect(issues({ endDate: '2026-11-23' })).toEqual(['endTime:time_format']);
    expect(issues({ endTime: '08:00' })).toEqual(['endDate:required']);
  });

  it('refuses an empty field and a number nobody can call', () => {
    expect(issues({ place: ' ', contactPhone: 'ring jouren', care: undefined })).toEqual([
      'place:required',
      'care:choose',
      'contactPhone:phone_format',
    ]);
  });

  it('reads every reason the server may give as a Swedish sentence, never the generic one', () => {
    const reasons: EmergencyCareProblem['reason'][] = [
      'required',
      'in_the_future',
      'before_last_seen',
      'before_start',
      'phone_format',
    ];
    let texts: (string | undefined)[] = [];
    function Probe() {
      const { t } = useI18n();
      texts = reasons.map((r) => fieldErrorText(t, { type: r, message: r }));
      return null;
    }
    render(<Probe />);
    expect(texts).toEqual([
      'Fältet måste fyllas i.',
      'Tidpunkten kan inte ligga i framtiden.',
      'Tidpunkten kan inte ligga före när barnet senast sågs.',
      'Slutet kan inte ligga före början.',
      'Ange ett telefonnummer med 6–15 siffror, till exempel 070-174 06 05.',
    ]);
  });
});

describe('the strategy meeting in the missing section (D13)', () => {
  it('says a meeting is called and by when, and offers to record it where the server offers the step', () => {
    const step: CaseStep<MissingAction> = {
      ...STEP,
      action: 'strategy_meeting',
      event: 'record_strategy_meeting',
      path: `/api/children/${CHILD.id}/missing/${EPISODE_ID}/strategy-meeting`,
    };
    const html = render(
      <MissingSection child={CHILD} access="write" />,
      viewOf(episode({ strategyMeetingDue: true, strategyMeetingDueOn: '2026-11-30', steps: [step] })),
    );
    expect(html).toContain('kalla till ett strategimöte');
    expect(html).toContain('Mötet ska hållas senast 2026-11-30 (uppgift i arbetslistan).');
    expect(html).toContain('Registrera strategimöte');
  });

  it('shows what the meeting decided once it is recorded, and no longer the call', () => {
    const html = render(
      <MissingSection child={CHILD} access="write" />,
      viewOf(
        episode({
          strategyMeetingDue: true,
          strategyMeetingDueOn: '2026-11-30',
          strategyMeeting: {
            heldOn: '2026-11-27',
            participants: ['Sara Lind', 'Polisen region Syd'],
            decisions: 'Kontaktperson på boendet varje kväll.',
            carePlanReviewed: true,
            recordedAt: '2026-11-27T15:00:00.000Z',
          },
        }),
      ),
    );
    expect(html).toContain('Strategimöte 2026-11-27');
    expect(html).toContain('Sara Lind, Polisen region Syd');
    expect(html).toContain('Kontaktperson på boendet varje kväll.');
    expect(html).not.toContain('Mötet ska hållas senast');
  });
});
