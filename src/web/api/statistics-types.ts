/** Key figures of the case (GET /api/statistics/key-figures). */
export const FIGURE_AGE_BANDS = ['0-12', '13-15', '16-17', '18+'] as const;
export const FIGURE_GENDERS = ['female', 'male', 'other'] as const;

export interface FigureCell {
  readonly gender: (typeof FIGURE_GENDERS)[number] | 'all';
  readonly ageBand: (typeof FIGURE_AGE_BANDS)[number] | 'all';
  readonly n: number | null;
  readonly suppressed: boolean;
  readonly medianDays: number | null;
  readonly withinGoal: number | null;
}

export interface KeyFigures {
  readonly area: { readonly kind: 'municipality' | 'county' | 'nation'; readonly code: string | null };
  readonly from: string;
  readonly to: string;
  readonly schoolStart: readonly FigureCell[];
  readonly careReviews: readonly FigureCell[];
  readonly godManAppointment: readonly FigureCell[];
}
