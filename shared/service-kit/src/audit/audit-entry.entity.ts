import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One append-only audit line: who read or wrote which child's data, when, through which operation. */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['childId', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at: Date = new Date();

  @Property({ type: 'string', length: 8 })
  action!: 'READ' | 'WRITE';

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 128 })
  sub!: string;

  @Property({ type: 'json' })
  roles!: string[];

  @Property({ type: 'string', length: 64 })
  org!: string;

  @Property({ type: 'string', length: 128, nullable: true })
  operation?: string | null;

  @Property({ type: 'json' })
  fields: string[] = [];

  @Property({ type: 'string', length: 64 })
  requestId!: string;

  @Property({ type: 'string', length: 32 })
  service!: string;
}
