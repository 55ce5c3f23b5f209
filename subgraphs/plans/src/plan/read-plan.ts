import { ForbiddenError } from '@hub/service-kit';
import type { PlansContext } from '../context';
import { Plan, toPlan } from './plan.type';
import { planVisible, visibleVersions } from './plan.policy';

/**
 * Loads a plan the caller may see, noting the read. Unknown: null. Not theirs: FORBIDDEN.
 * @param ctx - request context
 * @param id - plan id
 * @returns the plan or null
 */
export async function readPlan(ctx: PlansContext, id: string): Promise<Plan | null> {
  const row = await ctx.loaders.planById.load(id);
  if (!row) return null;
  const scope = await ctx.readScope(row.childId);
  if (!planVisible(scope, row)) throw new ForbiddenError('not permitted to read this plan', { planId: id });
  ctx.audit.note('READ', row.childId, `Plan:${row.kind}`);
  return toPlan(row, visibleVersions(scope, row, await ctx.loaders.versionsByPlan.load(row.id)));
}
