/**
 * The shape of a JSON answer as a type: every array and object read-only. The server only serialises an answer and the
 * web only reads one, so both take a contract's schema through this (route.ts, src/web/api/*-types.ts; ADR 0019).
 */
export type Answer<T> = T extends readonly (infer U)[]
  ? readonly Answer<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]: Answer<T[K]> }
      : T;

/**
 * A contract's answer with some fields narrowed to the values the client relies on (e.g. a kind sent as a string).
 * Each narrowed field must exist in the answer and its type must fit the answer's, so renaming it breaks the build.
 */
export type Narrow<T, N extends { readonly [K in keyof N]: K extends keyof T ? T[K] : never }> = Omit<
  T,
  keyof N
> &
  N;
