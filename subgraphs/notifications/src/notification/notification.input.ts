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

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200. Default 50.' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

/** Which notifications `retryNotifications` reprocesses. Only FAILED ones may be retried in bulk. */
@InputType()
export class RetryNotificationsFilter {
  @Field(() => NotificationStatus, { defaultValue: NotificationStatus.FAILED })
  status!: NotificationStatus;

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
