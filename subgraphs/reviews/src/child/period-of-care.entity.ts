import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A period of care as reported by PeriodOfCareStarted / ChildCeasedLookedAfter. The review cycle runs per period
 * (TIME-ANCHOR: a new period restarts it at sequence 1; a change of placement does not).
 */
@Entity({ tableName: 'period_of_care' })
@Index({ properties: ['childId', 'startedOn'] })
export class PeriodOfCareEntity {
  [OptionalProps]?: 'shortBreak';

  /** The id the children service gave the period. */
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', columnType: 'date' })
  startedOn!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn?: string | null;

  @Property({ type: 'boolean', default: false })
  shortBreak: boolean = false;
}
