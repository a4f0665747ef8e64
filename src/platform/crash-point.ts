/**
 * Test-only crash points: the start-up's crash test (test/server/crash-restart.int.test.ts) makes a server process kill
 * itself with SIGKILL at a named point of its first start, inside a phase's transaction, and then checks that the next
 * start comes up. Armed only by ANVISA_TEST_CRASH_AT, which the configuration accepts with NODE_ENV=test alone
 * (src/platform/config.ts); unarmed, `crashPoint` does nothing.
 */

/** The points start-up passes, in order. */
export const CRASH_POINTS = [
  'migration',
  'reference',
  'seed-organisations',
  'seed-shares',
  'seed-children',
  'seed-cases',
  'growth',
] as const;
export type CrashPointName = (typeof CRASH_POINTS)[number];

let armed: { readonly name: CrashPointName; remaining: number } | null = null;

/** `name` or `name@n`: kill at the n-th time the point is reached (the first by default). */
export function parseCrashPoint(value: string): { name: CrashPointName; nth: number } | null {
  const match = /^([a-z-]+)(?:@([1-9]\d{0,3}))?$/u.exec(value);
  const name = CRASH_POINTS.find((p) => p === match?.[1]);
  if (match === null || name === undefined) return null;
  return { name, nth: match[2] === undefined ? 1 : Number(match[2]) };
}

export function armCrashPoint(point: { name: CrashPointName; nth: number } | null): void {
  armed = point === null ? null : { name: point.name, remaining: point.nth };
}

export function crashPoint(name: CrashPointName): void {
  if (armed === null || armed.name !== name) return;
  armed.remaining -= 1;
  if (armed.remaining === 0) process.kill(process.pid, 'SIGKILL');
}
