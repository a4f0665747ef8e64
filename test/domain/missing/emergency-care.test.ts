import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_CARE_STATES,
  emergencyCareProblems,
  emergencyCareRefusal,
  type EmergencyCare,
} from '../../../src/domain/missing/emergency-care.ts';
import { missingEpisode, type EpisodeState } from '../../../src/domain/missing/episode.ts';

const now = new Date('2026-11-23T09:00:00Z');
const episode = { lastSeenAt: new Date('2026-11-22T19:00:00Z') };
const care: EmergencyCare = {
  startedAt: new Date('2026-11-23T01:30:00Z'),
  endedAt: null,
  place: 'Jourhemmet på Värnhemsgatan, Lund',
  care: 'jourhem',
  description: 'Barnet togs emot av socialjouren och placerades i jourhem över natten.',
  contactName: 'Socialjouren Lund',
  contactPhone: '046-35 50 00',
};
const problems = (c: Partial<EmergencyCare>) =>
  emergencyCareProblems({ ...care, ...c }, episode, now).map((p) => `${p.field}:${p.reason}`);

describe('an emergency-care record', () => {
  it('is complete with a start, a place, a kind of care, what was done and whom to call', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ endedAt: new Date('2026-11-23T08:00:00Z') })).toEqual([]);
  });

  it('names each empty field', () => {
    expect(problems({ place: ' ', description: '', contactName: '\n', contactPhone: '' })).toEqual([
      'place:required',
      'description:required',
      'contactName:required',
      'contactPhone:required',
    ]);
    expect(problems({ care: 'hotel' as EmergencyCare['care'] })).toEqual(['care:required']);
  });

  it('refuses a start in the future or before the child was last seen, and an end before the start', () => {
    expect(problems({ startedAt: new Date('2026-11-23T09:00:01Z') })).toEqual(['startedAt:in_the_future']);
    expect(problems({ startedAt: new Date('2026-11-22T18:59:59Z') })).toEqual(['startedAt:before_last_seen']);
    // The bound is the last sighting itself.
    expect(problems({ startedAt: episode.lastSeenAt })).toEqual([]);
    expect(problems({ endedAt: new Date('2026-11-23T01:29:59Z') })).toEqual(['endedAt:before_start']);
    expect(problems({ endedAt: new Date('2026-11-23T10:00:00Z') })).toEqual(['endedAt:in_the_future']);
    expect(problems({ startedAt: new Date('nonsense') })).toEqual(['startedAt:required']);
  });

  it('needs a phone number the responsible municipality can call', () => {
    expect(problems({ contactPhone: 'ring jouren' })).toEqual(['contactPhone:phone_format']);
    expect(problems({ contactPhone: '+46 46 35 50 00' })).toEqual([]);
  });

  it('never accepts an end before its start (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 14 * 3600 }), fc.integer({ min: 1, max: 3600 }), (s, back) => {
        const startedAt = new Date(episode.lastSeenAt.getTime() + s * 1000);
        const endedAt = new Date(startedAt.getTime() - back * 1000);
        return problems({ startedAt, endedAt }).includes('endedAt:before_start');
      }),
    );
  });
});

describe('who may record emergency care, and when (D-R1)', () => {
  const at = (state: EpisodeState) => ({ state, municipalityCode: '1280' });

  it('another municipality, while the search is open or the child found', () => {
    for (const state of ['missing', 'notified', 'active', 'found'] as const)
      expect(emergencyCareRefusal(at(state), ['1281'])).toBeNull();
  });

  it('never the responsible municipality: it records the child found instead', () => {
    for (const state of missingEpisode.states)
      expect(emergencyCareRefusal(at(state), ['1280'])).toBe('emergency_care_by_responsible');
    // An organisation serving several municipalities, the responsible one among them.
    expect(emergencyCareRefusal(at('missing'), ['1281', '1280'])).toBe('emergency_care_by_responsible');
  });

  it('not before a search is open, nor after the episode ended', () => {
    const refused = missingEpisode.states.filter((s) => !EMERGENCY_CARE_STATES.includes(s));
    expect(refused.sort()).toEqual(
      [
        'absent',
        'closed_aged_out',
        'closed_left_country',
        'closed_not_found',
        'return_talk',
        'returned',
      ].sort(),
    );
    for (const state of refused)
      expect(emergencyCareRefusal(at(state), ['1281'])).toBe('emergency_care_not_open');
  });
});
