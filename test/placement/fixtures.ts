/**
 * Test fixtures for placement, school and health: a child of its own (so that other capabilities' tests and demo data
 * never change its state), a machine put straight into a state, a provider. Written directly to the database: what
 * is under test is the API that follows.
 */
import { and, eq } from 'drizzle-orm';
import type { MachineName } from '../../src/domain/case/machines.ts';
import {
  caseStates,
  caseWorkers,
  childIntake,
  children,
  guardianships,
  organisations,
  placementProviders,
  responsibilityPeriods,
  socialCases,
} from '../../src/platform/db/schema.ts';
import type { TestApp } from '../support/app.ts';

async function organisationOf(t: TestApp, type: string, municipalityCode: string | null): Promise<string> {
  const [row] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.type, type),
        municipalityCode === null ? undefined : eq(organisations.municipalityCode, municipalityCode),
      ),
    )
    .limit(1);
  if (row === undefined) throw new Error(`no ${type} organisation ${municipalityCode ?? ''}`);
  return row.id;
}

export interface ChildOptions {
  readonly dossier: string;
  readonly birthDate?: string;
  readonly gender?: 'female' | 'male';
  readonly municipalityCode?: string;
  readonly arrivalDate?: string;
  readonly languages?: readonly string[];
  readonly protectedIdentity?: boolean;
  /** Demo user key of the god man (e.g. 'birgitta.sjo'). */
  readonly godMan?: string;
  /** Demo user key of the social worker assigned to the child's social case (e.g. 'sara.lind'). */
  readonly assignedWorker?: string;
}

/** A child the municipality is responsible for by an anvisning, with an intake, optionally a god man and a case worker. */
export async function aChild(t: TestApp, o: ChildOptions): Promise<string> {
  const code = o.municipalityCode ?? '1280';
  const arrival = o.arrivalDate ?? '2026-10-01';
  const agency = await organisationOf(t, 'migration_agency', null);
  const [child] = await t.database.db
    .insert(children)
    .values({
      dossierNumber: o.dossier,
      firstName: 'Test',
      lastName: `Barn ${o.dossier}`,
      birthDate: o.birthDate ?? '2011-04-04',
      gender: o.gender ?? 'male',
      protectedIdentity: o.protectedIdentity ?? false,
      whereabouts: null,
      ownerOrganisationId: agency,
    })
    .returning({ id: children.id });
  if (child === undefined) throw new Error('child not written');
  await t.database.db.insert(responsibilityPeriods).values({
    childId: child.id,
    municipalityCode: code,
    kind: 'assigned',
    fromDate: arrival,
    ownerOrganisationId: agency,
  });
  await t.database.db.insert(childIntake).values({
    childId: child.id,
    nameVariants: [],
    languages: [...(o.languages ?? ['dari'])],
    interpreterNeeded: true,
    ownerOrganisationId: agency,
  });
  if (o.godMan !== undefined) {
    await t.database.db.insert(guardianships).values({
      childId: child.id,
      guardianUserId: await t.userId(o.godMan),
      kind: 'god_man',
      fromDate: arrival,
      ownerOrganisationId: await organisationOf(t, 'guardianship_authority', null),
    });
  }
  if (o.assignedWorker !== undefined) {
    const municipality = await organisationOf(t, 'municipality', code);
    const [social] = await t.database.db
      .insert(socialCases)
      .values({
        childId: child.id,
        municipalityCode: code,
        ownerOrganisationId: municipality,
        reportReceivedOn: arrival,
      })
      .returning({ id: socialCases.id });
    await t.database.db.insert(caseWorkers).values({
      socialCaseId: social?.id ?? '',
      userId: await t.userId(o.assignedWorker),
      role: 'primary',
      fromDate: arrival,
      assignedBy: await t.userId(o.assignedWorker),
    });
  }
  return child.id;
}

/** Puts one machine of the child straight into a state (version 1). */
export async function setState(
  t: TestApp,
  childId: string,
  machine: MachineName,
  state: string,
  municipalityCode: string | null = '1280',
): Promise<void> {
  await t.database.db
    .insert(caseStates)
    .values({ childId, machine, state, version: 1, municipalityCode, updatedAt: t.clock.now })
    .onConflictDoUpdate({
      target: [caseStates.childId, caseStates.machine],
      set: { state, version: 1, municipalityCode },
    });
}

export async function aProvider(
  t: TestApp,
  o: { municipalityCode?: string; name: string; form?: string; places?: number; active?: boolean },
): Promise<string> {
  const [row] = await t.database.db
    .insert(placementProviders)
    .values({
      municipalityCode: o.municipalityCode ?? '1280',
      name: o.name,
      form: o.form ?? 'hvb',
      places: o.places ?? 6,
      targetGroups: [],
      languages: ['arabiska', 'dari'],
      permitReference: null,
      active: o.active ?? true,
    })
    .returning({ id: placementProviders.id });
  if (row === undefined) throw new Error('provider not written');
  return row.id;
}
