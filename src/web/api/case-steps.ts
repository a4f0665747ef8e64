/**
 * The steps a section view offers (the server decides, the UI reflects): each names the route that takes it and what
 * its body needs. `useCaseStep` sends one: the answer is the section as it is now; a 409 — someone else changed this
 * part of the case after the page was loaded (`stale`), or the step is no longer possible — reloads the section so
 * the page shows it as it is, and is said in the section's own words.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterChildStep } from './child-keys.ts';
import { ApiError, apiPost } from './client.ts';
import { afterCaseChange } from './placement-queries.ts';

export interface CaseStep<A extends string = string> {
  /** The step's name in the UI: its texts are `<section>.action.<action>`. */
  readonly action: A;
  readonly machine: string;
  readonly event: string;
  readonly method: 'POST';
  /** The route that takes the step (/api/children/…). */
  readonly path: string;
  readonly needs: {
    /** The body's date field; null where the step takes effect the day it is recorded. */
    readonly date: string | null;
    readonly bestInterests: boolean;
    readonly decisionKind: string | null;
    /** The body's other fields (besides the date, `expectedVersion` and a best-interests record). */
    readonly fields: readonly string[];
  };
}

/** The step of `action` among those the server offers, or null when it is not offered now. */
export function offered<A extends string>(
  steps: readonly CaseStep<A>[],
  action: A | null,
): CaseStep<A> | null {
  return action === null ? null : (steps.find((s) => s.action === action) ?? null);
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'stale' || error.code === 'transition_not_allowed');
}

/**
 * A stale view's 409 in the section's words: `apiError.<section>_stale`, `apiError.<section>_transition_not_allowed`
 * (placement, school and health share placement's).
 */
export function sectionError(error: unknown, section = 'placement'): unknown {
  if (isStale(error) && error instanceof ApiError) {
    return new ApiError(error.status, `${section}_${error.code}`, error.message, [], error.requestId);
  }
  return error;
}

/** Sends the step with the version of the section the user saw. */
export function useCaseStep<T>({
  childId,
  step,
  version,
  queryKey,
  section = 'placement',
  answersView = true,
  onDone,
  onError,
}: {
  readonly childId: string;
  readonly step: CaseStep;
  /**
   * Whose words a stale view's 409 is said in (`sectionError`); null: the refusal as the server said it, for a form
   * that shows a stale view in words of its own (the social case names the step someone else took).
   */
  readonly section?: string | null;
  readonly version: number;
  /** The section's query: it takes the answer, or reloads after a 409. */
  readonly queryKey: readonly unknown[];
  /**
   * Whether the route answers with the section as it is now (placement, school, health: it goes into the section's
   * query); where it answers with something else (guardianship, responsibility) the section reloads instead.
   */
  readonly answersView?: boolean;
  readonly onDone: (view: T) => void;
  /** The refusal, a stale view already put in the section's words. */
  readonly onError: (error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Readonly<Record<string, unknown>>) =>
      apiPost<T>(step.path, { ...body, expectedVersion: version }),
    onSuccess: (next) => {
      if (answersView) afterCaseChange(queryClient, queryKey, childId, next);
      else void afterChildStep(queryClient, childId);
      onDone(next);
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey });
      onError(section === null ? error : sectionError(error, section));
    },
  });
}
