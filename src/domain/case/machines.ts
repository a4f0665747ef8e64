/**
 * The sub-processes of a child's case (../shared/domain/reception-workflows.md §2.1–2.5), as orthogonal transition
 * tables. Each machine has one instance per child (its current state in `case_states`); a new instance of the social
 * case begins when a new report is received (e.g. after a transfer to another municipality).
 */
import { defineMachine, type Machine } from './machine.ts';

const SOCIAL = ['social_worker', 'unit_manager'] as const;

/** Who is responsible: the arrival municipality until the anvisning, then the assigned one; to 18, or 21 in aftercare. */
export const responsibility = defineMachine({
  name: 'responsibility',
  initial: 'arrival_municipality',
  states: ['arrival_municipality', 'assigned', 'received', 'continued_after_18', 'ended'],
  transitions: [
    {
      from: ['arrival_municipality'],
      event: 'assign',
      to: 'assigned',
      roles: ['allocation_officer'],
      // School is a right from arrival: the one-month clock counts from the arrival date, for the assigned municipality.
      starts: ['school-start', 'turning-18-warning', 'continued-responsibility-notice'],
    },
    // A corrected anvisning moves responsibility to another municipality, which must acknowledge receipt anew.
    { from: ['assigned', 'received'], event: 'reassign', to: 'assigned', roles: ['allocation_officer'] },
    // The arrival municipality records the day the child physically moved (also after the assigned one acknowledged
    // receipt); the assigned one acknowledges receipt.
    { from: ['assigned'], event: 'record_move', to: 'assigned', roles: SOCIAL },
    { from: ['received'], event: 'record_move', to: 'received', roles: SOCIAL },
    { from: ['assigned'], event: 'acknowledge_receipt', to: 'received', roles: SOCIAL },
    {
      from: ['assigned', 'received'],
      event: 'decide_continued',
      to: 'continued_after_18',
      roles: SOCIAL,
      closes: ['turning-18-warning', 'continued-responsibility-notice'],
      bestInterests: true,
    },
    {
      from: ['assigned', 'received'],
      event: 'end_responsibility',
      to: 'ended',
      roles: SOCIAL,
      closes: ['turning-18-warning', 'continued-responsibility-notice'],
      bestInterests: true,
    },
    // On the 18th birthday without a decision to continue (or when an age decision makes the child 18 or older),
    // responsibility ends by the Migration Agency's rule: no decision, but an explicit record with the reason.
    {
      from: ['arrival_municipality', 'assigned', 'received'],
      event: 'end_at_18',
      to: 'ended',
      roles: ['system'],
      closes: ['turning-18-warning', 'continued-responsibility-notice', 'school-start'],
    },
    { from: ['continued_after_18'], event: 'end_aftercare', to: 'ended', roles: ['system', ...SOCIAL] },
  ],
});

/** The responsibility machine's event an anvisning fires: a first decision assigns, its correction reassigns. */
export const assignmentEvent = (correction: boolean): 'assign' | 'reassign' =>
  correction ? 'reassign' : 'assign';

/** Transfer of responsibility to another municipality: requested by one, confirmed or declined by the other. */
export const transfer = defineMachine({
  name: 'transfer',
  initial: 'none',
  states: ['none', 'requested'],
  transitions: [
    { from: ['none'], event: 'request_transfer', to: 'requested', roles: SOCIAL },
    { from: ['requested'], event: 'confirm_transfer', to: 'none', roles: SOCIAL, bestInterests: true },
    { from: ['requested'], event: 'decline_transfer', to: 'none', roles: SOCIAL },
    { from: ['requested'], event: 'withdraw_transfer', to: 'none', roles: SOCIAL },
  ],
});

/** Social services' case: report → protection assessment → preliminary assessment → investigation → care → reviews. */
export const socialCase = defineMachine({
  name: 'social_case',
  initial: 'none',
  states: [
    'none',
    'report_received',
    'protection_assessed',
    'investigating',
    'not_investigated',
    'care_decided',
    'care_ongoing',
    'closed',
  ],
  transitions: [
    {
      from: ['none', 'closed'],
      event: 'receive_report',
      to: 'report_received',
      // `system`: the anvisning or a confirmed transfer is the report to the newly responsible municipality.
      roles: [...SOCIAL, 'system'],
      starts: ['protection-assessment', 'preliminary-assessment'],
    },
    {
      from: ['report_received'],
      event: 'assess_protection',
      to: 'protection_assessed',
      roles: SOCIAL,
      closes: ['protection-assessment'],
    },
    {
      from: ['protection_assessed'],
      event: 'open_investigation',
      to: 'investigating',
      roles: SOCIAL,
      starts: ['investigation'],
      closes: ['preliminary-assessment'],
    },
    {
      from: ['protection_assessed'],
      event: 'decide_not_to_investigate',
      to: 'not_investigated',
      roles: SOCIAL,
      closes: ['preliminary-assessment'],
      bestInterests: true,
    },
    // An investigation may run beyond four months only with a recorded reason; the deadline moves.
    { from: ['investigating'], event: 'extend_investigation', to: 'investigating', roles: SOCIAL },
    {
      from: ['investigating'],
      event: 'decide_interventions',
      to: 'care_decided',
      roles: SOCIAL,
      closes: ['investigation'],
      bestInterests: true,
    },
    {
      from: ['care_decided'],
      event: 'start_care',
      to: 'care_ongoing',
      roles: SOCIAL,
      starts: ['care-review'],
    },
    {
      from: ['care_ongoing'],
      event: 'review_care',
      to: 'care_ongoing',
      roles: SOCIAL,
      starts: ['care-review'],
      closes: ['care-review'],
    },
    {
      from: ['not_investigated', 'care_decided', 'care_ongoing'],
      event: 'close',
      to: 'closed',
      roles: ['unit_manager'],
      closes: ['care-review'],
    },
    // Responsibility moved to another municipality (anvisning, transfer) or ended: this municipality's case closes.
    {
      from: [
        'report_received',
        'protection_assessed',
        'investigating',
        'not_investigated',
        'care_decided',
        'care_ongoing',
      ],
      event: 'hand_over_case',
      to: 'closed',
      roles: ['system'],
      closes: ['protection-assessment', 'preliminary-assessment', 'investigation', 'care-review'],
    },
  ],
});

/** Placement: HVB, stödboende, familjehem, jourhem or SiS; one at a time. */
export const placement = defineMachine({
  name: 'placement',
  initial: 'not_placed',
  states: ['not_placed', 'on_call_placed', 'placed', 'ended'],
  transitions: [
    {
      from: ['not_placed', 'ended'],
      event: 'place_on_call',
      to: 'on_call_placed',
      roles: SOCIAL,
      starts: ['on-call-placement'],
      bestInterests: true,
    },
    {
      from: ['not_placed', 'on_call_placed', 'ended'],
      event: 'place',
      to: 'placed',
      roles: SOCIAL,
      closes: ['on-call-placement'],
      bestInterests: true,
    },
    { from: ['placed'], event: 'move', to: 'placed', roles: SOCIAL, bestInterests: true },
    {
      from: ['on_call_placed', 'placed'],
      event: 'end',
      to: 'ended',
      roles: [...SOCIAL, 'system'],
      closes: ['on-call-placement'],
    },
  ],
});

/** School: the right to education from arrival; the start is measured against one month. */
export const school = defineMachine({
  name: 'school',
  initial: 'not_enrolled',
  states: ['not_enrolled', 'enrolled', 'attending', 'ended'],
  transitions: [
    { from: ['not_enrolled', 'ended'], event: 'enrol', to: 'enrolled', roles: SOCIAL },
    { from: ['enrolled'], event: 'start_school', to: 'attending', roles: SOCIAL, closes: ['school-start'] },
    { from: ['enrolled', 'attending'], event: 'end_school', to: 'ended', roles: SOCIAL },
  ],
});

/** The region's health examination (lag 2008:344): offered, then done or declined; referrals. No diagnoses. */
export const health = defineMachine({
  name: 'health',
  initial: 'not_offered',
  states: ['not_offered', 'offered', 'done', 'declined'],
  transitions: [
    { from: ['not_offered', 'declined'], event: 'offer_examination', to: 'offered', roles: ['health_staff'] },
    { from: ['offered'], event: 'record_done', to: 'done', roles: ['health_staff'] },
    { from: ['offered'], event: 'record_declined', to: 'declined', roles: ['health_staff'] },
    { from: ['done'], event: 'record_referral', to: 'done', roles: ['health_staff'] },
  ],
});

/** Guardianship (lag 2005:429; FB): god man, then possibly a special custodian (SFV). Every end is a record. */
export const guardianship = defineMachine({
  name: 'guardianship',
  initial: 'none',
  states: ['none', 'god_man_requested', 'god_man_appointed', 'sfv_pending', 'sfv_appointed', 'ended'],
  transitions: [
    {
      from: ['none', 'ended'],
      event: 'request_god_man',
      to: 'god_man_requested',
      roles: ['social_worker', 'unit_manager', 'asylum_officer', 'guardianship_officer'],
      starts: ['god-man-appointment'],
    },
    {
      from: ['god_man_requested'],
      event: 'withdraw_request',
      to: 'none',
      roles: ['guardianship_officer', 'system'],
      closes: ['god-man-appointment'],
    },
    {
      from: ['god_man_requested'],
      event: 'appoint_god_man',
      to: 'god_man_appointed',
      roles: ['guardianship_officer'],
      closes: ['god-man-appointment'],
      bestInterests: true,
    },
    {
      from: ['god_man_appointed'],
      event: 'god_man_resigns',
      to: 'god_man_requested',
      roles: ['guardianship_officer'],
      starts: ['god-man-appointment'],
    },
    // After a residence permit social services apply to the district court, or record why they do not.
    { from: ['god_man_appointed'], event: 'apply_for_sfv', to: 'sfv_pending', roles: SOCIAL },
    { from: ['god_man_appointed'], event: 'record_sfv_not_applying', to: 'god_man_appointed', roles: SOCIAL },
    // The court's decision became final: the SFV takes over and the god man's assignment ends (recorded).
    {
      from: ['sfv_pending'],
      event: 'sfv_appointed',
      to: 'sfv_appointed',
      roles: ['guardianship_officer', ...SOCIAL],
    },
    {
      from: ['sfv_pending'],
      event: 'sfv_refused',
      to: 'god_man_appointed',
      roles: ['guardianship_officer', ...SOCIAL],
    },
    // By law at 18 (or when the age is changed to 18 or over): no decision needed, but always an explicit record.
    {
      from: ['god_man_requested', 'god_man_appointed', 'sfv_pending', 'sfv_appointed'],
      event: 'end_by_law',
      to: 'ended',
      roles: ['guardianship_officer', 'system'],
      closes: ['god-man-appointment'],
    },
    // By the authority's decision: a parent can take custody, the child left Sweden for good, no longer needed.
    {
      from: ['god_man_appointed', 'sfv_pending'],
      event: 'end_by_decision',
      to: 'ended',
      roles: ['guardianship_officer'],
      bestInterests: true,
    },
  ],
});

/** The asylum case as the Migration Agency records it. */
export const asylum = defineMachine({
  name: 'asylum',
  initial: 'applied',
  states: [
    'applied',
    'interviewed',
    'permanent_permit',
    'temporary_permit',
    'refused',
    'dublin_transfer',
    'written_off',
    'appealed',
    'final',
  ],
  transitions: [
    // A booked interview is a coming meeting for the god man and social services; the state moves when it is held.
    { from: ['applied'], event: 'schedule_interview', to: 'applied', roles: ['asylum_officer'] },
    { from: ['interviewed'], event: 'schedule_interview', to: 'interviewed', roles: ['asylum_officer'] },
    { from: ['applied', 'interviewed'], event: 'interview', to: 'interviewed', roles: ['asylum_officer'] },
    // A decision that makes a booked interview moot (a permit, a Dublin transfer, a case written off) cancels it first.
    { from: ['applied'], event: 'cancel_interview', to: 'applied', roles: ['asylum_officer'] },
    { from: ['interviewed'], event: 'cancel_interview', to: 'interviewed', roles: ['asylum_officer'] },
    {
      from: ['applied', 'interviewed'],
      event: 'grant_permanent',
      to: 'permanent_permit',
      roles: ['asylum_officer'],
    },
    {
      from: ['applied', 'interviewed'],
      event: 'grant_temporary',
      to: 'temporary_permit',
      roles: ['asylum_officer'],
    },
    { from: ['applied', 'interviewed'], event: 'refuse', to: 'refused', roles: ['asylum_officer'] },
    {
      from: ['applied', 'interviewed'],
      event: 'transfer_dublin',
      to: 'dublin_transfer',
      roles: ['asylum_officer'],
    },
    { from: ['applied', 'interviewed'], event: 'write_off', to: 'written_off', roles: ['asylum_officer'] },
    {
      from: ['refused', 'temporary_permit', 'dublin_transfer'],
      event: 'appeal',
      to: 'appealed',
      roles: ['asylum_officer'],
    },
    {
      from: ['permanent_permit', 'temporary_permit', 'refused', 'dublin_transfer', 'written_off', 'appealed'],
      event: 'become_final',
      to: 'final',
      roles: ['asylum_officer'],
    },
  ],
});

/** Age: stated, in doubt, a medical assessment offered, a temporary (appealable) decision, the final one. */
export const age = defineMachine({
  name: 'age',
  initial: 'as_stated',
  states: ['as_stated', 'in_doubt', 'medical_assessment', 'temporary_decision', 'final'],
  transitions: [
    // The registering officer may note the doubt at arrival; the asylum officer takes the case on from there.
    { from: ['as_stated'], event: 'doubt', to: 'in_doubt', roles: ['asylum_officer', 'allocation_officer'] },
    {
      from: ['in_doubt'],
      event: 'order_medical_assessment',
      to: 'medical_assessment',
      roles: ['asylum_officer'],
    },
    {
      from: ['in_doubt', 'medical_assessment'],
      event: 'decide_temporarily',
      to: 'temporary_decision',
      roles: ['asylum_officer'],
    },
    {
      from: ['temporary_decision'],
      event: 'appeal_age',
      to: 'temporary_decision',
      roles: ['asylum_officer'],
    },
    {
      from: ['as_stated', 'in_doubt', 'medical_assessment', 'temporary_decision'],
      event: 'decide_finally',
      to: 'final',
      roles: ['asylum_officer'],
    },
  ],
});

export const MACHINES = [
  responsibility,
  transfer,
  socialCase,
  placement,
  school,
  health,
  guardianship,
  asylum,
  age,
] as const;
export type AnyMachine = Machine<string, string>;
export type MachineName = (typeof MACHINES)[number]['name'];

export function machineNamed(name: string): AnyMachine | undefined {
  return (MACHINES as readonly AnyMachine[]).find((m) => m.name === name);
}

/** Whether the event is a decision about the child that needs a best-interests record (the engine refuses it without). */
export function needsBestInterests(machine: MachineName, event: string): boolean {
  return (
    machineNamed(machine)?.transitions.some((t) => t.event === event && t.bestInterests === true) ?? false
  );
}
