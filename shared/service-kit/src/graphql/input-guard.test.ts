import 'reflect-metadata';
import { execute, GraphQLSchema, parse } from 'graphql';
import { MaxLength, ValidateNested } from 'class-validator';
import { Arg, Directive, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema } from './build-federated-schema';
import { maxLengthArg, TextId } from './input-guard';
import { createFormatError } from './errors';
import { createLogger } from '../logger';

@InputType()
class NoteInput {
  @MaxLength(10)
  @Field(() => String)
  text!: string;

  @Field(() => ID, { nullable: true })
  aboutId?: string;
}

@InputType()
class ThingInput {
  @Field(() => ID)
  id!: string;

  @MaxLength(5)
  @Field(() => String)
  name!: string;

  @ValidateNested()
  @Field(() => [NoteInput], { nullable: true })
  notes?: NoteInput[];
}

@Directive('@key(fields: "id")')
@ObjectType()
class Thing {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "code")')
@ObjectType()
class Office {
  @TextId()
  @Field(() => ID)
  code!: string;
}

let calls = 0;

@Resolver()
class ThingResolver {
  @Query(() => Thing, { nullable: true })
  thing(@Arg('id', () => ID) id: string): Thing {
    calls++;
    return { id };
  }

  @TextId('code')
  @Query(() => Office, { nullable: true })
  office(@Arg('code', () => ID) code: string): Office {
    calls++;
    return { code };
  }

  @Mutation(() => Thing)
  saveThing(@Arg('input', () => ThingInput) input: ThingInput, @Arg('memo', () => String, { nullable: true, ...maxLengthArg('memo', 3) }) _memo?: string): Thing {
    calls++;
    return { id: input.id };
  }
}

const UUID = '5b1c2a34-9f0e-4d6b-8a7c-1e2f3a4b5c6d';
let schema: GraphQLSchema;
const format = createFormatError(createLogger('test', 'silent'));

beforeAll(async () => {
  schema = await buildFederatedSchema(
    { resolvers: [ThingResolver], orphanedTypes: [Office] },
    {
      Thing: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Office: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
    } as never,
  );
});

async function run(query: string, variableValues: Record<string, unknown> = {}) {
  calls = 0;
  const r = await execute({ schema, document: parse(query), variableValues, contextValue: {} });
  const errors = (r.errors ?? []).map((e) => format(e.toJSON(), e));
  return { data: r.data, errors, calls };
}

describe('central input checks', () => {
  it('passes a UUID id to the resolver', async () => {
    const r = await run('query($id: ID!) { thing(id: $id) { id } }', { id: UUID });
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({ thing: { id: UUID } });
  });

  it.each([
    ['36 dashes', '-'.repeat(36)],
    ['36 hex digits', 'a'.repeat(36)],
    ['empty', ''],
    ['SQL', "' or 1=1 --"],
    ['a number as an id', '12'],
  ])('refuses an ID that is %s, before the resolver runs', async (_why, id) => {
    for (const q of [`query($id: ID!) { thing(id: $id) { id } }`, `{ thing(id: ${JSON.stringify(id)}) { id } }`]) {
      const r = await run(q, { id });
      expect(r.calls).toBe(0);
      expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: 'id' });
    }
  });

  it('accepts a marked text identifier and refuses a control character in it', async () => {
    expect((await run('{ office(code: "LA-NORTH") { code } }')).errors).toEqual([]);
    const r = await run('query($c: ID!) { office(code: $c) { code } }', { c: 'LA\u0007' });
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID' });
  });

  it('refuses a NUL character anywhere in the input, variables or literals, nested included', async () => {
    const nested = { id: UUID, name: 'ok', notes: [{ text: 'fine' }, { text: 'bad\u0000' }] };
    const r = await run('mutation($i: ThingInput!) { saveThing(input: $i) { id } }', { i: nested });
    expect(r.calls).toBe(0);
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER', field: 'input.notes[1].text' });
    const lit = await run(`mutation { saveThing(input: { id: "${UUID}", name: "a\\u0000b" }) { id } }`);
    expect(lit.errors[0].extensions).toMatchObject({ reason: 'INVALID_CHARACTER', field: 'input.name' });
  });

  it('checks IDs in nested input lists', async () => {
    const r = await run('mutation($i: ThingInput!) { saveThing(input: $i) { id } }', { i: { id: UUID, name: 'ok', notes: [{ text: 'x', aboutId: 'nope' }] } });
    expect(r.errors[0].extensions).toMatchObject({ reason: 'INVALID_ID', field: 'input.notes[0].aboutId' });
  });

  it('reports class-validator failures as BAD_USER_INPUT with the field paths and without the values', async () => {
    const r = await run('mutation($i: ThingInput!) { saveThing(input: $i) { id } }', { i: { id: UUID, name: 'toolong', notes: [{ text: 'x'.repeat(11) }] } });
    expect(r.calls).toBe(0);
    expect(r.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [{ field: 'name', constraints: ['maxLength'] }, { field: 'notes[0].text', constraints: ['maxLength'] }],
    });
    expect(JSON.stringify(r.errors)).not.toContain('toolong');
  });

  it('limits plain string arguments', async () => {
    const r = await run(`mutation { saveThing(input: { id: "${UUID}", name: "a" }, memo: "four") { id } }`);
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LONG', field: 'memo' });
  });
});

describe('_entities', () => {
  const Q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } ... on Office { code } } }';

  it('resolves well-formed representations', async () => {
    const r = await run(Q, { r: [{ __typename: 'Thing', id: UUID }, { __typename: 'Office', code: 'LA-NORTH' }] });
    expect(r.errors).toEqual([]);
    expect(r.data).toEqual({ _entities: [{ id: UUID }, { code: 'LA-NORTH' }] });
  });

  it.each([
    ['an unknown __typename', { __typename: 'Nope', id: UUID }],
    ['a non-entity type', { __typename: 'Query', id: UUID }],
    ['no __typename', { id: UUID }],
    ['a numeric __typename', { __typename: 7, id: UUID }],
    ['a missing key', { __typename: 'Thing' }],
    ['a null key', { __typename: 'Thing', id: null }],
    ['a key of the wrong type', { __typename: 'Thing', id: 12 }],
    ['an object as key', { __typename: 'Thing', id: { $gt: '' } }],
    ['a fake UUID', { __typename: 'Thing', id: '-'.repeat(36) }],
    ['a NUL in a text key', { __typename: 'Office', code: 'LA\u0000' }],
    ['a string', 'Thing'],
    ['a number', 1],
    ['a list', [{ __typename: 'Thing', id: UUID }]],
  ])('refuses %s with BAD_USER_INPUT', async (_why, rep) => {
    const r = await run(Q, { r: [{ __typename: 'Thing', id: UUID }, rep] });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(['INVALID_REPRESENTATION', 'INVALID_ID', 'INVALID_CHARACTER']).toContain(r.errors[0].extensions?.reason);
    expect(String(r.errors[0].extensions?.field)).toMatch(/^representations\[1\]/);
  });

  it('refuses malformed representations written as literals', async () => {
    const r = await run('{ _entities(representations: [{ __typename: "Nope" }, "x"]) { ... on Thing { id } } }');
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_REPRESENTATION' });
  });
});

describe('variables with many errors', () => {
  it('are BAD_USER_INPUT when graphql-js stops counting them', async () => {
    const many = Array.from({ length: 60 }, () => ({ text: 1, aboutId: {} }));
    const r = await run('mutation($i: ThingInput!) { saveThing(input: $i) { id } }', { i: { id: UUID, name: 'a', notes: many } });
    expect(r.calls).toBe(0);
    // (Apollo codes the per-variable errors itself; the error that ends the list is coded by formatError.)
    const last = r.errors.find((e) => e.message.startsWith('Too many errors'));
    expect(last?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ERRORS' });
  });
});
