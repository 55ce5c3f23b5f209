import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from './connection';

const UUID = '5b1c2a34-9f0e-4d6b-8a7c-1e2f3a4b5c6d';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

function refused(cursor: unknown, shape: Parameters<typeof decodeCursor>[1]): boolean {
  try {
    decodeCursor(cursor as string, shape);
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    expect((e as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', field: 'after' });
    return true;
  }
}

describe('cursors', () => {
  it('round-trips the keys the services use', () => {
    expect(decodeCursor(encodeCursor(UUID), ['uuid'])).toEqual([UUID]);
    const at = '2026-11-02T09:00:00.000Z';
    expect(decodeCursor(encodeCursor(`${at}|${UUID}`), ['instant', 'uuid'])).toEqual([at, UUID]);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a b+c/'],
    ['no prefix', b64(UUID)],
    ['prefix only', b64('c:')],
    ['a fake UUID', b64(`c:${'-'.repeat(36)}`)],
    ['SQL', b64("c:' or 1=1 --")],
    ['a NUL', b64(`c:${UUID}\u0000`)],
    ['too long', 'A'.repeat(500)],
    ['a number', 42],
    ['a null', null],
  ])('refuses a uuid cursor that is %s', (_why, cursor) => {
    expect(refused(cursor, ['uuid'])).toBe(true);
  });

  it.each([
    ['missing the id', b64('c:2026-11-02T09:00:00.000Z')],
    ['an extra part', b64(`c:2026-11-02T09:00:00.000Z|${UUID}|x`)],
    ['an impossible instant', b64(`c:2026-02-30T09:00:00.000Z|${UUID}`)],
    ['year 0000', b64(`c:0000-01-01T00:00:00.000Z|${UUID}`)],
    ['a date that is not an ISO instant', b64(`c:Mon Nov 02 2026|${UUID}`)],
    ['parts swapped', b64(`c:${UUID}|2026-11-02T09:00:00.000Z`)],
    ['a uuid cursor', encodeCursor(UUID)],
  ])('refuses an instant|uuid cursor with %s', (_why, cursor) => {
    expect(refused(cursor, ['instant', 'uuid'])).toBe(true);
  });
});
