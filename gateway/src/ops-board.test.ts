import { decodeSession, encodeSession, mayActOnJobs } from './ops-board';

describe('the ops board session cookie', () => {
  const s = { sub: 'ops-1', org: 'HUB', roles: ['OPS'], exp: 2_000 };

  it('reads back what it signed until it expires', () => {
    const v = encodeSession('secret-a', s);
    expect(decodeSession('secret-a', v, 1_999)).toEqual(s);
    expect(decodeSession('secret-a', v, 2_000)).toBeUndefined();
  });

  it('refuses another key, a changed body, a missing signature and garbage', () => {
    const v = encodeSession('secret-a', s);
    expect(decodeSession('secret-b', v, 1_000)).toBeUndefined();
    const [, mac] = v.split('.');
    const forged = Buffer.from(JSON.stringify({ ...s, roles: ['OPS', 'ADMIN'] })).toString('base64url');
    expect(decodeSession('secret-a', `${forged}.${mac}`, 1_000)).toBeUndefined();
    expect(decodeSession('secret-a', v.split('.')[0], 1_000)).toBeUndefined();
    expect(decodeSession('secret-a', 'x.y', 1_000)).toBeUndefined();
    expect(decodeSession('secret-a', undefined, 1_000)).toBeUndefined();
  });

  it('acting on jobs needs OPS with ADMIN', () => {
    expect(mayActOnJobs(['OPS'])).toBe(false);
    expect(mayActOnJobs(['ADMIN'])).toBe(false);
    expect(mayActOnJobs(['OPS', 'ADMIN'])).toBe(true);
  });
});
