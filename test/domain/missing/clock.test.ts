import { describe, expect, it } from 'vitest';
import {
  episodeOpen,
  escalatesNow,
  returnTalkOverdue,
  returnTalkOverdueNow,
  unacknowledged,
} from '../../../src/domain/missing/clock.ts';

const now = new Date('2026-11-24T12:00:00Z');
const before = new Date('2026-11-24T11:00:00Z');
const after = new Date('2026-11-24T13:00:00Z');
const open = { escalateAt: before, acknowledgedAt: null, notApplicable: null, escalatedAt: null };

describe('escalatesNow', () => {
  it('escalates an unacknowledged notification whose time has passed, once', () => {
    expect(escalatesNow(open, now)).toBe(true);
    expect(escalatesNow({ ...open, escalateAt: now }, now)).toBe(true);
    expect(escalatesNow({ ...open, escalatedAt: before }, now)).toBe(false);
  });
  it('never escalates before its time, an acknowledged one or one with nobody to notify', () => {
    expect(escalatesNow({ ...open, escalateAt: after }, now)).toBe(false);
    expect(escalatesNow({ ...open, acknowledgedAt: before }, now)).toBe(false);
    expect(escalatesNow({ ...open, notApplicable: 'not_enrolled' }, now)).toBe(false);
  });
  it('unacknowledged: neither acknowledged nor not applicable', () => {
    expect(unacknowledged(open)).toBe(true);
    expect(unacknowledged({ acknowledgedAt: now, notApplicable: null })).toBe(false);
    expect(unacknowledged({ acknowledgedAt: null, notApplicable: 'none_appointed' })).toBe(false);
  });
});

describe('returnTalkOverdueNow', () => {
  const found = { state: 'found' as const, returnTalkDueAt: before, returnTalkEscalatedAt: null };
  it('is overdue once, when found and the time has passed', () => {
    expect(returnTalkOverdueNow(found, now)).toBe(true);
    expect(returnTalkOverdueNow({ ...found, returnTalkEscalatedAt: before }, now)).toBe(false);
  });
  it('is not overdue before its time, without a time, or after the talk', () => {
    expect(returnTalkOverdueNow({ ...found, returnTalkDueAt: after }, now)).toBe(false);
    expect(returnTalkOverdueNow({ ...found, returnTalkDueAt: null }, now)).toBe(false);
    expect(returnTalkOverdueNow({ ...found, state: 'return_talk' }, now)).toBe(false);
  });
});

describe('episodeOpen', () => {
  it('is open until returned or closed', () => {
    expect(
      ['absent', 'missing', 'notified', 'active', 'found', 'return_talk'].every((s) =>
        episodeOpen(s as never),
      ),
    ).toBe(true);
    expect(
      ['returned', 'closed_not_found', 'closed_aged_out', 'closed_left_country'].some((s) =>
        episodeOpen(s as never),
      ),
    ).toBe(false);
  });
});

describe('returnTalkOverdue', () => {
  it('stays overdue after the clock has told, until the talk is recorded', () => {
    expect(returnTalkOverdue({ state: 'found', returnTalkDueAt: before }, now)).toBe(true);
    expect(returnTalkOverdue({ state: 'found', returnTalkDueAt: after }, now)).toBe(false);
    expect(returnTalkOverdue({ state: 'return_talk', returnTalkDueAt: before }, now)).toBe(false);
  });
});
