/**
 * Labels of the case's machines, states and events, and of deadlines' time left. A state or event added to a machine
 * later shows its code until it has a text (never an error).
 */
import { isMessageKey, type Translate } from '../../i18n.ts';

function label(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export const machineLabel = (t: Translate, machine: string) => label(t, `worklist.machine.${machine}`, machine);
export const stateLabel = (t: Translate, machine: string, state: string) => label(t, `worklist.state.${machine}.${state}`, state);
export const eventLabel = (t: Translate, machine: string, event: string) => label(t, `worklist.event.${machine}.${event}`, event);
export const notificationLabel = (t: Translate, kind: string) => label(t, `worklist.notification.${kind}`, kind);
export const fieldLabel = (t: Translate, field: string) => label(t, `worklist.field.${field}`, field);
export const roleLabel = (t: Translate, role: string) => label(t, `role.${role}`, role);

/** "3 arbetsdagar kvar", "Försenad 2 dagar", "Förfaller i dag". */
export function timeLeftText(t: Translate, row: { readonly daysLeft: number; readonly countsWorkingDays: boolean; readonly overdue: boolean }): string {
  const days = Math.abs(row.daysLeft);
  if (row.overdue) {
    const late = Math.max(days, 1);
    if (late === 1) return t(row.countsWorkingDays ? 'worklist.overdueByOneWorking' : 'worklist.overdueByOne');
    return t(row.countsWorkingDays ? 'worklist.overdueByWorking' : 'worklist.overdueBy', { days: late });
  }
  if (row.daysLeft === 0) return t('worklist.dueToday');
  if (days === 1) return t(row.countsWorkingDays ? 'worklist.oneWorkingDayLeft' : 'worklist.oneDayLeft');
  return t(row.countsWorkingDays ? 'worklist.workingDaysLeft' : 'worklist.daysLeft', { days });
}
