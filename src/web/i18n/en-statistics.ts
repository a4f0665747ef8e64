/** English texts of the key figures page. Typed against the Swedish ones. */
import type { svStatistics } from './sv-statistics.ts';

export const enStatistics: Readonly<Record<keyof typeof svStatistics, string>> = {
  'nav.figures': 'Key figures',
  'task.figures': 'School start, reviews of the care and time to a god man, by gender and age.',
  'kind.key_figures.read': 'Key figures read',
  'figures.title': 'Key figures',
  'figures.intro':
    'Key figures are always split by gender and age band. Cells with fewer than five children are not shown.',
  'figures.period': 'Period',
  'figures.from': 'From',
  'figures.to': 'To (empty = today)',
  'figures.show': 'Show',
  'figures.areaNation': 'The whole country.',
  'figures.areaCounty': 'The county ({code}).',
  'figures.areaMunicipality': 'The municipality ({code}).',
  'figures.periodText': 'Period {from} – {to}.',
  'figures.schoolStart': 'School start after arrival',
  'figures.schoolStartGoal':
    'Goal: school within 30 days of arrival (prop. 2000/01:115). Share within the goal and median days.',
  'figures.careReviews': 'Reviews of the care on time',
  'figures.careReviewsGoal':
    'The care is reviewed at least every six months (ch. 22 s. 13 Social Services Act 2025:400, formerly ch. 6 s. 8 SoL 2001:453). Share on time and median days between reviews.',
  'figures.godMan': 'Time from request to appointed god man',
  'figures.godManGoal':
    'As soon as possible (s. 3 Act 2005:429); practice 2–3 days. Share within 3 days and median days.',
  'figures.gender': 'Gender',
  'figures.gender.female': 'Girls',
  'figures.gender.male': 'Boys',
  'figures.gender.other': 'Other',
  'figures.allGenders': 'All',
  'figures.ageBand': '{band} years',
  'figures.allAges': 'All ages',
  'figures.cell.one': '{count} child · {share} within the goal · median {median} d',
  'figures.cell.other': '{count} children · {share} within the goal · median {median} d',
  'figures.suppressed': 'fewer than 5',
  'figures.suppressionNote':
    '"fewer than 5" means 1–4 children; the values are not shown so that no child can be singled out.',
};
