import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NETWORK_ROLES,
  PARTICIPANT_GENDERS,
  contactProblems,
  eventProblems,
  mayEditNetwork,
  maySeeNetwork,
  needsReview,
  networkProblems,
  participationReport,
  participationReports,
  withdrawConsent,
  type Participation,
} from '../../../src/domain/county/networks.ts';

// Värmland 17, Örebro 18, Dalarna 20; Skåne 12.
const RESOURCE = ['17', '18', '20'];
const COUNTIES = ['12', '17', '18', '20', '22'];

describe('who sees and edits a network', () => {
  it('a coordinator of any of its counties, and nobody else', () => {
    for (const c of RESOURCE) {
      expect(mayEditNetwork(c, RESOURCE)).toBe(true);
      expect(maySeeNetwork(c, RESOURCE)).toBe(true);
    }
    expect(maySeeNetwork('12', RESOURCE)).toBe(false);
    expect(mayEditNetwork('12', RESOURCE)).toBe(false);
  });

  it('a network holds the creator’s county and real counties, and ends no earlier than it began', () => {
    expect(networkProblems({ counties: RESOURCE, fromYear: 2020, toYear: 2020 }, '17', COUNTIES)).toEqual([]);
    expect(networkProblems({ counties: ['17'], fromYear: 2020, toYear: null }, '12', COUNTIES)).toEqual([
      { field: 'counties', code: 'own_county_missing' },
    ]);
    expect(networkProblems({ counties: ['12', '99'], fromYear: 2020, toYear: 2019 }, '12', COUNTIES)).toEqual(
      [
        { field: 'counties', code: 'unknown_county' },
        { field: 'toYear', code: 'to_before_from' },
      ],
    );
  });
});

describe('a contact', () => {
  const OK = { countyCode: '17', consentOn: '2026-01-10', consentHow: 'written', ownerId: 'u1' } as const;
  it('is stored only with consent given on a day not after today, in the network, with an owner of its county boards', () => {
    expect(contactProblems(OK, RESOURCE, ['u1'], '2026-12-07')).toEqual([]);
    expect(
      contactProblems({ ...OK, consentOn: null, consentHow: null }, RESOURCE, ['u1'], '2026-12-07'),
    ).toEqual([
      { field: 'consentOn', code: 'consent_required' },
      { field: 'consentHow', code: 'consent_required' },
    ]);
    expect(
      contactProblems(
        { ...OK, consentOn: '2026-12-08', countyCode: '12', ownerId: 'u2' },
        RESOURCE,
        ['u1'],
        '2026-12-07',
      ),
    ).toEqual([
      { field: 'consentOn', code: 'consent_in_future' },
      { field: 'countyCode', code: 'outside_network' },
      { field: 'ownerId', code: 'owner_not_county_board' },
    ]);
  });

  it('loses its name, e-mail, phone and organisation when consent is withdrawn, and keeps what is anonymous', () => {
    const before = {
      name: 'Eva Exempel',
      email: 'eva@example.se',
      phone: '070-000 00 00',
      organisation: 'Mora gymnasium',
      consentWithdrawnOn: null,
      role: 'teacher',
      countyCode: '17',
    };
    expect(withdrawConsent(before, '2026-12-07')).toEqual({
      name: null,
      email: null,
      phone: null,
      organisation: '',
      consentWithdrawnOn: '2026-12-07',
      role: 'teacher',
      countyCode: '17',
    });
  });

  it('needs review twelve months after it was last confirmed', () => {
    expect(needsReview('2025-12-08', '2026-12-07')).toBe(false);
    expect(needsReview('2025-12-07', '2026-12-07')).toBe(true);
    expect(needsReview('2024-02-29', '2025-02-28')).toBe(true);
  });
});

describe('a competence event', () => {
  it('ends no earlier than it begins and counts only the network’s contacts and counties, each contact once', () => {
    expect(
      eventProblems(
        {
          firstDay: '2020-11-24',
          lastDay: '2020-11-23',
          contactIds: ['c1', 'c1', 'c9'],
          counts: [{ countyCode: '12', role: 'teacher', gender: 'female', count: 3 }],
        },
        RESOURCE,
        ['c1'],
      ),
    ).toEqual([
      { field: 'lastDay', code: 'last_before_first' },
      { field: 'contactIds.1', code: 'duplicate_contact' },
      { field: 'contactIds.2', code: 'unknown_contact' },
      { field: 'counts.0.countyCode', code: 'outside_network' },
    ]);
    expect(
      eventProblems(
        { firstDay: '2020-10-03', lastDay: '2020-10-03', contactIds: [], counts: [] },
        RESOURCE,
        [],
      ),
    ).toEqual([{ field: 'contactIds', code: 'no_participants' }]);
  });
});

describe('the participation report', () => {
  const row = (
    countyCode: string,
    role: Participation['role'],
    gender: Participation['gender'],
    count: number,
  ) => ({
    countyCode,
    role,
    gender,
    count,
  });

  it('splits by county, role and gender; a gender under five is withheld together with the next smallest', () => {
    const report = participationReport(
      [
        row('17', 'teacher', 'female', 9),
        row('18', 'social_worker', 'male', 6),
        row('20', 'hvb_staff', 'other', 1),
      ],
      RESOURCE,
    );
    expect(report.total).toBe(16);
    expect(report.byCounty).toEqual([
      { key: '17', n: 9 },
      { key: '18', n: 6 },
      { key: '20', n: 1 },
    ]);
    expect(report.byRole.map((c) => c.key)).toEqual(['teacher', 'social_worker', 'hvb_staff']);
    expect(report.byGender).toEqual([
      { key: 'female', n: 9 },
      { key: 'male', n: null },
      { key: 'other', n: null },
    ]);
  });

  it('withholds in the total a gender withheld in any event, so that it cannot be worked out by subtraction', () => {
    const a = [row('17', 'teacher', 'female', 5), row('17', 'teacher', 'male', 1)];
    const b = [row('17', 'teacher', 'female', 5), row('17', 'teacher', 'male', 5)];
    const { events, total } = participationReports([a, b], RESOURCE);
    expect(events[0]?.byGender.find((c) => c.key === 'male')?.n).toBeNull();
    expect(events[1]?.byGender.find((c) => c.key === 'male')?.n).toBe(5);
    // Alone, the total would show six men: six less the other event's five is the one withheld.
    expect(participationReport([...a, ...b], RESOURCE).byGender.find((c) => c.key === 'male')?.n).toBe(6);
    expect(total.byGender.find((c) => c.key === 'male')?.n).toBeNull();
    expect(total.total).toBe(16);
  });

  const rows = fc.array(
    fc.record({
      countyCode: fc.constantFrom(...RESOURCE),
      role: fc.constantFrom(...NETWORK_ROLES),
      gender: fc.constantFrom(...PARTICIPANT_GENDERS),
      count: fc.integer({ min: 1, max: 40 }),
    }),
    { maxLength: 30 },
  );

  it('each split adds up to the total, and no shown gender can be worked out from the others under five', () => {
    fc.assert(
      fc.property(rows, (participation) => {
        const report = participationReport(participation, RESOURCE);
        const sum = (cells: readonly { n: number | null }[]) => cells.reduce((s, c) => s + (c.n ?? 0), 0);
        expect(sum(report.byCounty)).toBe(report.total);
        expect(sum(report.byRole)).toBe(report.total);
        const withheld = report.byGender.filter((c) => c.n === null);
        expect(withheld.length).not.toBe(1);
        if (withheld.length === 0) expect(sum(report.byGender)).toBe(report.total);
        for (const cell of report.byGender) expect(cell.n === null || cell.n === 0 || cell.n >= 5).toBe(true);
      }),
    );
  });
});
