/**
 * The contract between the demo generator (src/seed/demo.ts, about 2,000 children) and each capability's seeder
 * (src/seed/case-<capability>.ts). A seeder advances one child through its capability's machines by calling the
 * capability's use cases (never raw inserts), with dates between the child's anvisning and `today`, so that over the
 * whole population every state of every machine occurs. Randomness only from `random` (deterministic).
 */
import type { Role } from '../domain/access/roles.ts';
import type { Caller } from '../case/caller.ts';

export interface SeedChild {
  readonly id: string;
  /** Position in the generated population (0, 1, 2 …); use it to make sure every state occurs. */
  readonly index: number;
  readonly birthDate: string;
  readonly gender: 'female' | 'male' | 'other';
  readonly languages: readonly string[];
  readonly arrivalDate: string;
  readonly arrivalMunicipalityCode: string;
  /** Null while the child still waits for an anvisning. */
  readonly decidedOn: string | null;
  readonly assignedMunicipalityCode: string | null;
}

export interface SeedActors {
  /**
   * A caller acting on `date` in `role` for the organisation that serves `municipalityCode`: its social services
   * (social_worker, unit_manager), its guardianship authority (guardianship_officer), its county's region
   * (health_staff) and county board (county_coordinator); the Migration Agency (allocation_officer, asylum_officer) ignores the municipality.
   */
  as(role: Role, municipalityCode: string | null, date: string): Promise<Caller>;
  /** User ids of gode män available for the municipality (demo pool). */
  godMen(municipalityCode: string): Promise<readonly string[]>;
}

export type Random = () => number;

export type Seeder = (actors: SeedActors, child: SeedChild, random: Random, today: string) => Promise<void>;
