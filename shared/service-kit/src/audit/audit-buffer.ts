import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestBase } from '../http/subgraph-server';

interface Pending {
  action: 'READ' | 'WRITE';
  childId: string;
  fields: Set<string>;
}

/** A change in progress: the transaction's EntityManager and the WRITE lines noted during it. */
interface WriteScope {
  buffer: AuditBuffer;
  em: EntityManager;
  pending: Map<string, Pending>;
}

const writeScope = new AsyncLocalStorage<WriteScope>();

/** The widths of the bounded `audit_entry` columns (see AuditEntry). */
export const AUDIT_LIMITS = { childId: 64, sub: 128, org: 64, operation: 128, requestId: 64, service: 32 } as const;

/**
 * Bounds a value for a bounded audit column: NUL characters (which PostgreSQL refuses in text) are dropped and
 * the value is cut to the column's width, so an audit line can never fail on what a caller sent.
 * @param value - the value
 * @param max - the column width in characters
 * @returns the bounded value
 */
export function auditValue(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.includes('\u0000') ? value.replace(/\u0000/g, '') : value;
  return clean.length > max ? clean.slice(0, max) : clean;
}

function add(into: Map<string, Pending>, action: 'READ' | 'WRITE', childId: string, field: string): void {
  const key = `${action}|${childId}`;
  let p = into.get(key);
  if (!p) {
    p = { action, childId, fields: new Set() };
    into.set(key, p);
  }
  p.fields.add(field);
}

/**
 * Collects the child records a request touched. READ lines are written in ONE insert when the request ends
 * (before the answer leaves), so audit costs a constant per request rather than a statement per child. WRITE
 * lines are written inside the change's own transaction (see {@link AuditBuffer.transactional}), so a change
 * and its audit line commit together or not at all.
 */
export class AuditBuffer {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly service: string,
    private readonly base: RequestBase,
  ) {}

  /**
   * Notes that a child's data was read or written. A WRITE can only be noted inside
   * {@link AuditBuffer.transactional} (`ctx.transactional`): anywhere else the change has already committed
   * without its audit line, which is a programming error.
   * @param action - READ or WRITE
   * @param childId - the child
   * @param field - the field or object touched
   */
  note(action: 'READ' | 'WRITE', childId: string, field: string): void {
    if (action === 'READ') return add(this.pending, action, childId, field);
    const scope = writeScope.getStore();
    if (!scope || scope.buffer !== this) {
      throw new Error(`a WRITE audit line (${field}) must be noted inside ctx.transactional, with the change it records`);
    }
    add(scope.pending, action, childId, field);
  }

  /** How many READ entries are waiting for the end of the request. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Runs a change in one transaction and inserts the WRITE lines noted during it in that same transaction,
   * before commit. If the change or its audit insert fails, nothing is saved. A nested call joins the open
   * transaction.
   * @param em - the request's EntityManager
   * @param work - the change; receives the transaction's EntityManager
   * @returns what the work returns
   */
  async transactional<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = writeScope.getStore();
    if (open && open.buffer === this) return work(open.em);
    return em.transactional(async (tem) => {
      const scope: WriteScope = { buffer: this, em: tem as EntityManager, pending: new Map() };
      const result = await writeScope.run(scope, () => work(scope.em));
      await tem.flush();
      await this.insert(scope.em, scope.pending, true);
      return result;
    });
  }

  /**
   * Writes the collected READ entries in a single statement.
   * @param em - any EntityManager of the service (a fresh fork is used)
   */
  async flush(em: EntityManager): Promise<void> {
    const entries = new Map(this.pending);
    this.pending.clear();
    await this.insert(em, entries, false);
  }

  private async insert(em: EntityManager, entries: Map<string, Pending>, inTransaction: boolean): Promise<void> {
    if (entries.size === 0) return;
    const schema = em.config.get('schema') as string;
    const p = this.base.principal;
    const at = new Date();
    const rows = [...entries.values()].map((e) => ({
      at,
      action: e.action,
      child_id: auditValue(e.childId, AUDIT_LIMITS.childId),
      sub: auditValue(p.sub, AUDIT_LIMITS.sub),
      roles: JSON.stringify(p.roles),
      org: auditValue(p.org, AUDIT_LIMITS.org),
      operation: this.base.operationName ? auditValue(this.base.operationName, AUDIT_LIMITS.operation) : null,
      fields: JSON.stringify([...e.fields].sort()),
      request_id: auditValue(this.base.requestId, AUDIT_LIMITS.requestId),
      service: auditValue(this.service, AUDIT_LIMITS.service),
    }));
    const query = em.getKnex().withSchema(schema).insert(rows).into('audit_entry');
    if (!inTransaction) return void (await query);
    const trx = em.getTransactionContext();
    if (!trx) throw new Error('WRITE audit lines are inserted inside the transaction of their change');
    await query.transacting(trx);
  }
}
