import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far the deadline-due job has looked: every open deadline due up to `sweptTo` has been announced
 * (DeadlineFellDue). One row.
 */
@Entity({ tableName: 'deadline_due_sweep' })
export class DeadlineDueSweepEntity {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  sweptTo!: Date;
}
