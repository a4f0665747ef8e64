/**
 * A form's schema taken from a contract's request body (ADR 0019, Documenso-style `.pick()`): the body's own field
 * schemas where the form sends what the body takes as it is, and the form's own where an input needs more — a date
 * typed as text, a number typed as a string, the web's error codes (form-errors.ts turns them into Swedish or English).
 * Each kept field must be one of the body's and each of the form's own must be one of the body's too and parse to a
 * value the body accepts: renaming or retyping a body field breaks the build here. The form's object is not strict (a
 * form may hold more than it sends); form-only fields are added with `.extend()` where the form is declared.
 */
import { z } from 'zod';

type OwnFields<S extends z.ZodRawShape, O> = {
  readonly [F in keyof O]: F extends keyof S ? z.ZodType<z.input<S[F]>> : never;
};

export function formFrom<
  S extends z.ZodRawShape,
  const K extends keyof S & string,
  O extends z.ZodRawShape & OwnFields<S, O>,
>(body: z.ZodObject<S>, keep: readonly K[], own: O) {
  const kept = Object.fromEntries(keep.map((key) => [key, body.shape[key]])) as Pick<S, K>;
  return z.object({ ...kept, ...own });
}
