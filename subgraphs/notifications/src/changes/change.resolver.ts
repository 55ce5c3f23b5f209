import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { InputError, LA_ROLES, PROVIDER_ROLES, requireRole, Role } from '@hub/service-kit';
import type { NotificationsContext } from '../context';
import { Notification, toNotification } from '../notification/notification.type';
import { readMode } from '../notification/notification.policy';
import { ChangePage, ChildChange, toChildChange } from './change.type';
import { ChangeRecord, decodeCursor, encodeCursor, headOfLog, LogAudience, readChanges } from './change-log';
import { changeVisibleTo } from './change-visibility';
import { changeFeedOf } from './change-feed';
import { loadChangeConfig } from './change-config';

/** Roles that have children to be told about. */
const WATCHING_ROLES: Role[] = [...LA_ROLES, 'IRO', ...PROVIDER_ROLES];
/** Rows one changesSince call looks at, at most (then it answers hasMore with its position). */
const MAX_SCANNED = 5000;

async function changes(ctx: NotificationsContext, childId?: string): Promise<AsyncIterable<ChangeRecord>> {
  requireRole(ctx.principal, WATCHING_ROLES, 'subscribe to changes');
  if (childId) (await ctx.readScope(childId)).require('subscribe to changes of this child');
  const feed = changeFeedOf(ctx.em);
  if (!feed) throw new Error('this instance does not serve live changes (it runs without workers)');
  return feed.subscribe(ctx.principal, childId);
}

/** What the caller could be told about, as SQL narrowing (the per-change check follows). */
function audienceOf(ctx: NotificationsContext, childId?: string): LogAudience {
  const p = ctx.principal;
  return {
    childId,
    authority: p.roles.some((r) => LA_ROLES.includes(r)) ? p.org : undefined,
    iroSub: p.roles.includes('IRO') ? p.sub : undefined,
    providerId: p.roles.some((r) => PROVIDER_ROLES.includes(r)) ? p.org : undefined,
  };
}

/** Live changes (subscriptions) and what a client missed (`changesSince`), with one tenancy rule for both. */
@Resolver(() => ChildChange)
export class ChangeResolver {
  @Subscription(() => ChildChange, {
    description: 'Every change to one child the caller may read, as it happens (the same tenancy as reads: a provider only during its placement).',
    subscribe: ({ args, context }) => changes(context as NotificationsContext, (args as { childId: string }).childId),
  })
  childChanged(@Root() change: ChangeRecord, @Arg('childId', () => ID) _childId: string): ChildChange {
    return toChildChange(change);
  }

  @Subscription(() => ChildChange, {
    description: "Every change to any child the caller may see: an authority's children, an IRO's assigned ones, the children placed with a provider (while placed, and only what happens during the placement).",
    subscribe: ({ context }) => changes(context as NotificationsContext),
  })
  myChildrenChanged(@Root() change: ChangeRecord): ChildChange {
    return toChildChange(change);
  }

  @Query(() => String, { description: 'The cursor of the latest change now: take it before loading state, then resume from it with changesSince.' })
  async changeCursor(@Ctx() ctx: NotificationsContext): Promise<string> {
    requireRole(ctx.principal, WATCHING_ROLES, 'read changes');
    return encodeCursor(await headOfLog(ctx.em));
  }

  @Query(() => ChangePage, {
    description: 'Changes after a cursor that the caller may see, oldest first (what a subscriber missed while disconnected). A cursor older than the retention (CHANGE_LOG_RETENTION_DAYS, 30 by default) answers CURSOR_EXPIRED: reload, then resume.',
  })
  async changesSince(
    @Ctx() ctx: NotificationsContext,
    @Arg('cursor') cursor: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('childId', () => ID, { nullable: true, description: 'One child only.' }) childId?: string | null,
  ): Promise<ChangePage> {
    requireRole(ctx.principal, WATCHING_ROLES, 'read changes');
    if (!Number.isInteger(first) || first < 1 || first > 500) throw new InputError('first must be between 1 and 500', { reason: 'OUT_OF_RANGE', field: 'first' });
    let position = decodeCursor(cursor, loadChangeConfig(process.env).retentionMs);
    if (childId) (await ctx.readScope(childId)).require('read changes of this child');
    const audience = audienceOf(ctx, childId ?? undefined);
    const found: ChangeRecord[] = [];
    let endCursor = cursor;
    let scanned = 0;
    const now = new Date();
    for (;;) {
      const batch = await readChanges(ctx.em, position, Math.min(500, first + 1), audience);
      for (const c of batch) {
        if (found.length === first) return { changes: found.map(toChildChange), endCursor, hasMore: true };
        scanned++;
        position = c.seq;
        endCursor = encodeCursor(c);
        if (changeVisibleTo(ctx.principal, await ctx.childAccess.load(c.childId), c, now)) found.push(c);
      }
      if (batch.length < Math.min(500, first + 1)) return { changes: found.map(toChildChange), endCursor, hasMore: false };
      if (scanned >= MAX_SCANNED) return { changes: found.map(toChildChange), endCursor, hasMore: true };
    }
  }

  @FieldResolver(() => Notification, { nullable: true, description: 'The notification the change concerns (notification kinds).' })
  async notification(@Root() change: ChildChange, @Ctx() ctx: NotificationsContext): Promise<Notification | null> {
    if (!change.notificationId) return null;
    const row = await ctx.loaders.notificationById.load(change.notificationId);
    if (!row?.childId) return null;
    const mode = readMode(await ctx.readScope(row.childId));
    return toNotification(row, mode === 'METADATA');
  }
}
