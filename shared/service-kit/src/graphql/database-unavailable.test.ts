import { GraphQLError } from 'graphql';
import { createFormatError, databaseUnavailable } from './errors';

const log = { warn: () => undefined, error: () => undefined } as never;

describe('database unavailable: a coded, retryable error while PostgreSQL restarts', () => {
  it.each([
    ['a dropped connection', Object.assign(new Error('Connection terminated unexpectedly'), {})],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['an administrator shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a server starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['no pooled connection in time', new Error('Knex: Timeout acquiring a connection. The pool is probably full.')],
  ])('%s is SERVICE_UNAVAILABLE', (_what, err) => {
    expect(databaseUnavailable(err)).toBe(true);
    const formatted = createFormatError(log)({ message: err.message, path: ['x'] }, new GraphQLError(err.message, { originalError: err }));
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(formatted.message).not.toContain('127.0.0.1');
  });

  it.each([
    ['a data exception', Object.assign(new Error('value too long'), { code: '22001' })],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'Connection terminated'],
  ])('%s is not', (_what, err) => {
    expect(databaseUnavailable(err)).toBe(false);
  });
});
