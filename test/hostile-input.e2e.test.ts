/**
 * Hostile input, generated from the schema: every Query and Mutation field of the composed API (through the
 * gateway) and of each subgraph (straight at it, `_entities` included) receives generated hostile values for its
 * argument types. Every answer must be HTTP < 500, JSON, with every error carrying a known client code (never
 * INTERNAL_SERVER_ERROR, never a value the database had to refuse), and the connection must not drop. The
 * generator is seeded, so a failure reproduces.
 */
import fc from 'fast-check';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema,
  IntrospectionQuery, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
} from 'graphql';
import { bearer, gql } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

jest.setTimeout(180_000);

const SEED = 20261127;
const SAMPLES_PER_FIELD = 6;
const ENTITY_SAMPLES_PER_SUBGRAPH = 40;
const CONCURRENCY = 6;

/** Codes a client may be given for bad input. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'RULE_NOT_APPLICABLE', 'CALENDAR_HORIZON',
  'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'DEPTH_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED', 'TOKEN_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED',
  'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'PERSISTED_QUERY_REQUIRED',
]);

const UUID = '5b1c2a34-9f0e-4d6b-8a7c-1e2f3a4b5c6d';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

// ---- hostile values per type ------------------------------------------------------------------------------

const hostileString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u0000'.repeat(40), 'x'.repeat(101), 'x'.repeat(5_000), 'x'.repeat(60_000)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  fc.constantFrom('\ud800', '\udfff abc', '🧒🏽'.repeat(60), 'é'.repeat(120), '\u202e\u200b', "' or 1=1 --", '%00', '\\u0000', '${x}', '<script>'),
  fc.constantFrom('2026-02-30', '2026-11-31', '0000-01-01', '1000-06-01', '9999-12-31', '2026-13-01', '2026-1-1', '2026-02-30T10:00:00Z'),
  fc.constantFrom(b64('c:'), b64(`c:${'-'.repeat(36)}`), b64('c:0000-01-01T00:00:00.000Z|x'), b64(`c:2026-02-30T00:00:00.000Z|${UUID}`), 'not base64!', b64(`c:${UUID}\u0000`), 'A'.repeat(10_000)),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => `${s}\u0000`),
);

const hostileId = fc.oneof(
  fc.constantFrom('-'.repeat(36), 'a'.repeat(36), 'g'.repeat(36), '', '0', `${UUID}\u0000`, `${UUID} `, UUID.toUpperCase().replace(/-/g, ''), 'x'.repeat(100_000)),
  fc.constantFrom(0, -1, 2 ** 53, 1.5),
  fc.uuid().map((u) => u.replace(/-/g, '-').slice(0, 35)),
  hostileString,
);

const hostileInt = fc.oneof(
  fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 1.5, -0.0001),
  fc.constantFrom('NaN', 'Infinity', '1', '', true, [], {}),
  fc.integer(),
);

const hostileFloat = fc.oneof(hostileInt, fc.double({ noNaN: true }), fc.constantFrom('NaN', '-Infinity'));
const hostileBoolean = fc.constantFrom('true', 1, 0, '', null, [], {});
const hostileDateTime = fc.oneof(
  fc.constantFrom(
    '2026-02-30T10:00:00Z', '2026-11-31T10:00:00Z', '0000-01-01T00:00:00Z', '1000-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
    '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-01T10:00:00+25:00', '2026-01-01T10:00:00', '2026-01-01', '',
    'now', '+275760-09-13T00:00:00Z', '2026-01-01T10:00:00\u0000Z',
  ),
  fc.constantFrom(0, 1e13, -1, true),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const hostileEnum = (values: string[]) => fc.oneof(fc.constantFrom('NOPE', '', 'x'.repeat(500), 1, '\u0000'), fc.constantFrom(...values.map((v) => v.toLowerCase())));

function nested(depth: number): unknown {
  return depth === 0 ? 'bottom' : { deeper: nested(depth - 1), list: [nested(0)] };
}

/** A value the schema accepts, to let a hostile sibling reach the resolver. */
function plausible(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, depth);
  if (isListType(type)) return [plausible(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0].value ?? type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && depth < 4) out[f.name] = plausible(f.type, depth + 1);
    }
    return out;
  }
  switch (getNamedType(type).name) {
    case 'ID': return UUID;
    case 'Int': return 1;
    case 'Float': return 1.5;
    case 'Boolean': return true;
    case 'DateTime': return '2026-11-02T09:00:00Z';
    case 'Date': return '2026-11-02';
    default: return 'x';
  }
}

function hostile(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 9, arbitrary: hostile(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) {
    const item = hostile(type.ofType, depth);
    return fc.oneof(
      fc.array(item, { minLength: 1, maxLength: 4 }),
      item.map((v) => Array.from({ length: 1_000 }, () => v)),
      item,
    );
  }
  if (isEnumType(type)) return hostileEnum(type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (depth > 3) return fc.constant(plausible(type));
    return fc.oneof(
      // every field hostile
      fc.tuple(...fields.map((f) => hostile(f.type, depth + 1))).map((vals) => Object.fromEntries(fields.map((f, i) => [f.name, vals[i]]))),
      // one field hostile, the rest plausible
      fc.nat({ max: fields.length - 1 }).chain((i) => hostile(fields[i].type, depth + 1).map((v) => ({ ...(plausible(type) as object), [fields[i].name]: v }))),
      // wrong shapes: deep nesting under an unknown field, a scalar, a list
      fc.constantFrom(nested(60), 'object expected', [plausible(type)], { ...(plausible(type) as object), unknownField: 1 }),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return hostileId;
      case 'String': return hostileString;
      case 'Int': return hostileInt;
      case 'Float': return hostileFloat;
      case 'Boolean': return hostileBoolean;
      case 'DateTime': return hostileDateTime;
      case 'Date': return fc.oneof(hostileDateTime, hostileString);
      default: return fc.oneof(hostileString, hostileInt, fc.constant({ $gt: '' }));
    }
  }
  return fc.constant(null);
}

// ---- operations -------------------------------------------------------------------------------------------

interface Input {
  target: string;
  url: string;
  query: string;
  variables: Record<string, unknown>;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} Hostile(${vars}) { ${field.name}(${args})${selection} }`;
}

function inputsFor(schema: GraphQLSchema, target: string, url: string, rng: number): Input[] {
  const out: Input[] = [];
  for (const kind of ['query', 'mutation'] as const) {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.args.length === 0 || field.name === '_entities') continue;
      const args = field.args;
      // Each sample: one argument hostile and the others plausible, or all of them hostile.
      const sample = fc.oneof(
        fc.nat({ max: args.length - 1 }).chain((i) => hostile(args[i].type).map((v) => Object.fromEntries(args.map((a, j) => [a.name, j === i ? v : plausible(a.type)])))),
        fc.tuple(...args.map((a) => hostile(a.type))).map((vals) => Object.fromEntries(args.map((a, i) => [a.name, vals[i]]))),
      );
      for (const variables of fc.sample(sample, { seed: rng + out.length, numRuns: SAMPLES_PER_FIELD })) {
        out.push({ target, url, query: operationFor(kind, field), variables });
      }
    }
  }
  return out;
}

function entityInputs(schema: GraphQLSchema, target: string, url: string, rng: number): Input[] {
  const entityNames = (schema.getType('_Entity') as { getTypes?: () => Array<{ name: string }> } | undefined)?.getTypes?.().map((t) => t.name) ?? [];
  const typename = fc.oneof(fc.constantFrom(...entityNames, 'Nope', 'Query', '__Schema', '', '\u0000'), fc.constantFrom(1, null, {}, []));
  const keyValue = fc.oneof(hostileId, fc.constantFrom(null, {}, [], { $gt: '' }, 12));
  const representation = fc.oneof(
    fc.record({ __typename: typename, id: keyValue }, { requiredKeys: [] }),
    fc.record({ __typename: typename, code: keyValue, childId: keyValue }, { requiredKeys: ['__typename'] }),
    fc.constantFrom('Child', 1, true, [], [{ __typename: 'Child', id: UUID }], nested(40)),
  );
  const query = 'query Entities($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
  return fc.sample(fc.array(representation, { minLength: 1, maxLength: 3 }), { seed: rng, numRuns: ENTITY_SAMPLES_PER_SUBGRAPH })
    .map((r) => ({ target: `${target}._entities`, url, query, variables: { r } }));
}

async function introspect(url: string, authorization: string): Promise<GraphQLSchema> {
  const r = await gql<IntrospectionQuery>(url, getIntrospectionQuery(), {}, authorization);
  if (!r.data) throw new Error(`introspection of ${url} failed: ${JSON.stringify(r.errors)}`);
  return buildClientSchema(r.data);
}

/** Why an answer is bad, or null when it is a proper client answer. */
async function judge(input: Input, authorization: string): Promise<string | null> {
  let res: Awaited<ReturnType<typeof gql>>;
  try {
    res = await gql(input.url, input.query, input.variables, authorization);
  } catch (e) {
    return `no JSON answer / connection dropped: ${(e as Error).message}`;
  }
  if (res.status >= 500) return `HTTP ${res.status}: ${JSON.stringify(res.errors)?.slice(0, 300)}`;
  for (const err of res.errors ?? []) {
    const code = err.extensions?.code as string | undefined;
    if (!code || !CLIENT_CODES.has(code)) return `code ${code ?? 'none'}: ${err.message.slice(0, 200)}`;
    if (err.extensions?.reason === 'DATA_EXCEPTION') return `reached the database unchecked: ${err.message.slice(0, 200)}`;
  }
  return null;
}

describe('hostile input', () => {
  let hub: Hub;
  // A caller with every role of an authority, so input gets past authorisation and reaches the resolvers.
  const everything = bearer(['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM', 'IRO', 'ADMIN', 'OPS'] as never, 'LA-NORTH', 'hostile-caller');

  beforeAll(async () => {
    hub = await startHub({ label: 'hostile' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('answers every generated hostile input with a coded client error, through the gateway and at each subgraph', async () => {
    const inputs: Input[] = [];
    const gatewaySchema = await introspect(hub.url, everything);
    inputs.push(...inputsFor(gatewaySchema, 'gateway', hub.url, SEED));
    for (const [name, sg] of Object.entries(hub.subgraphs)) {
      const schema = await introspect(sg.url, everything);
      inputs.push(...inputsFor(schema, name, sg.url, SEED + name.length * 1_000));
      inputs.push(...entityInputs(schema, name, sg.url, SEED + name.length));
    }

    const bad: string[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++];
        const why = await judge(input, everything);
        if (why) bad.push(`${input.target} ${input.query.slice(0, 120)} ${JSON.stringify(input.variables).slice(0, 200)}\n    -> ${why}`);
      }
    }));

    console.log(`${inputs.length} inputs, ${bad.length} bad answers${bad.length ? `\n${bad.slice(0, 25).join('\n')}` : ''}`);
    expect(inputs.length).toBeGreaterThanOrEqual(500);
    expect(bad).toEqual([]);

    // The gateway is healthy afterwards and answers a normal query.
    const health = await fetch(new URL('/healthcheck', hub.url));
    expect(health.status).toBe(200);
    const normal = await hub.query('{ authorities { code } }', {}, everything);
    expect(normal.errors).toBeUndefined();
    expect(Array.isArray(normal.data?.authorities)).toBe(true);
  });
});
