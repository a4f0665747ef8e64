/** The god man's "Mina uppdrag": where the ward lives and goes to school, in words — never the API's codes. */
import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../../../../src/web/i18n.ts';
import { wardPlacementText, wardSchoolText } from '../../../../src/web/pages/guardianship/ward-text.ts';
import '../../../support/web-messages.ts';

const sv: Translate = (key, params) => translate('sv', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('a ward on Mina uppdrag', () => {
  it('names the placement form and the school programme in the user’s language', () => {
    const placement = {
      provider: 'HVB Lindängen',
      form: 'hvb',
      municipalityCode: '1280',
      from: '2026-11-23',
    };
    expect(wardPlacementText(sv, placement)).toBe('HVB Lindängen (HVB) sedan 2026-11-23');
    expect(wardPlacementText(sv, { ...placement, provider: 'Stödboendet Kajen', form: 'stodboende' })).toBe(
      'Stödboendet Kajen (Stödboende) sedan 2026-11-23',
    );
    const school = {
      school: 'Rosengårdsskolan',
      programme: 'sprakintroduktion',
      enrolledOn: '2026-11-20',
      startedOn: null,
    };
    expect(wardSchoolText(sv, school)).toBe('Rosengårdsskolan, Språkintroduktion, inskriven 2026-11-20');
    expect(wardSchoolText(sv, { ...school, startedOn: '2026-11-23' })).toBe(
      'Rosengårdsskolan, Språkintroduktion, började 2026-11-23',
    );
    expect(wardSchoolText(en, school)).not.toContain('sprakintroduktion');
  });

  it('says when there is no placement or school, and shows an unknown code as it is', () => {
    expect(wardPlacementText(sv, null)).toBe('Ingen placering registrerad');
    expect(wardSchoolText(sv, null)).toBe('Ingen skola registrerad');
    expect(
      wardPlacementText(sv, { provider: 'X', form: 'okänd', municipalityCode: '1280', from: '2026-11-23' }),
    ).toBe('X (okänd) sedan 2026-11-23');
  });
});
