/**
 * Who is told about the asylum and age case. A decision goes to the responsible municipality's social services (a
 * permit means they must apply for a special custodian or record why not; a refusal or an age decision changes the
 * plan); an age decision also to its guardianship authority. A booked interview is a coming meeting for the child's
 * god man and assigned social workers. Details carry codes and dates only.
 */
import { MUNICIPAL_CASE_ROLES } from '../domain/access/roles.ts';
import { currentResponsibleMunicipality, isActiveOn, type ChildFacts } from '../domain/access/child-scope.ts';
import { assignedWorkers } from '../case/relation.ts';
import type { Caller } from '../case/caller.ts';
import {
  notifyMunicipality,
  notifyUsers,
  type NotificationDetails,
  type NotificationKind,
} from '../notifications/notify.ts';

async function toSocialServices(
  caller: Caller,
  facts: ChildFacts,
  kind: NotificationKind,
  details: NotificationDetails,
  alsoGuardianship: boolean,
) {
  const code = currentResponsibleMunicipality(facts, caller.today);
  if (code === null) return 0;
  const notification = { kind, childId: facts.childId, details };
  let told = await notifyMunicipality(
    caller.db,
    'social_services',
    code,
    MUNICIPAL_CASE_ROLES,
    notification,
    caller.now,
  );
  if (alsoGuardianship)
    told += await notifyMunicipality(
      caller.db,
      'guardianship',
      code,
      ['guardianship_officer'],
      notification,
      caller.now,
    );
  return told;
}

export async function notifyAsylumDecision(
  caller: Caller,
  facts: ChildFacts,
  details: NotificationDetails,
): Promise<number> {
  return toSocialServices(caller, facts, 'asylum_decision', details, false);
}

export async function notifyAgeDecision(
  caller: Caller,
  facts: ChildFacts,
  details: NotificationDetails,
): Promise<number> {
  return toSocialServices(caller, facts, 'age_decision', details, true);
}

/** A booked interview: the god man (or special custodian) and the assigned social workers, else the municipality's. */
export async function notifyInterview(
  caller: Caller,
  facts: ChildFacts,
  interviewOn: string,
): Promise<number> {
  return toThoseMeetingTheChild(caller, facts, 'appointment', interviewOn);
}

/** A booked interview cancelled by a decision: the same people are told it will not take place. */
export async function notifyInterviewCancelled(
  caller: Caller,
  facts: ChildFacts,
  interviewOn: string,
): Promise<number> {
  return toThoseMeetingTheChild(caller, facts, 'appointment_cancelled', interviewOn);
}

async function toThoseMeetingTheChild(
  caller: Caller,
  facts: ChildFacts,
  kind: 'appointment' | 'appointment_cancelled',
  interviewOn: string,
) {
  const details = { meeting: 'asylum_interview', on: interviewOn };
  const guardians = facts.guardians.filter((g) => isActiveOn(g, caller.today)).map((g) => g.userId);
  const workers = await assignedWorkers(caller.db, facts.childId, caller.today);
  let told = await notifyUsers(
    caller.db,
    [...guardians, ...workers],
    kind,
    facts.childId,
    details,
    caller.now,
  );
  if (workers.length === 0) told += await toSocialServices(caller, facts, kind, details, false);
  return told;
}
