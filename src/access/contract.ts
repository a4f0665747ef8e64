/**
 * The access capability's contract (log-in, the session and its roles, the organisation's users): what its routes
 * accept and answer. Imports only zod and src/domain, so that the web takes its types from here (ADR 0019).
 */
import { z } from 'zod';
import { ORGANISATION_TYPES, ROLES } from '../domain/access/roles.ts';

// ── requests ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const DevLoginBody = z.strictObject({ userId: z.uuid() });
export const ActivateRoleBody = z.strictObject({ assignmentId: z.uuid() });

export const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

export const GrantBody = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(200).nullable().default(null),
  role: z.enum(ROLES),
  protectedIdentityClearance: z.boolean().default(false),
  /**
   * For `provider_staff` only: the placement provider (registered in the administrator's municipality) whose staff
   * the user is; the role is held in that provider's organisation, which is created with the first grant.
   */
  providerId: z.uuid().optional(),
});
export const AssignmentIdParams = z.strictObject({ assignmentId: z.uuid() });

// ── answers ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const Ok = z.object({ ok: z.literal(true) });

export const AuthOptionsResponse = z.object({ devLogin: z.boolean(), oidc: z.boolean() });

export const DevUsersResponse = z.array(
  z.object({
    id: z.uuid(),
    displayName: z.string(),
    roles: z.array(z.object({ role: z.enum(ROLES), organisationName: z.string() })),
  }),
);

export const AssignmentSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationType: z.enum(ORGANISATION_TYPES),
  /** The municipality of a municipal organisation, the county of a county board or region; null otherwise. */
  municipalityCode: z.string().nullable(),
  countyCode: z.string().nullable(),
  protectedIdentityClearance: z.boolean(),
});

export const SessionSchema = z.object({
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  assignments: z.array(AssignmentSchema),
  activeAssignmentId: z.uuid().nullable(),
  csrfToken: z.string(),
});

export const MemberSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  subject: z.string(),
  roles: z.array(
    z.object({ assignmentId: z.uuid(), role: z.enum(ROLES), protectedIdentityClearance: z.boolean() }),
  ),
});

export const MembersResponse = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string(), type: z.string() }),
  users: z.array(MemberSchema),
  /**
   * A municipality's administrator also manages the staff of the placement providers registered in the municipality
   * (issue 12: the routine starts where the child lives): each provider, and who holds `provider_staff` there.
   */
  providers: z.array(
    z.object({ id: z.uuid(), name: z.string(), form: z.string(), users: z.array(MemberSchema) }),
  ),
});

export const GrantedResponse = z.object({ userId: z.uuid(), assignmentId: z.uuid() });
