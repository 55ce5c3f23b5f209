import { MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { NotificationStatus } from './notification.type';

/** Arguments of `Query.notifications`. */
@ArgsType()
export class NotificationsArgs {
  @Field(() => NotificationStatus, { nullable: true })
  status?: NotificationStatus;

  @MaxLength(40)
  @Field(() => String, { nullable: true })
  ruleId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only those not delivered by their due instant and still undelivered (PENDING, SENDING, FAILED); false: the others.' })
  overdue?: boolean;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200. Default 50.' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

/**
 * Which notifications `retryNotifications` reprocesses: FAILED ones within a scope (a placing authority, a rule, a
 * creation time range; at least one of placingAuthority, ruleId, createdAfter).
 */
@InputType()
export class RetryNotificationsFilter {
  @Field(() => NotificationStatus, { defaultValue: NotificationStatus.FAILED })
  status!: NotificationStatus;

  @MaxLength(40)
  @Field(() => String, { nullable: true, description: 'Only those about children of this placing authority.' })
  placingAuthority?: string;

  @Field(() => Date, { nullable: true, description: 'Only those created at or after this instant.' })
  createdAfter?: Date;

  @MaxLength(40)
  @Field(() => String, { nullable: true })
  ruleId?: string;

  @Field(() => Date, { nullable: true, description: 'Only those created before this instant.' })
  createdBefore?: Date;
}

/** Arguments of `setAuthorityEndpoint`. */
@ArgsType()
export class SetAuthorityEndpointArgs {
  @MaxLength(64)
  @Field(() => String, { description: 'Local-authority code (or provider id).' })
  code!: string;

  @MaxLength(500)
  @Field(() => String, { nullable: true, description: 'https:// (or http:// for local use) endpoint of signed webhooks.' })
  webhookUrl?: string | null;

  @MaxLength(200)
  @Field(() => String, { nullable: true, description: 'HMAC-SHA256 key (at least 16 characters); required with a webhook. Never returned.' })
  webhookSecret?: string | null;

  @MaxLength(320)
  @Field(() => String, { nullable: true })
  email?: string | null;
}
