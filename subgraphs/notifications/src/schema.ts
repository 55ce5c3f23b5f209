import type { GraphQLSchema } from 'graphql';
import { accessLogModule, buildFederatedSchema, ForbiddenError } from '@hub/service-kit';
import type { NotificationsContext } from './context';
import { NotificationResolver } from './notification/notification.resolver';
import { OpsActionResolver } from './ops/ops-action.resolver';
import { ChildNotificationsResolver } from './child/child-notifications.resolver';
import { AuthorityEndpointResolver } from './recipient/authority-endpoint.resolver';
import { toNotification } from './notification/notification.type';
import { readMode } from './notification/notification.policy';
import { Child, childRef } from './child/child.type';
import { ChangeResolver } from './changes/change.resolver';
import { PlanRef } from './changes/change.type';
import { NO_TOPICS } from './changes/change-feed';

/**
 * The notifications subgraph schema. `_entities` applies the same policy as the fields: a notification the
 * caller may not see resolves to null with a FORBIDDEN error; an unknown id resolves to null. A child the caller
 * may read resolves, and its `notifications` field refuses a caller who may not read them.
 * @returns the federated schema
 */
export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  const accessLog = accessLogModule('notifications', false);
  return buildFederatedSchema(
    {
      resolvers: [NotificationResolver, ChildNotificationsResolver, AuthorityEndpointResolver, ChangeResolver, OpsActionResolver, ...accessLog.resolvers],
      orphanedTypes: [Child, ...accessLog.types],
      pubSub: NO_TOPICS,
    },
    {
      ...accessLog.references,
      Notification: {
        __resolveReference: async (ref: { id: string }, ctx: NotificationsContext) => {
          const row = await ctx.loaders.notificationById.load(ref.id);
          if (!row) return null;
          if (!row.childId) {
            if (!ctx.principal.roles.includes('OPS')) throw new ForbiddenError('not permitted to read this notification');
            return toNotification(row, true);
          }
          const mode = readMode(await ctx.readScope(row.childId));
          if (mode === 'FULL') ctx.audit.note('READ', row.childId, 'Notification');
          return toNotification(row, mode === 'METADATA');
        },
      },
      // Plans resolves a plan's kind; here a plan is only ever a reference.
      Plan: { __resolveReference: (ref: { id: string }) => Object.assign(new PlanRef(), { id: ref.id }) },
      // The child read policy, as in every service: an unknown child is null, one the caller may not read is
      // refused. Whether the caller may read its notifications is `Child.notifications`' own decision, so that
      // refusal is that field's error (path `_entities.N.notifications`), which every query planner places at the
      // caller's field (a provider reads the child, and is refused its notifications).
      Child: {
        __resolveReference: async (ref: { id: string }, ctx: NotificationsContext) => {
          if (!(await ctx.childAccess.load(ref.id))) return null;
          (await ctx.readScope(ref.id)).require('read this child');
          return childRef(ref.id);
        },
      },
    } as never,
  );
}
