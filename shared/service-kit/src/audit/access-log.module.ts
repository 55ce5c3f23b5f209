import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity';
import type { ServiceContext } from '../context';
import { ForbiddenError, InputError } from '../graphql/errors';
import { hasRole } from '../auth/principal';

/** One audit line as managers see it (a value type every service declares, so shareable). */
@Directive('@shareable')
@ObjectType()
export class AuditLine {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'READ or WRITE.' })
  action!: string;

  @Field(() => String)
  sub!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String)
  org!: string;

  @Field(() => String, { nullable: true })
  operation?: string | null;

  @Field(() => [String])
  fields!: string[];

  @Field(() => String)
  requestId!: string;

  @Field(() => String)
  service!: string;
}

/**
 * Only managers of the child's own authority may read who accessed the child's record.
 * @param ctx - request context
 * @param childId - the child
 */
export async function assertMayReadAccessLog(ctx: ServiceContext, childId: string): Promise<void> {
  const relation = await ctx.relationTo(childId);
  if (relation !== 'AUTHORITY' || !hasRole(ctx.principal, 'TEAM_MANAGER', 'SERVICE_MANAGER', 'DESIGNATED_MANAGER')) {
    throw new ForbiddenError("only managers of the child's authority may read the access log", { childId });
  }
}

/** Every service that audits reads and writes of a child's record, in the order the hub lists them. */
export const AUDITING_SERVICES = ['children', 'plans', 'reviews', 'notifications'] as const;
export type AuditingService = (typeof AUDITING_SERVICES)[number];

/** How many lines each service contributes, and the most `entries` returns. */
export const ACCESS_LOG_LIMIT = 500;

const LINE_FIELDS = 'at action sub roles org operation fields requestId service';

/** Lines from a representation (dates arrive as strings) or from this service's own rows. */
function toLines(raw: ReadonlyArray<Partial<AuditLine>> | null | undefined): AuditLine[] {
  return (raw ?? []).map((r) => Object.assign(new AuditLine(), r, { at: new Date(r.at as Date | string) }));
}

/**
 * Newest first across services; lines of the same instant in a stable order (service, request id).
 * @param lists - each service's lines
 * @param first - how many to return
 * @returns the merged page
 */
export function mergeAccessLines(lists: AuditLine[][], first: number): AuditLine[] {
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.service.localeCompare(b.service) || a.requestId.localeCompare(b.requestId) || a.action.localeCompare(b.action))
    .slice(0, first);
}

/**
 * Builds this service's part of the federated `ChildAccessLog` entity: every service audits its own reads and
 * writes, and contributes them as a field named after itself (`children`, `plans`, `reviews`, `notifications`).
 * The owner (`children`) also serves `Query.accessLog(childId)` and `entries(first)`: every service's lines merged,
 * newest first (the other services' fields reach it through `@requires`, so the gateway gathers them first).
 * Register the returned `types` as orphaned types, so the entity is part of every service's schema.
 * @param service - the service name, used as the field name
 * @param owner - whether this service owns the entity, the query and the merged field
 * @returns the resolver classes, the types to register and the reference resolver
 */
export function accessLogModule(service: AuditingService, owner: boolean) {
  const others = AUDITING_SERVICES.filter((s) => s !== service);

  @Directive('@key(fields: "childId")')
  @ObjectType('ChildAccessLog', { description: "Who read or changed a child's record, from every service." })
  class ChildAccessLog {
    @Field(() => ID)
    childId!: string;

    /** The other services' lines, when the gateway sends them for `entries` (owner only). */
    [other: string]: unknown;
  }
  if (owner) {
    for (const other of others) {
      Directive('@external')(ChildAccessLog.prototype, other);
      Field(() => [AuditLine], { description: `Audit lines written by the ${other} service, newest first.` })(ChildAccessLog.prototype, other);
    }
  }

  @Resolver(() => ChildAccessLog)
  class AccessLogFieldResolver {
    @FieldResolver(() => [AuditLine], { name: service, description: `Audit lines written by the ${service} service, newest first.` })
    async lines(@Root() log: ChildAccessLog, @Ctx() ctx: ServiceContext): Promise<AuditLine[]> {
      await assertMayReadAccessLog(ctx, log.childId);
      const rows = await ctx.em.find(AuditEntry, { childId: log.childId }, { orderBy: { at: 'desc', id: 'desc' }, limit: ACCESS_LOG_LIMIT });
      return toLines(rows);
    }
  }

  @Resolver(() => ChildAccessLog)
  class AccessLogMergedResolver {
    @Directive(`@requires(fields: "${others.map((o) => `${o} { ${LINE_FIELDS} }`).join(' ')}")`)
    @FieldResolver(() => [AuditLine], {
      description: `Every service's audit lines for the child, newest first: who read or changed the record, through which service and operation (at most ${ACCESS_LOG_LIMIT}).`,
    })
    async entries(
      @Root() log: ChildAccessLog,
      @Arg('first', () => Int, { defaultValue: 100 }) first: number,
      @Ctx() ctx: ServiceContext,
    ): Promise<AuditLine[]> {
      if (!Number.isInteger(first) || first < 1 || first > ACCESS_LOG_LIMIT) {
        throw new InputError(`first must be between 1 and ${ACCESS_LOG_LIMIT}`, { field: 'first', reason: 'OUT_OF_RANGE' });
      }
      const own = await new AccessLogFieldResolver().lines(log, ctx);
      return mergeAccessLines([own, ...others.map((o) => toLines(log[o] as AuditLine[] | undefined))], first);
    }
  }

  @Resolver()
  class AccessLogQueryResolver {
    @Query(() => ChildAccessLog, { nullable: true, description: "The child's access log (managers of the owning authority)." })
    async accessLog(@Arg('childId', () => ID) childId: string, @Ctx() ctx: ServiceContext): Promise<ChildAccessLog> {
      await assertMayReadAccessLog(ctx, childId);
      return Object.assign(new ChildAccessLog(), { childId });
    }
  }

  return {
    resolvers: owner
      ? ([AccessLogFieldResolver, AccessLogMergedResolver, AccessLogQueryResolver] as const)
      : ([AccessLogFieldResolver] as const),
    types: [ChildAccessLog] as const,
    references: {
      ChildAccessLog: {
        __resolveReference: async (ref: { childId: string } & Record<string, unknown>, ctx: ServiceContext) => {
          await assertMayReadAccessLog(ctx, ref.childId);
          const log = Object.assign(new ChildAccessLog(), { childId: ref.childId });
          // The other services' lines, gathered by the gateway for `entries` (@requires).
          if (owner) for (const o of others) if (Array.isArray(ref[o])) log[o] = ref[o];
          return log;
        },
      },
    },
  };
}
