import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@hub/service-kit';
import { OpsActionEntity, OpsActionKind } from './ops-action.entity';

/** What one operator's action did. */
export interface OpsActionRecord {
  action: OpsActionKind;
  target?: string | null;
  scope?: Record<string, unknown>;
  count: number;
  reason?: string | null;
}

/**
 * Writes an operator's action to the ops audit, in the caller's transaction (so it commits with the change).
 * @param em - the transaction's EntityManager
 * @param who - the caller
 * @param requestId - the request's id, to correlate with the logs
 * @param r - the action
 * @returns the row (persisted, flushed with the transaction)
 */
export function recordOpsAction(em: EntityManager, who: Principal, requestId: string | undefined, r: OpsActionRecord): OpsActionEntity {
  const row = em.create(OpsActionEntity, {
    action: r.action, sub: who.sub, org: who.org, roles: [...who.roles], target: r.target ?? null, scope: r.scope ?? {}, count: r.count,
    reason: r.reason ?? null, requestId: requestId ?? null,
  });
  em.persist(row);
  return row;
}
