import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { FREE_TEXT_MAX, maxLengthArg } from '@hub/service-kit';
import type { NotificationsContext } from '../context';
import { Notification, NotificationConnection, toNotification } from './notification.type';
import { NotificationsArgs, RetryNotificationsFilter } from './notification.input';
import { NotificationService } from './notification.service';

/** The operations API: list, retry and discard notifications. Thin: the service decides. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'Notifications, oldest first. OPS: all, metadata only; authority staff: their children; IRO: addressed to them.' })
  async notifications(@Args() args: NotificationsArgs, @Ctx() ctx: NotificationsContext): Promise<InstanceType<typeof NotificationConnection>> {
    const { page, metadataOnly } = await new NotificationService(ctx.em, ctx.principal).list(args);
    if (!metadataOnly) for (const e of page.edges) if (e.node.childId) ctx.audit.note('READ', e.node.childId, 'notifications');
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toNotification(e.node, metadataOnly) })) } as never;
  }

  @Mutation(() => Notification, { description: 'OPS: gives a FAILED notification a fresh attempt budget.' })
  async retryNotification(@Arg('id', () => ID) id: string, @Ctx() ctx: NotificationsContext): Promise<Notification> {
    return toNotification(await new NotificationService(ctx.em, ctx.principal, ctx.deliveries, ctx.requestId).retry(id), true);
  }

  @Mutation(() => Int, { description: 'OPS: retries the FAILED notifications within a scope (authority, rule, time range; at most 10,000 at once); returns how many.' })
  async retryNotifications(@Arg('filter', () => RetryNotificationsFilter) filter: RetryNotificationsFilter, @Ctx() ctx: NotificationsContext): Promise<number> {
    return new NotificationService(ctx.em, ctx.principal, ctx.deliveries, ctx.requestId).retryMany(filter);
  }

  @Mutation(() => Notification, { description: 'OPS: marks a notification DISCARDED with a reason (kept, never deleted).' })
  async discardNotification(@Arg('id', () => ID) id: string, @Arg('reason', () => String, maxLengthArg('reason', FREE_TEXT_MAX)) reason: string, @Ctx() ctx: NotificationsContext): Promise<Notification> {
    return toNotification(await ctx.transactional((em) => new NotificationService(em, ctx.principal, ctx.deliveries, ctx.requestId).discard(id, reason)), true);
  }
}
