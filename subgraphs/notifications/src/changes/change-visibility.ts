import { ChildAccess, childReadScope, Principal } from '@hub/service-kit';
import { AUTHORITY_ONLY_KINDS } from './change-kinds';

/** What visibility needs to know about one change. */
export interface ChangeStamp {
  kind: string;
  childId: string;
  providerId?: string | null;
  placementId?: string | null;
  at: Date;
}

/**
 * Whether a caller is told about a change, judged through the one read policy (the kit's read scope) with the
 * child's access facts as they are now: the authority's staff and the assigned IRO are told every change; a provider
 * only while the child is placed with it, only changes that happened during one of its placements (and belong to no
 * other provider or placement), and never the authority's own kinds (legal statuses, notifications). The one change a
 * provider is told after its placement ends is that ending itself, judged at the instant before it.
 * @param p - the caller
 * @param access - the child's access facts (null when unknown here)
 * @param c - the change
 * @param at - the instant of the decision. @default now
 * @returns true when the caller may be told
 */
export function changeVisibleTo(p: Principal, access: ChildAccess | null, c: ChangeStamp, at: Date = new Date()): boolean {
  const ownEnding = c.kind === 'PLACEMENT_ENDED' && c.providerId === p.org && !!c.placementId;
  const scope = childReadScope(p, c.childId, access, ownEnding ? new Date(c.at.getTime() - 1) : at);
  if (!scope.readable) return false;
  if (scope.relation !== 'PROVIDER') return true;
  if (AUTHORITY_ONLY_KINDS.has(c.kind)) return false;
  if (ownEnding) return scope.sees({ placementId: c.placementId, providerId: c.providerId });
  return scope.sees({ at: c.at, providerId: c.providerId ?? null, placementId: c.placementId ?? null });
}
