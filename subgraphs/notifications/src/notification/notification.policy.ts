import { ChildReadScope, ForbiddenError, hasRole } from '@hub/service-kit';

/** How much of a notification a caller may see. */
export type ReadMode = 'FULL' | 'METADATA';

/**
 * Decides what a caller may see of a child's notifications, from the caller's read scope of the child: the
 * child's authority and IRO see them in full; operations staff see metadata only (never subject or body);
 * anyone else, a provider included (notifications are the authority's correspondence), is refused.
 * @param scope - the caller's read scope of the child
 * @returns the read mode
 * @throws ForbiddenError when the caller may not see them
 */
export function readMode(scope: ChildReadScope): ReadMode {
  if (scope.relation === 'AUTHORITY' || scope.relation === 'IRO') return 'FULL';
  if (hasRole(scope.principal, 'OPS')) return 'METADATA';
  throw new ForbiddenError('not permitted to read notifications of this child');
}
