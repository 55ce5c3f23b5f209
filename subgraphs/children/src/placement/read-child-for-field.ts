import type { ChildrenContext } from '../context';
import { Child, toChild } from '../child/child.type';

/**
 * Resolves a child reached from another object, applying the same policy as `Query.child`.
 * @param ctx - request context
 * @param childId - the child
 * @returns the child or null
 */
export async function readChildForField(ctx: ChildrenContext, childId: string): Promise<Child | null> {
  const row = await ctx.loaders.childById.load(childId);
  if (!row) return null;
  (await ctx.readScope(childId)).require('read this child');
  ctx.audit.note('READ', childId, 'Child');
  return toChild(row);
}
