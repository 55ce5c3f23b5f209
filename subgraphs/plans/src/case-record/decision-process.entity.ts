import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Seed 004's decision processes (Leicestershire), each with the LOCAL rule it starts. */
export const DECISION_PROCESS_KINDS = ['FAMILY_CARE_AND_PROTECT_MEETING', 'CHILDRENS_DECISION_MEETING', 'PLO_PRE_PROCEEDINGS'] as const;
export type DecisionProcessKindCode = (typeof DECISION_PROCESS_KINDS)[number];

/** The steps recorded against a process; each meets one stage of its rule. */
export const DECISION_STEPS = ['MEETING_HELD', 'PAPERS_SUBMITTED', 'PAPERS_DISTRIBUTED', 'PROGRESS_REVIEWED', 'CONCLUDED'] as const;
export type DecisionStepCode = (typeof DECISION_STEPS)[number];

/**
 * A decision process for a child: a request for a Family Care and Protect Meeting (APP-FCPM-5WD), a Children's
 * Decision Meeting date (APP-PANEL-PAPERS), or the start of PLO pre-proceedings (APP-PLO-4M). `startedOn` is the
 * rule's anchor: the request date, the meeting date, or the date pre-proceedings started.
 */
@Entity({ tableName: 'decision_process' })
@Index({ properties: ['childId', 'startedOn'] })
export class DecisionProcessEntity {
  [OptionalProps]?: 'id' | 'recordedAt' | 'steps';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', length: 40 })
  kind!: DecisionProcessKindCode;

  @Property({ type: 'string', columnType: 'date' })
  startedOn!: string;

  /** Steps done, by step, with their date. */
  @Property({ type: 'json' })
  steps: Partial<Record<DecisionStepCode, string>> = {};

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}
