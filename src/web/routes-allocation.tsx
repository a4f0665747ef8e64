/**
 * The allocation routes' URL readers and thin wrappers (anvisning, queue, shares); router.tsx declares the routes
 * with their permissions.
 */
import { useParams, useSearch } from '@tanstack/react-router';
import { DECISION_KINDS, RULES } from './api/allocation-types.ts';
import { DecisionDocumentPage } from './pages/allocation/DecisionDocumentPage.tsx';
import { DecisionHistoryPage, type DecisionFilters } from './pages/allocation/DecisionHistoryPage.tsx';
import { DecisionPage } from './pages/allocation/DecisionPage.tsx';
import { QUEUE_LENGTHS, QueuePage } from './pages/allocation/QueuePage.tsx';
import { ShareVersionPage } from './pages/shares/ShareVersionPage.tsx';

type Search = Record<string, unknown>;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: unknown) => (typeof value === 'string' && ISO_DATE.test(value) ? value : undefined);

export function decisionSearch(search: Search): DecisionFilters {
  const municipalityCode =
    typeof search.municipalityCode === 'string' && /^\d{4}$/.test(search.municipalityCode)
      ? search.municipalityCode
      : undefined;
  const kind = DECISION_KINDS.find((k) => k === search.kind);
  const from = date(search.from);
  const to = date(search.to);
  const page = Number(search.page);
  return {
    ...(municipalityCode === undefined ? {} : { municipalityCode }),
    ...(kind === undefined ? {} : { kind }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

export function queueSearch(search: Search): { rule?: (typeof RULES)[number]; length?: number } {
  const rule = RULES.find((r) => r === search.rule);
  const length = QUEUE_LENGTHS.find((n) => n === Number(search.length));
  return { ...(rule === undefined ? {} : { rule }), ...(length === undefined ? {} : { length }) };
}

// Thin wrappers: read the URL, hand plain props to the page.
export function DecisionRoute() {
  const { childId = '' } = useParams({ strict: false });
  return <DecisionPage key={childId} childId={childId} />;
}
export function DecisionHistoryRoute() {
  const { municipalityCode, kind, from, to, page } = useSearch({ strict: false });
  return <DecisionHistoryPage filters={decisionSearch({ municipalityCode, kind, from, to, page })} />;
}
export function DecisionDocumentRoute() {
  const { decisionId = '' } = useParams({ strict: false });
  return <DecisionDocumentPage key={decisionId} decisionId={decisionId} />;
}
export function QueueRoute() {
  const { rule, length } = useSearch({ strict: false });
  // Other pages have a `rule` search parameter too (the worklist's deadline rule): take only an allocation rule.
  return <QueuePage rule={RULES.find((r) => r === rule) ?? 'quota'} length={length ?? 20} />;
}
export function ShareVersionRoute() {
  const { versionId = '' } = useParams({ strict: false });
  return <ShareVersionPage key={versionId} versionId={versionId} />;
}
