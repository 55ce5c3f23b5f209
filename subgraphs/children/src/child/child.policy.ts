import { ChildRelation, ForbiddenError, hasRole, Principal } from '@hub/service-kit';

/**
 * Who may see the special-category fields (ethnicity, religion, gender identity) and safeguarding or health
 * details: the authority's case staff and case system, the child's IRO, and a provider's registered manager
 * (the placement plan needs identity, PPC-13). Provider care staff do not.
 * @param p - the caller
 * @param relation - the caller's relation to the child
 * @returns true when the sensitive fields may be shown
 */
export function maySeeSensitive(p: Principal, relation: ChildRelation): boolean {
  if (relation === 'AUTHORITY') return true;
  if (relation === 'IRO') return true;
  if (relation === 'PROVIDER') return hasRole(p, 'PROVIDER_MANAGER');
  return false;
}

/**
 * Throws FORBIDDEN when the sensitive fields may not be shown.
 * @param p - the caller
 * @param relation - the caller's relation to the child
 * @param field - the field name
 */
export function assertSensitive(p: Principal, relation: ChildRelation, field: string): void {
  if (!maySeeSensitive(p, relation)) throw new ForbiddenError(`your role may not see ${field}`, { field });
}

/** Roles that may record or change a child's case record. */
export const CASE_WRITERS = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;

/** Roles that may record a significant event: the authority's case writers and the provider's staff. */
export const EVENT_WRITERS = [...CASE_WRITERS, 'PROVIDER_STAFF', 'PROVIDER_MANAGER'] as const;
