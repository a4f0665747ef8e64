import { describe, expect, it } from 'vitest';
import type { Figures, Proposal } from '../../api/allocation-types.ts';
import type { ChildSummary } from '../../api/types.ts';
import { figuresSentence, reasonsOf, suggestedConsiderations } from './decision-text.ts';

const malmo: Figures = {
  code: '1280',
  name: 'Malmö',
  share: 35,
  received: 9,
  quota: '3.759',
  deficit: '-5.241',
};
const eskilstuna: Figures = {
  code: '0484',
  name: 'Eskilstuna',
  share: 10,
  received: 1,
  quota: '1.080',
  deficit: '0.080',
};
const names = (code: string) => ({ '1280': 'Malmö', '0484': 'Eskilstuna' })[code] ?? code;

function child(dossierNumber: string, firstName: string): ChildSummary {
  return {
    id: dossierNumber,
    dossierNumber,
    identityMasked: false,
    firstName,
    lastName: 'Ahmadi',
    birthDate: '2012-01-01',
    gender: 'male',
    responsibleMunicipality: null,
    view: 'basic',
    basis: 'migration_agency',
  };
}

function proposal(overrides: Partial<Proposal>): Proposal {
  return {
    kind: 'utjamnande',
    basis: 'rule',
    rule: 'quota',
    ruleVersion: 'anvisning-rule/1',
    municipality: eskilstuna,
    nextInTurn: [],
    group: [child('41000001', 'Samir')],
    relativeAssessments: [],
    ...overrides,
  };
}

describe('the wording of an anvisningsbeslut', () => {
  it('states the figures in Swedish, with the distance to the quota in the right direction', () => {
    expect(figuresSentence(eskilstuna)).toBe(
      'Eskilstuna har andelen 10 promille och hade tagit emot 1 barn mot en exakt kvot på 1,080 barn (0,080 barn under kvoten).',
    );
    expect(figuresSentence(malmo)).toContain('(5,241 barn över kvoten)');
  });

  it('gives a relative as the reason for an anknytning, and the figures after it', () => {
    const reasons = reasonsOf(
      'anknytning',
      {
        kind: 'anknytning',
        basis: 'relative',
        municipality: malmo,
        relatives: [{ municipalityCode: '1280', relation: 'morbror', outcome: 'suitable' }],
      },
      null,
      names,
    );
    expect(reasons[0]).toBe(
      'Barnet har anknytning till kommunen genom en anhörig: morbror i Malmö (bedömd som lämplig av socialtjänsten).',
    );
    expect(reasons[1]).toContain('Malmö har andelen 35 promille');
  });

  it("records a deviation's reason and the municipality it departs from", () => {
    const reasons = reasonsOf(
      'deviation',
      { kind: 'utjamnande', basis: 'rule', municipality: eskilstuna, relatives: [] },
      'Kommunen har meddelat att den kan möta barnets vårdbehov.',
      names,
    );
    expect(reasons.at(-1)).toBe(
      'Beslutet avviker från förslaget (Eskilstuna). Skäl: Kommunen har meddelat att den kan möta barnets vårdbehov.',
    );
  });
});

describe('the considerations suggested on the decision page', () => {
  it('says that no relative or sibling is known when none was registered', () => {
    expect(suggestedConsiderations(proposal({}), names)).toEqual({
      relatives: 'Barnet har inte uppgett någon anhörig i Sverige.',
      siblings: 'Inga syskon är registrerade.',
      specialNeeds: '',
      childsWishes: '',
    });
  });

  it("names the siblings decided together, the relative's assessment and what was said at arrival", () => {
    const suggested = suggestedConsiderations(
      proposal({
        kind: 'anknytning',
        basis: 'relative',
        municipality: malmo,
        group: [child('41000001', 'Samir'), child('41000002', 'Laila')],
        relativeAssessments: [
          {
            municipalityCode: '1280',
            relation: 'morbror',
            dueOn: '2026-11-26',
            outcome: null,
            outcomeNote: null,
            assessedBy: null,
            assessedAt: null,
          },
        ],
        intake: [
          { childId: '41000001', specialNeeds: 'Behöver traumabehandling.', wishes: 'Vill bo hos morbror.' },
          { childId: '41000002', specialNeeds: null, wishes: null },
        ],
      }),
      names,
    );
    expect(suggested.relatives).toBe('Anhörig: morbror i Malmö (ännu inte bedömd av socialtjänsten).');
    expect(suggested.siblings).toBe(
      'Syskonen anvisas tillsammans: Samir Ahmadi (aktnummer 41000001), Laila Ahmadi (aktnummer 41000002).',
    );
    expect(suggested.specialNeeds).toBe('Behöver traumabehandling.');
    expect(suggested.childsWishes).toBe('Vill bo hos morbror.');
  });
});
