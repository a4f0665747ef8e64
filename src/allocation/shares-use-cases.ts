/** Share versions: import decided shares, save a computed proposal, transfer within a county. Each is a new version. */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { shareVersionHash } from '../domain/allocation/decision.ts';
import {
  applyTransfers,
  populationShares,
  proposeShares,
  validateShares,
  type ProposalInput,
  type ProposalWeights,
  type Transfer,
} from '../domain/allocation/shares.ts';
import type { Actor } from '../domain/access/child-scope.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import {
  municipalities,
  population,
  shareTransfers,
  shareValues,
  shareVersions,
} from '../platform/db/schema.ts';
import { notFound, unprocessable } from '../platform/http/errors.ts';
import type { AuditScope } from '../platform/http/route.ts';
import { parseCsv, type CsvError } from '../reference/csv.ts';
import { allMunicipalityCodes, loadShareVersion } from './ledger.ts';

export interface SharesCaller {
  readonly db: DbOrTx;
  readonly actor: Actor;
  readonly now: Date;
  readonly audit: AuditScope;
}

function csvProblems(error: unknown): never {
  const e = error as CsvError;
  throw unprocessable(
    'invalid_csv',
    'The file has errors',
    e.problems.map((p) => ({
      field: `body.csv.line${p.line}`,
      code: 'invalid_row',
      message: `rad ${p.line}: ${p.message}`,
    })),
  );
}

async function saveVersion(
  caller: SharesCaller,
  input: {
    validFrom: string;
    source: 'import' | 'proposal' | 'transfer';
    note: string;
    basedOnId: string | null;
    shares: ReadonlyMap<string, number>;
  },
): Promise<{ id: string }> {
  const [row] = await caller.db
    .insert(shareVersions)
    .values({
      validFrom: input.validFrom,
      source: input.source,
      basedOnId: input.basedOnId,
      note: input.note,
      decidedBy: caller.actor.userId,
      decidedAt: caller.now,
      contentHash: shareVersionHash(input.validFrom, input.shares),
    })
    .returning({ id: shareVersions.id });
  if (row === undefined) throw new Error('insert returned nothing');
  await caller.db
    .insert(shareValues)
    .values(
      [...input.shares].map(([code, promille]) => ({ versionId: row.id, municipalityCode: code, promille })),
    );
  caller.audit.detail('shareVersionId', row.id);
  caller.audit.detail('source', input.source);
  return row;
}

export async function importShares(
  caller: SharesCaller,
  input: { validFrom: string; csv: string; note: string },
): Promise<{ id: string }> {
  let rows;
  try {
    rows = parseCsv(input.csv, 'andelar.csv', ['kommunkod', 'promille']).map(
      ({ line, cells: [code = '', value = ''] }) => ({ line, code, value }),
    );
  } catch (error) {
    csvProblems(error);
  }
  const known = new Set(await allMunicipalityCodes(caller.db));
  const { shares, problems } = validateShares(rows, known, { requireAll: true });
  if (problems.length > 0) csvProblems({ problems });
  return saveVersion(caller, {
    validFrom: input.validFrom,
    source: 'import',
    note: input.note,
    basedOnId: null,
    shares,
  });
}

const INPUT_COLUMNS = [
  'kommunkod',
  'folkmangd',
  'mottagna_nyanlanda',
  'mottagna_ekb',
  'asyl_dygn',
  'ankomst_dygn',
] as const;

export function parseProposalInputs(csv: string, known: ReadonlySet<string>): ProposalInput[] {
  let rows;
  try {
    rows = parseCsv(csv, 'underlag.csv', INPUT_COLUMNS);
  } catch (error) {
    csvProblems(error);
  }
  const problems: { line: number; message: string }[] = [];
  const inputs = rows.map(({ line, cells }) => {
    const [code = '', ...numbers] = cells;
    if (!known.has(code)) problems.push({ line, message: `unknown kommunkod ${code}` });
    numbers.forEach((n, i) => {
      if (!/^[0-9]+$/.test(n))
        problems.push({ line, message: `${INPUT_COLUMNS[i + 1] ?? ''} "${n}" is not a whole number ≥ 0` });
    });
    const [pop = 0, ny = 0, ekb = 0, asyl = 0, ank = 0] = numbers.map(Number);
    return {
      code,
      population: pop,
      newlyArrived: ny,
      unaccompanied: ekb,
      asylumDays: asyl,
      arrivalDays: ank,
    };
  });
  const missing = [...known].filter((c) => !inputs.some((i) => i.code === c));
  if (missing.length > 0)
    problems.push({
      line: rows.length + 1,
      message: `${missing.length} municipalities are missing, e.g. ${missing.slice(0, 5).join(', ')}`,
    });
  if (problems.length > 0) csvProblems({ problems });
  return inputs;
}

export async function computeProposal(
  db: DbOrTx,
  input: { csv: string; forecast: number; weights: ProposalWeights },
) {
  const known = new Set(await allMunicipalityCodes(db));
  return proposeShares(parseProposalInputs(input.csv, known), input.forecast, input.weights);
}

export async function saveProposal(
  caller: SharesCaller,
  input: { validFrom: string; csv: string; forecast: number; weights: ProposalWeights; note: string },
): Promise<{ id: string }> {
  const proposal = await computeProposal(caller.db, input);
  return saveVersion(caller, {
    validFrom: input.validFrom,
    source: 'proposal',
    note: `${input.note} (prognos ${input.forecast})`,
    basedOnId: null,
    shares: new Map(proposal.shares.map((s) => [s.code, s.share])),
  });
}

export async function transferShares(
  caller: SharesCaller,
  input: { versionId: string; transfers: readonly Transfer[]; decidedBy: string; note: string },
): Promise<{ id: string }> {
  const [exists] = await caller.db
    .select({ id: shareVersions.id })
    .from(shareVersions)
    .where(eq(shareVersions.id, input.versionId));
  if (exists === undefined) throw notFound();
  const base = await loadShareVersion(caller.db, input.versionId);
  const { shares, problems, problemIndexes } = applyTransfers(base.shares, input.transfers);
  if (problems.length > 0) {
    throw unprocessable(
      'invalid_transfer',
      'The transfers cannot be made',
      problems.map((message, i) => ({
        field: `body.transfers.${problemIndexes[i] ?? i}`,
        code: 'invalid',
        message,
      })),
    );
  }
  const saved = await saveVersion(caller, {
    validFrom: base.validFrom,
    source: 'transfer',
    note: input.note,
    basedOnId: base.id,
    shares,
  });
  await caller.db
    .insert(shareTransfers)
    .values(input.transfers.map((t) => ({ ...t, versionId: saved.id, decidedBy: input.decidedBy })));
  return saved;
}

export async function listShareVersions(db: DbOrTx) {
  return db
    .select()
    .from(shareVersions)
    .orderBy(desc(shareVersions.validFrom), desc(shareVersions.decidedAt));
}

export async function shareVersionDetail(db: DbOrTx, id: string) {
  const [version] = await db.select().from(shareVersions).where(eq(shareVersions.id, id));
  if (version === undefined) throw notFound();
  const values = await db
    .select({
      code: shareValues.municipalityCode,
      name: municipalities.name,
      countyCode: municipalities.countyCode,
      promille: shareValues.promille,
    })
    .from(shareValues)
    .innerJoin(municipalities, eq(municipalities.code, shareValues.municipalityCode))
    .where(eq(shareValues.versionId, id))
    .orderBy(asc(shareValues.municipalityCode));
  const transfers = await db
    .select()
    .from(shareTransfers)
    .where(inArray(shareTransfers.versionId, [id]));
  return { version, values, transfers };
}

/** Decided shares proportional to a year's population (floor 1 ‰), for demo data and first starts. */
export async function populationShareCsv(db: DbOrTx, year: number): Promise<string> {
  const rows = await db.select().from(population).where(eq(population.year, year));
  const shares = populationShares(rows.map((r) => ({ code: r.municipalityCode, population: r.population })));
  return `kommunkod,promille\n${[...shares].map(([c, s]) => `${c},${s}`).join('\n')}\n`;
}
