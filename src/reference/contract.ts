/**
 * The reference data's contract (counties, municipalities, liveness): what its routes answer. Imports only zod and
 * src/domain, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';

export const CountySchema = z.object({ code: z.string(), name: z.string(), shortName: z.string() });
export const CountiesResponse = z.array(CountySchema);

export const MunicipalitySchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The formal name decisions use ("Stockholms kommun", "Falu kommun"); null only before reference data has it. */
  officialName: z.string().nullable(),
  countyCode: z.string(),
});
export const MunicipalitiesResponse = z.array(MunicipalitySchema);
