/**
 * The Swedish Police Authority's seven regions (Polismyndigheten since 1 January 2015) and the counties each covers,
 * as Brå listed them when crime statistics moved to the regions (bra.se, 2015-02-12). The police view of children who
 * go missing (issue 12, ADR 0025) shows an officer the open episodes whose responsible municipality lies in the
 * officer's region.
 */
export const POLICE_REGIONS = {
  nord: { name: 'Polisregion Nord', counties: ['22', '23', '24', '25'], seat: '24' },
  mitt: { name: 'Polisregion Mitt', counties: ['03', '19', '21'], seat: '03' },
  stockholm: { name: 'Polisregion Stockholm', counties: ['01', '09'], seat: '01' },
  ost: { name: 'Polisregion Öst', counties: ['04', '05', '06'], seat: '05' },
  vast: { name: 'Polisregion Väst', counties: ['13', '14'], seat: '14' },
  syd: { name: 'Polisregion Syd', counties: ['07', '08', '10', '12'], seat: '12' },
  bergslagen: { name: 'Polisregion Bergslagen', counties: ['17', '18', '20'], seat: '18' },
} as const satisfies Record<
  string,
  { readonly name: string; readonly counties: readonly string[]; readonly seat: string }
>;
export type PoliceRegion = keyof typeof POLICE_REGIONS;

/** The police region a county (länskod) belongs to; null for a code that is no county. */
export function policeRegionOfCounty(countyCode: string): PoliceRegion | null {
  for (const [region, { counties }] of Object.entries(POLICE_REGIONS) as [
    PoliceRegion,
    (typeof POLICE_REGIONS)[PoliceRegion],
  ][])
    if ((counties as readonly string[]).includes(countyCode)) return region;
  return null;
}

/** The counties of the police region an organisation placed in `countyCode` (its seat) belongs to. */
export function countiesOfPoliceRegionAt(countyCode: string | null): readonly string[] {
  if (countyCode === null) return [];
  const region = policeRegionOfCounty(countyCode);
  return region === null ? [] : POLICE_REGIONS[region].counties;
}
