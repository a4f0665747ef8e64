/**
 * The allocation routes' URL readers and thin wrappers (anvisning, queue, shares); router.tsx declares the routes
 * with their permissions. Each page is a chunk of its own, loaded before its route renders (lazy-route.tsx).
 */
import { lazyRouteComponent, useParams, useSearch } from '@tanstack/react-router';
import { DECISION_KINDS, RULES } from './api/allocation-types.ts';
import { loads } from './lazy-route.tsx';
import type { DecisionFilters } from './pages/allocation/DecisionHistoryPage.tsx';
import { QUEUE_LENGTHS } from './pages/allocation/queue-lengths.ts';

const DecisionDocumentPage = lazyRouteComponent(
  () => import('./pages/allocation/DecisionDocumentPage.tsx'),
  'DecisionDocumentPage',
);
const DecisionHistoryPage = lazyRouteComponent(
  () => import('./pages/allocation/DecisionHistoryPage.tsx'),
  'DecisionHistoryPage',
);
const DecisionPage = lazyRouteComponent(() => import('./pages/allocation/DecisionPage.tsx'), 'DecisionPage');
const QueuePage = lazyRouteComponent(() => import('./pages/allocation/QueuePage.tsx'), 'QueuePage');
const ShareVersionPage = lazyRouteComponent(
  () => import('./pages/shares/ShareVersionPage.tsx'),
  'ShareVersionPage',
);

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
export const DecisionRoute = loads(function DecisionRoute() {
  const { childId = '' } = useParams({ strict: false });
  return <DecisionPage key={childId} childId={childId} />;
}, DecisionPage);

export const DecisionHistoryRoute = loads(function DecisionHistoryRoute() {
  const { municipalityCode, kind, from, to, page } = useSearch({ strict: false });
  return <DecisionHistoryPage filters={decisionSearch({ municipalityCode, kind, from, to, page })} />;
}, DecisionHistoryPage);

export const DecisionDocumentRoute = loads(function DecisionDocumentRoute() {
  const { decisionId = '' } = useParams({ strict: false });
  return <DecisionDocumentPage key={decisionId} decisionId={decisionId} />;
}, DecisionDocumentPage);

export const QueueRoute = loads(function QueueRoute() {
  const { rule, length } = useSearch({ strict: false });
  // Other pages have a `rule` search parameter too (the worklist's deadline rule): take only an allocation rule.
  return <QueuePage rule={RULES.find((r) => r === rule) ?? 'quota'} length={length ?? 20} />;
}, QueuePage);

export const ShareVersionRoute = loads(function ShareVersionRoute() {
  const { versionId = '' } = useParams({ strict: false });
  return <ShareVersionPage key={versionId} versionId={versionId} />;
}, ShareVersionPage);
