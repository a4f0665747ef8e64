/** Swedish, the UI's first language. Every key here must exist in en.ts too (the compiler checks it). */
import { svAllocation } from './sv-allocation.ts';
import { svAsylum } from './sv-asylum.ts';
import { svResponsibility } from './sv-responsibility.ts';
import { svCasework } from './sv-casework.ts';
import { svPlacement } from './sv-placement.ts';
import { svGuardianship } from './sv-guardianship.ts';
import { svWorklist } from './sv-worklist.ts';
import { svStatistics } from './sv-statistics.ts';
import { svChild } from './sv-child.ts';
import { svAudit } from './sv-audit.ts';
import { svMissing } from './sv-missing.ts';
import { svCounty } from './sv-county.ts';
import { svNetworks } from './sv-networks.ts';
import { svGrants } from './sv-grants.ts';
import { svAllowance } from './sv-allowance.ts';
import { svCompensation } from './sv-compensation.ts';
import { svClaims } from './sv-claims.ts';
import { svPayouts } from './sv-payouts.ts';
import { svReconciliation } from './sv-reconciliation.ts';
import { svSupervision } from './sv-supervision.ts';
import { svCore } from './sv-core.ts';
export const sv = {
  ...svAsylum,
  ...svAllocation,
  ...svResponsibility,
  ...svCasework,
  ...svPlacement,
  ...svGuardianship,
  ...svWorklist,
  ...svStatistics,
  ...svChild,
  ...svAudit,
  ...svMissing,
  ...svCounty,
  ...svNetworks,
  ...svGrants,
  ...svAllowance,
  ...svCompensation,
  ...svClaims,
  ...svPayouts,
  ...svReconciliation,
  ...svSupervision,
  ...svCore,
} as const satisfies Readonly<Record<string, string>>;
