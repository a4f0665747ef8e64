/**
 * The link between a route's response schema and its handler is checked by the compiler (tsc runs over this file):
 * each `@ts-expect-error` below fails the build if the stricter route type stops refusing the handler under it.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, requires, type HandlerResult } from '../../../src/platform/http/route.ts';

const Answer = z.object({ id: z.uuid(), municipalityCode: z.string(), children: z.array(z.string()) });

describe('a handler returns what its response schema declares', () => {
  it('accepts the declared fields, read-only arrays included', () => {
    const route = defineRoute({
      method: 'GET',
      url: '/x',
      summary: 'x',
      tags: ['x'],
      access: requires('allocation:read'),
      audit: 'allocation.read',
      response: { 200: Answer },
      handler: async () => ({ id: 'a', municipalityCode: '0180', children: ['b'] as const }),
    });
    expect(route.response?.[200]).toBe(Answer);
  });

  it('refuses a handler that returns a renamed field', () => {
    const route = defineRoute({
      method: 'GET',
      url: '/x',
      summary: 'x',
      tags: ['x'],
      access: requires('allocation:read'),
      audit: 'allocation.read',
      response: { 200: Answer },
      // @ts-expect-error municipalityCode was renamed in the handler: the contract no longer holds
      handler: async () => ({ id: 'a', kommunkod: '0180', children: [] }),
    });
    expect(route.url).toBe('/x');
  });

  it('refuses a handler that returns a field of the wrong type, for 201 as for 200', () => {
    const route = defineRoute({
      method: 'POST',
      url: '/x',
      summary: 'x',
      tags: ['x'],
      access: requires('allocation:decide'),
      audit: 'allocation.decide',
      response: { 201: Answer },
      // @ts-expect-error children is a list of strings in the contract
      handler: async () => ({ id: 'a', municipalityCode: '0180', children: [1] }),
    });
    expect(route.method).toBe('POST');
  });

  it('types the answer as the union of the declared answers, and leaves routes without one unchecked', () => {
    type Both = HandlerResult<{ 200: typeof Answer; 301: z.ZodObject<{ to: z.ZodString }> }>;
    const redirect: Both = { to: '/elsewhere' };
    // @ts-expect-error neither answer has this shape
    const wrong: Both = { elsewhere: true };
    const file: HandlerResult<Record<never, never>> = Buffer.from('a');
    expect([redirect, wrong, file]).toHaveLength(3);
  });
});
