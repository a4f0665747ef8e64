/**
 * A stated relative's contact details (name, address, phone), recorded at registration so that the municipality asked
 * to assess the relative can reach them within the three days. They say where a child may come to live, so they are
 * shown to that municipality while its assessment is open and to the Migration Agency's allocation officers who
 * registered them — nowhere else. With a protected identity the relative's address could lead to the child: then
 * only to those cleared for the child's identity (a cleared social worker of the assessing municipality, the child's
 * own case officers at the Agency). Pure; the form and the API share the checks.
 */
import type { Actor } from '../access/child-scope.ts';
import { MUNICIPAL_CASE_ROLES } from '../access/roles.ts';

/** Control characters have no place in a name, an address or a phone number (and PostgreSQL refuses NUL). */
export function hasControlCharacters(value: string): boolean {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A phone number as people write it: an optional leading +, digits with spaces, hyphens or brackets between them, 6 to
 * 15 digits in all (E.164 allows at most 15).
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[(0-9][0-9 ()-]*[0-9]$/.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, '').length;
  return digits >= 6 && digits <= 15;
}

export interface RelativeContactTask {
  /** The municipality asked to assess the relative. */
  readonly municipalityCode: string;
  /** No outcome recorded yet. */
  readonly open: boolean;
}

export interface RelativeContactChild {
  readonly protectedIdentity: boolean;
  readonly caseOfficerUserIds: readonly string[];
}

export function relativeContactVisible(
  actor: Actor,
  task: RelativeContactTask,
  child: RelativeContactChild,
): boolean {
  if (MUNICIPAL_CASE_ROLES.includes(actor.role)) {
    if (
      actor.organisationType !== 'municipality' ||
      !task.open ||
      !actor.municipalityCodes.includes(task.municipalityCode)
    )
      return false;
    return !child.protectedIdentity || actor.protectedIdentityClearance;
  }
  if (actor.role === 'allocation_officer' && actor.organisationType === 'migration_agency') {
    return !child.protectedIdentity || child.caseOfficerUserIds.includes(actor.userId);
  }
  return false;
}
