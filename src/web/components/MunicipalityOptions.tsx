/** The 290 municipalities as options grouped by county, for a native select. */
import { useCounties, useMunicipalities } from '../api/queries.ts';

export function MunicipalityOptions() {
  const municipalities = useMunicipalities();
  const counties = useCounties();
  if (municipalities.data === undefined || counties.data === undefined) return null;
  const collator = new Intl.Collator('sv');
  return (
    <>
      {[...counties.data]
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((county) => (
          <optgroup key={county.code} label={county.name}>
            {municipalities.data
              .filter((m) => m.countyCode === county.code)
              .sort((a, b) => collator.compare(a.name, b.name))
              .map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
          </optgroup>
        ))}
    </>
  );
}
