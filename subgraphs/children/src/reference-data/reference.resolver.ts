import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { InputError, maxLengthArg, requireRole } from '@hub/service-kit';
import type { ChildrenContext } from '../context';
import { AuthorityEntity } from './authority.entity';
import { ProviderEntity, PROVIDER_KINDS, ProviderKind } from './provider.entity';
import { Authority, Provider, toAuthority, toProvider } from './reference.types';

@InputType()
class ProviderInput {
  @MaxLength(40)
  @Field(() => String)
  id!: string;

  @MaxLength(200)
  @Field(() => String)
  name!: string;

  @MaxLength(40)
  @Field(() => String)
  kind!: string;

  @MaxLength(20)
  @Field(() => String, { nullable: true })
  urn?: string;

  @MaxLength(40)
  @Field(() => String, { nullable: true })
  hostAuthority?: string;
}

/** Reference data: authorities and providers (not case content: any signed-in caller may read it). */
@Resolver()
export class ReferenceDataResolver {
  @Query(() => [Authority])
  async authorities(@Ctx() ctx: ChildrenContext): Promise<Authority[]> {
    return (await ctx.em.find(AuthorityEntity, {}, { orderBy: { code: 'asc' } })).map(toAuthority);
  }

  @Query(() => [Provider])
  async providers(@Ctx() ctx: ChildrenContext): Promise<Provider[]> {
    return (await ctx.em.find(ProviderEntity, {}, { orderBy: { id: 'asc' } })).map(toProvider);
  }

  @Mutation(() => Authority, { description: 'ADMIN: create or rename an authority.' })
  async upsertAuthority(@Arg('code', () => String, maxLengthArg('code', 40)) code: string, @Arg('name', () => String, maxLengthArg('name', 200)) name: string, @Ctx() ctx: ChildrenContext): Promise<Authority> {
    requireRole(ctx.principal, ['ADMIN'], 'manage authorities');
    if (!/^[A-Z0-9-]{2,40}$/.test(code)) throw new InputError('authority codes are 2–40 of A–Z, 0–9 and -', { field: 'code', reason: 'INVALID_CODE' });
    const row = await ctx.em.upsert(AuthorityEntity, { code, name });
    return toAuthority(row);
  }

  @Mutation(() => Provider, { description: 'ADMIN: create or change a provider.' })
  async upsertProvider(@Arg('input', () => ProviderInput) input: ProviderInput, @Ctx() ctx: ChildrenContext): Promise<Provider> {
    requireRole(ctx.principal, ['ADMIN'], 'manage providers');
    if (!/^[A-Z0-9-]{2,40}$/.test(input.id)) throw new InputError('provider ids are 2–40 of A–Z, 0–9 and -', { field: 'id', reason: 'INVALID_CODE' });
    if (!(PROVIDER_KINDS as readonly string[]).includes(input.kind)) throw new InputError(`unknown provider kind ${input.kind}`, { field: 'kind', reason: 'UNKNOWN_KIND' });
    const row = await ctx.em.upsert(ProviderEntity, {
      id: input.id, name: input.name, kind: input.kind as ProviderKind, urn: input.urn ?? null, hostAuthority: input.hostAuthority ?? null,
    });
    return toProvider(row);
  }
}
