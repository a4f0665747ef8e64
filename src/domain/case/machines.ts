/**
 * The sub-processes of a child's case (../shared/domain/reception-workflows.md §2.2–2.4), as transition tables.
 */
import { defineMachine } from './machine.ts';

const SOCIAL = ['social_worker', 'unit_manager'] as const;

/** Social services' case: report → protection assessment → preliminary assessment → investigation → care → reviews. */
export const socialCase = defineMachine({
  name: 'social_case',
  initial: 'report_received',
  states: ['report_received', 'protection_assessed', 'investigating', 'not_investigated', 'care_decided', 'care_ongoing', 'closed'],
  transitions: [
    { from: ['report_received'], event: 'assess_protection', to: 'protection_assessed', roles: SOCIAL, starts: ['preliminary-assessment'] },
    { from: ['protection_assessed'], event: 'open_investigation', to: 'investigating', roles: SOCIAL, starts: ['investigation'] },
    { from: ['protection_assessed'], event: 'decide_not_to_investigate', to: 'not_investigated', roles: SOCIAL },
    { from: ['investigating'], event: 'decide_interventions', to: 'care_decided', roles: SOCIAL },
    { from: ['care_decided'], event: 'start_care', to: 'care_ongoing', roles: SOCIAL, starts: ['care-review'] },
    { from: ['care_ongoing'], event: 'review_care', to: 'care_ongoing', roles: SOCIAL, starts: ['care-review'] },
    { from: ['not_investigated', 'care_decided', 'care_ongoing'], event: 'close', to: 'closed', roles: ['unit_manager'] },
  ],
});

/** Placement: HVB, stödboende, familjehem, jourhem or SiS; one at a time. */
export const placement = defineMachine({
  name: 'placement',
  initial: 'not_placed',
  states: ['not_placed', 'on_call_placed', 'placed', 'ended'],
  transitions: [
    { from: ['not_placed', 'ended'], event: 'place_on_call', to: 'on_call_placed', roles: SOCIAL, starts: ['on-call-placement'] },
    { from: ['not_placed', 'on_call_placed', 'ended'], event: 'place', to: 'placed', roles: SOCIAL },
    { from: ['placed'], event: 'move', to: 'placed', roles: SOCIAL },
    { from: ['on_call_placed', 'placed'], event: 'end', to: 'ended', roles: SOCIAL },
  ],
});

/** Guardianship (lag 2005:429; FB): god man, then possibly a special custodian (SFV). */
export const guardianship = defineMachine({
  name: 'guardianship',
  initial: 'none',
  states: ['none', 'god_man_requested', 'god_man_appointed', 'sfv_pending', 'sfv_appointed', 'ended'],
  transitions: [
    { from: ['none'], event: 'request_god_man', to: 'god_man_requested', roles: ['social_worker', 'unit_manager', 'asylum_officer', 'guardianship_officer'] },
    { from: ['god_man_requested'], event: 'appoint_god_man', to: 'god_man_appointed', roles: ['guardianship_officer'] },
    { from: ['god_man_appointed'], event: 'god_man_resigns', to: 'god_man_requested', roles: ['guardianship_officer'] },
    { from: ['god_man_appointed'], event: 'apply_for_sfv', to: 'sfv_pending', roles: SOCIAL },
    { from: ['sfv_pending'], event: 'sfv_appointed', to: 'sfv_appointed', roles: ['guardianship_officer', ...SOCIAL] },
    { from: ['god_man_appointed', 'sfv_pending'], event: 'end_by_law', to: 'ended', roles: ['guardianship_officer'] },
    { from: ['god_man_appointed', 'sfv_pending'], event: 'end_by_decision', to: 'ended', roles: ['guardianship_officer'] },
  ],
});

/** The asylum case as the Migration Agency records it. */
export const asylum = defineMachine({
  name: 'asylum',
  initial: 'applied',
  states: ['applied', 'interviewed', 'permanent_permit', 'temporary_permit', 'refused', 'dublin_transfer', 'written_off', 'appealed', 'final'],
  transitions: [
    { from: ['applied'], event: 'interview', to: 'interviewed', roles: ['asylum_officer'] },
    { from: ['applied', 'interviewed'], event: 'grant_permanent', to: 'permanent_permit', roles: ['asylum_officer'] },
    { from: ['applied', 'interviewed'], event: 'grant_temporary', to: 'temporary_permit', roles: ['asylum_officer'] },
    { from: ['applied', 'interviewed'], event: 'refuse', to: 'refused', roles: ['asylum_officer'] },
    { from: ['applied', 'interviewed'], event: 'transfer_dublin', to: 'dublin_transfer', roles: ['asylum_officer'] },
    { from: ['applied', 'interviewed'], event: 'write_off', to: 'written_off', roles: ['asylum_officer'] },
    { from: ['refused', 'temporary_permit', 'dublin_transfer'], event: 'appeal', to: 'appealed', roles: ['asylum_officer'] },
    { from: ['permanent_permit', 'temporary_permit', 'refused', 'dublin_transfer', 'written_off', 'appealed'], event: 'become_final', to: 'final', roles: ['asylum_officer'] },
  ],
});

/** Age: stated, in doubt, a temporary (appealable) decision, the final one. */
export const age = defineMachine({
  name: 'age',
  initial: 'as_stated',
  states: ['as_stated', 'in_doubt', 'medical_assessment', 'temporary_decision', 'final'],
  transitions: [
    { from: ['as_stated'], event: 'doubt', to: 'in_doubt', roles: ['asylum_officer'] },
    { from: ['in_doubt'], event: 'order_medical_assessment', to: 'medical_assessment', roles: ['asylum_officer'] },
    { from: ['in_doubt', 'medical_assessment'], event: 'decide_temporarily', to: 'temporary_decision', roles: ['asylum_officer'] },
    { from: ['as_stated', 'temporary_decision'], event: 'decide_finally', to: 'final', roles: ['asylum_officer'] },
  ],
});

export const MACHINES = [socialCase, placement, guardianship, asylum, age] as const;
