import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Outcomes of a provider's review request. */
export const REQUEST_OUTCOMES = ['PENDING', 'REVIEW_HELD', 'DECLINED', 'ESCALATED'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/**
 * A provider's request that the placing authority review the relevant plans (PA-REVIEW-REQ, CHR reg 14(2)(e)),
 * or a child's own request (SignificantEventRecorded CHILD_REQUESTS_REVIEW). Escalated per PA-ESCALATE when no
 * review follows by `escalateBy`.
 */
@Entity({ tableName: 'review_request' })
@Index({ properties: ['childId', 'requestedAt'] })
@Index({ properties: ['outcome', 'escalateBy'] })
export class ReviewRequestEntity {
  [OptionalProps]?: 'id' | 'outcome';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  childId!: string;

  /** RISK_OF_HARM, PERSISTENT_ABSENCE or CHILD_REQUESTS. */
  @Property({ type: 'string', length: 30 })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  details?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  requestedAt!: Date;

  /** Subject of the requester (or the recording organisation for a child's request received as an event). */
  @Property({ type: 'string', length: 128 })
  requestedBy!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  providerId?: string | null;

  @Property({ type: 'string', length: 20 })
  outcome: RequestOutcome = 'PENDING';

  @Property({ type: 'text', nullable: true })
  responseNote?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  respondedAt?: Date | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  escalatedAt?: Date | null;

  /** PA-ESCALATE: the last day to wait for a review before escalating. */
  @Property({ type: 'string', columnType: 'date' })
  escalateBy!: string;
}
