import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupPageViews,
  sectionOfRoute,
  viewOutcome,
  type LoggedEvent,
} from '../../../src/domain/audit/page-views.ts';

let seq = 0;
function anEvent(overrides: Partial<LoggedEvent> = {}): LoggedEvent {
  seq++;
  return {
    id: `e-${seq}`,
    seq,
    occurredAt: new Date(Date.UTC(2026, 10, 23, 9, 0, seq)).toISOString(),
    viewKey: 'view-1',
    kind: 'child.read',
    outcome: 'allowed',
    actorUserId: 'u-sara',
    actorOrganisationId: 'o-malmo',
    role: 'social_worker',
    childIds: ['c-1'],
    emergency: false,
    purpose: null,
    route: 'GET /api/children/:childId',
    ...overrides,
  };
}

describe('the section a read went through', () => {
  it('is named from the route of the child’s page section', () => {
    expect(sectionOfRoute('GET /api/children/:childId')).toBe('child');
    expect(sectionOfRoute('GET /api/children/:childId/school')).toBe('school');
    expect(sectionOfRoute('GET /api/children/:childId/social-case')).toBe('social_case');
    expect(sectionOfRoute('GET /api/children/:childId/documents/:documentId')).toBe('document');
  });
  it('is none for writes, lists, unknown routes and culled payloads', () => {
    expect(sectionOfRoute('POST /api/children/:childId/journal')).toBeNull();
    expect(sectionOfRoute('GET /api/children')).toBeNull();
    expect(sectionOfRoute('GET /api/children/:childId/something-new')).toBeNull();
    expect(sectionOfRoute(null)).toBeNull();
  });
});

describe('a page view’s outcome', () => {
  it('is allowed, denied, or partly denied when any part was refused', () => {
    expect(viewOutcome(['allowed', 'allowed'])).toBe('allowed');
    expect(viewOutcome(['denied'])).toBe('denied');
    expect(viewOutcome(['allowed', 'denied', 'allowed'])).toBe('partly_denied');
  });
});

describe('grouping stored events into page views', () => {
  it('shows the ten section reads of one view of the child’s page as one entry naming its sections', () => {
    const routes = [
      '',
      '/overview',
      '/responsibility',
      '/social-case',
      '/placements',
      '/school',
      '/health',
      '/guardianship',
      '/migration',
      '/timeline',
    ];
    const events = routes.map((r) =>
      anEvent({
        route: `GET /api/children/:childId${r}`,
        kind: r === '/timeline' ? 'case.timeline.read' : 'case.read',
      }),
    );
    const [entry, ...rest] = groupPageViews(events);
    expect(rest).toEqual([]);
    expect(entry?.eventCount).toBe(10);
    expect(entry?.parts.map((p) => p.section)).toEqual([
      'child',
      'overview',
      'responsibility',
      'social_case',
      'placement',
      'school',
      'health',
      'guardianship',
      'migration',
      'timeline',
    ]);
    expect(entry?.id).toBe(events[0]?.id);
    expect(entry?.startedAt).toBe(events[0]?.occurredAt);
    expect(entry?.endedAt).toBe(events[9]?.occurredAt);
    expect(entry?.outcome).toBe('allowed');
  });

  it('shows a refused section as a denied part and marks the view partly denied', () => {
    const [entry] = groupPageViews([
      anEvent(),
      anEvent({
        kind: 'child.access_log.read',
        outcome: 'denied',
        route: 'GET /api/children/:childId/access-log',
      }),
    ]);
    expect(entry?.outcome).toBe('partly_denied');
    expect(entry?.parts).toContainEqual({
      kind: 'child.access_log.read',
      section: 'access_log',
      outcome: 'denied',
      count: 1,
    });
  });

  it('counts a section read again in the same view, and keeps writes by their kind', () => {
    const [entry] = groupPageViews([
      anEvent({ kind: 'child.journal.read', route: 'GET /api/children/:childId/journal' }),
      anEvent({ kind: 'child.journal.write', route: 'POST /api/children/:childId/journal' }),
      anEvent({ kind: 'child.journal.read', route: 'GET /api/children/:childId/journal' }),
    ]);
    expect(entry?.parts).toEqual([
      { kind: 'child.journal.read', section: 'journal', outcome: 'allowed', count: 2 },
      { kind: 'child.journal.write', section: null, outcome: 'allowed', count: 1 },
    ]);
  });

  it('never merges two people, two organisations, two roles or two views', () => {
    const entries = groupPageViews([
      anEvent(),
      anEvent({ actorUserId: 'u-elin' }),
      anEvent({ actorOrganisationId: 'o-lund' }),
      anEvent({ role: 'unit_manager' }),
      anEvent({ viewKey: 'view-2' }),
    ]);
    expect(entries).toHaveLength(5);
  });

  it('places views newest first by their first event, by time and then by insertion order', () => {
    const same = new Date(Date.UTC(2026, 10, 23, 10)).toISOString();
    const a = anEvent({ viewKey: 'a', occurredAt: same });
    const b = anEvent({ viewKey: 'b', occurredAt: same });
    const lateA = anEvent({ viewKey: 'a', occurredAt: new Date(Date.UTC(2026, 10, 23, 11)).toISOString() });
    expect(groupPageViews([lateA, a, b]).map((e) => e.id)).toEqual([b.id, a.id]);
  });

  it('keeps every event in exactly one entry (property)', () => {
    const arbitraryEvent = fc.record({
      viewKey: fc.constantFrom('v1', 'v2', 'v3'),
      actorUserId: fc.constantFrom('u1', 'u2', null),
      outcome: fc.constantFrom('allowed' as const, 'denied' as const),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 40 }), (specs) => {
        const events = specs.map((s) => anEvent(s));
        const entries = groupPageViews(events);
        expect(entries.reduce((n, e) => n + e.eventCount, 0)).toBe(events.length);
        expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      }),
    );
  });
});
