import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { InputError, requireRole } from '@hub/service-kit';
import type { NotificationsContext } from '../context';
import { OpsActionEntity, OpsActionKind } from './ops-action.entity';

/** One operator's action, from the ops audit. */
@ObjectType()
export class OpsAction {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'RETRY, BULK_RETRY, DISCARD or SET_ENDPOINT.' }) action!: string;
  @Field(() => String, { description: "The caller's subject." }) sub!: string;
  @Field(() => String) org!: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => String, { nullable: true, description: 'A notification id or an authority code; null for a bulk retry.' }) target?: string | null;
  @Field(() => String, { description: "A bulk retry's filter, or what was set, as JSON." }) scope!: string;
  @Field(() => Int, { description: 'How many notifications (or endpoints) it changed.' }) count!: number;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => String, { nullable: true }) requestId?: string | null;
}

@ArgsType()
class OpsActionsArgs {
  @Field(() => Int, { defaultValue: 50, description: '1–500, newest first.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Only this action.' })
  action?: string;
}

const KINDS: readonly OpsActionKind[] = ['RETRY', 'BULK_RETRY', 'DISCARD', 'SET_ENDPOINT'];

/** The ops audit, read by operations staff and administrators. */
@Resolver(() => OpsAction)
export class OpsActionResolver {
  @Query(() => [OpsAction], { description: 'OPS and ADMIN: the operators\' actions on notifications (retries, bulk retries, discards, endpoint changes), newest first.' })
  async opsActions(@Args() a: OpsActionsArgs, @Ctx() ctx: NotificationsContext): Promise<OpsAction[]> {
    requireRole(ctx.principal, ['OPS', 'ADMIN'], 'read the ops audit');
    if (!Number.isInteger(a.first) || a.first < 1 || a.first > 500) throw new InputError('first must be 1–500', { field: 'first', reason: 'OUT_OF_RANGE' });
    if (a.action && !KINDS.includes(a.action as OpsActionKind)) throw new InputError(`action must be one of ${KINDS.join(', ')}`, { field: 'action', reason: 'UNKNOWN_ACTION' });
    const rows = await ctx.em.find(OpsActionEntity, a.action ? { action: a.action as OpsActionKind } : {}, { orderBy: { at: 'desc', id: 'desc' }, limit: a.first });
    return rows.map((r) => Object.assign(new OpsAction(), {
      id: r.id, at: r.at, action: r.action, sub: r.sub, org: r.org, roles: r.roles, target: r.target ?? null, scope: JSON.stringify(r.scope), count: r.count,
      reason: r.reason ?? null, requestId: r.requestId ?? null,
    }));
  }
}
