import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ReviewRequestEntity } from './review-request.entity';

/** Why a provider asks for a review (CHR reg 14(2)(e); PA-REVIEW-REQ). */
export enum ReviewRequestReason {
  RISK_OF_HARM = 'RISK_OF_HARM',
  PERSISTENT_ABSENCE = 'PERSISTENT_ABSENCE',
  CHILD_REQUESTS = 'CHILD_REQUESTS',
}
registerEnumType(ReviewRequestReason, { name: 'ReviewRequestReason' });

/** Where a review request stands. */
export enum ReviewRequestOutcome {
  PENDING = 'PENDING',
  REVIEW_HELD = 'REVIEW_HELD',
  DECLINED = 'DECLINED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(ReviewRequestOutcome, { name: 'ReviewRequestOutcome' });

/** A request that the placing authority review the relevant plans. */
@ObjectType()
export class ReviewRequest {
  @Field(() => ID)
  id!: string;

  childId!: string;

  @Field(() => ReviewRequestReason)
  reason!: ReviewRequestReason;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => String)
  requestedBy!: string;

  @Field(() => String, { nullable: true })
  providerId?: string | null;

  @Field(() => ReviewRequestOutcome)
  outcome!: ReviewRequestOutcome;

  @Field(() => String, { nullable: true })
  responseNote?: string | null;

  @Field(() => Date, { nullable: true })
  respondedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  escalatedAt?: Date | null;

  @Field(() => String, { description: 'PA-ESCALATE: escalate if no review has been held by the end of this day.' })
  escalateBy!: string;
}

/**
 * Maps a request row.
 * @param e - the row
 * @returns the GraphQL object
 */
export function toReviewRequest(e: ReviewRequestEntity): ReviewRequest {
  return Object.assign(new ReviewRequest(), {
    id: e.id, childId: e.childId, reason: e.reason as ReviewRequestReason, details: e.details ?? null, requestedAt: e.requestedAt,
    requestedBy: e.requestedBy, providerId: e.providerId ?? null, outcome: e.outcome as ReviewRequestOutcome,
    responseNote: e.responseNote ?? null, respondedAt: e.respondedAt ?? null, escalatedAt: e.escalatedAt ?? null, escalateBy: e.escalateBy,
  });
}
