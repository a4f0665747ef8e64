/**
 * Labels for codes that arrive as plain strings (roles and event kinds in audit rows). The lists grow as the
 * domain grows; an unknown code is shown as it is rather than breaking the page, and i18n.test.ts checks that
 * every known code has a label in both languages.
 */
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { isMessageKey, type Translate } from '../i18n.ts';

export function roleText(t: Translate, role: string | null): string {
  if (role === null) return '–';
  return (ROLES as readonly string[]).includes(role) ? t(`role.${role as Role}`) : role;
}

export function kindText(t: Translate, kind: string): string {
  const key = `kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
