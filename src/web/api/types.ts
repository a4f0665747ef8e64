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
  SessionSchema,
} from '../../access/contract.ts';
import type {
  ChildDetailSchema,
  ChildListResponse,
  ChildSummarySchema,
  MunicipalityRefSchema,
} from '../../children/contract.ts';
import type { CountySchema, MunicipalitySchema } from '../../reference/contract.ts';
import type { StatisticsRowSchema } from '../../statistics/contract.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { AuditEventKind } from '../../domain/audit/events.ts';
import type { AuditSection } from '../../domain/audit/page-views.ts';

export type Gender = 'female' | 'male' | 'other';
export type ChildView = 'minimal' | 'basic' | 'full';

export type AuthOptions = Answer<z.infer<typeof AuthOptionsResponse>>;

export type DevUser = Answer<z.infer<typeof DevUsersResponse>>[number];

export type Assignment = Answer<z.infer<typeof AssignmentSchema>>;

export type Session = Answer<z.infer<typeof SessionSchema>>;

/** A municipality named by code and name, as every answer that names one sends it. */
export type MunicipalityRef = Answer<z.infer<typeof MunicipalityRefSchema>>;

/** A child as the active role may see it (src/children/contract.ts). */
export type ChildSummary = Answer<z.infer<typeof ChildSummarySchema>>;

export type ChildList = Answer<z.infer<typeof ChildListResponse>>;

/** One child, as much as the active role may see (src/children/contract.ts). */
export type ChildDetail = Answer<z.infer<typeof ChildDetailSchema>>;

export interface JournalEntry {
  readonly id: string;
  readonly body: string;
  readonly author: string;
  readonly createdAt: string;
}

export type Municipality = Answer<z.infer<typeof MunicipalitySchema>>;

export type County = Answer<z.infer<typeof CountySchema>>;

/** One page view (or one request outside any view) in an audit log, with the parts it read or did. */
export interface AuditEntry {
  readonly id: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly actorUserId: string | null;
  readonly actorName: string | null;
  readonly organisationName: string | null;
  readonly role: string | null;
  /** The actor is one of the reader's organisation's users: their access report can be opened. */
  readonly reportAvailable: boolean;
  readonly outcome: 'allowed' | 'denied' | 'partly_denied';
  readonly emergency: boolean;
  readonly purpose: string | null;
  readonly parts: readonly {
    readonly kind: AuditEventKind;
    readonly section: AuditSection | null;
    readonly outcome: 'allowed' | 'denied';
    readonly count: number;
  }[];
  readonly childCount: number;
  /** Named by dossier number in the data protection officer's views (up to three); empty otherwise. */
  readonly children: readonly { readonly id: string; readonly dossierNumber: string }[];
}

/** A page of a log, newest first, with the cursors to the older and the newer page. */
export interface AuditLogPage {
  readonly entries: readonly AuditEntry[];
  readonly older: number | null;
  readonly newer: number | null;
}

export interface UserReport {
  readonly user: { readonly id: string; readonly displayName: string };
  readonly totals: readonly { readonly kind: string; readonly outcome: string; readonly count: number }[];
  readonly distinctChildren: number;
  readonly emergencyAccesses: number;
  readonly refusedAttempts: number;
  readonly recent: readonly AuditEntry[];
}

export interface EmergencyGrant {
  readonly id: string;
  readonly userName: string;
  readonly role: string;
  readonly childId: string;
  readonly dossierNumber: string;
  readonly reason: string;
  readonly grantedAt: string;
  readonly expiresAt: string;
}

export interface AdminUsers {
  readonly organisation: { readonly id: string; readonly name: string; readonly type: string };
  readonly users: readonly {
    readonly id: string;
    readonly displayName: string;
    readonly email: string | null;
    readonly subject: string;
    readonly roles: readonly {
      readonly assignmentId: string;
      readonly role: Role;
      readonly protectedIdentityClearance: boolean;
    }[];
  }[];
}

export type StatisticsRow = Answer<z.infer<typeof StatisticsRowSchema>>;
