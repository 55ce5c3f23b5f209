import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Logger } from './logger';
import type { RequestBase } from './http/subgraph-server';
import { AuditBuffer } from './audit/audit-buffer';
import { ChildAccess } from './auth/child-access.entity';
import { ChildRelation, relationToChild } from './auth/policy';
import { ChildReadScope, childReadScope } from './auth/read-scope';
import { rowByKey } from './graphql/loaders';

/** What every subgraph resolver can rely on. */
export interface ServiceContext extends RequestBase {
  /** A forked EntityManager: one identity map per request. */
  em: EntityManager;
  log: Logger;
  /** Audit lines for this request: READ lines in one statement when it ends, WRITE lines with their change. */
  audit: AuditBuffer;
  /**
   * Runs a mutation's work in one transaction: the WRITE audit lines noted during it (`audit.note('WRITE', …)`)
   * are inserted in that transaction before commit, so a change and its audit line are saved together or not
   * at all. Services given the transaction's EntityManager nest inside it.
   */
  transactional<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  /** The access facts of children, batched. */
  childAccess: DataLoader<string, ChildAccess | null>;
  /** The caller's relation to a child (batched through {@link childAccess}). */
  relationTo(childId: string): Promise<ChildRelation>;
  /**
   * What the caller may read of a child (batched through {@link childAccess}): every list field and every
   * entity lookup of a child's records filters through it.
   */
  readScope(childId: string): Promise<ChildReadScope>;
}

/**
 * Builds the common part of a request context.
 * @param service - the service name (for audit)
 * @param orm - the service's ORM
 * @param log - logger
 * @param base - the verified request base
 * @returns the context
 */
export function createServiceContext(service: string, orm: MikroORM, log: Logger, base: RequestBase): ServiceContext {
  const em = orm.em.fork() as EntityManager;
  const childAccess = rowByKey(em, ChildAccess, 'childId');
  const audit = new AuditBuffer(service, base);
  return {
    ...base,
    em,
    log: log.child({ requestId: base.requestId }),
    audit,
    transactional: (work) => audit.transactional(em, work),
    childAccess,
    async relationTo(childId: string) {
      return relationToChild(base.principal, await childAccess.load(childId));
    },
    async readScope(childId: string) {
      return childReadScope(base.principal, childId, await childAccess.load(childId));
    },
  };
}
