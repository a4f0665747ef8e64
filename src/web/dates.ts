/** Today's date in Sweden (YYYY-MM-DD), for form defaults and the "not in the future" check. */
import { stockholmDate } from '../domain/time.ts';

export function todayInSweden(): string {
  return stockholmDate(new Date());
}
