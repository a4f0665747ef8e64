import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenTransitions, transition } from '../../../src/domain/case/machine.ts';
import {
  CLOSED_STATES,
  closureProblems,
  ENDED_STATES,
  episodeAfterClosure,
  missingEpisode,
  policeReportProblems,
  type EpisodeEvent,
  type EpisodeState,
} from '../../../src/domain/missing/episode.ts';
import { addDays } from '../../../src/domain/time.ts';

function walk(events: readonly EpisodeEvent[]): EpisodeState {
  let state: EpisodeState = missingEpisode.initial;
  for (const event of events) {
    const result = transition(missingEpisode, state, event, 'social_worker');
    if (!result.ok) throw new Error(result.message);
    state = result.to;
  }
  return state;
}

describe('the missing episode as a state machine', () => {
  it('runs from absence through the police report, the notifications and the follow-up to the return talk', () => {
    expect(
      walk([
        'report_missing',
        'notifications_sent',
        'start_follow_up',
        'record_review',
        'record_found',
        'record_return_talk',
        'complete_return',
      ]),
    ).toBe('returned');
    // Away without permission and back, whereabouts known throughout: no search, no return talk.
    expect(walk(['record_return'])).toBe('returned');
  });

  it('ends an open search only by a decided closure, and ended episodes take no further step', () => {
    for (const from of ['missing', 'notified', 'active'] as const)
      for (const closure of ['close_not_found', 'close_aged_out', 'close_left_country'] as const) {
        const result = transition(missingEpisode, from, closure, 'social_worker');
        expect(result.ok && result.bestInterests, `${closure} from ${from}`).toBe(true);
      }
    for (const ended of ENDED_STATES)
      expect(missingEpisode.transitions.filter((t) => t.from.includes(ended))).toEqual([]);
    // Not from an absence (nothing was reported) nor once found (the return talk follows).
    expect(transition(missingEpisode, 'absent', 'close_not_found', 'social_worker').ok).toBe(false);
    expect(transition(missingEpisode, 'found', 'close_left_country', 'social_worker').ok).toBe(false);
  });

  it('lets the police record the child found, and nothing else', () => {
    expect(transition(missingEpisode, 'active', 'record_found', 'police_officer').ok).toBe(true);
    const policeMay = missingEpisode.transitions.filter((t) => t.roles.includes('police_officer'));
    expect(policeMay.map((t) => t.event)).toEqual(['record_found']);
  });

  it('has a forbidden pair for every step from every state it cannot be taken from', () => {
    const forbidden = forbiddenTransitions(missingEpisode);
    expect(forbidden).toContainEqual({ state: 'returned', event: 'record_found' });
    expect(forbidden).toContainEqual({ state: 'absent', event: 'record_return_talk' });
    for (const { state, event } of forbidden)
      expect(transition(missingEpisode, state, event, 'social_worker').ok).toBe(false);
  });
});

describe('the police report', () => {
  it('needs its reference, and is dated between the child last seen and today', () => {
    const ok = { reference: '5000-K123456-25', reportedOn: '2025-01-10', lastSeenOn: '2025-01-09' };
    expect(policeReportProblems(ok, '2025-01-10')).toEqual([]);
    expect(policeReportProblems({ ...ok, reference: ' ' }, '2025-01-10')).toEqual([
      { field: 'reference', reason: 'required' },
    ]);
    expect(policeReportProblems({ ...ok, reportedOn: '2025-01-08' }, '2025-01-10')).toEqual([
      { field: 'reportedOn', reason: 'before_last_seen' },
    ]);
    expect(policeReportProblems(ok, '2025-01-09')).toEqual([
      { field: 'reportedOn', reason: 'in_the_future' },
    ]);
    expect(
      policeReportProblems({ ...ok, lastSeenOn: '9 jan', reportedOn: '2025-02-30' }, '2025-03-01'),
    ).toEqual([
      { field: 'lastSeenOn', reason: 'invalid_date' },
      { field: 'reportedOn', reason: 'invalid_date' },
    ]);
  });
});

describe('closing an episode (D-R2, D-R3)', () => {
  const base = {
    today: '2025-04-10',
    reason: 'Inga nya uppgifter sedan polisanmälan; polisen har avslutat sökandet.',
    decidedBy: 'Karin Berg, enhetschef',
    policeReportedOn: '2025-01-10',
    closureMinimum: { months: 3 },
    birthDate: '2009-05-01',
  } as const;

  it('closes as not found from the minimum after the police report, not a day before, and names that day', () => {
    expect(closureProblems('close_not_found', base)).toEqual([]);
    expect(closureProblems('close_not_found', { ...base, today: '2025-04-09' })).toEqual([
      { field: 'closedOn', reason: 'before_closure_minimum', earliest: '2025-04-10' },
    ]);
    // A municipality's recorded policy of three weeks (Malmö).
    expect(
      closureProblems('close_not_found', { ...base, today: '2025-01-31', closureMinimum: { days: 21 } }),
    ).toEqual([]);
  });

  it('allows closing as not found exactly from the earliest day on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (after) => {
        const today = addDays(base.policeReportedOn, after);
        const allowed = closureProblems('close_not_found', { ...base, today }).length === 0;
        expect(allowed).toBe(today >= '2025-04-10');
      }),
    );
  });

  it('always records a reason and who decided', () => {
    expect(closureProblems('close_left_country', { ...base, reason: '', decidedBy: ' ' })).toEqual([
      { field: 'reason', reason: 'required' },
      { field: 'decidedBy', reason: 'required' },
    ]);
  });

  it('closes as aged out only from the 18th birthday', () => {
    expect(closureProblems('close_aged_out', { ...base, birthDate: '2007-04-10' })).toEqual([]);
    expect(closureProblems('close_aged_out', { ...base, birthDate: '2007-04-11' })).toEqual([
      { field: 'closedOn', reason: 'not_yet_18' },
    ]);
  });
});

describe('a child found after a closure', () => {
  it('opens a new episode, found, linked to the closed one', () => {
    for (const state of CLOSED_STATES)
      expect(episodeAfterClosure({ id: 'e1', state })).toEqual({ state: 'found', linkedTo: 'e1' });
    expect(episodeAfterClosure({ id: 'e1', state: 'active' })).toEqual({
      field: 'linkedTo',
      reason: 'not_closed',
    });
    expect(episodeAfterClosure({ id: 'e1', state: 'returned' })).toEqual({
      field: 'linkedTo',
      reason: 'not_closed',
    });
  });
});
