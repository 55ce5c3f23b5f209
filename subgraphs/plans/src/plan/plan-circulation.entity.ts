import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Recipients a plan may be circulated to (CIRC-CP, CIRC-PWP-YP, CIRC-PCPP). */
export const RECIPIENT_ROLES = ['CHILD', 'YOUNG_PERSON', 'PARENT', 'CARER', 'PROVIDER', 'IRO', 'SOCIAL_WORKER', 'OTHER'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** One recipient's copy of one plan version. */
@Entity({ tableName: 'plan_circulation' })
@Index({ properties: ['planId'] })
export class PlanCirculationEntity {
  [OptionalProps]?: 'id' | 'circulatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 20 })
  recipientRole!: RecipientRole;

  @Property({ type: 'string', length: 200 })
  recipientName!: string;

  @Property({ type: 'string', length: 100 })
  circulatedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  circulatedAt: Date = new Date();
}
