import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A period of care seen in PeriodOfCareStarted / ChildCeasedLookedAfter (anchor of TIME-ANCHOR clocks). */
@Entity({ tableName: 'period_fact' })
@Index({ properties: ['childId', 'startedOn'] })
export class PeriodFactEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', columnType: 'date' })
  startedOn!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn?: string | null;

  /** Pre-planned short breaks (CPPCR reg 48): excluded from eligibility and from the review clocks. */
  @Property({ type: 'boolean' })
  shortBreak: boolean = false;
}
