/** Texts for the codes of the asylum and age case; an unknown code is shown as it is rather than breaking the page. */
import { isMessageKey, type Translate } from '../../i18n.ts';
import { roleText } from '../../components/labels.ts';

function coded(t: Translate, prefix: string, code: string | null): string {
  if (code === null) return t('asylum.none');
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export const asylumStateText = (t: Translate, state: string) => coded(t, 'asylum.state', state);
export const ageStateText = (t: Translate, state: string) => coded(t, 'age.state', state);
export const decisionText = (t: Translate, decision: string | null) => coded(t, 'asylum.decision', decision);
export const eventText = (t: Translate, machine: 'asylum' | 'age', event: string) =>
  coded(t, `${machine}.event`, event);
export const ageKindText = (t: Translate, kind: string) => coded(t, 'age.kind', kind);
export const actorText = (t: Translate, role: string | null) =>
  role === 'system' ? t('asylum.system') : roleText(t, role);
