import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { Child } from './child.type';
import { Notification, toNotification } from '../notification/notification.type';
import { readMode } from '../notification/notification.policy';

/** `Child.notifications`, batched through the request's loader. */
@Resolver(() => Child)
export class ChildNotificationsResolver {
  @FieldResolver(() => [Notification], { nullable: true, description: 'Notifications about the child: its authority and IRO in full; OPS metadata only.' })
  async notifications(@Root() child: Child, @Ctx() ctx: NotificationsContext): Promise<Notification[]> {
    const mode = readMode(await ctx.readScope(child.id));
    const rows = await ctx.loaders.notificationsByChild.load(child.id);
    if (mode === 'FULL') ctx.audit.note('READ', child.id, 'Child.notifications');
    return rows.map((r) => toNotification(r, mode === 'METADATA'));
  }
}
