import type { CaseSection, SectionAccess } from '../../domain/access/case-sections.ts';
/** The shapes of the API's JSON answers (see /openapi.json). The server is the authority; the UI only reads them. */
import type { OrganisationType, Role } from '../../domain/access/roles.ts';
import type { AuditEventKind } from '../../domain/audit/events.ts';
import type { AuditSection } from '../../domain/audit/page-views.ts';

export type Gender = 'female' | 'male' | 'other';
export type ChildView = 'minimal' | 'basic' | 'full';

export interface AuthOptions {
  readonly devLogin: boolean;
  readonly oidc: boolean;
}

export interface DevUser {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly { readonly role: Role; readonly organisationName: string }[];
}

export interface Assignment {
  readonly id: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationType: OrganisationType;
  /** The municipality of a municipal organisation, the county of a county board or region; null otherwise. */
  readonly municipalityCode: string | null;
  readonly countyCode: string | null;
  readonly protectedIdentityClearance: boolean;
}

export interface Session {
  readonly user: { readonly id: string; readonly displayName: string };
  readonly assignments: readonly Assignment[];
  readonly activeAssignmentId: string | null;
  readonly csrfToken: string;
}

export interface MunicipalityRef {
  readonly code: string;
  readonly name: string;
}

export interface ChildSummary {
  readonly id: string;
  readonly dossierNumber: string;
  readonly identityMasked: boolean;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly birthDate: string;
  readonly gender: Gender;
  readonly responsibleMunicipality: MunicipalityRef | null;
  readonly view: ChildView;
  readonly basis: string;
}

export interface ChildList {
  readonly total: number;
  readonly items: readonly ChildSummary[];
}

export interface ChildDetail extends ChildSummary {
  readonly whereabouts: string | null;
  readonly responsibility:
    | readonly {
        readonly municipality: MunicipalityRef;
        readonly kind: 'arrival' | 'assigned' | 'transferred' | 'aftercare';
        readonly from: string;
        readonly to: string | null;
      }[]
    | null;
  readonly guardians:
    | readonly {
        readonly name: string;
        readonly kind: 'god_man' | 'special_custodian';
        readonly from: string;
        readonly to: string | null;
      }[]
    | null;
  readonly journalAccess: 'all' | 'own_organisation' | 'none';
  readonly mayWrite: boolean;
  readonly emergencyAccess: boolean;
  /** Which parts of the case the active role may read or change. */
  readonly sections: Readonly<Record<CaseSection, SectionAccess>>;
  /** Whether "who has seen this child" opens for the active role (the server decides, per child). */
  readonly accessLog: boolean;
  readonly version: number;
}

export interface Municipality {
  readonly code: string;
  readonly name: string;
  /** The formal name decisions use ("Stockholms kommun", "Falu kommun"); null only before reference data has it. */
  readonly officialName: string | null;
  readonly countyCode: string;
}

export interface County {
  readonly code: string;
  readonly name: string;
  readonly shortName: string;
}

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

export interface StatisticsRow {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly female: number;
  readonly male: number;
  readonly other: number;
  readonly total: number;
}
