/**
 * The executor of the consequences table (src/domain/case/consequences.ts): runs a trigger's follow-ups in order,
 * inside the caller's transaction, and the triggers a step raises when it ended something. This is the one place where
 * one capability's event reaches another capability's records; the capabilities themselves never import each other
 * for a follow-up (lint-enforced, eslint.config.js).
 *
 * `HANDLERS` is typed from the table: a step added to a trigger without a handler here, or a handler for a step the
 * trigger does not list, is a compile error.
 */
import {
  CONSEQUENCES,
  type ConsequenceFacts,
  type ConsequenceTrigger,
  isDeciderStep,
  type DeciderStep,
  type FollowUp,
  type HasDeciderStep,
  type RaisesOf,
  type StepsOf,
} from '../domain/case/consequences.ts';
import { openAsylumCase } from '../asylum/open.ts';
import { endGuardianshipByLaw } from '../guardianship/end-by-law.ts';
import { notifyCapacityReminder, notifyIncomingChild } from '../notifications/notify.ts';
import { endCurrentPlacement } from '../placement/end.ts';
import { assignResponsibility } from '../responsibility/anvisning.ts';
import { endAsDecided, endResponsibilityByRule } from '../responsibility/end.ts';
import { openArrivalPeriod } from '../responsibility/periods.ts';
import { followResponsibility, handOverSocialCase } from '../social-case/follow-responsibility.ts';
import { asSystem, type Caller, type CaseCaller, type SystemCaller } from './caller.ts';
import { recordChangeReport } from './change-reports.ts';
import { moveOpenDeadlines } from './engine.ts';

/** A trigger with a step in the deciding user's name needs that user; the others may be Anvisa's own. */
type CallerOf<T extends ConsequenceTrigger> = HasDeciderStep<T> extends true ? Caller : CaseCaller;

/**
 * A step's work. A step that may end something (its row `raises` a trigger) answers with the raised trigger's facts
 * when it did, or null when there was nothing to end; the others answer nothing the executor reads. A decider's step
 * gets the caller; every other step gets Anvisa itself on the same transaction and clock.
 */
type Handler<T extends ConsequenceTrigger, S extends StepsOf<T>> = (
  caller: S extends DeciderStep ? CallerOf<T> : SystemCaller,
  facts: ConsequenceFacts[T],
) => Promise<[RaisesOf<T, S>] extends [never] ? unknown : ConsequenceFacts[RaisesOf<T, S>] | null>;

type Handlers = { readonly [T in ConsequenceTrigger]: { readonly [S in StepsOf<T>]: Handler<T, S> } };

type AnvisningTrigger = 'anvisning.decided' | 'anvisning.corrected';
const assign: Handler<AnvisningTrigger, 'responsibility.assign'> = (caller, facts) =>
  assignResponsibility(caller, facts);
const followAnvisning: Handler<AnvisningTrigger, 'social_case.follow_responsibility'> = (caller, facts) =>
  followResponsibility(caller, facts.childId, facts.municipalityCode, caller.today, 'anvisning');
const deadlinesFollowAnvisning: Handler<AnvisningTrigger, 'deadlines.follow_responsibility'> = (
  caller,
  facts,
) => moveOpenDeadlines(caller.db, facts.childId, facts.municipalityCode);
const notifyIncoming: Handler<AnvisningTrigger, 'notification.incoming_child'> = (caller, facts) =>
  notifyIncomingChild(caller.db, facts, caller.now);

const HANDLERS: Handlers = {
  'child.registered': {
    'responsibility.open_arrival_period': (caller, facts) => openArrivalPeriod(caller, facts),
  },
  'child.arrived': {
    'asylum.open_case': (caller, facts) => openAsylumCase(caller.db, facts),
  },
  'anvisning.decided': {
    'responsibility.assign': assign,
    'social_case.follow_responsibility': followAnvisning,
    'deadlines.follow_responsibility': deadlinesFollowAnvisning,
    'notification.incoming_child': notifyIncoming,
  },
  'anvisning.corrected': {
    'responsibility.assign': assign,
    'social_case.follow_responsibility': followAnvisning,
    'deadlines.follow_responsibility': deadlinesFollowAnvisning,
    'notification.incoming_child': notifyIncoming,
  },
  'transfer.confirmed': {
    'social_case.follow_responsibility': (caller, f) =>
      followResponsibility(caller, f.childId, f.toCode, f.on, 'transfer'),
    'deadlines.follow_responsibility': (caller, f) => moveOpenDeadlines(caller.db, f.childId, f.toCode),
    // The municipality handing over reports the change to the Migration Agency.
    'change_report.transfer': async (caller, f) => {
      await recordChangeReport(caller, f.childId, 'transfer', f.on, f.fromCode);
    },
  },
  'child.adult': {
    'guardianship.end_by_law': (caller, f) => endGuardianshipByLaw(caller, f.childId, f.reason, f.on),
    'responsibility.end_by_rule': async (caller, f) =>
      (await endResponsibilityByRule(caller, f.childId, f.reason, f.on))
        ? { childId: f.childId, reason: f.reason, on: f.on }
        : null,
  },
  'child.adult_with_continued_responsibility': {
    'guardianship.end_by_law': (caller, f) => endGuardianshipByLaw(caller, f.childId, 'turned_18', f.on),
  },
  'child.adult_after_end_decided': {
    'guardianship.end_by_law': (caller, f) => endGuardianshipByLaw(caller, f.childId, 'turned_18', f.on),
    'responsibility.end_as_decided': async (caller, f) =>
      (await endAsDecided(caller, f.childId, f.on))
        ? { childId: f.childId, reason: 'turned_18', on: f.on }
        : null,
  },
  'responsibility.ended': {
    'social_case.hand_over': (caller, f) => handOverSocialCase(caller, f.childId, f.on, { reason: f.reason }),
    'placement.end': async (caller, f) => {
      await endCurrentPlacement(caller, f.childId, f.reason, f.on);
    },
  },
  'responsibility.aftercare_ended': {
    'social_case.hand_over': (caller, f) =>
      handOverSocialCase(caller, f.childId, f.on, { reason: 'aftercare_ended' }),
  },
  'capacity.reminded': {
    'notification.capacity_reminder': (caller, f) => notifyCapacityReminder(caller.db, f, caller.now),
  },
};

/** The triggers a step raises. None has a step in a user's name (checked below), so Anvisa itself can run them. */
type RaisedTrigger = {
  [T in ConsequenceTrigger]: { [S in StepsOf<T>]: RaisesOf<T, S> }[StepsOf<T>];
}[ConsequenceTrigger];
const raisedTriggersNeedNoUser: HasDeciderStep<RaisedTrigger> = false;

/**
 * Runs `trigger`'s follow-ups for one child (or, for an organisation-level trigger, for the organisations its facts
 * name), in the table's order, and those of the triggers they raise. The table's types (`Handlers`) tie each step to
 * its trigger's facts and to what it raises; the loop reads them as a plain record.
 */
export async function runConsequences<T extends ConsequenceTrigger>(
  caller: CallerOf<T>,
  trigger: T,
  facts: ConsequenceFacts[T],
): Promise<void> {
  await run(caller, trigger, facts);
}

async function run(caller: CaseCaller, trigger: ConsequenceTrigger, facts: object): Promise<void> {
  const handlers = HANDLERS[trigger] as Readonly<
    Record<string, (caller: CaseCaller, facts: object) => Promise<unknown>>
  >;
  for (const followUp of CONSEQUENCES[trigger] as readonly FollowUp[]) {
    const handler = handlers[followUp.step];
    if (handler === undefined) throw new Error(`no handler for ${trigger} → ${followUp.step}`);
    const answer = await handler(isDeciderStep(followUp.step) ? caller : asSystem(caller), facts);
    if (followUp.raises !== undefined && typeof answer === 'object' && answer !== null) {
      await run(raisedTriggersNeedNoUser ? caller : asSystem(caller), followUp.raises, answer);
    }
  }
}
