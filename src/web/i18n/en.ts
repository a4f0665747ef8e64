/** English. Typed against the Swedish dictionary: a missing or extra key is a compile error. */
import { enAllocation } from './en-allocation.ts';
import { enAsylum } from './en-asylum.ts';
import { enResponsibility } from './en-responsibility.ts';
import { enCasework } from './en-casework.ts';
import { enPlacement } from './en-placement.ts';
import { enGuardianship } from './en-guardianship.ts';
import { enWorklist } from './en-worklist.ts';
import { enStatistics } from './en-statistics.ts';
import { enChild } from './en-child.ts';
import { enAudit } from './en-audit.ts';
import { enMissing } from './en-missing.ts';
import { enCounty } from './en-county.ts';
import { enNetworks } from './en-networks.ts';
import { enGrants } from './en-grants.ts';
import { enAllowance } from './en-allowance.ts';
import { enCompensation } from './en-compensation.ts';
import { enClaims } from './en-claims.ts';
import { enPayouts } from './en-payouts.ts';
import { enReconciliation } from './en-reconciliation.ts';
import { enSupervision } from './en-supervision.ts';
import type { sv } from './sv.ts';
import { enCore } from './en-core.ts';

export const en: Readonly<Record<keyof typeof sv, string>> = {
  ...enAsylum,
  ...enAllocation,
  ...enResponsibility,
  ...enCasework,
  ...enPlacement,
  ...enGuardianship,
  ...enWorklist,
  ...enStatistics,
  ...enChild,
  ...enAudit,
  ...enMissing,
  ...enCounty,
  ...enNetworks,
  ...enGrants,
  ...enAllowance,
  ...enCompensation,
  ...enClaims,
  ...enPayouts,
  ...enReconciliation,
  ...enSupervision,
  ...enCore,
};
