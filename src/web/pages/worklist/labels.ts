/**
 * Labels of the case's machines, states and events, of deadlines and their time left. A state or event added to a
 * machine later shows its code until it has a text (never an error); a deadline never shows its rule id.
 */
import { isMessageKey, type Translate, type TranslateCount } from '../../i18n.ts';

function label(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export const machineLabel = (t: Translate, machine: string) =>
  label(t, `worklist.machine.${machine}`, machine);
export const stateLabel = (t: Translate, machine: string, state: string) =>
  label(t, `worklist.state.${machine}.${state}`, state);
export const eventLabel = (t: Translate, machine: string, event: string) =>
  label(t, `worklist.event.${machine}.${event}`, event);
export const notificationLabel = (t: Translate, kind: string) =>
  label(t, `worklist.notification.${kind}`, kind);
export const fieldLabel = (t: Translate, field: string) => label(t, `worklist.field.${field}`, field);
export const roleLabel = (t: Translate, role: string) => label(t, `role.${role}`, role);

/** "3 arbetsdagar kvar", "1 dag kvar", "Försenad 2 dagar", "Förfaller i dag". */
export function timeLeftText(
  t: Translate,
  tn: TranslateCount,
  row: { readonly daysLeft: number; readonly countsWorkingDays: boolean; readonly overdue: boolean },
): string {
  const days = Math.abs(row.daysLeft);
  if (row.overdue)
    return tn(row.countsWorkingDays ? 'worklist.overdueByWorking' : 'worklist.overdueBy', Math.max(days, 1));
  if (row.daysLeft === 0) return t('worklist.dueToday');
  return tn(row.countsWorkingDays ? 'worklist.workingDaysLeft' : 'worklist.daysLeft', days);
}

/** A deadline in plain words, never its rule id (a rule unknown to this version of the UI is just "Tidsfrist"). */
export const deadlineTitle = (t: Translate, rule: string) =>
  label(t, `worklist.deadline.${rule}`, t('worklist.deadline.unknown'));

/** Where a deadline comes from: the provision of law, or the guidance or practice behind it. */
export const deadlineSource = (t: Translate, rule: string) => label(t, `worklist.deadlineSource.${rule}`, '');

/** The code behind what a step of the social case found or decided, as a dictionary key. */
function findingKey(event: string | null, details: Readonly<Record<string, unknown>>): string | null {
  const code = (name: string) => (typeof details[name] === 'string' ? details[name] : null);
  switch (event) {
    case 'assess_protection':
      return `casework.protection.${code('outcome')}`;
    case 'open_investigation':
    case 'decide_not_to_investigate':
      return `casework.finding.${code('finding')}`;
    case 'review_care':
      return `casework.review.${code('outcome')}`;
    case 'close':
      return `casework.close.${code('reason')}`;
    default:
      return null;
  }
}

/** What a step of the social case found or decided, in words ("Nej, inget omedelbart skyddsbehov"), or null. */
export function stepFindingText(
  t: Translate,
  machine: string | null,
  event: string | null,
  details: Readonly<Record<string, unknown>>,
): string | null {
  if (machine !== 'social_case') return null;
  const key = findingKey(event, details);
  return key !== null && isMessageKey(key) ? t(key) : null;
}
