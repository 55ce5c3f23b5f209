import type { ChildAccess } from './child-access.entity';
import { Principal, hasRole } from './principal';
import { ForbiddenError } from '../graphql/errors';
import { now } from '../clock';

/** How a principal relates to one child, decided from the child's access facts. */
export type ChildRelation = 'AUTHORITY' | 'PROVIDER' | 'IRO' | 'NONE';

/** The roles of an authority's staff and systems. */
const AUTHORITY_ROLES = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;

/**
 * Decides a principal's relation to a child.
 *  - an authority's staff and systems: children whose placing authority is their organisation;
 *  - a provider's staff: children with a placement at that provider, for the period of that placement;
 *  - an IRO: children assigned to them;
 *  - ADMIN: treated as NONE for case content (administration is of the calendar and rules, not of children);
 *  - OPS: NONE (notification metadata only).
 * @param p - the caller
 * @param access - the child's access facts (null when the child is unknown here)
 * @param now - the instant of the read (provider windows are checked against it)
 * @returns the relation
 */
export function relationToChild(p: Principal, access: ChildAccess | null, at: Date = now()): ChildRelation {
  if (!access) return 'NONE';
  if (hasRole(p, ...AUTHORITY_ROLES) && access.placingAuthority === p.org) return 'AUTHORITY';
  if (hasRole(p, 'IRO') && access.iroSub === p.sub) return 'IRO';
  if (hasRole(p, 'PROVIDER_STAFF', 'PROVIDER_MANAGER')) {
    const t = at.toISOString();
    const inWindow = access.providerWindows.some((w) => w.providerId === p.org && w.from <= t && (w.to === null || t < w.to));
    if (inWindow) return 'PROVIDER';
  }
  return 'NONE';
}

/**
 * Whether a provider window covers an instant (provider history outside its placement is not theirs).
 * @param p - the caller
 * @param access - the child's access facts
 * @param at - the instant or ISO string of the record being read
 * @returns true if a placement of the caller's organisation covered that instant
 */
export function providerCovers(p: Principal, access: ChildAccess | null, at: Date | string): boolean {
  if (!access) return false;
  const t = typeof at === 'string' ? at : at.toISOString();
  return access.providerWindows.some((w) => w.providerId === p.org && w.from <= t && (w.to === null || t < w.to));
}

/**
 * Throws FORBIDDEN unless the caller has one of the relations.
 * @param relation - the caller's relation
 * @param allowed - the relations that may proceed
 * @param what - what was attempted, for the message
 */
export function requireRelation(relation: ChildRelation, allowed: ChildRelation[], what: string): void {
  if (!allowed.includes(relation)) throw new ForbiddenError(`not permitted to ${what} for this child`);
}

/**
 * Throws FORBIDDEN unless the caller holds one of the roles.
 * @param p - the caller
 * @param roles - accepted roles
 * @param what - what was attempted
 */
export function requireRole(p: Principal, roles: Principal['roles'], what: string): void {
  if (!hasRole(p, ...roles)) throw new ForbiddenError(`your role may not ${what}`, { requiredRoles: roles });
}
