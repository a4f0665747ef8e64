/** Errors a use case may throw; the HTTP layer turns them into answers with a stable code (src/domain/error-codes.ts). */
import type { ErrorCode } from '../../domain/error-codes.ts';

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    /** Children the refused request was about, for the audit trail of refused attempts. */
    readonly childIds: readonly string[] = [],
    /** A stale edit's 409 carries the record as it is now (presented for the caller). */
    readonly current: unknown = undefined,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Outsiders get 404: the answer never hints that the record exists. */
export const notFound = (childIds: readonly string[] = []) =>
  new HttpError(404, 'not_found', 'Not found', [], childIds);
export const forbidden = (childIds: readonly string[] = []) =>
  new HttpError(403, 'forbidden', 'Your active role does not allow this', [], childIds);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Log in first');
export const conflict = (code: ErrorCode, message: string, fields: readonly FieldProblem[] = []) =>
  new HttpError(409, code, message, fields);
export const badRequest = (code: ErrorCode, message: string, fields: readonly FieldProblem[] = []) =>
  new HttpError(400, code, message, fields);
export const unprocessable = (code: ErrorCode, message: string, fields: readonly FieldProblem[] = []) =>
  new HttpError(422, code, message, fields);

/** A stale edit (optimistic concurrency): 409 with the other change shown, so the user loses nothing. */
export const stale = (message: string, current: unknown) =>
  new HttpError(409, 'stale', message, [], [], current);
