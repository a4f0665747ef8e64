/**
 * Emergency care of a missing child in another municipality (issue 12 point 7, rule D-R1; ADR 0025 §9).
 * Responsibility never moves with a missing episode: the municipality where the child turns up reaches the child only
 * through an emergency grant ("Nödåtkomst", read-only everywhere else) and records the emergency care it gives — and
 * only that. This is the one write an emergency scope allows, and it is narrow by construction: its own permission
 * (`missing:emergency-care`, social services' roles only), the access basis `emergency`, a municipality that is not the
 * episode's responsible one, an episode still open or just found. The record changes neither the episode's state nor
 * its version nor the responsibility; it tells the responsible municipality's social worker in the app.
 */
import { missingEmergencyCare } from '../platform/db/schema.ts';
import { conflict, forbidden, unprocessable } from '../platform/http/errors.ts';
import {
  emergencyCareProblems,
  emergencyCareRefusal,
  type EmergencyCare,
  type EmergencyCareProblem,
} from '../domain/missing/emergency-care.ts';
import type { EpisodeState } from '../domain/missing/episode.ts';
import { childContext } from '../case/child-context.ts';
import type { Caller } from '../case/caller.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { lockEpisode, responsibleWorkers, view, type MissingView } from './use-cases.ts';

const MESSAGES: Readonly<Record<EmergencyCareProblem['reason'], string>> = {
  required: 'Uppgiften behövs',
  in_the_future: 'Tidpunkten kan inte ligga i framtiden',
  before_last_seen: 'Tidpunkten kan inte ligga före när barnet senast sågs',
  before_start: 'Slutet kan inte ligga före början',
  phone_format: 'Ange ett telefonnummer med 6–15 siffror, till exempel 046-35 50 00',
};

export async function recordEmergencyCare(
  caller: Caller,
  childId: string,
  episodeId: string,
  care: EmergencyCare,
): Promise<MissingView> {
  // The child in scope with the missing section readable (404 otherwise, as everywhere); writing is decided below.
  const ctx = await childContext(caller, childId, 'missing', 'read');
  const row = await lockEpisode(caller, childId, episodeId);
  caller.audit.detail('episodeId', row.id);
  const refusal = emergencyCareRefusal(
    { state: row.state as EpisodeState, municipalityCode: row.municipalityCode },
    caller.actor.municipalityCodes,
  );
  if (refusal === 'emergency_care_by_responsible')
    throw conflict(
      refusal,
      'The responsible municipality records the child found, not emergency care (D-R1)',
      [
        {
          field: 'episodeId',
          code: refusal,
          message: 'Ni är ansvarig kommun: registrera att barnet har påträffats i stället för akut omsorg',
        },
      ],
    );
  // Another municipality writes here only through an emergency grant: no other basis gives this write.
  if (ctx.access.basis !== 'emergency') throw forbidden([childId]);
  if (refusal === 'emergency_care_not_open')
    throw conflict(refusal, 'Emergency care is recorded while the episode is open or the child found', [
      {
        field: 'state',
        code: row.state,
        message: 'Akut omsorg kan bara registreras medan barnet är försvunnet eller har påträffats',
      },
    ]);
  const problems = emergencyCareProblems(care, row, caller.now);
  if (problems.length > 0)
    throw unprocessable(
      'missing_invalid',
      'The emergency care breaks a rule',
      problems.map((p) => ({ field: p.field, code: p.reason, message: MESSAGES[p.reason] })),
    );
  const [municipalityCode] = caller.actor.municipalityCodes;
  if (municipalityCode === undefined) throw forbidden([childId]);
  const [written] = await caller.db
    .insert(missingEmergencyCare)
    .values({
      episodeId: row.id,
      municipalityCode,
      organisationId: caller.actor.organisationId,
      recordedBy: caller.actor.userId,
      recordedRole: caller.actor.role,
      startedAt: care.startedAt,
      endedAt: care.endedAt,
      place: care.place.trim(),
      care: care.care,
      description: care.description.trim(),
      contactName: care.contactName.trim(),
      contactPhone: care.contactPhone.trim(),
      recordedAt: caller.now,
    })
    .returning({ id: missingEmergencyCare.id });
  if (written === undefined) throw new Error('emergency care not written');
  caller.audit.detail('emergencyCareId', written.id);
  caller.audit.detail('care', care.care);
  await notifyUsers(
    caller.db,
    await responsibleWorkers(caller, row),
    'missing_emergency_care',
    childId,
    {
      episodeId: row.id,
      emergencyCareId: written.id,
      municipalityCode,
      startedAt: care.startedAt.toISOString(),
    },
    caller.now,
  );
  return view(caller, ctx);
}
