/**
 * Age as the Migration Agency records it: the birth date the child stated, the registered one (changed by a temporary
 * age decision that applies at once, and by the final one), and what a change means — a child who is 18 or older on
 * the decision date is an adult from that day (../shared/domain/reception-workflows.md §2.4, A10, A13). Pure.
 * Birthdays follow the deadline calendar: a 29 February birthday falls on 1 March in common years.
 */
import { birthday } from '../deadlines/calendar.ts';
import { ageBand, type AgeBand } from '../statistics/key-figures.ts';
import { ADULT_AGE, isAdultOn } from './minor.ts';

export { ADULT_AGE, isAdultOn };

/** The day a person born on `birthDate` turns 18. */
export function adultFrom(birthDate: string): string {
  return birthday(birthDate, ADULT_AGE);
}

/** The age band on a date (0–12, 13–15, 16–17, 18+), the same bands as the key figures. */
export function ageBandOn(birthDate: string, date: string): AgeBand {
  return ageBand(birthDate, date);
}

export interface AgeChange {
  /** The registered birth date changes. */
  readonly changed: boolean;
  /** The child is an adult on the decision date under the new birth date. */
  readonly adultOnDecision: boolean;
  /** The change makes a child who was a minor on the decision date an adult. */
  readonly makesAdult: boolean;
  /** The change makes a person registered as an adult a minor again (e.g. an appeal won). */
  readonly makesMinor: boolean;
  /**
   * When the child-specific responsibilities end because of the change: the decision date when the change makes the
   * child an adult then; the new 18th birthday when the change moved it from the future to a day already passed;
   * otherwise null (nothing changed for today, and the ordinary rules at 18 apply).
   */
  readonly endsResponsibilityOn: string | null;
}

/** What an age decision changing the registered birth date from `before` to `after` on `decidedOn` means today. */
export function ageChange(before: string, after: string, decidedOn: string, today: string): AgeChange {
  const adultOnDecision = isAdultOn(after, decidedOn);
  const wasAdult = isAdultOn(before, decidedOn);
  const makesAdult = adultOnDecision && !wasAdult;
  const eighteen = adultFrom(after);
  const birthdayPassedByChange = !adultOnDecision && eighteen <= today && adultFrom(before) > today;
  return {
    changed: before !== after,
    adultOnDecision,
    makesAdult,
    makesMinor: !adultOnDecision && wasAdult,
    endsResponsibilityOn: makesAdult ? decidedOn : birthdayPassedByChange ? eighteen : null,
  };
}
