import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@hub/service-kit';
import { Child, childRef } from '../child/child.type';
import type { NotificationEntity } from './notification.entity';

/** Delivery status. */
export enum NotificationStatus { PENDING = 'PENDING', SENDING = 'SENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED', DISCARDED = 'DISCARDED' }
registerEnumType(NotificationStatus, { name: 'NotificationStatus', description: 'PENDING → SENDING → DELIVERED or FAILED (terminal after the last attempt); DISCARDED by operations staff.' });

/** Delivery channel. */
export enum NotificationChannel { WEBHOOK = 'WEBHOOK', EMAIL = 'EMAIL' }
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

/** Kind of recipient. */
export enum RecipientKindEnum { IRO = 'IRO', PLACING_AUTHORITY = 'PLACING_AUTHORITY', HOST_AUTHORITY = 'HOST_AUTHORITY', OFSTED = 'OFSTED', PROVIDER = 'PROVIDER', CHILD = 'CHILD', PARENT = 'PARENT', PREVIOUS_CARER_UNDER_ORDER = 'PREVIOUS_CARER_UNDER_ORDER', OTHER_RELEVANT = 'OTHER_RELEVANT' }
registerEnumType(RecipientKindEnum, {
  name: 'RecipientKind',
  description: 'IRO, authorities, Ofsted and providers; and the people CPPCR reg 8(3) names (the child, a parent, a carer under an earlier order, another relevant person), from the child\'s record.',
});

/** Who a notification is for. */
@ObjectType()
export class Recipient {
  @Field(() => RecipientKindEnum)
  kind!: RecipientKindEnum;

  @Field(() => String, { nullable: true, description: 'Authority code, provider id or IRO id.' })
  code?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Webhook URL or e-mail address; null while none is configured.' })
  address?: string | null;
}

/** Outcome of one delivery attempt. */
export enum AttemptOutcome { DELIVERED = 'DELIVERED', RETRY = 'RETRY', FAILED = 'FAILED' }
registerEnumType(AttemptOutcome, { name: 'AttemptOutcome', description: 'DELIVERED; RETRY (failed, another attempt follows); FAILED (the last one).' });

/** One delivery attempt of a notification, as kept on its row. */
@ObjectType()
export class DeliveryAttempt {
  @Field(() => Date, { description: 'When the attempt started.' })
  at!: Date;

  @Field(() => AttemptOutcome)
  outcome!: AttemptOutcome;

  @Field(() => String, { nullable: true, description: "The receiver's or the transport's error, when it failed." })
  error?: string | null;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  durationMs!: number;
}

/** One notification to one recipient under one rule, for one event. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'DOMAIN.md rule id, verbatim.' })
  ruleId!: string;

  @Field(() => Recipient)
  recipient!: Recipient;

  @Field(() => NotificationChannel)
  channel!: NotificationChannel;

  @Field(() => String, { nullable: true, description: 'Case content: null for operations staff.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Case content: null for operations staff.' })
  body?: string | null;

  @Field(() => Child, { nullable: true })
  child?: Child | null;

  @Field(() => NotificationStatus)
  status!: NotificationStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => [DeliveryAttempt], { description: 'Every delivery attempt, oldest first (the latest 50).' })
  attemptLog!: DeliveryAttempt[];

  @Field(() => String, { nullable: true })
  lastError?: string | null;

  @Field(() => String, { nullable: true, description: 'E.g. written to the development e-mail transport, not sent.' })
  deliveryNote?: string | null;

  @Field(() => String, { nullable: true })
  discardReason?: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Boolean, { description: 'Not delivered by dueAt and still undelivered (PENDING, SENDING or FAILED): the SLA is missed.' })
  overdue!: boolean;

  @Field(() => String, { description: 'How dueAt was computed by the statutory engine.' })
  dueBasis!: string;

  @Field(() => Date, { nullable: true })
  deliveredAt?: Date | null;

  @Field(() => String)
  eventType!: string;

  @Field(() => ID)
  eventId!: string;
}

/** `Query.notifications` connection. */
export const NotificationConnection = ConnectionType(Notification, 'Notification');

/**
 * Maps a row to the API type. Operations staff see metadata only: no subject or body (case content), and the
 * child as an id reference.
 * @param n - the row
 * @param metadataOnly - true for OPS
 * @param now - the instant overdue is judged at
 * @returns the API object
 */
export function toNotification(n: NotificationEntity, metadataOnly: boolean, now: Date = new Date()): Notification {
  return Object.assign(new Notification(), {
    id: n.id, ruleId: n.ruleId, channel: n.channel as NotificationChannel, status: n.status as NotificationStatus,
    recipient: { kind: n.recipientKind as RecipientKindEnum, code: n.recipientCode ?? null, name: n.recipientName, address: n.address ?? null },
    subject: metadataOnly ? null : n.subject, body: metadataOnly ? null : n.body,
    child: n.childId ? childRef(n.childId) : null,
    attempts: n.attempts,
    attemptLog: (n.attemptLog ?? []).map((a) => ({ at: new Date(a.at), outcome: a.outcome as AttemptOutcome, error: a.error ?? null, durationMs: a.durationMs })),
    overdue: isOverdue(n, now),
    lastError: n.lastError ?? null, deliveryNote: n.deliveryNote ?? null, discardReason: n.discardReason ?? null,
    createdAt: n.createdAt, dueAt: n.dueAt, dueBasis: n.dueBasis, deliveredAt: n.deliveredAt ?? null,
    eventType: n.eventType, eventId: n.eventId,
  });
}

/**
 * Whether a notification has missed its SLA: not delivered by its due instant and not delivered (nor discarded) yet.
 * @param n - the row
 * @param now - the instant it is judged at
 * @returns true when overdue
 */
export function isOverdue(n: Pick<NotificationEntity, 'status' | 'dueAt'>, now: Date): boolean {
  return (n.status === 'PENDING' || n.status === 'SENDING' || n.status === 'FAILED') && n.dueAt.getTime() < now.getTime();
}
