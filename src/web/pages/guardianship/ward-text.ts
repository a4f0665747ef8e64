/** The god man's ward in words: where the child lives and goes to school, with the API's codes named. */
import type { Ward } from '../../api/guardianship-types.ts';
import { isMessageKey, type Translate } from '../../i18n.ts';

/** A code (placement form, school programme) in the user's words; an unknown code is shown as it is. */
function codeText(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** Where the ward lives: the provider, the placement form in words and the date. */
export function wardPlacementText(t: Translate, placement: Ward['placement']): string {
  if (placement === null) return t('guardianship.wards.noPlacement');
  return t('guardianship.wards.placementValue', {
    provider: placement.provider,
    form: codeText(t, 'placement.form', placement.form),
    date: placement.from,
  });
}

/** The ward's school: the school, the programme in words, and the first school day or the enrolment. */
export function wardSchoolText(t: Translate, school: Ward['school']): string {
  if (school === null) return t('guardianship.wards.noSchool');
  const programme = codeText(t, 'school.programme', school.programme);
  return school.startedOn !== null
    ? t('guardianship.wards.schoolStarted', { school: school.school, programme, date: school.startedOn })
    : t('guardianship.wards.schoolEnrolled', { school: school.school, programme, date: school.enrolledOn });
}
