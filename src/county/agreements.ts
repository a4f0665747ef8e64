/**
 * The historic agreements' use cases (issue 13 point 2): the county board registers an agreement (överenskommelse)
 * from its paper — parties, dates, places agreed and signatures with the place and day each was given — reads its
 * county's agreements, and voids a registration made in error (with a reason; the row stays for the record). The rules
 * are in src/domain/county/agreements.ts. The signatories are public officials; the list is read with an audit entry.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Answer } from '../domain/answer.ts';
import { agreementProblems, concludedOn } from '../domain/county/agreements.ts';
import { historicAgreements, users } from '../platform/db/schema.ts';
import { conflict, notFound, unprocessable } from '../platform/http/errors.ts';
import type { RequestCaller } from '../platform/http/route.ts';
import { countyMunicipalities, countyName, countyOfActor } from '../reference/areas.ts';
import type { AgreementsSchema, RecordAgreementBody, VoidAgreementBody } from './contract.ts';

type Signature = z.output<typeof RecordAgreementBody>['signatures'][number];

export async function readAgreements(
  caller: RequestCaller,
): Promise<Answer<z.input<typeof AgreementsSchema>>> {
  const county = countyOfActor(caller.actor);
  const voider = alias(users, 'voider');
  const rows = await caller.db
    .select({ a: historicAgreements, recordedBy: users.displayName, voidedBy: voider.displayName })
    .from(historicAgreements)
    .innerJoin(users, eq(users.id, historicAgreements.recordedBy))
    .leftJoin(voider, eq(voider.id, historicAgreements.voidedBy))
    .where(eq(historicAgreements.countyCode, county))
    .orderBy(asc(historicAgreements.validFrom), asc(historicAgreements.concludedOn));
  const municipalities = await countyMunicipalities(caller.db, county);
  const nameOf = new Map(municipalities.map((m) => [m.code, m.name]));
  const byId = new Map(rows.map(({ a }) => [a.id, a]));
  caller.audit.detail('countyCode', county);
  return {
    county: { code: county, name: await countyName(caller.db, county) },
    municipalities,
    agreements: rows.map(({ a, recordedBy, voidedBy }) => {
      const replaced = a.replacesId === null ? undefined : byId.get(a.replacesId);
      return {
        id: a.id,
        registrationNumber: a.registrationNumber,
        municipalities: a.municipalities.map((code) => ({ code, name: nameOf.get(code) ?? code })),
        validFrom: a.validFrom,
        validTo: a.validTo,
        asylumPlaces: a.asylumPlaces,
        permitPlaces: a.permitPlaces,
        replaces: replaced === undefined ? null : { id: replaced.id, concludedOn: replaced.concludedOn },
        replacedBy: rows
          .filter(({ a: later }) => later.replacesId === a.id && later.voidedAt === null)
          .map(({ a: later }) => ({ id: later.id, concludedOn: later.concludedOn })),
        signatures: a.signatures as Signature[],
        concludedOn: a.concludedOn,
        note: a.note,
        recordedBy,
        recordedAt: a.recordedAt.toISOString(),
        voided:
          a.voidedAt === null
            ? null
            : { by: voidedBy ?? '', at: a.voidedAt.toISOString(), reason: a.voidReason ?? '' },
      };
    }),
  };
}

export async function recordAgreement(
  caller: RequestCaller,
  body: z.output<typeof RecordAgreementBody>,
): Promise<Answer<z.input<typeof AgreementsSchema>>> {
  const county = countyOfActor(caller.actor);
  const inCounty = await countyMunicipalities(caller.db, county);
  const munis = inCounty.map((m) => m.code);
  const existing = await caller.db
    .select({
      id: historicAgreements.id,
      municipalities: historicAgreements.municipalities,
      validFrom: historicAgreements.validFrom,
      voidedAt: historicAgreements.voidedAt,
    })
    .from(historicAgreements)
    .where(eq(historicAgreements.countyCode, county));
  const problems = agreementProblems(
    body,
    munis,
    existing.map((e) => ({ ...e, voided: e.voidedAt !== null })),
    caller.today,
  );
  if (problems.length > 0)
    throw unprocessable(
      'agreement_invalid',
      'The agreement cannot be registered like this',
      problems.map((p) => ({
        field: `body.${p.field}`,
        code: p.code,
        // A missing signature names the municipality: `missing_signature:Lund`.
        message:
          p.value === undefined
            ? p.code
            : `${p.code}:${inCounty.find((m) => m.code === p.value)?.name ?? p.value}`,
      })),
    );
  const signatures = body.signatures.map((s) => ({
    ...s,
    municipalityCode: s.party === 'municipality' ? s.municipalityCode : null,
    signatory: s.signatory.trim(),
    title: s.title.trim(),
    place: s.place.trim(),
  }));
  const [row] = await caller.db
    .insert(historicAgreements)
    .values({
      countyCode: county,
      registrationNumber: body.registrationNumber.trim() === '' ? null : body.registrationNumber.trim(),
      municipalities: [...body.municipalities],
      validFrom: body.validFrom,
      validTo: body.validTo,
      asylumPlaces: body.asylumPlaces,
      permitPlaces: body.permitPlaces,
      replacesId: body.replacesId,
      signatures,
      // agreementProblems has refused an agreement without signatures.
      concludedOn: concludedOn(signatures) ?? body.validFrom,
      note: body.note.trim(),
      recordedBy: caller.actor.userId,
      recordedAt: caller.now,
    })
    .returning({ id: historicAgreements.id });
  caller.audit.detail('agreementId', row?.id ?? null);
  return readAgreements(caller);
}

export async function voidAgreement(
  caller: RequestCaller,
  agreementId: string,
  body: z.output<typeof VoidAgreementBody>,
): Promise<Answer<z.input<typeof AgreementsSchema>>> {
  const county = countyOfActor(caller.actor);
  const [agreement] = await caller.db
    .select({ id: historicAgreements.id, voidedAt: historicAgreements.voidedAt })
    .from(historicAgreements)
    .where(and(eq(historicAgreements.id, agreementId), eq(historicAgreements.countyCode, county)));
  if (agreement === undefined) throw notFound();
  caller.audit.detail('agreementId', agreement.id);
  const voided = await caller.db
    .update(historicAgreements)
    .set({ voidedBy: caller.actor.userId, voidedAt: caller.now, voidReason: body.reason.trim() })
    .where(and(eq(historicAgreements.id, agreement.id), isNull(historicAgreements.voidedAt)))
    .returning({ id: historicAgreements.id });
  if (voided.length === 0) throw conflict('agreement_voided', 'The registration is already voided');
  return readAgreements(caller);
}
