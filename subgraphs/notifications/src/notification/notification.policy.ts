import { ChildRelation, ForbiddenError, hasRole, Principal } from '@hub/service-kit';

/** How much of a notification a caller may see. */
export type ReadMode = 'FULL' | 'METADATA';

/**
 * Decides what a caller may see of a child's notifications: the child's authority and IRO see them in full;
 * operations staff see metadata only (never subject or body); anyone else is refused.
 * @param p - the caller
 * @param relation - the caller's relation to the child
 * @returns the read mode
 * @throws ForbiddenError when the caller may not see them
 */
export function readMode(p: Principal, relation: ChildRelation): ReadMode {
  if (relation === 'AUTHORITY' || relation === 'IRO') return 'FULL';
  if (hasRole(p, 'OPS')) return 'METADATA';
  throw new ForbiddenError('not permitted to read notifications of this child');
}
