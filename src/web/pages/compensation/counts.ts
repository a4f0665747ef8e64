/**
 * What a compensation line counts, in words, wherever a line is shown: children for the one-off anvisning and the
 * variable annual compensation, four-week periods for education, days for the rest; and an actual cost (SFV), whose
 * amount the municipality states in its claim, shown as such while it has none.
 */
import { useI18n } from '../../language.tsx';

export function useCountLabel() {
  const { tn, number } = useI18n();
  return (code: string, count: number): string => {
    if (code === 'ANVISNING_ENGANG' || code === 'RORLIG_AR' || code === 'FAST_AR') return number(count);
    if (code === 'UTBILDNING') return tn('compensation.periods', count);
    return tn('compensation.days', count);
  };
}

/** A line's amount: kronor, or for an actual cost not yet stated "stated in the claim". */
export function useAmountLabel() {
  const { t, number } = useI18n();
  return (code: string, amount: number): string =>
    code === 'SFV_KOSTNAD' && amount === 0
      ? t('compensation.statedInClaim')
      : t('compensation.kr', { amount: number(amount) });
}
