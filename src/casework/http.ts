/** What the casework routes share: the caller of a use case and the date field. */
import { z } from 'zod';
import { isIsoDate } from '../domain/time.ts';
import type { Caller } from '../children/use-cases.ts';
import type { RouteContext } from '../platform/http/route.ts';

export const isoDate = z.string().refine(isIsoDate, { message: 'Use a real date written YYYY-MM-DD' });

export function caller(ctx: RouteContext<unknown, unknown, unknown>): Caller {
  return { db: ctx.db, actor: ctx.requireActor(), now: ctx.now, today: ctx.today, audit: ctx.audit };
}
