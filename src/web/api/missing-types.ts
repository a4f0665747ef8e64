/**
 * The shapes of the missing-children answers, from the capability's contract (src/missing/contract.ts, ADR 0019): a
 * field renamed there breaks the build here.
 */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  MissingStatisticsSchema,
  MissingViewSchema,
  PoliceEpisodeSchema,
  PoliceListSchema,
  ProfileViewSchema,
  ReviewListSchema,
} from '../../missing/contract.ts';

export type MissingView = Answer<z.output<typeof MissingViewSchema>>;
export type Episode = MissingView['episodes'][number];
export type EpisodeNotification = Episode['notifications'][number];
export type PoliceList = Answer<z.output<typeof PoliceListSchema>>;
export type PoliceEpisode = Answer<z.output<typeof PoliceEpisodeSchema>>;
export type ReviewList = Answer<z.output<typeof ReviewListSchema>>;
export type ReviewItem = ReviewList['episodes'][number];
export type MissingStatistics = Answer<z.output<typeof MissingStatisticsSchema>>;

export type MissingAction =
  | 'report'
  | 'police_report'
  | 'return'
  | 'follow_up'
  | 'review'
  | 'found'
  | 'found_after_closure'
  | 'return_talk'
  | 'complete'
  | 'close_not_found'
  | 'close_aged_out'
  | 'close_left_country'
  | 'lvu'
  | 'emergency_care'
  | 'strategy_meeting';

export type ProfileView = Answer<z.infer<typeof ProfileViewSchema>>;
export type ProfileVersion = NonNullable<ProfileView['current']>;
export type StoredProfile = ProfileVersion['profile'];
