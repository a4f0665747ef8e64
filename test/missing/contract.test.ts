/** The prevention profile's request bodies: every field refused with its name and the reason, in Swedish. */
import { describe, expect, it } from 'vitest';
import { ObservationBody, PhotoBody, ProfileBody } from '../../src/missing/contract.ts';

const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('a profile', () => {
  it('may be empty: every field has its default, text fields left blank are stored as nothing', () => {
    expect(ProfileBody.parse({ description: { hair: '  ' } })).toEqual({
      description: {
        heightCm: null,
        build: null,
        hair: null,
        eyes: null,
        distinguishingMarks: null,
        languages: [],
      },
      phones: [],
      socialMedia: [],
      contacts: [],
      places: [],
      previousEpisodes: null,
      medicalNeeds: null,
    });
  });

  it.each([
    [{ description: { heightCm: 30 } }, 'description.heightCm', 'Längd: minst 50 cm'],
    [{ description: { heightCm: 172.5 } }, 'description.heightCm', 'Längd: ange hela centimeter'],
    [{ description: { heightCm: 'lång' } }, 'description.heightCm', 'Längd: ange hela centimeter'],
    [{ description: { hair: 'x'.repeat(61) } }, 'description.hair', 'Hår: högst 60 tecken'],
    [{ description: { build: 'smal\nlång' } }, 'description.build', 'control_character'],
    [{ description: { languages: ['dari', ''] } }, 'description.languages.1', 'Språk: fyll i fältet'],
    [{ phones: ['ring mig'] }, 'phones.0', 'Telefonnummer: ange 6–15 siffror, till exempel 070-174 06 05'],
    [{ phones: Array(6).fill('0701740605') }, 'phones', 'Telefonnummer: högst 5'],
    [
      { socialMedia: [{ platform: 'Instagram', handle: '' }] },
      'socialMedia.0.handle',
      'Sociala medier, konto: fyll i fältet',
    ],
    [
      { contacts: [{ name: 'Ahmad', relation: '' }] },
      'contacts.0.relation',
      'Kontakt, relation: fyll i fältet',
    ],
    [
      { contacts: [{ name: 'Ahmad', relation: 'kusin', phone: '12' }] },
      'contacts.0.phone',
      'Kontakt, telefon: ange 6–15 siffror, till exempel 070-174 06 05',
    ],
    [{ places: ['x'.repeat(201)] }, 'places.0', 'Kända platser: högst 200 tecken'],
    [{ previousEpisodes: 'x'.repeat(2001) }, 'previousEpisodes', 'Tidigare avvikelser: högst 2000 tecken'],
    [
      { medicalNeeds: 'x'.repeat(501) },
      'medicalNeeds',
      'Medicinska behov: högst 500 tecken, bara det som behövs vid en eftersökning',
    ],
  ])('refuses %j at %s: %s', (body, field, message) => {
    expect(problems(ProfileBody.safeParse(body))).toEqual([[field, message]]);
  });

  it('refuses a field it does not know (a diagnosis has no field to go in)', () => {
    expect(ProfileBody.safeParse({ diagnosis: 'PTSD' }).success).toBe(false);
  });
});

describe('a photo and an observation', () => {
  it('name the date field and the reason', () => {
    expect(
      problems(PhotoBody.safeParse({ mediaType: 'image/png', contentBase64: 'AAAA', takenOn: '2026-02-30' })),
    ).toEqual([['takenOn', 'Fotots datum: ange ett riktigt datum som ÅÅÅÅ-MM-DD']]);
    expect(
      problems(PhotoBody.safeParse({ mediaType: 'image/gif', contentBase64: 'AAAA', takenOn: '2026-02-03' })),
    ).toEqual([['mediaType', 'Fotot: bara JPEG- eller PNG-bilder tas emot']]);
    expect(
      problems(ObservationBody.safeParse({ indicator: 'often_disappears', observedOn: '2026-11-01' })),
    ).toEqual([['observed', 'Iakttagen: ange ja eller nej']]);
    expect(
      problems(
        ObservationBody.safeParse({
          indicator: 'often_disappears',
          observed: true,
          observedOn: '2026-11-01',
          note: 'x'.repeat(501),
        }),
      ),
    ).toEqual([['note', 'Anteckning: högst 500 tecken']]);
  });
});
