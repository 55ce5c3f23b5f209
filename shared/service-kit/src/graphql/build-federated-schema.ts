import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { DateTimeScalar } from './scalars';
import { collectTextIds, guardInputs } from './input-guard';

/** A `__resolveReference` map keyed by type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (ref: never, ctx: never, info: never) => unknown }>;

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3",
  import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@interfaceObject"])`;

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes. Input is checked before any resolver runs:
 * class-validator constraints on input classes (`@MaxLength`...), and the hub's own checks on every argument and
 * `_entities` representation (UUID ids, no NUL characters, known entity types; see `guardInputs`).
 * @param options - type-graphql build options (resolvers, orphanedTypes, authChecker…)
 * @param references - reference resolvers for the entities this subgraph resolves
 * @returns the executable subgraph schema
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    scalarsMap: [
      { type: Date, scalar: DateTimeScalar },
      ...(options.scalarsMap ?? []),
    ],
    validate: { forbidUnknownValues: false },
    skipCheck: true,
  });
  const textIds = collectTextIds(schema);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, ref] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...ref };
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as never,
  });
  return guardInputs(subgraph, textIds);
}

/**
 * The SDL a subgraph publishes for composition (what `_service { sdl }` returns).
 * @param schema - the subgraph schema
 * @returns the SDL text
 */
export function subgraphSdl(schema: GraphQLSchema): string {
  const sdlField = schema.getQueryType()?.getFields()._service;
  if (!sdlField) throw new Error('not a subgraph schema');
  return printSchemaWithDirectives(schema);
}
