import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How many deadlines are open (not met, not "not applicable") per UTC day they fall due, kept by triggers on
 * `plans.deadline` in the statement that changes the ledger (see Migration20261201020000), so counting every
 * overdue deadline in England reads a few hundred rows instead of every open one. Never written by the service.
 */
@Entity({ tableName: 'open_deadline_day' })
export class OpenDeadlineDayEntity {
  @PrimaryKey({ type: 'string', columnType: 'date' })
  dueDay!: string;

  @Property({ type: 'integer' })
  open!: number;
}
