/**
 * The shapes of the placement, school and health answers, from the capabilities' contracts (src/placement,
 * src/school and src/health contract.ts, ADR 0019): a field renamed there breaks the build here. The server sends a
 * state, a form or a legal basis as a string; the web narrows it to the values it relies on (`Narrow`).
 */
import type { z } from 'zod';
import type { CaseStep } from './case-steps.ts';
import type { Answer, Narrow } from '../../domain/answer.ts';
import type { health, placement, school } from '../../domain/case/machines.ts';
import type { LegalBasis, PlacementForm } from '../../domain/placement/vocabulary.ts';
import type {
  MeetingSchema,
  PlacementSchema,
  PlacementViewSchema,
  ProvidersSchema,
} from '../../placement/contract.ts';
import type { SchoolViewSchema } from '../../school/contract.ts';
import type { HealthViewSchema } from '../../health/contract.ts';

export {
  LEGAL_BASES,
  PLACEMENT_END_REASONS,
  PLACEMENT_FORMS,
  REFERRAL_DESTINATIONS,
  SCHOOL_PROGRAMMES,
  TARGET_GROUPS,
  type LegalBasis,
  type PlacementForm,
} from '../../domain/placement/vocabulary.ts';

export type ProvidersView = Answer<z.infer<typeof ProvidersSchema>>;

export type Provider = ProvidersView['providers'][number];

export type CapacityRow = ProvidersView['capacity'][number];

/** Shown wherever someone is about to meet the child. */
export type MeetingFacts = Answer<z.infer<typeof MeetingSchema>>;

export type PlacementRecord = Narrow<
  Answer<z.infer<typeof PlacementSchema>>,
  { readonly form: PlacementForm; readonly legalBasis: LegalBasis }
>;

export type PlacementAction = 'place' | 'on_call' | 'move' | 'end';

export type PlacementView = Narrow<
  Answer<z.infer<typeof PlacementViewSchema>>,
  {
    readonly state: (typeof placement.states)[number];
    readonly current: PlacementRecord | null;
    readonly history: readonly PlacementRecord[];
    /** The decisions the caller may make now (none for a reader). */
    readonly steps: readonly CaseStep<PlacementAction>[];
  }
>;

export type SchoolAction = 'enrol' | 'start' | 'end';

export type SchoolView = Narrow<
  Answer<z.infer<typeof SchoolViewSchema>>,
  {
    readonly state: (typeof school.states)[number];
    /** What the caller may record now (none for a reader). */
    readonly steps: readonly CaseStep<SchoolAction>[];
  }
>;

export type HealthAction = 'offer' | 'done' | 'declined' | 'referral';

export type HealthView = Narrow<
  Answer<z.infer<typeof HealthViewSchema>>,
  {
    readonly state: (typeof health.states)[number];
    /** What the caller may record now (none for a reader). */
    readonly steps: readonly CaseStep<HealthAction>[];
  }
>;
