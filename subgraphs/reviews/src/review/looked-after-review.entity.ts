import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One Looked After Review (CPPCR Part 6) of a period of care, created when it is scheduled or held. Deadlines
 * (due, decisions, report, reconvene, consultation) are not stored: they are computed from these facts with the
 * statutory engine, so a calendar update moves them.
 */
@Entity({ tableName: 'looked_after_review' })
@Unique({ properties: ['periodOfCareId', 'sequence'] })
@Index({ properties: ['childId', 'sequence'] })
export class LookedAfterReviewEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'decisions';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 64 })
  periodOfCareId!: string;

  /** 1 = first review of the period. */
  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  scheduledFor?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  heldOn?: string | null;

  /** SSDA903 REVIEW_CODE PN0–PN7. */
  @Property({ type: 'string', length: 4, nullable: true })
  participation?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  adjournedOn?: string | null;

  @Property({ type: 'json' })
  decisions: string[] = [];

  @Property({ type: 'string', columnType: 'date', nullable: true })
  decisionsCirculatedOn?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  reportIssuedOn?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  consultedOn?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  outcomeStarCapturedOn?: string | null;

  /** OUTCOME_STAR or OUTCOME_TRACKER (REV-CHILD-STAR). */
  @Property({ type: 'string', length: 20, nullable: true })
  outcomeStarTool?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
