/** The 290 municipalities as options grouped by county, for a native select (optionally within one county). */
import { useCounties, useMunicipalities } from '../api/queries.ts';

export function MunicipalityOptions({
  exclude,
  county,
}: {
  /** A municipality not to offer (e.g. the one a deviation departs from). */
  readonly exclude?: string;
  /** Only this county's municipalities. */
  readonly county?: string;
} = {}) {
  const municipalities = useMunicipalities();
  const counties = useCounties();
  if (municipalities.data === undefined || counties.data === undefined) return null;
  const collator = new Intl.Collator('sv');
  return (
    <>
      {[...counties.data]
        .filter((c) => county === undefined || c.code === county)
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((c) => (
          <optgroup key={c.code} label={c.name}>
            {municipalities.data
              .filter((m) => m.countyCode === c.code && m.code !== exclude)
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

/** A municipality's name from the reference list, or its code while the list loads. */
export function useMunicipalityName(): (code: string) => string {
  const municipalities = useMunicipalities();
  return (code) => municipalities.data?.find((m) => m.code === code)?.name ?? code;
}

/**
 * A municipality's formal name ("Falu kommun") from the reference list, for decisions; null while the list loads or
 * when the reference data lacks it (a document then waits rather than print a name made up here).
 */
export function useMunicipalityOfficialName(): ((code: string) => string) | null {
  const municipalities = useMunicipalities();
  const list = municipalities.data;
  if (list === undefined) return null;
  const byCode = new Map(list.map((m) => [m.code, m.officialName]));
  return (code) => byCode.get(code) ?? code;
}
