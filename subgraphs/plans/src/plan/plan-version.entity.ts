import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { PlanStatusCode } from './plan.entity';
import type { PlanContent } from './plan-content';

/**
 * One version of a plan. Content never changes once written; only the lifecycle stamps (submitted, endorsed,
 * superseded, signed) are added.
 */
@Entity({ tableName: 'plan_version' })
@Unique({ properties: ['planId', 'version'] })
@Index({ properties: ['planId'] })
export class PlanVersionEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'status';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 12 })
  status: PlanStatusCode = 'DRAFT';

  @Property({ type: 'json' })
  content!: PlanContent;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'string', length: 100, nullable: true })
  submittedBy?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'string', length: 100, nullable: true })
  endorsedBy?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  endorsedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  supersededAt?: Date | null;

  /** PLACEMENT: signed by the appropriate person (PP-SIGNED, APP-PP-SIGN). */
  @Property({ type: 'string', length: 100, nullable: true })
  signedBy?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  signedAt?: Date | null;
}
