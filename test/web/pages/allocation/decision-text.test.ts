import { describe, expect, it } from 'vitest';
import type {
  DecisionBasis,
  DecisionKind,
  Figures,
  Proposal,
  Rule,
} from '../../../../src/web/api/allocation-types.ts';
import type { ChildSummary } from '../../../../src/web/api/types.ts';
import {
  decisionReasons,
  figuresSentence,
  suggestedConsiderations,
  type ReasonsInput,
} from '../../../../src/web/pages/allocation/decision-text.ts';

const OFFICIAL: Readonly<Record<string, string>> = {
  '0180': 'Stockholms kommun',
  '1280': 'Malmö kommun',
  '1281': 'Lunds kommun',
  '2480': 'Umeå kommun',
  '0484': 'Eskilstuna kommun',
  '1440': 'Ale kommun',
};
const name = (code: string) => OFFICIAL[code] ?? `okänd ${code}`;

/** Figures as the API sends them (three-decimal strings); `name` is the short name, which the text must not use. */
const figures = (code: string, share: number, received: number, quota: string, deficit: string): Figures => ({
  code,
  name: code,
  share,
  received,
  quota,
  deficit,
});
// Stockholm a little over its quota, Umeå under it, Ale exactly on it, Lund far over it.
const stockholm = figures('0180', 96, 10, '9.958', '-0.042');
const umea = figures('2480', 13, 2, '2.080', '0.080');
const ale = figures('1440', 3, 1, '1.000', '0.000');
const lund = figures('1281', 12, 5, '1.964', '-3.036');
const SIGNS = { over: stockholm, under: umea, on: ale } as const;
const STANDING = {
  over: '0,042 barn över kvoten',
  under: '0,080 barn under kvoten',
  on: 'precis på kvoten',
} as const;

function basis(over: Partial<DecisionBasis> & Pick<DecisionBasis, 'municipality'>): DecisionBasis {
  return {
    kind: 'utjamnande',
    basis: 'rule',
    decided: over.municipality,
    relatives: [],
    groupSize: 1,
    quotaTolerance: '0.998',
    verified: true,
    ...over,
  };
}

function reasons(over: Partial<ReasonsInput> & Pick<ReasonsInput, 'basis'>): string[] {
  return decisionReasons(
    {
      kind: 'utjamnande',
      rule: 'quota',
      decidedCode: over.basis?.decided.code ?? '0180',
      childCount: 1,
      reason: null,
      superseded: null,
      ...over,
    },
    name,
  );
}

/** What every printed decision must hold, whatever its kind, rule and figures. */
function expectSound(text: readonly string[]): void {
  for (const sentence of text) {
    // Never an unnamed "Kommunen …" that a reader could take for another municipality.
    expect(sentence).not.toMatch(/^Kommunen\b/);
    // The quota rule does not pick the largest deficit: the reasons must never say it does.
    expect(sentence).not.toMatch(/längst efter/);
    // Formal names only, never a short name with a suffix glued on.
    expect(sentence).not.toMatch(/\b\d{4}\b kommun|okänd/);
  }
}

describe('the reasons of a decision under the quota rule', () => {
  it.each(Object.entries(SIGNS))(
    'state the rule actually applied, for a municipality %s its quota',
    (sign, f) => {
      const text = reasons({ basis: basis({ municipality: f }) });
      expectSound(text);
      expect(text[0]).toMatch(new RegExp(`^${name(f.code)} står först i tur enligt kvotregeln\\.`));
      expect(text[0]).toContain('högst 0,998 barn över sin exakta kvot');
      expect(text[1]).toBe(figuresSentence(f, name));
      expect(text[1]).toContain(`det vill säga ${STANDING[sign as keyof typeof STANDING]}.`);
    },
  );

  it('gives the figures with the child counted, within the bound the rule keeps (the case the issue reported)', () => {
    const text = reasons({ basis: basis({ municipality: stockholm }) });
    expect(text).toEqual([
      'Stockholms kommun står först i tur enligt kvotregeln. Regeln håller varje kommuns mottagande nära dess exakta ' +
        'kvot, som är summan av kommunens andel vid varje anvisning hittills: bland de kommuner som kan ta emot ett barn ' +
        'till och ändå ligga högst 0,998 barn över sin exakta kvot står den kommun först i tur som annars först skulle ' +
        'komma att ligga mer än 0,998 barn efter sin kvot.',
      'Stockholms kommun hade före beslutet andelen 96 promille och hade tagit emot 10 barn mot en exakt kvot på 9,958 ' +
        'barn, det vill säga 0,042 barn över kvoten.',
      'Med barnet har Stockholms kommun tagit emot 11 barn mot en exakt kvot på 10,054 barn (0,946 barn över kvoten, ' +
        'inom regelns gräns på 0,998 barn).',
    ]);
  });

  it('counts every child of a sibling group in the figures after the decision', () => {
    const text = reasons({ childCount: 2, basis: basis({ municipality: umea, groupSize: 2 }) });
    expect(text.at(-1)).toBe(
      'Med de 2 barnen har Umeå kommun tagit emot 4 barn mot en exakt kvot på 2,106 barn (1,894 barn över kvoten).',
    );
  });
});

describe('the reasons of a decision under the lowest-attainment rule', () => {
  it.each(Object.entries(SIGNS))(
    'name that rule and the attainment, for a municipality %s its quota',
    (_sign, f) => {
      const text = reasons({
        rule: 'lowest-attainment',
        basis: basis({ municipality: f, quotaTolerance: null }),
      });
      expectSound(text);
      expect(text[0]).toMatch(
        new RegExp(`^${name(f.code)} står först i tur enligt regeln om lägsta måluppfyllelse:`),
      );
      expect(text.join(' ')).not.toContain('kvotregeln');
      expect(text[1]).toBe(figuresSentence(f, name));
    },
  );

  it('gives the attainment received / (quota with the children counted)', () => {
    const text = reasons({
      rule: 'lowest-attainment',
      basis: basis({ municipality: umea, quotaTolerance: null }),
    });
    expect(text.at(-1)).toBe('Måluppfyllelsen var 2 av 2,093 barn, 95,6 procent.');
  });
});

describe('the reasons of an anknytning', () => {
  const relative = (f: Figures) =>
    basis({
      kind: 'anknytning',
      basis: 'relative',
      municipality: f,
      relatives: [{ municipalityCode: f.code, relation: 'morbror', outcome: 'suitable' }],
    });

  it.each(Object.entries(SIGNS))(
    "give the relative's municipality and say its figures did not decide (%s its quota)",
    (_sign, f) => {
      const text = reasons({ kind: 'anknytning', basis: relative(f) });
      expectSound(text);
      expect(text[0]).toBe(
        `Barnet har anknytning till ${name(f.code)} genom en anhörig: morbror i ${name(f.code)} (bedömd som lämplig av ` +
          'socialtjänsten). Barn med anhöriga i Sverige anvisas till den anhöriges kommun.',
      );
      expect(text[1]).toBe(figuresSentence(f, name));
      expect(text[2]).toBe('En anknytningsanvisning görs oavsett hur kommunen ligger till mot sin kvot.');
      expect(text.join(' ')).not.toContain('står först i tur');
    },
  );

  it.each(Object.entries(SIGNS))("give the sibling's municipality (%s its quota)", (_sign, f) => {
    const text = reasons({
      kind: 'anknytning',
      basis: basis({ kind: 'anknytning', basis: 'sibling', municipality: f }),
    });
    expectSound(text);
    expect(text[0]).toBe(
      `Ett syskon till barnet har tidigare anvisats till ${name(f.code)}. Syskon anvisas till samma kommun.`,
    );
    expect(text.join(' ')).not.toContain('står först i tur');
  });
});

describe('the reasons of a deviation', () => {
  const cases: [string, Rule, DecisionBasis][] = [
    ['the quota rule', 'quota', basis({ municipality: umea, decided: lund })],
    [
      'the lowest-attainment rule',
      'lowest-attainment',
      basis({ municipality: umea, decided: lund, quotaTolerance: null }),
    ],
    [
      "a relative's municipality",
      'quota',
      basis({
        kind: 'anknytning',
        basis: 'relative',
        municipality: umea,
        decided: lund,
        relatives: [{ municipalityCode: '2480', relation: 'faster', outcome: null }],
      }),
    ],
    [
      "a sibling's municipality",
      'quota',
      basis({ kind: 'anknytning', basis: 'sibling', municipality: umea, decided: lund }),
    ],
  ];

  it.each(cases)(
    'from a proposal by %s names the municipality decided and the one proposed, each with its own figures',
    (_label, rule, b) => {
      const text = reasons({
        kind: 'deviation',
        rule,
        decidedCode: '1281',
        basis: b,
        reason: 'Barnet behöver vård som finns i Lund.',
      });
      expectSound(text);
      expect(text[0]).toBe(
        'Migrationsverket anvisar Lunds kommun i stället för den föreslagna kommunen Umeå kommun.',
      );
      expect(text[1]).toBe('Skäl för att avvika från förslaget: Barnet behöver vård som finns i Lund.');
      expect(text[2]).toBe('Förslaget var att anvisa Umeå kommun.');
      expect(text).toContain(figuresSentence(umea, name));
      expect(text).toContain(figuresSentence(lund, name));
      expect(text.at(-1)).toBe('I fördelningen mellan kommunerna räknas barnet till Lunds kommun.');
      // Whatever the proposal said about Umeå is said of Umeå by name, never of the decided municipality.
      for (const sentence of text.filter((s) => s.includes('står först i tur')))
        expect(sentence).toMatch(/^Umeå kommun står först i tur/);
    },
  );
});

describe('the reasons of a correction and of figures that cannot be reproduced', () => {
  it('name the superseded decision and both municipalities', () => {
    const text = reasons({
      kind: 'correction',
      decidedCode: '1280',
      childCount: 2,
      basis: null,
      reason: 'Fel kommun valdes av misstag.',
      superseded: { seq: 41, municipalityCode: '1281', decidedOn: '2026-11-20' },
    });
    expectSound(text);
    expect(text).toEqual([
      'Beslutet rättar beslut nr 41 den 2026-11-20 om anvisning till Lunds kommun.',
      'Barnen anvisas i stället till Malmö kommun. Fördelningen räknar om barnen till den nya kommunen; kommunernas exakta kvoter ändras inte.',
      'Skäl för rättelsen: Fel kommun valdes av misstag.',
    ]);
  });

  it.each<[DecisionKind, Rule]>([
    ['utjamnande', 'quota'],
    ['deviation', 'lowest-attainment'],
  ])('print no figures for a %s (%s) whose recomputed state does not match the stored one', (kind, rule) => {
    const text = reasons({
      kind,
      rule,
      decidedCode: '1281',
      reason: 'Skäl.',
      basis: basis({ municipality: umea, decided: lund, verified: false }),
    });
    expectSound(text);
    expect(text.join(' ')).not.toMatch(/promille|exakt kvot på/);
    expect(text).toContain(
      'Siffrorna som beslutet fattades på kan inte återskapas ur den registrerade fördelningshistoriken och återges därför inte.',
    );
  });
});

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
    municipality: umea,
    nextInTurn: [],
    group: [child('41000001', 'Samir')],
    intake: [],
    relativeAssessments: [],
    ...overrides,
  };
}

describe('the considerations suggested on the decision page', () => {
  it('says that no relative or sibling is known when none was registered', () => {
    expect(suggestedConsiderations(proposal({}), name)).toEqual({
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
        municipality: figures('1280', 35, 9, '3.759', '-5.241'),
        group: [child('41000001', 'Samir'), child('41000002', 'Laila')],
        relativeAssessments: [
          {
            municipalityCode: '1280',
            relation: 'morbror',
            relative: null,
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
      name,
    );
    expect(suggested.relatives).toBe('Anhörig: morbror i Malmö kommun (ännu inte bedömd av socialtjänsten).');
    expect(suggested.siblings).toBe(
      'Syskonen anvisas tillsammans: Samir Ahmadi (aktnummer 41000001), Laila Ahmadi (aktnummer 41000002).',
    );
    expect(suggested.specialNeeds).toBe('Behöver traumabehandling.');
    expect(suggested.childsWishes).toBe('Vill bo hos morbror.');
  });
});
