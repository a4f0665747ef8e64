/** Whose figures a reader sees: the own municipality, the county board's county, the nation for the Agency. */
import { describe, expect, it } from 'vitest';
import { figureAreaOf } from '../../../src/domain/statistics/area.ts';
import { anActor } from '../../support/builders.ts';

describe('the area of a reader’s figures', () => {
  it('a municipality its own, a county board its county, the Migration Agency the nation', () => {
    expect(figureAreaOf(anActor('unit_manager').in('1280').build())).toEqual({
      kind: 'municipality',
      code: '1280',
    });
    expect(figureAreaOf(anActor('county_coordinator').inCounty('12').build())).toEqual({
      kind: 'county',
      code: '12',
    });
    expect(figureAreaOf(anActor('allocation_officer').build())).toEqual({ kind: 'nation', code: null });
  });

  it('nobody else has one: a county board without a county, a municipality without a code, a provider', () => {
    expect(figureAreaOf(anActor('county_coordinator').build())).toBeNull();
    expect(figureAreaOf(anActor('social_worker').build())).toBeNull();
    expect(figureAreaOf(anActor('provider_staff').atProvider('p1').build())).toBeNull();
  });
});
