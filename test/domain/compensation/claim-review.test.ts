import { describe, expect, it } from 'vitest';
import {
  claimDecisionText,
  grantedOf,
  lineDecisionProblems,
  REVIEW_REASON_SV,
  REVIEW_REASONS,
} from '../../../src/domain/compensation/claim-review.ts';

const decision = (over: Partial<Parameters<typeof lineDecisionProblems>[0]>) => ({
  outcome: 'granted' as const,
  grantedAmount: null,
  reason: null,
  reasonText: '',
  ...over,
});

describe('a decision on a claim line', () => {
  it('grants what was claimed, without a reason', () => {
    expect(lineDecisionProblems(decision({}), 9000)).toEqual([]);
    expect(lineDecisionProblems(decision({ grantedAmount: 9000 }), 9000)).toEqual([]);
    expect(lineDecisionProblems(decision({ grantedAmount: 8000 }), 9000)[0]?.code).toBe(
      'granted_means_claimed',
    );
    expect(lineDecisionProblems(decision({ reason: 'other' }), 9000)[0]?.code).toBe('granted_without_reason');
  });

  it('reduces to more than zero and less than claimed, with a reason; more than claimed is refused', () => {
    const reduced = (
      grantedAmount: number | null,
      reason: 'other' | 'deadline_passed' | null = 'deadline_passed',
    ) =>
      lineDecisionProblems(decision({ outcome: 'reduced', grantedAmount, reason }), 9000).map((p) => p.code);
    expect(reduced(6000)).toEqual([]);
    expect(reduced(9001)).toEqual(['amount_above_claimed']);
    expect(reduced(9000)).toEqual(['reduced_means_less']);
    expect(reduced(0)).toEqual(['amount_positive']);
    expect(reduced(null)).toEqual(['amount_positive']);
    expect(reduced(6000, null)).toEqual(['reason_required']);
    expect(reduced(6000, 'other')).toEqual(['reason_text_required']);
  });

  it('rejects granting nothing, with a reason', () => {
    const rejected = (grantedAmount: number | null) =>
      lineDecisionProblems(
        decision({ outcome: 'rejected', grantedAmount, reason: 'attachment_missing' }),
        9000,
      );
    expect(rejected(null)).toEqual([]);
    expect(rejected(0)).toEqual([]);
    expect(rejected(10)[0]?.code).toBe('rejection_grants_nothing');
    expect(grantedOf('rejected', 9000, null)).toBe(0);
    expect(grantedOf('granted', 9000, null)).toBe(9000);
    expect(grantedOf('reduced', 9000, 6000)).toBe(6000);
  });

  it('has a Swedish sentence for every reason', () => {
    for (const reason of REVIEW_REASONS) expect(REVIEW_REASON_SV[reason].length).toBeGreaterThan(5);
  });
});

describe('the decision text, a legal document in Swedish', () => {
  const facts = {
    municipalityName: 'Malmö',
    reference: 'AB12CD34',
    version: 1,
    quarters: ['2025-Q1', '2025-Q2'],
    submittedOn: '2025-08-15',
    decidedOn: '2025-10-01',
    officerName: 'Eva Ström',
    lines: [
      {
        childName: 'Ali Karimi',
        dossierNumber: '20000112',
        code: 'ANKOMST_DYGN',
        quarter: '2025-Q1',
        count: 3,
        claimed: 9000,
        outcome: 'reduced' as const,
        granted: 6000,
        reason: 'arrival_after_take_over' as const,
        reasonText: null,
      },
      {
        childName: 'Sara Ahmadi',
        dossierNumber: '20000116',
        code: 'LVU_TILLAGG',
        quarter: '2025-Q2',
        count: 1,
        claimed: 3000,
        outcome: 'rejected' as const,
        granted: 0,
        reason: 'other' as const,
        reasonText: 'Placeringen var inte enligt LVU dessa dagar.',
      },
      {
        childName: 'Omar Said',
        dossierNumber: '20000120',
        code: 'ANKOMST_DYGN',
        quarter: '2025-Q2',
        count: 10,
        claimed: 30000,
        outcome: 'granted' as const,
        granted: 30000,
        reason: null,
        reasonText: null,
      },
    ],
  };

  it('names the claim, the quarters, each line with outcome, amount and reason, the provision, the date and officer', () => {
    expect(claimDecisionText(facts)).toEqual([
      'Beslut om statlig ersättning till Malmö. Ansökan AB12CD34, version 1, gäller kvartalen 2025-Q1 och 2025-Q2 och kom in till Migrationsverket 2025-08-15.',
      'Migrationsverket beviljar 36 000 kr av sökta 42 000 kr och avslår ansökan i övrigt.',
      'Beslutet per rad:',
      'Ali Karimi (20000112), ankomstdygn, 2025-Q1, 3 dygn: Beviljas delvis 6 000 kr av sökta 9 000 kr. Skäl: Ersättning för ankomstdygn lämnas bara till och med dagen före den dag den anvisade kommunen tar över ansvaret.',
      'Sara Ahmadi (20000116), kostnad för vård enligt LVU utöver schablonen, 2025-Q2, 1 dygn: Avslås. Sökt belopp 3 000 kr. Skäl: Placeringen var inte enligt LVU dessa dagar.',
      'Omar Said (20000120), ankomstdygn, 2025-Q2, 10 dygn: Beviljas 30 000 kr.',
      'Enligt 19 § förordningen (2017:193) om statlig ersättning för asylsökande m.fl. ska en ansökan om ersättning ha kommit in till Migrationsverket inom sex månader från utgången av det första kvartal som ansökan gäller. Beslutet är fattat med stöd av förordningen (2017:193) om statlig ersättning för asylsökande m.fl.',
      'Beslutsdatum: 2025-10-01. Beslutet är fattat av Eva Ström, Migrationsverket.',
    ]);
  });

  it('counts education in four-week periods and bases SFV costs on förordningen (2010:1122)', () => {
    const school = {
      ...facts.lines[2]!,
      code: 'UTBILDNING',
      count: 2,
      claimed: 20_960,
      granted: 20_960,
    };
    const sfv = {
      ...facts.lines[2]!,
      code: 'SFV_KOSTNAD',
      count: 91,
      claimed: 45_000,
      outcome: 'reduced' as const,
      granted: 40_000,
      reason: 'cost_not_reasonable' as const,
    };
    const both = claimDecisionText({ ...facts, lines: [school, sfv] });
    expect(both[3]).toBe(
      'Omar Said (20000120), utbildning för asylsökande barn, 2025-Q2, 2 fyraveckorsperioder: Beviljas 20 960 kr.',
    );
    expect(both[4]).toBe(
      'Omar Said (20000120), kostnad för barn hos särskilt förordnad vårdnadshavare, 2025-Q2, 91 dygn: Beviljas delvis 40 000 kr av sökta 45 000 kr. Skäl: Kostnaden är inte skälig eller saknar direkt samband med barnets boende och omvårdnad hos den särskilt förordnade vårdnadshavaren.',
    );
    expect(both[5]).toBe(
      'Enligt 19 § förordningen (2017:193) om statlig ersättning för asylsökande m.fl. ska en ansökan om ersättning ha kommit in till Migrationsverket inom sex månader från utgången av det första kvartal som ansökan gäller. Beslutet är fattat med stöd av förordningen (2017:193) om statlig ersättning för asylsökande m.fl. och, för kostnaderna för barn hos särskilt förordnad vårdnadshavare, förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar.',
    );
    const sfvOnly = claimDecisionText({ ...facts, lines: [sfv] });
    expect(sfvOnly[4]).toBe(
      'En ansökan om ersättning ska ha kommit in till Migrationsverket inom sex månader från utgången av det första kvartal som ansökan gäller. Beslutet är fattat med stöd av förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar.',
    );
    expect(claimDecisionText({ ...facts, lines: [{ ...school, count: 1 }] })[3]).toContain(
      '1 fyraveckorsperiod:',
    );
  });

  it('names a child with a protected identity by dossier number only, never by name', () => {
    const text = claimDecisionText({ ...facts, lines: [{ ...facts.lines[2]!, childName: null }] });
    expect(text[3]).toBe(
      'Barn med skyddad identitet (20000120), ankomstdygn, 2025-Q2, 10 dygn: Beviljas 30 000 kr.',
    );
  });

  it('says a whole grant and a whole refusal in one sentence', () => {
    const one = (outcome: 'granted' | 'rejected') => ({
      ...facts,
      quarters: ['2025-Q1'],
      lines: [
        {
          ...facts.lines[2]!,
          outcome,
          granted: outcome === 'granted' ? 30000 : 0,
          reason: outcome === 'granted' ? null : ('deadline_passed' as const),
        },
      ],
    });
    expect(claimDecisionText(one('granted'))[0]).toContain('gäller kvartalet 2025-Q1 och kom in');
    expect(claimDecisionText(one('granted'))[1]).toBe('Migrationsverket beviljar ansökan med 30 000 kr.');
    expect(claimDecisionText(one('rejected'))[1]).toBe('Migrationsverket avslår ansökan om 30 000 kr.');
    expect(claimDecisionText(one('rejected'))[3]).toContain(
      'Avslås. Sökt belopp 30 000 kr. Skäl: Ansökan om raden kom in efter sista dag för ansökan.',
    );
  });
});
