import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity';
import type { ServiceContext } from '../context';
import { ForbiddenError } from '../graphql/errors';
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

/**
 * Builds this service's part of the federated `ChildAccessLog` entity: every service audits its own reads and
 * writes, and contributes them as a field named after itself (`children`, `plans`, `reviews`, `notifications`).
 * The owner (`children`) also serves `Query.accessLog(childId)`.
 * @param service - the service name, used as the field name
 * @param owner - whether this service owns the entity and the query
 * @returns the resolver classes and the reference resolver to register
 */
export function accessLogModule(service: 'children' | 'plans' | 'reviews' | 'notifications', owner: boolean) {
  @Directive('@key(fields: "childId")')
  @ObjectType('ChildAccessLog', { description: "Who read or changed a child's record, from every service." })
  class ChildAccessLog {
    @Field(() => ID)
    childId!: string;
  }

  @Resolver(() => ChildAccessLog)
  class AccessLogFieldResolver {
    @FieldResolver(() => [AuditLine], { name: service, description: `Audit lines written by the ${service} service, newest first.` })
    async entries(@Root() log: ChildAccessLog, @Ctx() ctx: ServiceContext): Promise<AuditLine[]> {
      await assertMayReadAccessLog(ctx, log.childId);
      const rows = await ctx.em.find(AuditEntry, { childId: log.childId }, { orderBy: { at: 'desc' }, limit: 500 });
      return rows.map((r) => Object.assign(new AuditLine(), r));
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
    resolvers: owner ? ([AccessLogFieldResolver, AccessLogQueryResolver] as const) : ([AccessLogFieldResolver] as const),
    references: {
      ChildAccessLog: {
        __resolveReference: async (ref: { childId: string }, ctx: ServiceContext) => {
          await assertMayReadAccessLog(ctx, ref.childId);
          return Object.assign(new ChildAccessLog(), { childId: ref.childId });
        },
      },
    },
  };
}
