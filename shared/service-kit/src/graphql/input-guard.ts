import {
  defaultFieldResolver, getNamedType, GraphQLField, GraphQLFieldResolver, GraphQLInputType, GraphQLNamedType, GraphQLSchema,
  isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, Kind,
} from 'graphql';
import type { ArgOptions } from 'type-graphql';
import { Extensions } from 'type-graphql';
import { InputError } from './errors';
import { isUuid } from './scalars';

/**
 * The extension key that marks an `ID` whose values are not UUIDs (an authority code, a provider id, a token
 * subject). Read by {@link collectTextIds} from the type-graphql schema.
 */
const TEXT_ID = 'hubTextId';

/** The longest free text (notes, summaries, plan narrative) the hub accepts in one field. */
export const FREE_TEXT_MAX = 10_000;

/** The longest non-UUID identifier the hub accepts. */
export const MAX_TEXT_ID_LENGTH = 200;

/**
 * Marks an `ID` that is not a UUID. On a field or input field: that field. On a query or mutation: the named
 * arguments. Every other `ID` argument, input field and entity key must be a UUID.
 * @param args - on a resolver method, the `ID` arguments that hold text identifiers
 * @returns a type-graphql decorator
 * @example `@TextId() @Field(() => ID) code!: string;` or `@TextId('iroId') @Query(...) iroCaseload(...)`
 */
export function TextId(...args: string[]): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Extensions({ [TEXT_ID]: args.length ? args : true });
}

/**
 * Collects what {@link TextId} marked, as `Type.field` (fields and input fields) and `Type.field(arg)` (arguments).
 * Extensions do not survive the SDL round trip of federation, so they are read from the type-graphql schema.
 * @param schema - the type-graphql schema
 * @returns the marked coordinates
 */
export function collectTextIds(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInputObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const mark = (field.extensions as Record<string, unknown> | undefined)?.[TEXT_ID];
      if (mark === true) out.add(`${type.name}.${field.name}`);
      else if (Array.isArray(mark)) for (const a of mark) out.add(`${type.name}.${field.name}(${a})`);
    }
  }
  return out;
}

/**
 * An argument option that refuses a string longer than `max` with BAD_USER_INPUT reason `TOO_LONG` (for plain
 * `@Arg` strings; input classes use class-validator's `@MaxLength`).
 * @param field - the argument name, for the error
 * @param max - the column length
 * @returns options to spread into `@Arg(name, type, {...})`
 */
export function maxLengthArg(field: string, max: number): Pick<ArgOptions, 'validateFn'> {
  return {
    validateFn: (value: unknown) => {
      const list = Array.isArray(value) ? value : [value];
      for (const v of list) {
        if (typeof v === 'string' && v.length > max) {
          throw new InputError(`${field} is longer than ${max} characters`, { field, reason: 'TOO_LONG', maxLength: max });
        }
      }
    },
  };
}

function checkScalar(typeName: string, value: unknown, path: string, textId: boolean): void {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new InputError(`${path} contains a NUL character`, { field: path, reason: 'INVALID_CHARACTER' });
  }
  if (typeName !== 'ID') return;
  if (textId) {
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_ID_LENGTH || /\p{Cc}/u.test(value)) {
      throw new InputError(`${path} is not a valid identifier`, { field: path, reason: 'INVALID_ID' });
    }
  } else if (!isUuid(value)) {
    throw new InputError(`${path} must be a UUID`, { field: path, reason: 'INVALID_ID' });
  }
}

/**
 * Checks one coerced input value against its GraphQL type: every `ID` is a UUID (or, where marked, a text
 * identifier) and no string carries a NUL character (PostgreSQL refuses NUL in text), however deeply nested.
 * @param type - the argument or input field type
 * @param value - the coerced value
 * @param path - where it is, e.g. `input.socialWorker.name`
 * @param textIds - coordinates marked by {@link TextId}
 * @param coordinate - the schema coordinate of the value, to look up in textIds
 */
export function checkInputValue(type: GraphQLInputType, value: unknown, path: string, textIds: ReadonlySet<string>, coordinate: string): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return checkInputValue(inner.ofType, value, path, textIds, coordinate);
    value.forEach((item, i) => checkInputValue(inner.ofType, item, `${path}[${i}]`, textIds, coordinate));
    return;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(inner.getFields())) {
      const v = (value as Record<string, unknown>)[field.name];
      checkInputValue(field.type, v, `${path}.${field.name}`, textIds, `${inner.name}.${field.name}`);
    }
    return;
  }
  if (isScalarType(inner)) checkScalar(inner.name, value, path, textIds.has(coordinate));
}

function guardField(typeName: string, field: GraphQLField<unknown, unknown>, textIds: ReadonlySet<string>): void {
  if (field.args.length === 0) return;
  const check = (args: Record<string, unknown>) => {
    for (const arg of field.args) {
      checkInputValue(arg.type, args[arg.name], arg.name, textIds, `${typeName}.${field.name}(${arg.name})`);
    }
  };
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, ctx, info) => {
    check(args);
    return resolve(source, args, ctx, info);
  };
  if (field.subscribe) {
    const subscribe = field.subscribe;
    field.subscribe = (source, args, ctx, info) => {
      check(args);
      return subscribe(source, args, ctx, info);
    };
  }
}

/** The simple key fields of an entity type, from its `@key(fields: "...")` directives. */
function keyFieldSets(type: GraphQLNamedType): string[][] {
  const sets: string[][] = [];
  for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
    for (const d of node?.directives ?? []) {
      if (d.name.value !== 'key') continue;
      const arg = d.arguments?.find((a) => a.name.value === 'fields');
      if (arg?.value.kind === Kind.STRING) sets.push(arg.value.value.trim().split(/\s+/));
    }
  }
  return sets;
}

function badRepresentation(message: string, index: number): InputError {
  return new InputError(message, { field: `representations[${index}]`, reason: 'INVALID_REPRESENTATION' });
}

/**
 * Checks `_entities` representations before `@apollo/subgraph` resolves them: each is an object naming an entity
 * type of this subgraph in `__typename`, carrying one of its `@key` field sets with values of the right type.
 * @param schema - the subgraph schema
 * @param representations - what the caller sent
 * @param textIds - coordinates marked by {@link TextId}
 */
export function checkRepresentations(schema: GraphQLSchema, representations: unknown, textIds: ReadonlySet<string>): void {
  if (!Array.isArray(representations)) throw badRepresentation('representations must be a list', 0);
  representations.forEach((rep, i) => {
    if (rep === null || typeof rep !== 'object' || Array.isArray(rep)) throw badRepresentation('a representation must be an object', i);
    const typename = (rep as Record<string, unknown>).__typename;
    const type = typeof typename === 'string' ? schema.getType(typename) : undefined;
    const keys = type && (isObjectType(type) || isInterfaceType(type)) ? keyFieldSets(type) : [];
    if (!type || keys.length === 0) throw badRepresentation(`unknown entity type ${JSON.stringify(typename)?.slice(0, 80)}`, i);
    const fields = (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
    const usable = keys.find((set) => set.every((k) => fields[k] && (rep as Record<string, unknown>)[k] !== undefined && (rep as Record<string, unknown>)[k] !== null));
    if (!usable) throw badRepresentation(`a ${type.name} representation needs its key ${keys.map((s) => s.join(' ')).join(' or ')}`, i);
    for (const k of usable) {
      const v = (rep as Record<string, unknown>)[k];
      const named = getNamedType(fields[k].type);
      if (isScalarType(named) && (named.name === 'ID' || named.name === 'String') && typeof v !== 'string') {
        throw badRepresentation(`${type.name}.${k} must be a string`, i);
      }
      if (isScalarType(named) && named.name === 'Int' && !Number.isInteger(v)) throw badRepresentation(`${type.name}.${k} must be an integer`, i);
      if (!isScalarType(named)) throw badRepresentation(`${type.name}.${k} is not a usable key`, i);
      checkScalar(named.name, v, `representations[${i}].${k}`, textIds.has(`${type.name}.${k}`));
    }
  });
}

/**
 * Installs the hub's input checks on a built subgraph schema, before any resolver runs: every argument of every
 * field ({@link checkInputValue}) and every `_entities` representation ({@link checkRepresentations}). Failures are
 * BAD_USER_INPUT with a `reason` and the offending `field`.
 * @param schema - the subgraph schema (changed in place)
 * @param textIds - coordinates marked by {@link TextId}
 * @returns the same schema
 */
export function guardInputs(schema: GraphQLSchema, textIds: ReadonlySet<string>): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (type === schema.getQueryType() && field.name === '_entities') {
        const resolve = field.resolve ?? defaultFieldResolver;
        field.resolve = (source, args, ctx, info) => {
          checkRepresentations(schema, (args as { representations?: unknown }).representations, textIds);
          return resolve(source, args, ctx, info);
        };
        continue;
      }
      guardField(type.name, field, textIds);
    }
  }
  return schema;
}
