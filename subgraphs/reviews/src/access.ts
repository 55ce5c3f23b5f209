import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildAccess, ChildRelation, ForbiddenError, hasRole, NotFoundError, Principal, relationToChild, Role } from '@hub/service-kit';

/** Authority roles that may schedule reviews, respond to requests and record triggers. */
export const LA_STAFF: Role[] = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'];
/** Authority roles that may assign an IRO (IRO-APPOINT). */
export const IRO_APPOINTERS: Role[] = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'];

/** Who may do something to a child's reviews: relations, and for AUTHORITY the roles accepted. */
export interface Permission {
  relations: ChildRelation[];
  authorityRoles?: Role[];
}

/**
 * Checks, inside the write transaction, that the caller may act on the child. Unknown child: NOT_FOUND.
 * @param em - the transactional EntityManager
 * @param p - the caller
 * @param childId - the child
 * @param perm - what is allowed
 * @param what - the action, for the message
 * @returns the caller's relation
 */
export async function requireChildPermission(em: EntityManager, p: Principal, childId: string, perm: Permission, what: string): Promise<ChildRelation> {
  const access = await em.findOne(ChildAccess, { childId });
  if (!access) throw new NotFoundError(`unknown child ${childId}`);
  const relation = relationToChild(p, access);
  const ok = perm.relations.includes(relation) && (relation !== 'AUTHORITY' || !perm.authorityRoles || hasRole(p, ...perm.authorityRoles));
  if (!ok) throw new ForbiddenError(`not permitted to ${what} for this child`);
  return relation;
}
