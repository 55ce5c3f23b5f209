import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestBase } from '../http/subgraph-server';

interface Pending {
  action: 'READ' | 'WRITE';
  childId: string;
  fields: Set<string>;
}

/**
 * Collects the child records a request touched and writes them in ONE insert when the request ends, so audit
 * costs a constant per request rather than a statement per child.
 */
export class AuditBuffer {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly service: string,
    private readonly base: RequestBase,
  ) {}

  /**
   * Notes that a child's data was read or written.
   * @param action - READ or WRITE
   * @param childId - the child
   * @param field - the field or object touched
   */
  note(action: 'READ' | 'WRITE', childId: string, field: string): void {
    const key = `${action}|${childId}`;
    let p = this.pending.get(key);
    if (!p) {
      p = { action, childId, fields: new Set() };
      this.pending.set(key, p);
    }
    p.fields.add(field);
  }

  /** How many entries are waiting. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Writes the collected entries in a single statement.
   * @param em - any EntityManager of the service (a fresh fork is used)
   */
  async flush(em: EntityManager): Promise<void> {
    if (this.pending.size === 0) return;
    const schema = em.config.get('schema') as string;
    const p = this.base.principal;
    const at = new Date();
    const rows = [...this.pending.values()].map((e) => ({
      at,
      action: e.action,
      child_id: e.childId,
      sub: p.sub,
      roles: JSON.stringify(p.roles),
      org: p.org,
      operation: this.base.operationName ?? null,
      fields: JSON.stringify([...e.fields].sort()),
      request_id: this.base.requestId,
      service: this.service,
    }));
    this.pending.clear();
    await em.getKnex().withSchema(schema).insert(rows).into('audit_entry');
  }
}
