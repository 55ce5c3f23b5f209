import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An authority's override of a configurable (LOCAL or NAT-GUID) rule, applied when its deadlines are computed. */
@Entity({ tableName: 'rule_override' })
export class RuleOverrideEntity {
  [OptionalProps]?: 'updatedAt' | 'enabled';

  @PrimaryKey({ type: 'string', length: 40 })
  org!: string;

  @PrimaryKey({ type: 'string', length: 40 })
  ruleId!: string;

  @Property({ type: 'boolean' })
  enabled: boolean = true;

  @Property({ type: 'integer', nullable: true })
  count?: number | null;

  @Property({ type: 'string', length: 100 })
  updatedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
