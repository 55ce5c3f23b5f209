import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A statutory visit by the child's social worker (CPPCR reg 28). */
@Entity({ tableName: 'visit' })
@Index({ properties: ['childId', 'visitedOn'] })
export class VisitEntity {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'uuid', nullable: true })
  placementId?: string | null;

  @Property({ type: 'string', columnType: 'date' })
  visitedOn!: string;

  @Property({ type: 'string', length: 200 })
  visitor!: string;

  @Property({ type: 'boolean' })
  seenAlone!: boolean;

  /** REV-VISIT-TRIGGER: the visit found the child's welfare not adequately safeguarded by the placement. */
  @Property({ type: 'boolean' })
  welfareConcern: boolean = false;
}
