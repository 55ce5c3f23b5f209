import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** What an operator did. */
export type OpsActionKind = 'RETRY' | 'BULK_RETRY' | 'DISCARD' | 'SET_ENDPOINT';

/**
 * One operator's action on notifications (a retry, a bulk retry, a discard, an endpoint change): who, when, what and
 * how many. Written in the transaction of the change it describes, so the two commit together or not at all. The
 * kit's audit lines are per child; these actions are not (a bulk retry spans children, an endpoint an authority).
 */
@Entity({ tableName: 'ops_action' })
@Index({ properties: ['at'] })
export class OpsActionEntity {
  [OptionalProps]?: 'id' | 'at' | 'requestId' | 'reason' | 'target';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at: Date = new Date();

  @Property({ type: 'string', length: 20 })
  action!: OpsActionKind;

  /** The caller's subject, organisation and roles. */
  @Property({ type: 'string', length: 200 })
  sub!: string;

  @Property({ type: 'string', length: 64 })
  org!: string;

  @Property({ type: 'json' })
  roles!: string[];

  /** A notification id, an authority code, or null for a bulk action (see `scope`). */
  @Property({ type: 'string', length: 64, nullable: true })
  target?: string | null;

  /** The filter of a bulk action, or what was changed (never a secret). */
  @Property({ type: 'json' })
  scope!: Record<string, unknown>;

  /** How many notifications (or endpoints) the action changed. */
  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  requestId?: string | null;
}
