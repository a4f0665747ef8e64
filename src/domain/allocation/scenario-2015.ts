/**
 * A reproducible synthetic year shaped like 2015 (../shared/domain/allocation-and-compensation.md §4):
 * 35,369 children; the monthly profile; 8 % girls; ages 0–12 ≈ 8 %, 13–15 ≈ 40 %, 16–17 ≈ 52 %; about 17 % with a
 * relative, placed in proportion to population; sibling groups.
 *
 * Monthly figures: January 572 and June 1,447 are published; February–May share the published January–June total
 * (4,546) evenly; July–September share the published January–September total (14,058); October–December share the
 * rest of the year's 35,369 in proportion to the published weekly peaks (about 2,400 a week in October and
 * November). The sibling share (about 6 % of children arrive with a brother or sister, in pairs and a few threes)
 * is an assumption; no source gives it.
 */
import { seededRandom, weightedPicker } from '../random.ts';
import type { Arrival } from './simulate.ts';

export const MONTHS_2015 = [572, 560, 620, 640, 707, 1447, 2100, 2800, 4612, 9600, 8900, 2811] as const;
export const GIRLS_SHARE = 0.08;
export const RELATIVE_SHARE = 0.17;
export const SIBLING_SHARE = 0.06;

export interface ScenarioChild extends Arrival {
  readonly gender: 'female' | 'male';
  readonly age: number;
}

function ageFor(random: () => number): number {
  const x = random();
  if (x < 0.08) return 6 + Math.floor(random() * 7); // 6–12
  if (x < 0.48) return 13 + Math.floor(random() * 3); // 13–15
  return 16 + Math.floor(random() * 2); // 16–17
}

export function scenario2015(
  seed: number,
  populations: readonly { code: string; population: number }[],
): ScenarioChild[] {
  const random = seededRandom(seed);
  const pickMunicipality = weightedPicker(populations.map((p) => p.population));
  const children: ScenarioChild[] = [];
  let groupNo = 0;
  MONTHS_2015.forEach((count, month) => {
    const days = new Date(Date.UTC(2015, month + 1, 0)).getUTCDate();
    const dates = Array.from({ length: count }, () => 1 + Math.floor(random() * days)).sort((a, b) => a - b);
    let i = 0;
    while (i < count) {
      const date = `2015-${String(month + 1).padStart(2, '0')}-${String(dates[i] ?? 1).padStart(2, '0')}`;
      const size = random() < SIBLING_SHARE / 2 ? (random() < 0.85 ? 2 : 3) : 1;
      const group = size > 1 ? `s${++groupNo}` : null;
      const relative =
        random() < RELATIVE_SHARE ? (populations[pickMunicipality(random)]?.code ?? null) : null;
      for (let j = 0; j < size && i < count; j++, i++) {
        children.push({
          childId: `B${String(children.length + 1).padStart(5, '0')}`,
          date,
          relativeCode: j === 0 ? relative : null,
          siblingGroup: group,
          gender: random() < GIRLS_SHARE ? 'female' : 'male',
          age: ageFor(random),
        });
      }
    }
  });
  return children;
}
