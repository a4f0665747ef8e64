/**
 * What a log line may say about an error: a whitelist. An error's message, detail, hint, query, parameters and
 * `where` may quote what a request carried — a protected child's name, identity number or whereabouts
 * (`Failed query: … params: Zephyrina,…`, `Key (dossier_number)=(…) already exists`, `invalid input syntax …: "…"`).
 * So only the error's class, its codes (SQLSTATE, Node or Fastify code), the names of the schema objects involved
 * and the stack's frames (code locations) are kept — never a message, never a value.
 */

export interface SafeError {
  /** The error's class, e.g. DrizzleQueryError, DatabaseError. */
  readonly type: string;
  /** SQLSTATE for a database error (e.g. 22021), otherwise a Node or Fastify code (e.g. ECONNREFUSED). */
  readonly code?: string;
  /** Names of schema objects, never values. */
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  /** The server routine that raised it (PostgreSQL), e.g. report_invalid_encoding. */
  readonly routine?: string;
  /** HTTP status an error carries (Fastify errors). */
  readonly statusCode?: number;
  /** The stack's frames (function names and file locations) without its first line, which is the message. */
  readonly frames?: readonly string[];
  readonly cause?: SafeError;
}

/** A code, constraint or table name: word characters only, so that nothing a user typed can pass as one. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.$-]{0,62}$/;
/** A SQLSTATE (five characters, e.g. 23505) or a Node/Fastify code (ECONNREFUSED, FST_ERR_…). */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const FRAME = /^\s+at [^\n]{1,300}$/;
const MAX_FRAMES = 12;
const MAX_DEPTH = 4;

function name(value: unknown): string | undefined {
  return typeof value === 'string' && NAME.test(value) ? value : undefined;
}

function typeOf(error: object): string {
  const ctor = (error as { constructor?: { name?: unknown } }).constructor;
  return name(ctor?.name) ?? name((error as { name?: unknown }).name) ?? 'Error';
}

/** The frames of a stack; the lines before the first frame (the message, possibly several lines) are dropped. */
function framesOf(stack: unknown): string[] | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .split('\n')
    .filter((line) => FRAME.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  return frames.length > 0 ? frames : undefined;
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (error === null || typeof error !== 'object') return { type: typeof error };
  const e = error as Record<string, unknown>;
  const out: { -readonly [K in keyof SafeError]: SafeError[K] } = { type: typeOf(error) };
  const code = [e.code, e.sqlState].find(
    (c): c is string => typeof c === 'string' && (SQLSTATE.test(c) || name(c) !== undefined),
  );
  if (code !== undefined) out.code = code;
  const constraint = name(e.constraint);
  if (constraint !== undefined) out.constraint = constraint;
  const table = name(e.table);
  if (table !== undefined) out.table = table;
  const column = name(e.column);
  if (column !== undefined) out.column = column;
  const routine = name(e.routine);
  if (routine !== undefined) out.routine = routine;
  if (typeof e.statusCode === 'number' && Number.isInteger(e.statusCode)) out.statusCode = e.statusCode;
  const frames = depth === 0 ? framesOf(e.stack) : undefined;
  if (frames !== undefined) out.frames = frames;
  if (e.cause !== undefined && e.cause !== null && depth < MAX_DEPTH)
    out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** One line for a plain-text log or the terminal: `DrizzleQueryError ← DatabaseError 22021 (children)`. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: SafeError | undefined = safeError(error); e !== undefined; e = e.cause) {
    const names = [e.constraint, e.table, e.column].filter((v) => v !== undefined);
    parts.push(
      [e.type, e.code, names.length > 0 ? `(${names.join(', ')})` : undefined]
        .filter((v) => v !== undefined)
        .join(' '),
    );
  }
  return parts.join(' ← ');
}
