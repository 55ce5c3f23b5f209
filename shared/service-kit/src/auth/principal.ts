/** Roles a caller may hold (claim `roles`). */
export const ROLES = [
  'SOCIAL_WORKER',
  'TEAM_MANAGER',
  'DESIGNATED_MANAGER',
  'SERVICE_MANAGER',
  'IRO',
  'PROVIDER_STAFF',
  'PROVIDER_MANAGER',
  'LA_SYSTEM',
  'OPS',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The staff and systems of a local authority: they see the children the authority looks after. An IRO is
 * independent of the case management chain and sees only their caseload, so is not one of them.
 */
export const LA_ROLES: readonly Role[] = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'];
/** Roles that act for a provider (their `org` is a provider id). */
export const PROVIDER_ROLES: readonly Role[] = ['PROVIDER_STAFF', 'PROVIDER_MANAGER'];

/** The verified caller, available to every resolver. */
export interface Principal {
  /** Subject: the person's or system's stable id (for an IRO, their IRO id). */
  sub: string;
  roles: Role[];
  /** Organisation: a local-authority code or a provider id. */
  org: string;
  /** Display name, when the token carries one. */
  name?: string;
  /** The raw bearer token, forwarded to nothing but kept for audit correlation. */
  token: string;
}

/**
 * Whether the principal holds any of the roles.
 * @param p - the caller
 * @param roles - roles to look for
 * @returns true when one matches
 */
export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}
