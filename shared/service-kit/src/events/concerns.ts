import type { EntityManager } from '@mikro-orm/core';
import { ChildAccess } from '../auth/child-access.entity';
import type { ChildConcerns } from './payloads';
import { now } from '../clock';

/**
 * Who an event about a child concerns, from the service's access facts: the placing authority and the provider of
 * the placement open at `at` (null when none). Services other than children use it to fill the organisations of the
 * events they record. Refuses a child the service has no access facts for: its events would reach nobody.
 * @param em - the EntityManager of the change
 * @param childId - the child
 * @param at - the instant the provider is judged at @default the hub clock's now
 * @returns childId, placingAuthority and providerId
 */
export async function childConcerns(em: EntityManager, childId: string, at: Date = now()): Promise<Required<ChildConcerns>> {
  const access = await em.findOne(ChildAccess, { childId });
  if (!access?.placingAuthority) throw new Error(`no access facts for child ${childId}: the event would concern no organisation`);
  const when = at.toISOString();
  const open = access.providerWindows.find((w) => w.from <= when && (w.to === null || w.to > when)) ?? null;
  return { childId, placingAuthority: access.placingAuthority, providerId: open?.providerId ?? null };
}
