import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TextId } from '@hub/service-kit';
import type { AuthorityEntity } from './authority.entity';
import type { ProviderEntity } from './provider.entity';

/** A local authority. */
@Directive('@key(fields: "code")')
@ObjectType()
export class Authority {
  @TextId()
  @Field(() => ID, { description: 'The authority code, e.g. LA-NORTH (the org claim of its staff).' })
  code!: string;

  @Field(() => String)
  name!: string;
}

/** A provider: a children's home, supported accommodation, or other. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Provider {
  @TextId()
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'CHILDRENS_HOME, SUPPORTED_ACCOMMODATION, FOSTERING_AGENCY, SECURE_CHILDRENS_HOME or OTHER.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Ofsted URN.' })
  urn?: string | null;

  @Field(() => String, { nullable: true, description: 'The host local authority (where the provision is).' })
  hostAuthority?: string | null;
}

/** Maps an authority row. @param e - entity @returns GraphQL type */
export function toAuthority(e: AuthorityEntity): Authority {
  return Object.assign(new Authority(), { code: e.code, name: e.name });
}

/** Maps a provider row. @param e - entity @returns GraphQL type */
export function toProvider(e: ProviderEntity): Provider {
  return Object.assign(new Provider(), { id: e.id, name: e.name, kind: e.kind, urn: e.urn ?? null, hostAuthority: e.hostAuthority ?? null });
}
