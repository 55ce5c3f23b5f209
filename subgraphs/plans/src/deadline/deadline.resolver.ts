import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType, decodeCursor, encodeCursor, ForbiddenError, hasRole, InputError, maxLengthArg, now as hubNow, pageSize,
} from '@hub/service-kit';
import { isImplementedRuleId, RULES, validateOverrides } from '@hub/statutory';
import type { PlansContext } from '../context';
import { Child, childRef } from '../child/child.type';
import { Deadline, toDeadline } from './deadline.type';
import { DeadlineEntity } from './deadline.entity';
import { RuleOverrideEntity } from './rule-override.entity';

const DeadlineConnection = ConnectionType(Deadline, 'Deadline');

@ArgsType()
class OverdueArgs {
  @Field(() => String, { nullable: true, description: "A placing authority's code (default: the caller's own, for authority staff)." })
  authority?: string;

  @Field(() => String, { nullable: true, description: "A provider id (default: the caller's own, for provider staff)." })
  provider?: string;

  @Field(() => Date, { nullable: true, description: 'Judge overdue at this instant (default now).' })
  asOf?: Date;

  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

/** An authority's override of a configurable rule. */
@ObjectType()
export class RuleOverride {
  @Field(() => String) authority!: string;
  @Field(() => String) ruleId!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Int, { nullable: true }) count?: number | null;
  @Field(() => String) updatedBy!: string;
  @Field(() => Date) updatedAt!: Date;
}

const LA_ROLES = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;

const toOverride = (r: RuleOverrideEntity) => Object.assign(new RuleOverride(), { authority: r.org, ruleId: r.ruleId, enabled: r.enabled, count: r.count ?? null, updatedBy: r.updatedBy, updatedAt: r.updatedAt });

/** The ledger across children: Query.overdue, and the authorities' rule overrides. */
@Resolver(() => Deadline)
export class DeadlineResolver {
  @FieldResolver(() => Child)
  child(@Root() d: Deadline): Child {
    return childRef(d.childId);
  }

  @Query(() => DeadlineConnection, { description: 'Unmet deadlines due before asOf (default now), by due instant, within the caller\'s access.' })
  async overdue(@Args() args: OverdueArgs, @Ctx() ctx: PlansContext) {
    const size = pageSize(args.first);
    const p = ctx.principal;
    const asOf = args.asOf ?? hubNow();
    const qb = ctx.em.createQueryBuilder(DeadlineEntity, 'd')
      .where({ metAt: null, notApplicable: false, dueAt: { $lt: asOf } });
    // Scope: an authority its own children; a provider the children placed with it now; an IRO their caseload.
    if (hasRole(p, ...LA_ROLES)) {
      if (args.authority && args.authority !== p.org) throw new ForbiddenError("only your own authority's deadlines", { field: 'authority' });
      qb.andWhere({ placingAuthority: p.org });
      if (args.provider) qb.andWhere({ providerId: args.provider });
    } else if (hasRole(p, 'PROVIDER_STAFF', 'PROVIDER_MANAGER')) {
      if (args.provider && args.provider !== p.org) throw new ForbiddenError("only your own organisation's deadlines", { field: 'provider' });
      qb.andWhere({ providerId: p.org });
      qb.andWhere('exists (select 1 from plans.placement_fact pf where pf.child_id = d.child_id and pf.provider_id = ? and pf.ended_at is null)', [p.org]);
      if (args.authority) qb.andWhere({ placingAuthority: args.authority });
    } else if (hasRole(p, 'IRO')) {
      qb.andWhere('exists (select 1 from plans.child_access ca where ca.child_id = d.child_id::text and ca.iro_sub = ?)', [p.sub]);
      if (args.authority) qb.andWhere({ placingAuthority: args.authority });
      if (args.provider) qb.andWhere({ providerId: args.provider });
    } else {
      throw new ForbiddenError('your role may not read case deadlines');
    }
    const countQb = qb.clone();
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ['instant', 'uuid']);
      qb.andWhere('(d.due_at, d.id) > (?, ?)', [new Date(at), id]);
    }
    const [rows, total] = await Promise.all([
      qb.orderBy({ dueAt: 'asc', id: 'asc' }).limit(size + 1).getResultList(),
      countQb.getCount(),
    ]);
    const page = rows.slice(0, size);
    for (const r of page) ctx.audit.note('READ', r.childId, 'Query.overdue');
    const edges = page.map((r) => ({ cursor: encodeCursor(`${r.dueAt!.toISOString()}|${r.id}`), node: toDeadline(r, asOf) }));
    return {
      edges, totalCount: total,
      pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: Boolean(args.after), startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }

  @Query(() => [RuleOverride], { description: "An authority's overrides of configurable rules." })
  async ruleOverrides(@Arg('authority', () => String, maxLengthArg('authority', 40)) authority: string, @Ctx() ctx: PlansContext): Promise<RuleOverride[]> {
    const p = ctx.principal;
    if (!hasRole(p, 'ADMIN') && !(hasRole(p, ...LA_ROLES) && p.org === authority)) throw new ForbiddenError("only the authority's staff or an administrator");
    return (await ctx.em.find(RuleOverrideEntity, { org: authority }, { orderBy: { ruleId: 'asc' } })).map(toOverride);
  }

  @Mutation(() => RuleOverride, { description: 'Switches off or re-times a LOCAL / NAT-GUID rule for an authority (ADMIN, or its SERVICE_MANAGER). NAT-REG rules are refused.' })
  async setRuleOverride(
    @Arg('authority', () => String, maxLengthArg('authority', 40)) authority: string,
    @Arg('ruleId', () => String, maxLengthArg('ruleId', 40)) ruleId: string,
    @Arg('enabled', () => Boolean, { nullable: true }) enabled: boolean | undefined,
    @Arg('count', () => Int, { nullable: true }) count: number | undefined,
    @Ctx() ctx: PlansContext,
  ): Promise<RuleOverride> {
    const p = ctx.principal;
    if (!hasRole(p, 'ADMIN') && !(hasRole(p, 'SERVICE_MANAGER') && p.org === authority)) {
      throw new ForbiddenError("rule overrides are set by an administrator or the authority's service manager", { requiredRoles: ['ADMIN', 'SERVICE_MANAGER'] });
    }
    if (!isImplementedRuleId(ruleId)) throw new InputError(`unknown rule ${ruleId}`, { field: 'ruleId', reason: 'UNKNOWN_RULE' });
    const o = { ruleId, ...(enabled !== undefined && enabled !== null ? { enabled } : {}), ...(count !== undefined && count !== null ? { count } : {}) };
    try {
      validateOverrides([o]);
    } catch (e) {
      const reason = RULES[ruleId].configurable ? 'INVALID_OVERRIDE' : 'RULE_NOT_CONFIGURABLE';
      throw new InputError((e as Error).message, { field: 'ruleId', reason, ruleId });
    }
    return ctx.transactional(async (em) => {
      const row = (await em.findOne(RuleOverrideEntity, { org: authority, ruleId })) ?? em.create(RuleOverrideEntity, { org: authority, ruleId, updatedBy: p.sub });
      row.enabled = o.enabled ?? true;
      row.count = o.count ?? null;
      row.updatedBy = p.sub;
      row.updatedAt = hubNow();
      em.persist(row);
      return toOverride(row);
    });
  }
}
