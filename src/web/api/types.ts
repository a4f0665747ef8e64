/**
 * The shapes of the API's JSON answers (see /openapi.json). The server is the authority; the UI only reads them. Where
 * a capability has a contract (src/<capability>/contract.ts) the types are its schemas' (ADR 0019).
 */
import type { z } from 'zod';
import type { Answer } from '../../domain/answer.ts';
import type {
  AssignmentSchema,
  AuthOptionsResponse,
  DevUsersResponse,
  GrantedResponse,
  MembersResponse,
  SessionSchema,
} from '../../access/contract.ts';
import type {
  EmergencyGrantsResponse,
  EntrySchema,
  LogPageSchema,
  UserReportResponse,
} from '../../audit/contract.ts';
import type {
  ChildDetailSchema,
  ChildListResponse,
  ChildSummarySchema,
  EmergencyAccessResponse,
} from '../../children/contract.ts';
import type { CountySchema, MunicipalitySchema } from '../../reference/contract.ts';
import type { ChildrenStatisticsResponse } from '../../statistics/contract.ts';

export type AuthOptions = Answer<z.infer<typeof AuthOptionsResponse>>;

export type DevUser = Answer<z.infer<typeof DevUsersResponse>>[number];

export type Assignment = Answer<z.infer<typeof AssignmentSchema>>;

export type Session = Answer<z.infer<typeof SessionSchema>>;

/** A child as the active role may see it (src/children/contract.ts). */
export type ChildSummary = Answer<z.infer<typeof ChildSummarySchema>>;

export type ChildList = Answer<z.infer<typeof ChildListResponse>>;

/** One child, as much as the active role may see (src/children/contract.ts). */
export type ChildDetail = Answer<z.infer<typeof ChildDetailSchema>>;

export type Municipality = Answer<z.infer<typeof MunicipalitySchema>>;

export type County = Answer<z.infer<typeof CountySchema>>;

/** One page view (or one request outside any view) in an audit log, with the parts it read or did. */
export type AuditEntry = Answer<z.infer<typeof EntrySchema>>;

/** A page of a log, newest first, with the cursors to the older and the newer page. */
export type AuditLogPage = Answer<z.infer<typeof LogPageSchema>>;

export type UserReport = Answer<z.infer<typeof UserReportResponse>>;

export type EmergencyGrant = Answer<z.infer<typeof EmergencyGrantsResponse>>[number];

export type AdminUsers = Answer<z.infer<typeof MembersResponse>>;

export type ChildrenInCare = Answer<z.infer<typeof ChildrenStatisticsResponse>>;

/** A role granted (POST /api/admin/role-assignments). */
export type Granted = Answer<z.infer<typeof GrantedResponse>>;

/** Emergency access opened to a child, until when (POST /api/emergency-access). */
export type EmergencyAccessGranted = Answer<z.infer<typeof EmergencyAccessResponse>>;
