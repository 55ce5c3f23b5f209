import { Args, Ctx, Field, ObjectType, Mutation, Query, Resolver } from 'type-graphql';
import { InputError, recordEvent, requireRole } from '@hub/service-kit';
import type { NotificationsContext } from '../context';
import { SetAuthorityEndpointArgs } from '../notification/notification.input';
import { AuthorityEndpointEntity } from './authority-endpoint.entity';
import { checkWebhookUrl, webhookPolicyFromEnv } from '../delivery/webhook-target';
import { recordOpsAction } from '../ops/ops-audit';

const webhookPolicy = webhookPolicyFromEnv(process.env);

/** Where an authority (or provider) receives notifications. The webhook secret is never returned. */
@ObjectType()
export class AuthorityEndpoint {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  webhookUrl?: string | null;

  @Field(() => Boolean)
  hasWebhookSecret!: boolean;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Date)
  updatedAt!: Date;
}

const toEndpoint = (e: AuthorityEndpointEntity): AuthorityEndpoint =>
  Object.assign(new AuthorityEndpoint(), { code: e.code, webhookUrl: e.webhookUrl ?? null, hasWebhookSecret: Boolean(e.webhookSecret), email: e.email ?? null, updatedAt: e.updatedAt });

async function validate(a: SetAuthorityEndpointArgs): Promise<void> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(a.code)) throw new InputError('code must be 1-64 letters, digits, - or _', { field: 'code', reason: 'INVALID_CODE' });
  if (a.webhookUrl) {
    if (!a.webhookSecret || a.webhookSecret.length < 16) {
      throw new InputError('a webhook needs a secret of at least 16 characters', { field: 'webhookSecret', reason: 'WEBHOOK_SECRET_REQUIRED' });
    }
    // https to a public address only (unless configured); checked again before every delivery.
    await checkWebhookUrl(a.webhookUrl, webhookPolicy);
  }
  if (a.email && !/^[^@\s]+@[^@\s]+$/.test(a.email)) throw new InputError('email is not an address', { field: 'email', reason: 'INVALID_EMAIL' });
}

/** ADMIN: the directory of authority endpoints (reference data). */
@Resolver(() => AuthorityEndpoint)
export class AuthorityEndpointResolver {
  @Query(() => [AuthorityEndpoint], { description: 'ADMIN and OPS: configured endpoints.' })
  async authorityEndpoints(@Ctx() ctx: NotificationsContext): Promise<AuthorityEndpoint[]> {
    requireRole(ctx.principal, ['ADMIN', 'OPS'], 'read notification endpoints');
    return (await ctx.em.find(AuthorityEndpointEntity, {}, { orderBy: { code: 'asc' } })).map(toEndpoint);
  }

  @Mutation(() => AuthorityEndpoint, { description: 'ADMIN: sets where an authority receives notifications (signed webhook and/or e-mail).' })
  async setAuthorityEndpoint(@Args() a: SetAuthorityEndpointArgs, @Ctx() ctx: NotificationsContext): Promise<AuthorityEndpoint> {
    requireRole(ctx.principal, ['ADMIN'], 'configure notification endpoints');
    await validate(a);
    const row = await ctx.transactional(async (em) => {
      const e = (await em.findOne(AuthorityEndpointEntity, { code: a.code })) ?? em.create(AuthorityEndpointEntity, { code: a.code });
      e.webhookUrl = a.webhookUrl || null;
      e.webhookSecret = a.webhookUrl ? a.webhookSecret! : null;
      e.email = a.email || null;
      em.persist(e);
      recordEvent(em, {
        type: 'AuthorityEndpointSet', aggregateType: 'AuthorityEndpoint', aggregateId: a.code,
        payload: { code: a.code, hasWebhook: Boolean(e.webhookUrl), hasEmail: Boolean(e.email) }, actor: ctx.principal,
      });
      // The ops audit: what the endpoint now is (never the secret).
      recordOpsAction(em, ctx.principal, ctx.requestId, { action: 'SET_ENDPOINT', target: a.code, scope: { webhookUrl: e.webhookUrl ?? null, email: e.email ?? null }, count: 1 });
      return e;
    });
    return toEndpoint(row);
  }
}
