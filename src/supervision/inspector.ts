/**
 * The inspector's steps (T2–T5): open an inspection, draw the sample of the authority's god man and SFV files, open a
 * sampled file (only while the inspection is open; audited with the child), record a finding with its criticism
 * level, send the report to the recipients, close the inspection once the follow-up actions are done.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { sampleOpen, type InspectionState } from '../domain/supervision/inspection.ts';
import {
  drawSample,
  seedFromId,
  type SampleFile,
  type SampleFileKind,
} from '../domain/supervision/sample.ts';
import type { Caller } from '../case/caller.ts';
import {
  children,
  guardianshipDetails,
  guardianshipRequests,
  guardianships,
  sfvCases,
  supervisionActions,
  supervisionFindings,
  supervisionSampleFiles,
  users,
} from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type {
  CloseBody,
  DrawSampleBody,
  FindingBody,
  InspectionSchema,
  SampleFileViewSchema,
  SendReportBody,
} from './contract.ts';
import { advance, assertClosable, checkStepDate, inspectorView, SUPERVISION_PURPOSE } from './inspection.ts';
import { inspectionForInspector, type Authority } from './scope.ts';

type InspectionView = Answer<z.input<typeof InspectionSchema>>;
type FileView = Answer<z.input<typeof SampleFileViewSchema>>;

export async function readInspection(caller: Caller, inspectionId: string): Promise<InspectionView> {
  const { row, authority } = await inspectionForInspector(caller, inspectionId);
  return inspectorView(caller, row, authority);
}

/** The authority's files a sample is drawn from: its god man appointments and the SFV cases of the municipalities it serves. */
async function filePool(caller: Caller, authority: Authority): Promise<SampleFile[]> {
  const codes = authority.municipalities.map((m) => m.code);
  const [godMen, sfv] = await Promise.all([
    caller.db
      .select({ id: guardianships.id, childId: guardianships.childId })
      .from(guardianships)
      .where(and(eq(guardianships.ownerOrganisationId, authority.id), eq(guardianships.kind, 'god_man'))),
    codes.length === 0
      ? Promise.resolve([])
      : caller.db
          .select({ id: sfvCases.id, childId: sfvCases.childId })
          .from(sfvCases)
          .where(inArray(sfvCases.municipalityCode, codes)),
  ]);
  return [
    ...godMen.map((g) => ({ kind: 'god_man' as const, id: g.id, childId: g.childId })),
    ...sfv.map((s) => ({ kind: 'sfv' as const, id: s.id, childId: s.childId })),
  ];
}

/**
 * Draws the sample (Anvisa's proposal, seeded by the inspection's id so it can be drawn again to check it) and moves
 * the inspection to `in_progress`. The children whose files were drawn are named in the audit event. An authority
 * without a god man or SFV file in Anvisa gets an empty sample: the inspection goes on with its register.
 */
export async function sampleFiles(
  caller: Caller,
  inspectionId: string,
  body: z.output<typeof DrawSampleBody>,
): Promise<InspectionView> {
  const { row, authority } = await inspectionForInspector(caller, inspectionId);
  const pool = await filePool(caller, authority);
  const seed = seedFromId(row.id);
  const sample = drawSample(pool, body.size, seed);
  const updated = await advance(caller, row, 'draw_sample', {
    sampleSeed: seed,
    samplePool: pool.length,
    sampledOn: caller.today,
  });
  if (sample.length > 0)
    await caller.db.insert(supervisionSampleFiles).values(
      sample.map((f, position) => ({
        inspectionId: row.id,
        fileKind: f.kind,
        fileId: f.id,
        childId: f.childId,
        position,
      })),
    );
  caller.audit.detail('sampleSize', sample.length);
  return inspectorView(caller, updated, authority);
}

/** One sampled file as the authority's file has it; 404 outside the sample or once the inspection is closed. */
export async function readSampledFile(
  caller: Caller,
  inspectionId: string,
  fileId: string,
): Promise<FileView> {
  const { row } = await inspectionForInspector(caller, inspectionId);
  const [file] = await caller.db
    .select()
    .from(supervisionSampleFiles)
    .where(and(eq(supervisionSampleFiles.inspectionId, row.id), eq(supervisionSampleFiles.fileId, fileId)));
  if (file === undefined || !sampleOpen(row.state as InspectionState))
    throw notFound(file ? [file.childId] : []);
  const [child] = await caller.db.select().from(children).where(eq(children.id, file.childId));
  if (child === undefined) throw notFound();
  caller.audit.purpose(SUPERVISION_PURPOSE);
  caller.audit.children([child.id]);
  caller.audit.detail('inspectionId', row.id);
  if (child.protectedIdentity) caller.audit.detail('protectedIdentity', true);
  const kind = file.fileKind as SampleFileKind;
  return {
    inspectionId: row.id,
    fileId: file.fileId,
    kind,
    child: {
      id: child.id,
      name: child.protectedIdentity ? null : `${child.firstName} ${child.lastName}`,
      dossierNumber: child.dossierNumber,
      birthDate: child.birthDate,
      protectedIdentity: child.protectedIdentity,
    },
    godMan: kind === 'god_man' ? await godManFile(caller, file.fileId) : null,
    sfv: kind === 'sfv' ? await sfvFile(caller, file.fileId) : null,
  };
}

async function godManFile(caller: Caller, id: string): Promise<FileView['godMan']> {
  const [g] = await caller.db
    .select({
      guardianName: users.displayName,
      fromDate: guardianships.fromDate,
      toDate: guardianships.toDate,
      requestedOn: guardianshipRequests.requestedOn,
      childHeard: guardianshipDetails.childHeard,
      endReason: guardianshipDetails.endReason,
    })
    .from(guardianships)
    .innerJoin(users, eq(users.id, guardianships.guardianUserId))
    .leftJoin(guardianshipDetails, eq(guardianshipDetails.guardianshipId, guardianships.id))
    .leftJoin(guardianshipRequests, eq(guardianshipRequests.id, guardianshipDetails.requestId))
    .where(eq(guardianships.id, id));
  return g === undefined
    ? null
    : {
        ...g,
        childHeard: g.childHeard ?? null,
        requestedOn: g.requestedOn ?? null,
        endReason: g.endReason ?? null,
      };
}

async function sfvFile(caller: Caller, id: string): Promise<FileView['sfv']> {
  const [s] = await caller.db
    .select({
      status: sfvCases.status,
      appliedOn: sfvCases.appliedOn,
      court: sfvCases.court,
      decidedOn: sfvCases.decidedOn,
      finalOn: sfvCases.finalOn,
      notApplyingReason: sfvCases.notApplyingReason,
    })
    .from(sfvCases)
    .where(eq(sfvCases.id, id));
  return s ?? null;
}

export async function recordFinding(
  caller: Caller,
  inspectionId: string,
  body: z.output<typeof FindingBody>,
): Promise<InspectionView> {
  const { row, authority } = await inspectionForInspector(caller, inspectionId);
  if (body.fileId !== null) {
    const [file] = await caller.db
      .select({ fileId: supervisionSampleFiles.fileId })
      .from(supervisionSampleFiles)
      .where(
        and(eq(supervisionSampleFiles.inspectionId, row.id), eq(supervisionSampleFiles.fileId, body.fileId)),
      );
    if (file === undefined)
      throw unprocessable('supervision_invalid', 'The file is not in the sample', [
        { field: 'body.fileId', code: 'not_in_sample', message: 'Akten finns inte i stickprovet' },
      ]);
  }
  const updated = await advance(caller, row, 'record_finding');
  const [finding] = await caller.db
    .insert(supervisionFindings)
    .values({
      inspectionId: row.id,
      level: body.level,
      title: body.title.trim(),
      description: body.description,
      fileId: body.fileId,
      recordedBy: caller.actor.userId,
      recordedAt: caller.now,
    })
    .returning({ id: supervisionFindings.id });
  caller.audit.detail('findingId', finding?.id ?? null);
  caller.audit.detail('level', body.level);
  return inspectorView(caller, updated, authority);
}

/** Sends the report (T3–T5): the recipients follow from the municipalities the authority serves. */
export async function sendReport(
  caller: Caller,
  inspectionId: string,
  body: z.output<typeof SendReportBody>,
): Promise<InspectionView> {
  const { row, authority } = await inspectionForInspector(caller, inspectionId);
  checkStepDate(caller, 'body.sentOn', body.sentOn, row.sampledOn);
  const updated = await advance(caller, row, 'send_report', { reportSentOn: body.sentOn });
  caller.audit.detail('inspectionId', row.id);
  return inspectorView(caller, updated, authority);
}

/** Closes the inspection once every follow-up action is done; the sampled files are closed to the inspector with it. */
export async function closeInspection(
  caller: Caller,
  inspectionId: string,
  body: z.output<typeof CloseBody>,
): Promise<InspectionView> {
  const { row, authority } = await inspectionForInspector(caller, inspectionId);
  const actions = await caller.db
    .select({ deadline: supervisionActions.deadline, doneOn: supervisionActions.doneOn })
    .from(supervisionActions)
    .where(eq(supervisionActions.inspectionId, row.id));
  if (row.state === 'response_received') {
    assertClosable(actions);
    const lastDone = actions
      .map((a) => a.doneOn)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    checkStepDate(caller, 'body.closedOn', body.closedOn, lastDone ?? row.respondedOn);
  }
  const updated = await advance(caller, row, 'close', { closedOn: body.closedOn });
  return inspectorView(caller, updated, authority);
}
