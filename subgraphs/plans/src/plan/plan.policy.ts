import { ChildReadScope, ChildRelation, ForbiddenError, hasRole, Principal, RecordStamp, Role } from '@hub/service-kit';
import type { PlanEntity, PlanKindCode } from './plan.entity';
import type { PlanVersionEntity } from './plan-version.entity';
import type { PlanContent } from './plan-content';

/** The authority's case staff and case system, who write LA plans. */
export const CASE_WRITERS: Role[] = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'];

/** A provider's staff, who write the provider's own plan (PCPP). */
export const PROVIDER_WRITERS: Role[] = ['PROVIDER_STAFF', 'PROVIDER_MANAGER'];

/**
 * Whether the caller may read a plan: the authority and the IRO read every plan; a provider, while the child is
 * placed with it, reads the care plan, the placement plan of its own placement and its own provider plan.
 * @param p - caller
 * @param relation - relation to the child
 * @param plan - kind and provider of the plan
 * @returns true when visible
 */
export function mayReadPlan(p: Principal, relation: ChildRelation, plan: { kind: PlanKindCode; providerId?: string | null }): boolean {
  if (relation === 'AUTHORITY' || relation === 'IRO') return true;
  if (relation !== 'PROVIDER') return false;
  if (plan.kind === 'CARE') return true;
  return (plan.kind === 'PLACEMENT' || plan.kind === 'PROVIDER') && plan.providerId === p.org;
}

/**
 * Where a plan sits in the child's record: a placement or provider plan belongs to its placement; a care plan
 * runs from its creation while it stands, so it is the provider's while the provider's placement runs.
 * @param plan - the plan
 * @returns its stamp for the read scope
 */
export function planStamp(plan: Pick<PlanEntity, 'kind' | 'placementId' | 'providerId' | 'createdAt'>): RecordStamp {
  if (plan.kind === 'PLACEMENT' || plan.kind === 'PROVIDER') return { placementId: plan.placementId ?? '', providerId: plan.providerId ?? '' };
  return { at: { from: plan.createdAt, to: null } };
}

/**
 * Whether the caller may read a plan: its kind (see {@link mayReadPlan}) and the read scope's placements.
 * @param scope - the caller's read scope of the plan's child
 * @param plan - the plan
 * @returns true when visible
 */
export function planVisible(scope: ChildReadScope, plan: PlanEntity): boolean {
  return mayReadPlan(scope.principal, scope.relation, plan) && scope.sees(planStamp(plan));
}

/**
 * The versions of a visible plan the caller may read: every one, except that a provider reads only the care
 * plan versions that stood during its placements (one superseded before the placement started is not its).
 * @param scope - the caller's read scope
 * @param plan - the plan
 * @param versions - its versions
 * @returns the visible versions
 */
export function visibleVersions(scope: ChildReadScope, plan: PlanEntity, versions: PlanVersionEntity[]): PlanVersionEntity[] {
  if (plan.kind !== 'CARE') return versions;
  return scope.filter(versions, (v) => ({ at: { from: v.createdAt, to: v.supersededAt ?? null } }));
}

/**
 * Throws FORBIDDEN unless the caller may write plans of this kind: the placing authority's case staff for LA
 * plans; the current provider for its PROVIDER plan.
 * @param p - caller
 * @param relation - relation to the child
 * @param kind - plan kind
 * @param providerId - the provider that owns a PROVIDER plan
 */
export function assertMayWrite(p: Principal, relation: ChildRelation, kind: PlanKindCode, providerId?: string | null): void {
  if (kind === 'PROVIDER') {
    // The provider plan (PCPP-5WD) is the home manager's (seed 001; README roles): staff record progress against it.
    if (relation === 'PROVIDER' && hasRole(p, 'PROVIDER_MANAGER') && (!providerId || providerId === p.org)) return;
    throw new ForbiddenError("only the current provider's manager writes its provider plan (PCPP-5WD)", { kind, ruleId: 'PCPP-5WD', requiredRoles: ['PROVIDER_MANAGER'] });
  }
  if (relation === 'AUTHORITY' && hasRole(p, ...CASE_WRITERS)) return;
  throw new ForbiddenError(`only the placing authority's case staff write a ${kind} plan`, { kind });
}

/**
 * The roles that may endorse a plan of this kind, with the rule that says so.
 * @param kind - plan kind
 * @param content - the version's content (a care plan for court proceedings)
 * @returns roles and rule id
 */
export function endorsers(kind: PlanKindCode, content: PlanContent): { roles: Role[]; ruleId: string } {
  switch (kind) {
    case 'CARE':
      return content.forCourtProceedings ? { roles: ['DESIGNATED_MANAGER'], ruleId: 'APP-CP-COURT' } : { roles: ['TEAM_MANAGER'], ruleId: 'APP-CP-TM' };
    case 'PATHWAY':
      return { roles: ['TEAM_MANAGER', 'SERVICE_MANAGER'], ruleId: 'APP-PWP' };
    case 'PLACEMENT':
      return { roles: ['TEAM_MANAGER', 'SERVICE_MANAGER'], ruleId: 'APP-PP-SIGN' };
    case 'PROVIDER':
      return { roles: ['PROVIDER_MANAGER'], ruleId: 'PCPP-5WD' };
    default:
      return { roles: ['TEAM_MANAGER', 'SERVICE_MANAGER'], ruleId: kind === 'PEP' ? 'PEP-10WD' : 'HP-PLAN' };
  }
}

/**
 * Throws FORBIDDEN unless the caller may endorse this version.
 * @param p - caller
 * @param relation - relation to the child
 * @param kind - plan kind
 * @param content - version content
 * @param providerId - the provider that owns a PROVIDER plan
 */
export function assertMayEndorse(p: Principal, relation: ChildRelation, kind: PlanKindCode, content: PlanContent, providerId?: string | null): void {
  const { roles, ruleId } = endorsers(kind, content);
  const rightRelation = kind === 'PROVIDER' ? relation === 'PROVIDER' && providerId === p.org : relation === 'AUTHORITY';
  if (!rightRelation || !hasRole(p, ...roles)) {
    throw new ForbiddenError(`a ${kind} plan is endorsed by ${roles.join(' or ')} (${ruleId})`, { ruleId, requiredRoles: roles });
  }
}

/**
 * Throws FORBIDDEN unless the caller may record progress against a provider plan: the current provider's staff or
 * manager.
 * @param p - caller
 * @param relation - relation to the child
 * @param providerId - the provider that owns the plan
 */
export function assertMayRecordProgress(p: Principal, relation: ChildRelation, providerId?: string | null): void {
  if (relation === 'PROVIDER' && hasRole(p, ...PROVIDER_WRITERS) && providerId === p.org) return;
  throw new ForbiddenError('only the current provider records progress against its provider plan', { kind: 'PROVIDER' });
}
