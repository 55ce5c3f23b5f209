import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One appointment of an IRO to a child's case (IRO-APPOINT); `endedOn` is set when another IRO is assigned. */
@Entity({ tableName: 'iro_assignment' })
@Index({ properties: ['childId', 'assignedAt'] })
@Index({ properties: ['iroId'] })
export class IroAssignmentEntity {
  [OptionalProps]?: 'id' | 'assignedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  childId!: string;

  /** The IRO's token subject. */
  @Property({ type: 'string', length: 64 })
  iroId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', columnType: 'date' })
  assignedOn!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  assignedAt: Date = new Date();
}
