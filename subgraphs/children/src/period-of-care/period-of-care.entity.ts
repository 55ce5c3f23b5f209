import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A period of care (SSDA903 episodes grouped from DECOM to the episode that ceased): the review cycle restarts with each. */
@Entity({ tableName: 'period_of_care' })
@Index({ properties: ['childId', 'startedOn'] })
export class PeriodOfCareEntity {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  /** The date the child became looked after. */
  @Property({ type: 'string', columnType: 'date' })
  startedOn!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn?: string | null;

  /** SSDA903 REC code, when ceased. */
  @Property({ type: 'string', length: 8, nullable: true })
  reasonCeased?: string | null;

  /** A pre-planned short-break arrangement (V3/V4): excluded from the 13-week eligibility count. */
  @Property({ type: 'boolean' })
  shortBreak: boolean = false;
}
